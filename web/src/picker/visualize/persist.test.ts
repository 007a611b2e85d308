import { describe, expect, it } from 'vitest';
import { IDLE, type Visualization } from './machine';
import { MAX_AGE_MS, parseStored, pruneStored, readStored, storageKey, toStored, writeStored, type StorageLike } from './persist';
import { memoryStorage } from './test-fakes';

const snapshot = { counter: 'quartz' };
const now = 5_000_000_000;

describe('what is remembered', () => {
  it('Should remember complete images with their url and snapshot', () => {
    const state: Visualization = { status: 'complete', result: { hash: 'h1', url: '/media/h1.png', snapshot } };
    expect(toStored(state, now)).toEqual({ status: 'complete', hash: 'h1', url: '/media/h1.png', snapshot, savedAt: now });
  });

  it('Should remember accepted pending jobs with their start time, and failures with a hash', () => {
    const pending: Visualization = { status: 'pending', snapshot, hash: 'h2', startedAt: 42, previous: null, restoring: false };
    expect(toStored(pending, now)).toEqual({ status: 'pending', hash: 'h2', snapshot, startedAt: 42, savedAt: now });
    const failed: Visualization = { status: 'failed', snapshot, hash: 'h3', message: 'x', previous: null };
    expect(toStored(failed, now)).toEqual({ status: 'failed', hash: 'h3', snapshot, savedAt: now });
  });

  it('Should forget an idle photo and leave storage alone for requests the server has not acknowledged', () => {
    expect(toStored(IDLE, now)).toBeNull();
    expect(toStored({ status: 'pending', snapshot, hash: null, startedAt: 1, previous: null, restoring: false }, now)).toBeUndefined();
    expect(toStored({ status: 'failed', snapshot, hash: null, message: 'x', previous: null }, now)).toBeUndefined();
  });
});

describe('reading storage', () => {
  it('Should round-trip an entry under a key per session and photo', () => {
    const storage = memoryStorage();
    const entry = { status: 'complete' as const, hash: 'h1', url: '/media/h1.png', snapshot, savedAt: now };
    writeStored(storage, 's1', 'p1', entry);
    expect([...storage.data.keys()]).toEqual([storageKey('s1', 'p1')]);
    expect(readStored(storage, 's1', 'p1', now)).toEqual(entry);
    expect(readStored(storage, 's2', 'p1', now)).toBeNull();
    writeStored(storage, 's1', 'p1', null);
    expect(storage.data.size).toBe(0);
  });

  it('Should reject malformed or foreign entries', () => {
    for (const raw of [null, '', 'not json', '42', '{}', JSON.stringify({ status: 'done', hash: 'h', snapshot, savedAt: 1 }),
      JSON.stringify({ status: 'complete', hash: '', snapshot, savedAt: 1 }),
      JSON.stringify({ status: 'complete', hash: 'h', snapshot: { a: 1 }, savedAt: 1 }),
      JSON.stringify({ status: 'complete', hash: 'h', snapshot: ['x'], savedAt: 1 }),
      JSON.stringify({ status: 'complete', hash: 'h', snapshot }),
    ]) {
      expect(parseStored(raw)).toBeNull();
    }
  });

  it('Should ignore entries older than the maximum age', () => {
    const storage = memoryStorage();
    writeStored(storage, 's1', 'p1', { status: 'complete', hash: 'h1', url: '/x', snapshot, savedAt: now - MAX_AGE_MS - 1 });
    expect(readStored(storage, 's1', 'p1', now)).toBeNull();
  });

  it('Should prune only its own old or broken entries', () => {
    const storage = memoryStorage({ 'other-app': 'keep me' });
    writeStored(storage, 's1', 'old', { status: 'complete', hash: 'h', url: '/x', snapshot, savedAt: now - MAX_AGE_MS - 1 });
    writeStored(storage, 's1', 'new', { status: 'complete', hash: 'h', url: '/x', snapshot, savedAt: now });
    storage.setItem(storageKey('s1', 'broken'), '{oops');
    expect(pruneStored(storage, now)).toBe(2);
    expect([...storage.data.keys()].sort()).toEqual(['other-app', storageKey('s1', 'new')].sort());
  });

  it('Should survive a storage that throws (blocked or full)', () => {
    const hostile: StorageLike = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
      key: () => null,
      get length(): number {
        throw new Error('SecurityError');
      },
    };
    expect(readStored(hostile, 's', 'p', now)).toBeNull();
    expect(() => writeStored(hostile, 's', 'p', { status: 'failed', hash: 'h', snapshot, savedAt: now })).not.toThrow();
    expect(pruneStored(hostile, now)).toBe(0);
    expect(readStored(null, 's', 'p', now)).toBeNull();
  });
});
