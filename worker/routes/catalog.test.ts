import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, HARBOR, json, seedDemo, SUMMIT } from '../../test/fixtures';
import { getDb } from '../db/client';
import type { Catalog } from '../domain/catalog';
import { bumpCatalogVersion } from '../services/catalog';

beforeAll(seedDemo);

const allOptions = (c: Catalog) => c.categories.flatMap((cat) => cat.subcategories.flatMap((s) => s.options));

async function orgId(slug: string) {
  return (await env.DB.prepare('SELECT id, slug, custom_domain AS customDomain FROM organizations WHERE slug = ?').bind(slug).first<{ id: string; slug: string; customDomain: string | null }>())!;
}

describe('GET /api/catalog/:floorplanSlug', () => {
  it('Should return everything the picker needs for the floorplan in one response', async () => {
    const res = await call(SUMMIT, '/api/catalog/kinkade');
    expect(res.status).toBe(200);
    const catalog = await json<Catalog>(res);
    expect(catalog.org.slug).toBe('summit');
    expect(catalog.floorplan.slug).toBe('kinkade');
    expect(catalog.steps.map((s) => s.slug)).toEqual(['style', 'kitchen', 'primary-bath', 'secondary', 'finishing']);
    expect(catalog.steps[1]!.photos[0]).toMatchObject({ isHero: true, width: 1536, height: 1024, url: expect.stringMatching(/^\/media\//) });
    expect(catalog.steps[4]!.photos).toEqual([]);
    const subIds = new Set(catalog.categories.flatMap((c) => c.subcategories.map((s) => s.id)));
    for (const step of catalog.steps) for (const sec of step.sections) for (const id of sec.subcategoryIds) expect(subIds.has(id)).toBe(true);
    expect(allOptions(catalog).length).toBeGreaterThanOrEqual(120);
    expect(catalog.rules.length).toBeGreaterThan(0);
    for (const o of allOptions(catalog)) expect(Number.isInteger(o.priceCents)).toBe(true);
  });

  it('Should apply the floorplan price override', async () => {
    const row = await env.DB.prepare(
      `SELECT p.option_id AS optionId, p.price_cents AS override, o.price_cents AS base, f.slug AS fp
       FROM option_floorplan_pricing p JOIN options o ON o.id = p.option_id JOIN floorplans f ON f.id = p.floorplan_id
       JOIN organizations g ON g.id = p.org_id WHERE g.slug = 'summit' AND p.price_cents != o.price_cents LIMIT 1`,
    ).first<{ optionId: string; override: number; base: number; fp: string }>();
    const other = row!.fp === 'kinkade' ? 'aspen' : 'kinkade';
    const withOverride = allOptions(await json<Catalog>(await call(SUMMIT, `/api/catalog/${row!.fp}`))).find((o) => o.id === row!.optionId);
    expect(withOverride?.priceCents).toBe(row!.override);
    const without = allOptions(await json<Catalog>(await call(SUMMIT, `/api/catalog/${other}`))).find((o) => o.id === row!.optionId);
    if (without) expect(without.priceCents).not.toBe(row!.override);
  });

  it('Should leave out options scoped to another floorplan', async () => {
    const scoped = await env.DB.prepare(
      `SELECT s.option_id AS optionId, f.slug AS fp FROM option_floorplans s JOIN floorplans f ON f.id = s.floorplan_id
       JOIN organizations g ON g.id = s.org_id WHERE g.slug = 'summit'`,
    ).all<{ optionId: string; fp: string }>();
    const only = scoped.results.filter((r) => scoped.results.filter((x) => x.optionId === r.optionId).length === 1);
    expect(only.length).toBeGreaterThan(0);
    for (const { optionId, fp } of only) {
      const other = fp === 'kinkade' ? 'aspen' : 'kinkade';
      expect(allOptions(await json<Catalog>(await call(SUMMIT, `/api/catalog/${fp}`))).some((o) => o.id === optionId)).toBe(true);
      expect(allOptions(await json<Catalog>(await call(SUMMIT, `/api/catalog/${other}`))).some((o) => o.id === optionId)).toBe(false);
    }
  });

  it('Should 404 an unknown floorplan and another tenant floorplan', async () => {
    expect((await call(SUMMIT, '/api/catalog/nope')).status).toBe(404);
    expect((await call(HARBOR, '/api/catalog/kinkade')).status).toBe(404);
  });

  it('Should 400 a malformed slug without echoing it', async () => {
    const res = await call(SUMMIT, `/api/catalog/${encodeURIComponent('<b>x</b>')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('<b>');
  });

  it('Should serve repeat loads from the edge cache and rebuild after a version bump', async () => {
    const first = await json<Catalog>(await call(SUMMIT, '/api/catalog/kinkade'));
    const option = allOptions(first).find((o) => o.priceCents > 0)!;
    // Change D1 behind the cache's back: a cached catalog must not notice.
    await env.DB.prepare('UPDATE options SET price_cents = price_cents + 100 WHERE id = ?').bind(option.id).run();
    await env.DB.prepare('DELETE FROM option_floorplan_pricing WHERE option_id = ?').bind(option.id).run();
    const cached = await json<Catalog>(await call(SUMMIT, '/api/catalog/kinkade'));
    expect(allOptions(cached).find((o) => o.id === option.id)!.priceCents).toBe(option.priceCents);

    // What every admin change does: bump the version (and purge the org cache).
    const version = await bumpCatalogVersion(getDb(env.DB), await orgId('summit'), env.APP_DOMAIN);
    const fresh = await json<Catalog>(await call(SUMMIT, '/api/catalog/kinkade'));
    expect(fresh.version).toBe(version);
    expect(allOptions(fresh).find((o) => o.id === option.id)!.priceCents).not.toBe(option.priceCents);
  });

  it('Should answer a revalidation of the same version with 304 and no body, and 200 after a bump', async () => {
    const first = await call(SUMMIT, '/api/catalog/aspen');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+-v\d+"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    await first.arrayBuffer();

    const again = await call(SUMMIT, '/api/catalog/aspen', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    // A validator from another floorplan or tenant never matches.
    const other = await call(SUMMIT, '/api/catalog/kinkade', { headers: { 'if-none-match': etag } });
    expect(other.status).toBe(200);
    await other.arrayBuffer();

    await bumpCatalogVersion(getDb(env.DB), await orgId('summit'), env.APP_DOMAIN);
    const after = await call(SUMMIT, '/api/catalog/aspen', { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect((await json<Catalog>(after)).floorplan.slug).toBe('aspen');
  });
});
