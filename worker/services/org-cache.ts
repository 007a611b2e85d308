/**
 * Tenant lookups cached at the edge by host, so requests served from cache (the buyer
 * catalog) cost no D1 query at all. Entries live ORG_TTL_SECONDS; an org change purges
 * this data centre's entry at once and others within the TTL.
 */
import type { Org } from '../types';

export const ORG_TTL_SECONDS = 15;
/**
 * A much shorter layer in the isolate's memory: a busy isolate skips even the cache read,
 * and an edit (which purges this isolate's entry too) reaches other isolates within 2 s
 * on top of the edge TTL above.
 */
export const ORG_MEMORY_TTL_MS = 2_000;
const memory = new Map<string, { org: Org; until: number }>();

export const orgCacheKey = (host: string) => new Request(`https://finch-cache.internal/org/${encodeURIComponent(host)}`);

export async function readCachedOrg(host: string, now = Date.now()): Promise<Org | null> {
  const remembered = memory.get(host);
  if (remembered && remembered.until > now) return remembered.org;
  const hit = await caches.default.match(orgCacheKey(host));
  if (!hit) return null;
  const org = (await hit.json()) as Org;
  memory.set(host, { org, until: now + ORG_MEMORY_TTL_MS });
  return org;
}

export async function cacheOrg(host: string, org: Org): Promise<void> {
  memory.set(host, { org, until: Date.now() + ORG_MEMORY_TTL_MS });
  await caches.default.put(
    orgCacheKey(host),
    new Response(JSON.stringify(org), { headers: { 'content-type': 'application/json', 'cache-control': `public, max-age=${ORG_TTL_SECONDS}` } }),
  );
}

export async function purgeOrgCache(org: Pick<Org, 'slug' | 'customDomain'>, appDomain: string): Promise<void> {
  const hosts = [`${org.slug}.${appDomain}`, ...(org.customDomain ? [org.customDomain] : [])];
  for (const h of hosts) memory.delete(h.toLowerCase());
  await Promise.all(hosts.map((h) => caches.default.delete(orgCacheKey(h.toLowerCase()))));
}
