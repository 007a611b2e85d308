/**
 * The seed writer against real local D1 (foreign keys enforced) and R2, inside workerd.
 * Runs only under the repo's main vitest config; the Node-only local config skips it.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { buildDemoSeed, type DemoSeed } from './build';
import { isSeeded, resetDatabase, writeDemoSeed } from './write';

async function countRows(table: string): Promise<number> {
  const row = await env.DB.prepare(`SELECT count(*) AS n FROM "${table}"`).first<{ n: number }>();
  return row?.n ?? 0;
}

async function schemaTables(): Promise<string[]> {
  const { results } = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
  ).all<{ name: string }>();
  return results.map((r) => r.name);
}

describe('writeDemoSeed / isSeeded / resetDatabase', () => {
  it('Should write the whole seed, refuse a second copy atomically, then reset everything', async () => {
    expect(await isSeeded(env.DB)).toBe(false);

    const seed: DemoSeed = await buildDemoSeed({ withImages: false });
    // Stand-in objects (no renderer needed): enough to page past one R2 list/delete chunk.
    const orgId = seed.organizations[0]!.id;
    for (let i = 0; i < 1005; i++) {
      seed.media.push({ key: `${orgId}/swatches/test/${String(i).padStart(4, '0')}.png`, contentType: 'image/png', body: new Uint8Array([137, 80, 78, 71, i & 0xff]) });
    }

    const written = await writeDemoSeed(env.DB, env.MEDIA, seed);
    expect(written.objects).toBe(1005);
    expect(await isSeeded(env.DB)).toBe(true);
    expect(await countRows('organizations')).toBe(seed.organizations.length);
    expect(await countRows('options')).toBe(seed.options.length);
    expect(await countRows('step_photos')).toBe(seed.stepPhotos.length);
    expect(await countRows('cost_items')).toBe(seed.costItems.length);
    expect(await countRows('scene_elements')).toBe(seed.sceneElements.length);
    expect(written.rows).toBe(
      seed.organizations.length + seed.users.length + seed.orgUsers.length + seed.floorplans.length + seed.categories.length +
        seed.subcategories.length + seed.options.length + seed.optionFloorplans.length + seed.optionRules.length +
        seed.optionFloorplanPricing.length + seed.steps.length + seed.stepPhotos.length + seed.costItems.length +
        seed.projects.length + seed.scenes.length + seed.sceneElements.length + seed.rooms.length,
    );

    const head = await env.MEDIA.head(seed.media[0]!.key);
    expect(head?.httpMetadata?.contentType).toBe('image/png');
    expect(head?.httpMetadata?.cacheControl).toContain('immutable');

    // JSON columns round-trip.
    const step = await env.DB.prepare("SELECT sections FROM steps WHERE slug = 'kitchen' LIMIT 1").first<{ sections: string }>();
    expect(JSON.parse(step!.sections)[0].title).toBe('Countertops');

    // New organizations but the same floorplan ids: the batch fails after inserting the
    // organizations, and being one transaction it leaves none of them behind.
    const clash: DemoSeed = {
      ...seed,
      organizations: seed.organizations.map((o) => ({ ...o, id: crypto.randomUUID(), slug: `${o.slug}-copy` })),
      users: [],
      orgUsers: [],
      media: [],
    };
    await expect(writeDemoSeed(env.DB, env.MEDIA, clash)).rejects.toThrow();
    expect(await countRows('organizations')).toBe(seed.organizations.length);

    const reset = await resetDatabase(env.DB, env.MEDIA);
    expect(reset.objects).toBe(1005);
    expect(await isSeeded(env.DB)).toBe(false);
    for (const table of await schemaTables()) expect(await countRows(table), table).toBe(0);
    expect((await env.MEDIA.list()).objects).toEqual([]);
  });
});
