/**
 * Tenant lookups cached at the edge by host, so requests served from cache (the buyer
 * catalog) cost no D1 query at all. Entries live ORG_TTL_SECONDS; an org change purges
 * this data centre's entry at once and others within the TTL.
 */
import type { Org } from '../types';

export const ORG_TTL_SECONDS = 15;

export const orgCacheKey = (host: string) => new Request(`https://finch-cache.internal/org/${encodeURIComponent(host)}`);

export async function readCachedOrg(host: string): Promise<Org | null> {
  const hit = await caches.default.match(orgCacheKey(host));
  return hit ? ((await hit.json()) as Org) : null;
}

export async function cacheOrg(host: string, org: Org): Promise<void> {
  await caches.default.put(
    orgCacheKey(host),
    new Response(JSON.stringify(org), { headers: { 'content-type': 'application/json', 'cache-control': `public, max-age=${ORG_TTL_SECONDS}` } }),
  );
}

export async function purgeOrgCache(org: Pick<Org, 'slug' | 'customDomain'>, appDomain: string): Promise<void> {
  const hosts = [`${org.slug}.${appDomain}`, ...(org.customDomain ? [org.customDomain] : [])];
  await Promise.all(hosts.map((h) => caches.default.delete(orgCacheKey(h.toLowerCase()))));
}
