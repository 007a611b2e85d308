/**
 * Hourly housekeeping (cron trigger): drops rate-limit windows and sign-in state that can
 * no longer matter, so those tables stay small without a per-request cleanup cost, and
 * multi-pass scratch images that a crashed or abandoned job left in R2.
 */
import { and, gt, inArray, lt, ne, or } from 'drizzle-orm';
import { getDb } from './db/client';
import { adminSessions, authTokens, generatedImages, organizations, rateLimits } from './db/schema';
import { GENERATION_CACHE_VERSION } from './domain/generation';

const DAY_MS = 24 * 3600 * 1000;
/**
 * Far beyond any live job (3 attempts with backoff, a pending slot reclaimable after 5 minutes),
 * so a scratch image still being continued from is never pulled out from under it.
 */
export const SCRATCH_MAX_AGE_MS = 6 * 3600 * 1000;

/** Rows per cron run, so a version bump over a large cache is spread over a few hours. */
export const STALE_IMAGES_PER_RUN = 500;

/**
 * Deletes cached images made under an older GENERATION_CACHE_VERSION: their hashes include
 * the old version, so no request can ever reach them again. A job still in flight under the
 * old version is left until its claim is an hour old. Objects go first, then rows, so a
 * crash in between leaves rows to retry rather than unreferenced objects.
 */
export async function pruneStaleImages(env: Env, now = Date.now(), limit = STALE_IMAGES_PER_RUN): Promise<number> {
  const db = getDb(env.DB);
  const stale = await db
    .select({ id: generatedImages.id, imageKey: generatedImages.imageKey })
    .from(generatedImages)
    .where(
      and(
        // Two ranges rather than `!=`: SQLite searches the version index for each, where `!=`
        // would scan the whole cache every hour to find nothing.
        or(lt(generatedImages.cacheVersion, GENERATION_CACHE_VERSION), gt(generatedImages.cacheVersion, GENERATION_CACHE_VERSION)),
        or(ne(generatedImages.status, 'pending'), lt(generatedImages.claimedAt, now - 3600 * 1000)),
      ),
    )
    .limit(limit)
    .all();
  if (!stale.length) return 0;
  const keys = stale.flatMap((r) => (r.imageKey ? [r.imageKey] : []));
  if (keys.length) await env.MEDIA.delete(keys);
  // D1 caps bound parameters per statement; 100 ids a statement, one batch.
  const ids = stale.map((r) => r.id);
  const chunks = Array.from({ length: Math.ceil(ids.length / 100) }, (_, i) => ids.slice(i * 100, i * 100 + 100));
  const [first, ...rest] = chunks.map((chunk) => db.delete(generatedImages).where(inArray(generatedImages.id, chunk)));
  await db.batch([first!, ...rest]);
  return stale.length;
}

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
  await pruneStaleImages(env, now);
}
