/**
 * Hourly housekeeping (cron trigger): drops rate-limit windows and sign-in state that can
 * no longer matter, so those tables stay small without a per-request cleanup cost.
 */
import { lt } from 'drizzle-orm';
import { getDb } from './db/client';
import { adminSessions, authTokens, rateLimits } from './db/schema';

const DAY_MS = 24 * 3600 * 1000;

export async function runMaintenance(env: Env, now = Date.now()): Promise<void> {
  const db = getDb(env.DB);
  await db.batch([
    db.delete(rateLimits).where(lt(rateLimits.windowStart, now - DAY_MS)),
    db.delete(adminSessions).where(lt(adminSessions.expiresAt, now)),
    db.delete(authTokens).where(lt(authTokens.expiresAt, now - DAY_MS)),
  ]);
}
