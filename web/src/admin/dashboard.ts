/**
 * Dashboard figures from the paged admin lists (there is no counting endpoint): pages are
 * read newest first until they pass the window or a page cap, so a busy org costs a bounded
 * number of requests and shows "500+" rather than loading everything. Pure apart from the
 * injected page loader.
 */
import type { Page } from './api';

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export interface Collected<T> {
  items: T[];
  /** False when the cap stopped the walk before the list (or the window) ended. */
  complete: boolean;
}

/**
 * Loads pages (newest first by `time`) until an item is older than `since`, the list ends,
 * or `maxPages` pages were read. Returns the items at or after `since`.
 */
export async function collectSince<T>(
  loadPage: (cursor: string | null) => Promise<Page<T>>,
  time: (item: T) => number,
  since: number,
  maxPages: number,
): Promise<Collected<T>> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page++) {
    const result: Page<T> = await loadPage(cursor);
    for (const item of result.items) {
      if (time(item) < since) return { items, complete: true };
      items.push(item);
    }
    if (!result.nextCursor) return { items, complete: true };
    cursor = result.nextCursor;
  }
  return { items, complete: false };
}

/** "42", or "500+" when the count stopped at a cap. */
export function formatCount(n: number, complete: boolean): string {
  return complete ? String(n) : `${n}+`;
}

export interface SessionStats {
  active: number;
  withEmail: number;
  complete: boolean;
}

export function sessionStats(collected: Collected<{ email: string | null }>): SessionStats {
  return {
    active: collected.items.length,
    withEmail: collected.items.filter((s) => Boolean(s.email)).length,
    complete: collected.complete,
  };
}
