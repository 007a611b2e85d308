import { describe, expect, it } from 'vitest';
import type { Org } from '../types';
import { cacheOrg, ORG_MEMORY_TTL_MS, orgCacheKey, purgeOrgCache, readCachedOrg } from './org-cache';

const org = (slug: string, catalogVersion = 1) => ({ id: crypto.randomUUID(), slug, name: slug, catalogVersion, customDomain: null }) as unknown as Org;

describe('org cache', () => {
  it('Should answer from memory, then from the edge cache once the memory entry expires', async () => {
    const o = org('memo');
    await cacheOrg('memo.localhost:8787', o);
    expect((await readCachedOrg('memo.localhost:8787'))?.id).toBe(o.id);
    // Past the memory TTL the edge cache still has it.
    expect((await readCachedOrg('memo.localhost:8787', Date.now() + ORG_MEMORY_TTL_MS + 1))?.id).toBe(o.id);
  });

  it('Should forget an org in both layers when it is purged', async () => {
    const o = org('gone');
    await cacheOrg('gone.localhost:8787', o);
    await purgeOrgCache(o, 'localhost:8787');
    expect(await readCachedOrg('gone.localhost:8787')).toBeNull();
    expect(await caches.default.match(orgCacheKey('gone.localhost:8787'))).toBeUndefined();
  });

  it('Should not serve one host the org of another', async () => {
    await cacheOrg('a.localhost:8787', org('a'));
    expect(await readCachedOrg('b.localhost:8787')).toBeNull();
  });
});
