/**
 * Keyset pagination for the admin lists (newest first): the cursor is the last row's
 * `(time, id)`, so a page costs an index range scan however deep the admin pages, and rows
 * added meanwhile do not shift later pages.
 */
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as z from 'zod/mini';

export const DEFAULT_LIMIT = 25;
export const MAX_LIMIT = 100;

const CURSOR_RE = /^(\d{1,15})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export const pageQuery = {
  limit: z.optional(z.string().check(z.regex(/^\d{1,3}$/, 'Expected a whole number'), z.refine((s) => Number(s) >= 1 && Number(s) <= MAX_LIMIT, `From 1 to ${MAX_LIMIT}`))),
  cursor: z.optional(z.string().check(z.regex(CURSOR_RE, 'Not a cursor from this list'))),
};

export interface Page {
  limit: number;
  after: { time: number; id: string } | null;
}

export function readPage(q: { limit?: string | undefined; cursor?: string | undefined }): Page {
  const m = q.cursor ? CURSOR_RE.exec(q.cursor) : null;
  return { limit: q.limit ? Number(q.limit) : DEFAULT_LIMIT, after: m ? { time: Number(m[1]), id: m[2]! } : null };
}

/** The WHERE part and ORDER BY for "rows after the cursor, newest first". */
export function keyset(time: SQLiteColumn, id: SQLiteColumn, page: Page): { where: SQL | undefined; orderBy: SQL[] } {
  const where = page.after ? or(lt(time, page.after.time), and(eq(time, page.after.time), lt(id, page.after.id))) : undefined;
  return { where, orderBy: [desc(time), desc(id)] };
}

/** Trims the extra row fetched to learn whether another page exists. */
export function pageOf<T>(rows: T[], page: Page, key: (row: T) => { time: number; id: string }): { items: T[]; nextCursor: string | null } {
  if (rows.length <= page.limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, page.limit);
  const last = key(items[items.length - 1]!);
  return { items, nextCursor: `${last.time}_${last.id}` };
}
