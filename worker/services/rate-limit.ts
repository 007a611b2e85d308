/**
 * Fixed-window counters in D1: one upsert per check, atomic in SQLite, shared by every
 * isolate and data centre (unlike in-memory counters).
 */
import { ApiError } from '../lib/errors';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

export async function hit(db: D1Database, limit: Limit, now = Date.now()): Promise<{ count: number; allowed: boolean; retryAfter: number }> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const row = await db
    .prepare(
      'INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, 1) ON CONFLICT(key, window_start) DO UPDATE SET count = count + 1 RETURNING count',
    )
    .bind(limit.key, windowStart)
    .first<{ count: number }>();
  const count = row?.count ?? 1;
  return { count, allowed: count <= limit.max, retryAfter: Math.ceil((windowStart + windowMs - now) / 1000) };
}

/** Throws 429 when any of the limits is exceeded (all are counted, so retries keep counting). */
export async function enforce(db: D1Database, limits: Limit[]): Promise<void> {
  const results = await Promise.all(limits.map((l) => hit(db, l)));
  const blocked = results.filter((r) => !r.allowed);
  if (blocked.length) {
    const retryAfter = Math.max(...blocked.map((r) => r.retryAfter));
    throw new ApiError(429, 'rate_limited', 'Too many requests, please try again later', { retryAfterSeconds: retryAfter });
  }
}

/**
 * Gives back one hit per limit in the current window. Sign-in counts every attempt up front
 * (so parallel guesses cannot slip past a read-then-write check) and refunds the ones that
 * succeed, which leaves only failures counting toward the limit.
 */
export async function refund(db: D1Database, limits: Limit[], now = Date.now()): Promise<void> {
  await db.batch(
    limits.map((l) => {
      const windowMs = l.windowSeconds * 1000;
      return db
        .prepare('UPDATE rate_limits SET count = count - 1 WHERE key = ?1 AND window_start = ?2 AND count > 0')
        .bind(l.key, Math.floor(now / windowMs) * windowMs);
    }),
  );
}

export function clientIp(req: Request): string {
  return req.headers.get('cf-connecting-ip') ?? 'unknown';
}
