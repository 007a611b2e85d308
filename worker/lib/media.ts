/** R2 keys are generated server-side and always start with the owning org's id. */
export const mediaUrl = (key: string | null | undefined): string | null => (key ? `/media/${key}` : null);

const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/** Rejects traversal, empty segments and anything we would never have generated. */
export function isSafeKey(key: string): boolean {
  return key.length <= 512 && SAFE_KEY.test(key) && !key.split('/').some((s) => s === '' || s === '.' || s === '..');
}

/** Our keys embed a UUID or a content hash, so the bytes behind a key never change. */
export function isContentAddressed(key: string): boolean {
  return /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{64}/.test(key);
}
