/**
 * Hourly housekeeping (cron trigger): drops rate-limit windows and sign-in state that can
 * no longer matter, so those tables stay small without a per-request cleanup cost, and
 * multi-pass scratch images that a crashed or abandoned job left in R2.
 */
import { lt } from 'drizzle-orm';
import { getDb } from './db/client';
import { adminSessions, authTokens, organizations, rateLimits } from './db/schema';

const DAY_MS = 24 * 3600 * 1000;
/**
 * Far beyond any live job (3 attempts with backoff, a pending slot reclaimable after 5 minutes),
 * so a scratch image still being continued from is never pulled out from under it.
 */
export const SCRATCH_MAX_AGE_MS = 6 * 3600 * 1000;

/** Deletes `{orgId}/tmp/` objects older than SCRATCH_MAX_AGE_MS; returns how many. */
export async function pruneScratch(env: Env, now = Date.now()): Promise<number> {
  const orgs = await getDb(env.DB).select({ id: organizations.id }).from(organizations).all();
  let removed = 0;
  for (const { id } of orgs) {
    let cursor: string | undefined;
    do {
      const page = await env.MEDIA.list({ prefix: `${id}/tmp/`, cursor });
      const stale = page.objects.filter((o) => o.uploaded.getTime() < now - SCRATCH_MAX_AGE_MS).map((o) => o.key);
      if (stale.length) await env.MEDIA.delete(stale);
      removed += stale.length;
      cursor = page.truncated ? page.cursor : undefined;
    } while (cursor);
  }
  return removed;
}

export async function runMaintenance(env: Env, now = Date.now()): Promise<void> {
  const db = getDb(env.DB);
  await db.batch([
    db.delete(rateLimits).where(lt(rateLimits.windowStart, now - DAY_MS)),
    db.delete(adminSessions).where(lt(adminSessions.expiresAt, now)),
    db.delete(authTokens).where(lt(authTokens.expiresAt, now - DAY_MS)),
  ]);
  await pruneScratch(env, now);
}
