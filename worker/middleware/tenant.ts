import { eq } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { organizations } from '../db/schema';
import { getDb } from '../db/client';
import { ApiError } from '../lib/errors';
import { matchHost, normalizeHost } from '../lib/tenant-host';
import { cacheOrg, readCachedOrg } from '../services/org-cache';
import type { AppEnv, Org } from '../types';

/** Tests and some proxies send no Host header; the request URL still names the host. */
export function requestHost(req: Request): string {
  return req.headers.get('host') ?? new URL(req.url).host;
}

export async function resolveOrg(env: Env, rawHost: string): Promise<Org | null> {
  const host = normalizeHost(rawHost);
  const match = matchHost(host, env.APP_DOMAIN);
  if (match.kind !== 'subdomain' && match.kind !== 'custom') return null;
  const cached = await readCachedOrg(host);
  if (cached) return cached;
  const db = getDb(env.DB);
  const where = match.kind === 'subdomain' ? eq(organizations.slug, match.slug) : eq(organizations.customDomain, match.domain);
  const row = await db.select().from(organizations).where(where).get();
  // Misses are not cached: a new tenant must work at once, and unknown hosts are cheap to refuse.
  if (row) await cacheOrg(host, row);
  return row ?? null;
}

/** Every tenant route sits behind this: the org comes from the host, never from the body. */
export const tenant = createMiddleware<AppEnv>(async (c, next) => {
  const org = await resolveOrg(c.env, requestHost(c.req.raw));
  if (!org) throw new ApiError(404, 'tenant_not_found', 'No builder is served at this address');
  c.set('org', org);
  await next();
});
