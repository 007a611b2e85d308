/**
 * Pure pieces of Visualize shared by the API, the queue consumer and the picker:
 * which picks a room photo shows, the cache hash, and swatch batching for Gemini.
 */
import type { PhotoSurface } from './surfaces';

/**
 * Bump when anything about how images are made changes (prompt wording, compositor
 * maths, model defaults): every cached image then misses and is made again.
 */
export const GENERATION_CACHE_VERSION = 'v2'; // v2: the room photo's object key is hashed in its own field

/** Gemini takes at most 14 images per call: the room plus 13 swatches. */
export const MAX_SWATCHES_PER_PASS = 13;

/** Stable JSON: object keys sorted at every level, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** Subcategories a photo shows, in the photo's surface order (back to front). */
export function photoSubcategoryIds(surfaces: PhotoSurface[]): string[] {
  const seen = new Set<string>();
  for (const s of surfaces) if (s.subcategoryId) seen.add(s.subcategoryId);
  return [...seen];
}

/** Only picks that the photo shows and that change appearance can change its image. */
export function scopeSelections(
  surfaces: PhotoSurface[],
  selections: Record<string, string>,
  isVisual: (subcategoryId: string) => boolean,
): Record<string, string> {
  const scoped: Record<string, string> = {};
  for (const id of photoSubcategoryIds(surfaces)) {
    const optionId = selections[id];
    if (optionId && isVisual(id)) scoped[id] = optionId;
  }
  return scoped;
}

/** What a chosen option contributes to the picture. */
export interface SwatchItem {
  subcategoryId: string;
  optionId: string;
  /** R2 key of the swatch image, or null when the option only has a colour. */
  swatchKey: string | null;
  swatchColor: string | null;
  descriptor: string | null;
}

export interface HashInput {
  stepPhotoId: string;
  /** The room photo's R2 key: a replaced photo gets a new key (keys are never reused). */
  imageKey: string;
  model: string;
  items: SwatchItem[];
  surfaces: PhotoSurface[];
  spatialHint: string | null;
  policy: Record<string, unknown> | null;
}

/** SHA-256 over everything that changes the image; two buyers with the same look share it. */
export async function generationHash(input: HashInput): Promise<string> {
  const body = canonicalJson({
    v: GENERATION_CACHE_VERSION,
    photo: input.stepPhotoId,
    image: input.imageKey,
    model: input.model,
    items: [...input.items].sort((a, b) => (a.subcategoryId < b.subcategoryId ? -1 : 1)),
    surfaces: input.surfaces,
    hint: input.spatialHint,
    policy: input.policy,
  });
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Splits swatch-bearing items into passes of at most `max`, in a deterministic order
 * (the photo's surface order), so "swatch #N" numbering is stable across retries.
 */
export function batchSwatches<T extends { subcategoryId: string }>(items: T[], order: string[], max = MAX_SWATCHES_PER_PASS): T[][] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const sorted = [...items].sort(
    (a, b) => (rank.get(a.subcategoryId) ?? Infinity) - (rank.get(b.subcategoryId) ?? Infinity) || (a.subcategoryId < b.subcategoryId ? -1 : 1),
  );
  const batches: T[][] = [];
  for (let i = 0; i < sorted.length; i += max) batches.push(sorted.slice(i, i + max));
  return batches;
}
