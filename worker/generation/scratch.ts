/**
 * The scratch store a multi-pass provider keeps intermediate images in: R2 under
 * `{orgId}/tmp/{hash}/`, so a retried attempt can resume from the last pass it finds and
 * the pipeline can drop everything of one job with a prefix listing.
 */
import { isSafeKey } from '../lib/media';
import type { ImageBytes, ScratchStore } from './provider';

export const scratchPrefix = (orgId: string, hash: string) => `${orgId}/tmp/${hash}/`;

const MIME_TYPES = new Set<ImageBytes['mimeType']>(['image/jpeg', 'image/png', 'image/webp']);

export interface R2Scratch extends ScratchStore {
  /** Deletes every object of this job; returns how many there were. */
  clear(): Promise<number>;
}

export function createScratch(bucket: R2Bucket, orgId: string, hash: string): R2Scratch {
  const prefix = scratchPrefix(orgId, hash);
  const keyFor = (name: string) => {
    const key = prefix + name;
    if (!isSafeKey(key)) throw new Error('Unsafe scratch object name');
    return key;
  };
  return {
    async put(name, image) {
      await bucket.put(keyFor(name), image.bytes, { httpMetadata: { contentType: image.mimeType } });
    },
    async get(name) {
      const object = await bucket.get(keyFor(name));
      if (!object) return null;
      const type = object.httpMetadata?.contentType as ImageBytes['mimeType'] | undefined;
      const bytes = new Uint8Array(await object.arrayBuffer());
      return { bytes, mimeType: type && MIME_TYPES.has(type) ? type : 'image/png' };
    },
    async clear() {
      let removed = 0;
      let cursor: string | undefined;
      do {
        const page = await bucket.list({ prefix, cursor });
        if (page.objects.length) {
          await bucket.delete(page.objects.map((o) => o.key));
          removed += page.objects.length;
        }
        cursor = page.truncated ? page.cursor : undefined;
      } while (cursor);
      return removed;
    },
  };
}
