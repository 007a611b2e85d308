import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { createTenant } from '../../test/fixtures';
import { getDb } from '../db/client';
import { assetCatalog, categories, options, subcategories } from '../db/schema';
import type { PhotoSurface } from '../domain/surfaces';
import {
  detachSurfaces,
  isUniqueViolation,
  objectKeyColumns,
  pickFreeSlug,
  pickOrphans,
  sectionsSchema,
  slugify,
  surfacesSchema,
  sweepOrphans,
  withoutSubcategories,
} from './admin-catalog';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

describe('slugs', () => {
  it('Should turn names into URL-safe slugs that are never empty', () => {
    expect(slugify('Kitchen Counters & Tops')).toBe('kitchen-counters-tops');
    expect(slugify('  Crème Brûlée  ')).toBe('creme-brulee');
    expect(slugify('!!!')).toBe('item');
    expect(slugify('x'.repeat(200))).toHaveLength(56);
    expect(slugify(`${'a'.repeat(55)} b`)).toBe('a'.repeat(55));
  });

  it('Should pick the first free slug', () => {
    expect(pickFreeSlug('paint', new Set())).toBe('paint');
    expect(pickFreeSlug('paint', new Set(['paint', 'paint-2', 'paint-4']))).toBe('paint-3');
  });
});

describe('JSON column schemas', () => {
  const sub = crypto.randomUUID();

  it('Should accept sections and refuse a subcategory in two of them', () => {
    expect(z.safeParse(sectionsSchema, [{ title: 'A', subcategoryIds: [sub] }]).success).toBe(true);
    expect(z.safeParse(sectionsSchema, [{ title: 'A', subcategoryIds: [sub] }, { title: 'B', subcategoryIds: [sub] }]).success).toBe(false);
    expect(z.safeParse(sectionsSchema, [{ title: '', subcategoryIds: [] }]).success).toBe(false);
  });

  it('Should accept normalized polygons and refuse points off the photo, degenerate polygons and too many points', () => {
    const surface = { key: 'floor', label: 'Floor', subcategoryId: sub, polygons: [[[0, 1], [1, 1], [0.5, 0.5]]], tileScale: 1 };
    expect(z.safeParse(surfacesSchema, [surface]).success).toBe(true);
    expect(z.safeParse(surfacesSchema, [{ ...surface, subcategoryId: null }]).success).toBe(true);
    expect(z.safeParse(surfacesSchema, [{ ...surface, polygons: [[[0, 1], [1, 1.0001], [0.5, 0.5]]] }]).success).toBe(false);
    expect(z.safeParse(surfacesSchema, [{ ...surface, polygons: [[[0, 1], [1, 1], [Number.NaN, 0.5]]] }]).success).toBe(false);
    expect(z.safeParse(surfacesSchema, [{ ...surface, polygons: [] }]).success).toBe(false);
    expect(z.safeParse(surfacesSchema, [{ ...surface, polygons: [[[0, 1], [1, 1], [0.5]]] }]).success).toBe(false);
    const many = Array.from({ length: 11 }, (_, i) => ({ ...surface, key: `s${i}`, polygons: [Array.from({ length: 1900 }, () => [0.5, 0.5])] }));
    expect(z.safeParse(surfacesSchema, many).success).toBe(false);
  });
});

describe('detaching removed subcategories', () => {
  it('Should drop them from sections, removing sections left empty', () => {
    const sections = [
      { title: 'A', subcategoryIds: ['s1', 's2'] },
      { title: 'B', subcategoryIds: ['s2'] },
    ];
    expect(withoutSubcategories(sections, new Set(['s2']))).toEqual([{ title: 'A', subcategoryIds: ['s1'] }]);
  });

  it('Should keep surfaces but stop them painting a removed subcategory', () => {
    const s = (key: string, subcategoryId: string | null): PhotoSurface => ({ key, label: key, subcategoryId, polygons: [[[0, 0], [1, 0], [1, 1]]], tileScale: 0.5 });
    expect(detachSurfaces([s('a', 's1'), s('b', 's2'), s('c', null)], new Set(['s1']))).toEqual([s('a', null), s('b', 's2'), s('c', null)]);
  });
});

describe('pickOrphans', () => {
  const now = Date.parse('2030-01-10T00:00:00Z');
  const at = (ms: number) => new Date(now - ms);

  it('Should list unreferenced objects older than the minimum age, and tmp objects only after a day', () => {
    const objects = [
      { key: 'org/swatches/s/used.png', uploaded: at(10 * DAY) },
      { key: 'org/swatches/s/old.png', uploaded: at(2 * HOUR) },
      { key: 'org/rooms/s/in-flight.png', uploaded: at(10_000) },
      { key: 'org/tmp/young.png', uploaded: at(3 * HOUR) },
      { key: 'org/tmp/old.png', uploaded: at(DAY + 1) },
      { key: 'gone-org/models/m.glb', uploaded: at(5 * DAY) },
    ];
    expect(pickOrphans(objects, new Set(['org/swatches/s/used.png']), now, HOUR)).toEqual(['org/swatches/s/old.png', 'org/tmp/old.png', 'gone-org/models/m.glb']);
    expect(pickOrphans(objects, new Set(), now, 0)).toContain('org/rooms/s/in-flight.png');
    expect(pickOrphans(objects, new Set(), now, 0)).not.toContain('org/tmp/young.png');
  });
});

describe('D1 helpers', () => {
  it('Should find every column that points at R2 in the schema', () => {
    const cols = objectKeyColumns().map((c) => `${c.table}.${c.column}`);
    expect(cols).toEqual(
      expect.arrayContaining([
        'options.swatch_key',
        'step_photos.image_key',
        'generated_images.image_key',
        'organizations.logo_key',
        'asset_catalog.model_key',
        'asset_catalog.thumbnail_key',
      ]),
    );
    expect(cols).not.toContain('rate_limits.key');
  });

  it('Should recognise a unique-index clash from D1 through drizzle', async () => {
    const t = await createTenant('svc-unique');
    const db = getDb(env.DB);
    const row = { orgId: t.orgId, slug: 'same', name: 'Same', createdAt: Date.now() };
    await db.insert(categories).values({ id: crypto.randomUUID(), ...row });
    const err = await db.insert(categories).values({ id: crypto.randomUUID(), ...row }).then(() => null, (e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
    expect(isUniqueViolation(new Error('no such table'))).toBe(false);
  });
});

describe('sweepOrphans', () => {
  it('Should list and delete only objects no row points to', async () => {
    const t = await createTenant('svc-sweep');
    const db = getDb(env.DB);
    const now = Date.now();
    const catId = crypto.randomUUID();
    const subId = crypto.randomUUID();
    const keys = {
      swatch: `${t.orgId}/swatches/${subId}/${crypto.randomUUID()}.png`,
      logo: `${t.orgId}/logo/${crypto.randomUUID()}.png`,
      model: `${t.orgId}/models/${crypto.randomUUID()}.glb`,
      orphan: `${t.orgId}/swatches/${subId}/${crypto.randomUUID()}.png`,
      tmp: `${t.orgId}/tmp/${crypto.randomUUID()}.png`,
    };
    for (const key of Object.values(keys)) await env.MEDIA.put(key, new Uint8Array([1, 2, 3]));
    await db.batch([
      db.insert(categories).values({ id: catId, orgId: t.orgId, slug: 'c', name: 'C', createdAt: now }),
      db.insert(subcategories).values({ id: subId, orgId: t.orgId, categoryId: catId, slug: 's', name: 'S', createdAt: now }),
      db.insert(options).values({ id: crypto.randomUUID(), orgId: t.orgId, subcategoryId: subId, slug: 'o', name: 'O', swatchKey: keys.swatch, createdAt: now }),
      db.insert(assetCatalog).values({ id: crypto.randomUUID(), orgId: t.orgId, category: 'c', name: 'M', modelKey: keys.model, createdAt: now }),
    ]);
    await env.DB.prepare('UPDATE organizations SET logo_key = ? WHERE id = ?').bind(keys.logo, t.orgId).run();

    // Just uploaded: nothing is old enough yet.
    expect((await sweepOrphans(env.DB, env.MEDIA, { remove: false, minAgeMs: HOUR })).orphans).toEqual([]);
    // Two hours on: the unreferenced swatch counts, the young tmp object does not.
    const later = await sweepOrphans(env.DB, env.MEDIA, { remove: false, minAgeMs: HOUR, now: now + 2 * HOUR });
    expect(later.orphans).toEqual([keys.orphan]);
    expect(await env.MEDIA.head(keys.orphan)).not.toBeNull();
    // Two days on, with --delete: both go, every referenced object stays.
    const swept = await sweepOrphans(env.DB, env.MEDIA, { remove: true, minAgeMs: HOUR, now: now + 2 * DAY });
    expect(swept.orphans.sort()).toEqual([keys.orphan, keys.tmp].sort());
    expect(swept.deleted).toBe(2);
    for (const key of [keys.orphan, keys.tmp]) expect(await env.MEDIA.head(key)).toBeNull();
    for (const key of [keys.swatch, keys.logo, keys.model]) expect(await env.MEDIA.head(key)).not.toBeNull();
  });
});
