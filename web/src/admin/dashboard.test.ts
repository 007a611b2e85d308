import { describe, expect, it } from 'vitest';
import type { Page } from './api';
import { collectSince, formatCount, sessionStats } from './dashboard';

interface Row {
  id: number;
  t: number;
  email: string | null;
}

/** A newest-first list served in pages of `size`, recording which cursors were asked for. */
function pager(rows: Row[], size: number) {
  const asked: (string | null)[] = [];
  const load = async (cursor: string | null): Promise<Page<Row>> => {
    asked.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const items = rows.slice(start, start + size);
    return { items, nextCursor: start + size < rows.length ? String(start + size) : null };
  };
  return { load, asked };
}

const rows: Row[] = Array.from({ length: 10 }, (_, i) => ({ id: i, t: 100 - i * 10, email: i % 3 === 0 ? `b${i}@x.test` : null }));

describe('collectSince', () => {
  it('Should stop at the first item older than the window without reading further pages', async () => {
    const { load, asked } = pager(rows, 3);
    const got = await collectSince(load, (r) => r.t, 65, 10);
    expect(got.items.map((r) => r.id)).toEqual([0, 1, 2, 3]);
    expect(got.complete).toBe(true);
    expect(asked).toEqual([null, '3']);
  });

  it('Should read to the end of a short list', async () => {
    const { load, asked } = pager(rows, 4);
    const got = await collectSince(load, (r) => r.t, 0, 10);
    expect(got.items).toHaveLength(10);
    expect(got.complete).toBe(true);
    expect(asked).toEqual([null, '4', '8']);
  });

  it('Should report an incomplete count when the page cap stops it', async () => {
    const { load, asked } = pager(rows, 2);
    const got = await collectSince(load, (r) => r.t, 0, 2);
    expect(got.items).toHaveLength(4);
    expect(got.complete).toBe(false);
    expect(asked).toHaveLength(2);
  });

  it('Should pass a loader failure through', async () => {
    await expect(collectSince(async () => Promise.reject(new Error('offline')), () => 0, 0, 3)).rejects.toThrow('offline');
  });
});

describe('stats', () => {
  it('Should count sessions and those saved with an email', () => {
    expect(sessionStats({ items: rows.slice(0, 4), complete: true })).toEqual({ active: 4, withEmail: 2, complete: true });
  });

  it('Should mark a capped count with a plus', () => {
    expect(formatCount(500, false)).toBe('500+');
    expect(formatCount(7, true)).toBe('7');
  });
});
