/** Display helpers for the admin pages. Pure; times are epoch milliseconds. */
import type { AdminRole } from './context';

const DATE_TIME = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDateTime(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) return '—';
  return DATE_TIME.format(ms);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago"; a date beyond a week; future times read "just now". */
export function formatRelative(ms: number, now: number): string {
  if (!Number.isFinite(ms)) return '—';
  const age = now - ms;
  if (age < MINUTE) return 'just now';
  if (age < HOUR) return `${Math.floor(age / MINUTE)} min ago`;
  if (age < DAY) return `${Math.floor(age / HOUR)} h ago`;
  if (age < 7 * DAY) {
    const days = Math.floor(age / DAY);
    return days === 1 ? 'yesterday' : `${days} days ago`;
  }
  return DATE.format(ms);
}

export const roleLabel = (role: AdminRole | null | undefined): string => (role === 'admin' ? 'Admin' : 'Viewer');

export const buyerLabel = (email: string | null | undefined): string => email || 'Anonymous buyer';

/** "1 upgrade", "3 upgrades". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Stops at whitespace and at characters that cannot end a URL in prose.
// Brackets too: unencoded they are not valid in a path, and redacted bodies read "host/[link hidden]".
const URL_RE = /https?:\/\/[^\s<>"'[\]]+/g;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/**
 * Splits plain text (an email body) into text and http(s) links, so links can be rendered
 * as anchors without ever injecting HTML. Sentence punctuation after a URL stays text.
 */
export function linkify(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_RE)) {
    let url = match[0];
    const trail = TRAILING.exec(url)?.[0] ?? '';
    if (trail) url = url.slice(0, -trail.length);
    // "https://" alone is not a link worth clicking.
    if (!/^https?:\/\/[^/\s]/.test(url)) continue;
    const start = match.index;
    if (start > last) out.push({ kind: 'text', text: text.slice(last, start) });
    out.push({ kind: 'link', text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/**
 * A link to this same site as an in-app path (so the router can follow it without a reload);
 * null for another origin or anything that is not a URL.
 */
export function sameOriginPath(href: string, origin: string): string | null {
  try {
    const url = new URL(href);
    if (url.origin !== origin) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}
