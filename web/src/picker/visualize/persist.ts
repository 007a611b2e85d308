/**
 * Generated images remembered per buyer session in localStorage, one key per (session, photo):
 * the job's hash and the picks it was made with. On the next visit the picker asks `check`
 * about each hash before showing anything, so a deleted image is never shown broken.
 * Storage can be missing or throw (private browsing, quota): every access is best-effort.
 */
import type { Snapshot, Visualization } from './machine';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
}

export interface StoredVisualization {
  status: 'pending' | 'complete' | 'failed';
  hash: string;
  snapshot: Snapshot;
  url?: string;
  /** When the job started (pending only), so elapsed time and the give-up deadline survive a reload. */
  startedAt?: number;
  savedAt: number;
}

const PREFIX = 'finch.visualize.v1:';
/** Entries untouched this long are dropped (a buyer returning after a month starts clean). */
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export function storageKey(sessionId: string, photoId: string): string {
  return `${PREFIX}${sessionId}:${photoId}`;
}

/**
 * What to remember for a state: an entry, null to forget the photo, undefined to keep what is
 * stored (a request the server has not acknowledged yet cannot be resumed, so it changes nothing).
 */
export function toStored(state: Visualization, now: number): StoredVisualization | null | undefined {
  switch (state.status) {
    case 'idle':
      return null;
    case 'complete':
      return { status: 'complete', hash: state.result.hash, snapshot: state.result.snapshot, url: state.result.url, savedAt: now };
    case 'pending':
      if (state.hash === null) return undefined;
      return { status: 'pending', hash: state.hash, snapshot: state.snapshot, startedAt: state.startedAt, savedAt: now };
    case 'failed':
      if (state.hash === null) return undefined;
      return { status: 'failed', hash: state.hash, snapshot: state.snapshot, savedAt: now };
  }
}

function isSnapshot(value: unknown): value is Snapshot {
  return !!value && typeof value === 'object' && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string');
}

/** A stored entry, or null for anything missing, foreign or malformed. */
export function parseStored(raw: string | null): StoredVisualization | null {
  if (!raw) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (v.status !== 'pending' && v.status !== 'complete' && v.status !== 'failed') return null;
  if (typeof v.hash !== 'string' || !v.hash || !isSnapshot(v.snapshot)) return null;
  if (typeof v.savedAt !== 'number' || !Number.isFinite(v.savedAt)) return null;
  const entry: StoredVisualization = { status: v.status, hash: v.hash, snapshot: v.snapshot, savedAt: v.savedAt };
  if (typeof v.url === 'string') entry.url = v.url;
  if (typeof v.startedAt === 'number' && Number.isFinite(v.startedAt)) entry.startedAt = v.startedAt;
  return entry;
}

export function readStored(storage: StorageLike | null, sessionId: string, photoId: string, now: number): StoredVisualization | null {
  if (!storage) return null;
  try {
    const entry = parseStored(storage.getItem(storageKey(sessionId, photoId)));
    return entry && now - entry.savedAt <= MAX_AGE_MS ? entry : null;
  } catch {
    return null;
  }
}

export function writeStored(storage: StorageLike | null, sessionId: string, photoId: string, entry: StoredVisualization | null): void {
  if (!storage) return;
  try {
    if (entry) storage.setItem(storageKey(sessionId, photoId), JSON.stringify(entry));
    else storage.removeItem(storageKey(sessionId, photoId));
  } catch {
    // Full or blocked storage: the image still shows now, it just is not remembered.
  }
}

/** Drops this app's entries older than MAX_AGE_MS (any session) so storage does not grow forever. */
export function pruneStored(storage: StorageLike | null, now: number): number {
  if (!storage) return 0;
  try {
    const old: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      const entry = parseStored(storage.getItem(key));
      if (!entry || now - entry.savedAt > MAX_AGE_MS) old.push(key);
    }
    for (const key of old) storage.removeItem(key);
    return old.length;
  } catch {
    return 0;
  }
}

/** window.localStorage when usable (it throws on access in some locked-down browsers). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}
