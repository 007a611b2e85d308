import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, json } from '../../../test/fixtures';
import { getDb } from '../../db/client';
import { organizations } from '../../db/schema';
import type { Catalog } from '../../domain/catalog';
import { handleError } from '../../lib/errors';
import type { AppEnv } from '../../types';
import { adminCatalogRoutes } from './catalog';
import { api, routeCases, seedOrg, send, snapshot, type OrgFixture, type RouteCase } from './catalog/fixture';
import { adminUploadRoutes } from './uploads';

let A: OrgFixture;
let B: OrgFixture;
let n = 0;
/** A tenant of its own for tests that change things. */
const fresh = () => seedOrg(`cat-${++n}`);

beforeAll(async () => {
  A = await seedOrg('cat-a');
  B = await seedOrg('cat-b');
});

const allOptions = (c: Catalog) => c.categories.flatMap((cat) => cat.subcategories.flatMap((s) => s.options));
const buyerCatalog = async (o: OrgFixture, slug = o.floorplanSlug) => call(o.host, `/api/catalog/${slug}`);
const version = async (o: OrgFixture) =>
  (await env.DB.prepare('SELECT catalog_version AS v FROM organizations WHERE id = ?').bind(o.orgId).first<{ v: number }>())!.v;
const objectExists = async (key: string) => (await env.MEDIA.head(key)) !== null;
const label = (rc: RouteCase) => `${rc.method} ${rc.route}`;

/** Every route the two sub-apps register, as `METHOD /api/admin/path`. */
function registeredRoutes(): Set<string> {
  const out = new Set<string>();
  for (const r of [...adminCatalogRoutes.routes, ...adminUploadRoutes.routes]) {
    if (r.method !== 'ALL') out.add(`${r.method} /api/admin${r.path}`);
  }
  return out;
}

describe('route table', () => {
  it('Should list every catalog and upload route in the matrices below', () => {
    expect(new Set(routeCases(A).map(label))).toEqual(registeredRoutes());
  });

  it('Should refuse a request without a session', async () => {
    expect((await call(A.host, '/api/admin/categories')).status).toBe(401);
    expect((await send(A.host, '', routeCases(A).find((c) => c.method === 'PATCH')!)).status).toBe(401);
  });
});

describe('role matrix', () => {
  it('Should answer 403 to a viewer on every mutating route and change nothing in D1 or R2', async () => {
    const before = await snapshot();
    const mutating = routeCases(A).filter((rc) => rc.method !== 'GET');
    expect(mutating.length).toBeGreaterThan(25);
    for (const rc of mutating) {
      const res = await send(A.host, A.viewer, rc);
      expect(res.status, label(rc)).toBe(403);
      expect((await json(res)).error.code).toBe('forbidden');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('Should guard every mutating route itself, not only through the admin index', async () => {
    const bare = new Hono<AppEnv>()
      .use('*', async (c, next) => {
        c.set('db', getDb(env.DB));
        c.set('org', (await getDb(env.DB).select().from(organizations).where(eq(organizations.id, A.orgId)).get())!);
        c.set('admin', { userId: crypto.randomUUID(), email: 'v@example.test', role: 'viewer', sessionId: 'x' });
        await next();
      })
      .route('/api/admin', adminCatalogRoutes)
      .route('/api/admin', adminUploadRoutes);
    bare.onError(handleError);
    const before = await snapshot();
    for (const rc of routeCases(A).filter((c) => c.method !== 'GET')) {
      const init: RequestInit = rc.file
        ? { method: rc.method, body: (() => { const f = new FormData(); f.append('file', new File([rc.file.bytes], 'f')); return f; })() }
        : { method: rc.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(rc.body ?? {}) };
      expect((await bare.request(rc.path, init, env)).status, label(rc)).toBe(403);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('Should let a viewer read every read route', async () => {
    for (const rc of routeCases(A).filter((c) => c.method === 'GET')) {
      expect((await send(A.host, A.viewer, rc)).status, label(rc)).toBe(200);
    }
  });
});

describe('isolation matrix', () => {
  /** Routes that take no id at all: they can only ever act on the host's own org. */
  const idless = new Set(['GET /api/admin/categories', 'POST /api/admin/categories', 'GET /api/admin/rules', 'GET /api/admin/floorplans', 'POST /api/admin/floorplans', 'POST /api/admin/uploads/model']);

  it("Should 404 every route given another org's ids and change nothing in D1 or R2", async () => {
    const before = await snapshot();
    const cases = routeCases(B).filter((rc) => !idless.has(label(rc)));
    expect(cases.length).toBe(routeCases(B).length - idless.size);
    for (const rc of cases) {
      const res = await send(A.host, A.admin, rc);
      expect(res.status, label(rc)).toBe(404);
      const body = await json(res);
      expect(body.error.code, label(rc)).toBe('not_found');
      expect(body.error.message, `${label(rc)} must reach its handler`).not.toBe('No such route');
      expect(JSON.stringify(body), label(rc)).not.toContain(B.orgId);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("Should 404 own rows mixed with another org's ids and change nothing", async () => {
    const before = await snapshot();
    const mixed: Array<[string, string, unknown]> = [
      ['PATCH', `/api/admin/options/${A.optionId}`, { floorplanIds: [A.floorplanId, B.floorplanId] }],
      ['PATCH', `/api/admin/options/${A.optionId}`, { swatchKey: B.swatchKey }],
      ['POST', '/api/admin/options', { subcategoryId: A.subcategoryId, name: 'X', floorplanIds: [B.floorplan2Id] }],
      ['PATCH', `/api/admin/subcategories/${A.subcategoryId}`, { categoryId: B.categoryId }],
      ['POST', '/api/admin/rules', { optionId: A.optionId, kind: 'excludes', targetOptionId: B.option2Id }],
      ['POST', '/api/admin/steps', { floorplanId: A.floorplanId, name: 'X', sections: [{ title: 'X', subcategoryIds: [A.subcategoryId, B.subcategory2Id] }] }],
      ['PATCH', `/api/admin/steps/${A.stepId}`, { sections: [{ title: 'X', subcategoryIds: [B.subcategoryId] }] }],
      ['PATCH', `/api/admin/step-photos/${A.photoId}`, { surfaces: [{ key: 'x', label: 'X', subcategoryId: B.subcategoryId, polygons: [[[0, 0], [1, 0], [1, 1]]], tileScale: 0.5 }] }],
      ['PUT', `/api/admin/pricing-overrides/${A.floorplanId}/${B.optionId}`, { priceCents: 1 }],
      ['PUT', `/api/admin/pricing-overrides/${B.floorplanId}/${A.optionId}`, { priceCents: 1 }],
      ['POST', '/api/admin/reorder', { kind: 'options', ids: [A.option3Id, A.optionId, B.optionId] }],
    ];
    for (const [method, path, body] of mixed) {
      expect((await api(A.host, A.admin, method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    const upload = (path: string) => send(A.host, A.admin, { method: 'POST', route: '', path, file: { bytes: new Uint8Array(8) } });
    expect((await upload(`/api/admin/uploads/swatch?subcategoryId=${A.subcategoryId}&optionId=${B.optionId}`)).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('option tree', () => {
  it('Should show a changed price to buyers on their next catalog load', async () => {
    const o = await fresh();
    const before = allOptions(await json<Catalog>(await buyerCatalog(o))).find((x) => x.id === o.option3Id)!;
    expect(before.priceCents).toBe(150_000);
    const v = await version(o);
    const res = await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.option3Id}`, { priceCents: 175_050 });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ id: o.option3Id, priceCents: 175_050 });
    expect(await version(o)).toBe(v + 1);
    const after = allOptions(await json<Catalog>(await buyerCatalog(o))).find((x) => x.id === o.option3Id)!;
    expect(after.priceCents).toBe(175_050);
  });

  it('Should keep exactly one default per subcategory when the flag moves', async () => {
    const o = await fresh();
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.option3Id}`, { isDefault: true })).status).toBe(200);
    const rows = await env.DB.prepare('SELECT id FROM options WHERE subcategory_id = ? AND is_default = 1').bind(o.subcategoryId).all<{ id: string }>();
    expect(rows.results.map((r) => r.id)).toEqual([o.option3Id]);
    const created = await json(await api(o.host, o.admin, 'POST', '/api/admin/options', { subcategoryId: o.subcategoryId, name: 'Navy', isDefault: true }));
    const again = await env.DB.prepare('SELECT id FROM options WHERE subcategory_id = ? AND is_default = 1').bind(o.subcategoryId).all<{ id: string }>();
    expect(again.results.map((r) => r.id)).toEqual([created.id]);
    // The other subcategory's default is untouched.
    const other = await env.DB.prepare('SELECT count(*) AS n FROM options WHERE subcategory_id = ? AND is_default = 1').bind(o.subcategory2Id).first<{ n: number }>();
    expect(other!.n).toBe(0);
    const catalog = await json<Catalog>(await buyerCatalog(o));
    expect(allOptions(catalog).filter((x) => x.isDefault).map((x) => x.id)).toEqual([created.id]);
  });

  it('Should scope an option to some floorplans and back to all', async () => {
    const o = await fresh();
    const scoped = await json(await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.option3Id}`, { floorplanIds: [o.floorplan2Id] }));
    expect(scoped.floorplanIds).toEqual([o.floorplan2Id]);
    expect(allOptions(await json<Catalog>(await buyerCatalog(o))).some((x) => x.id === o.option3Id)).toBe(false);
    await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.option3Id}`, { floorplanIds: [] });
    expect(allOptions(await json<Catalog>(await buyerCatalog(o))).some((x) => x.id === o.option3Id)).toBe(true);
  });

  it('Should create the tree with free slugs and refuse a taken slug with 409', async () => {
    const o = await fresh();
    const cat = await api(o.host, o.admin, 'POST', '/api/admin/categories', { name: 'Kitchen' });
    expect(cat.status).toBe(201);
    const category = await json(cat);
    expect(category).toMatchObject({ slug: 'kitchen-2', name: 'Kitchen', sortOrder: 1 });
    const sub = await json(await api(o.host, o.admin, 'POST', '/api/admin/subcategories', { categoryId: category.id, name: 'Électrique Outlets', isAdditive: true, maxQuantity: 6, unitLabel: 'outlet' }));
    expect(sub).toMatchObject({ slug: 'electrique-outlets', isAdditive: true, maxQuantity: 6, unitLabel: 'outlet', sortOrder: 0 });
    const opt = await json(await api(o.host, o.admin, 'POST', '/api/admin/options', { subcategoryId: sub.id, name: 'USB outlet', priceCents: 12_500, swatchColor: '#aabbcc' }));
    expect(opt).toMatchObject({ slug: 'usb-outlet', priceCents: 12_500, isDefault: false, isActive: true, floorplanIds: [], swatchUrl: null });

    const taken = await api(o.host, o.admin, 'POST', '/api/admin/categories', { name: 'Anything', slug: 'kitchen' });
    expect(taken.status).toBe(409);
    expect(await json(taken)).toEqual({ error: { code: 'conflict', message: 'That slug is already taken' } });
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/categories/${category.id}`, { slug: 'kitchen' })).status).toBe(409);
    const tree = await json(await api(o.host, o.viewer, 'GET', '/api/admin/categories'));
    expect(tree.categories.map((c: { slug: string }) => c.slug)).toEqual(['kitchen', 'kitchen-2']);
    expect(tree.categories[1].subcategories[0].options[0].id).toBe(opt.id);
  });

  it('Should refuse bad input with 400 without echoing it', async () => {
    const o = await fresh();
    const evil = `<script>${'x'.repeat(200)}</script>`;
    const cases: Array<[string, string, unknown]> = [
      ['PATCH', `/api/admin/options/${o.optionId}`, {}],
      ['PATCH', `/api/admin/options/${o.optionId}`, { priceCents: 1.5 }],
      ['PATCH', `/api/admin/options/${o.optionId}`, { priceCents: '100' }],
      ['PATCH', `/api/admin/options/${o.optionId}`, { swatchColor: evil }],
      ['PATCH', `/api/admin/options/${o.optionId}`, { name: evil }],
      ['PATCH', `/api/admin/options/${o.optionId}`, { floorplanIds: [o.floorplanId, o.floorplanId] }],
      ['POST', '/api/admin/categories', { name: '   ' }],
      ['POST', '/api/admin/categories', { name: 'Ok', slug: evil }],
      ['PATCH', `/api/admin/subcategories/${o.subcategoryId}`, { maxQuantity: 0 }],
      ['PATCH', '/api/admin/options/not-a-uuid', { priceCents: 1 }],
    ];
    for (const [method, path, body] of cases) {
      const res = await api(o.host, o.admin, method, path, body);
      expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 40)}`).toBe(400);
      const text = await res.text();
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('xxxxxxxx');
    }
  });

  it('Should attach an uploaded swatch key, refuse a key of another subcategory, and delete the object on removal', async () => {
    const o = await fresh();
    const foreign = `${o.orgId}/swatches/${o.subcategory2Id}/${crypto.randomUUID()}.png`;
    await env.MEDIA.put(foreign, new Uint8Array(4));
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.option3Id}`, { swatchKey: foreign })).status).toBe(404);
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.option3Id}`, { swatchKey: '../etc/passwd' })).status).toBe(404);
    // A swatch already used by another option cannot be shared (deleting one would break the other).
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.option3Id}`, { swatchKey: o.swatchKey })).status).toBe(409);
    const res = await api(o.host, o.admin, 'PATCH', `/api/admin/options/${o.optionId}`, { swatchKey: null });
    expect(await json(res)).toMatchObject({ swatchKey: null, swatchUrl: null });
    expect(await objectExists(o.swatchKey)).toBe(false);
  });

  it('Should delete an option and its swatch object', async () => {
    const o = await fresh();
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/options/${o.optionId}`)).status).toBe(204);
    expect(await objectExists(o.swatchKey)).toBe(false);
    expect((await api(o.host, o.admin, 'GET', `/api/admin/options/${o.optionId}`)).status).toBe(404);
  });

  it('Should delete a subcategory with its swatches and drop it from step sections and photo surfaces', async () => {
    const o = await fresh();
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/subcategories/${o.subcategoryId}`)).status).toBe(204);
    expect(await objectExists(o.swatchKey)).toBe(false);
    const step = await json(await api(o.host, o.admin, 'GET', `/api/admin/steps/${o.stepId}`));
    expect(step.sections).toEqual([{ title: 'Cabinetry', subcategoryIds: [o.subcategory2Id] }]);
    const hero = step.photos.find((p: { id: string }) => p.id === o.photoId);
    expect(hero.surfaces).toEqual([expect.objectContaining({ key: 'cabinets', subcategoryId: null })]);
    const left = await env.DB.prepare('SELECT count(*) AS n FROM options WHERE subcategory_id = ?').bind(o.subcategoryId).first<{ n: number }>();
    expect(left!.n).toBe(0);
  });

  it('Should delete a category with everything under it, including swatch objects', async () => {
    const o = await fresh();
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/categories/${o.categoryId}`)).status).toBe(204);
    expect(await objectExists(o.swatchKey)).toBe(false);
    const step = await json(await api(o.host, o.admin, 'GET', `/api/admin/steps/${o.stepId}`));
    expect(step.sections).toEqual([]);
    expect((await json(await api(o.host, o.admin, 'GET', '/api/admin/categories'))).categories).toEqual([]);
  });
});

describe('rules', () => {
  it('Should create a requirement that buyers then see, and refuse self, same-subcategory, duplicate and contradicting rules', async () => {
    const o = await fresh();
    const post = (body: unknown) => api(o.host, o.admin, 'POST', '/api/admin/rules', body);
    expect((await post({ optionId: o.optionId, kind: 'excludes', targetOptionId: o.optionId })).status).toBe(400);
    expect((await post({ optionId: o.optionId, kind: 'requires', targetOptionId: o.option3Id })).status).toBe(422);
    // option3 excludes option2 already: the reverse exclusion is the same rule.
    expect((await post({ optionId: o.option2Id, kind: 'excludes', targetOptionId: o.option3Id })).status).toBe(409);
    expect((await post({ optionId: o.option3Id, kind: 'excludes', targetOptionId: o.option2Id })).status).toBe(409);
    expect((await post({ optionId: o.option2Id, kind: 'requires', targetOptionId: o.option3Id })).status).toBe(422);

    const created = await post({ optionId: o.option2Id, kind: 'requires', targetOptionId: o.optionId, message: 'Pulls need shaker doors' });
    expect(created.status).toBe(201);
    const rule = await json(created);
    expect(rule).toMatchObject({ optionId: o.option2Id, kind: 'requires', targetOptionId: o.optionId, message: 'Pulls need shaker doors' });
    const catalog = await json<Catalog>(await buyerCatalog(o));
    expect(catalog.rules).toContainEqual({ optionId: o.option2Id, kind: 'requires', targetOptionId: o.optionId, message: 'Pulls need shaker doors' });

    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/rules/${rule.id}`)).status).toBe(204);
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/rules/${rule.id}`)).status).toBe(404);
    const rules = await json(await api(o.host, o.admin, 'GET', '/api/admin/rules'));
    expect(rules.rules.map((r: { id: string }) => r.id)).toEqual([o.ruleId]);
  });
});

describe('floorplans and steps', () => {
  it('Should hide a deactivated floorplan from buyers and bring it back', async () => {
    const o = await fresh();
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/floorplans/${o.floorplanId}`, { isActive: false })).status).toBe(200);
    expect((await buyerCatalog(o)).status).toBe(404);
    const list = await json(await call(o.host, '/api/floorplans'));
    expect(list.floorplans.map((f: { slug: string }) => f.slug)).toEqual(['plan-b']);
    await api(o.host, o.admin, 'PATCH', `/api/admin/floorplans/${o.floorplanId}`, { isActive: true });
    expect((await buyerCatalog(o)).status).toBe(200);
  });

  it('Should refuse a slug the app answers itself (admin, api, ...) and steer a generated one around it', async () => {
    const o = await fresh();
    for (const slug of ['admin', 'api', 'media', 'resume', 'projects']) {
      const res = await api(o.host, o.admin, 'POST', '/api/admin/floorplans', { name: 'Clash', slug });
      expect(res.status, slug).toBe(400);
      expect((await api(o.host, o.admin, 'PATCH', `/api/admin/floorplans/${o.floorplanId}`, { slug })).status, slug).toBe(400);
    }
    const named = await json(await api(o.host, o.admin, 'POST', '/api/admin/floorplans', { name: 'Admin' }));
    expect(named.slug).toBe('admin-2');
  });

  it('Should create a floorplan with steps and sections that buyers see', async () => {
    const o = await fresh();
    const fp = await json(await api(o.host, o.admin, 'POST', '/api/admin/floorplans', { name: 'The Cedar', bedrooms: 4, bathrooms: 2.5, basePriceCents: 45_000_000 }));
    expect(fp).toMatchObject({ slug: 'the-cedar', isActive: true, bedrooms: 4, bathrooms: 2.5 });
    const step = await api(o.host, o.admin, 'POST', '/api/admin/steps', { floorplanId: fp.id, name: 'Kitchen', sections: [{ title: 'Doors', subcategoryIds: [o.subcategoryId] }] });
    expect(step.status).toBe(201);
    const catalog = await json<Catalog>(await buyerCatalog(o, 'the-cedar'));
    expect(catalog.steps.map((s) => ({ slug: s.slug, sections: s.sections }))).toEqual([{ slug: 'kitchen', sections: [{ title: 'Doors', subcategoryIds: [o.subcategoryId] }] }]);
    const detail = await json(await api(o.host, o.admin, 'GET', `/api/admin/floorplans/${fp.id}`));
    expect(detail.steps).toHaveLength(1);
  });

  it('Should replace sections whole and refuse a subcategory in two sections', async () => {
    const o = await fresh();
    const dup = await api(o.host, o.admin, 'PATCH', `/api/admin/steps/${o.stepId}`, { sections: [{ title: 'A', subcategoryIds: [o.subcategoryId] }, { title: 'B', subcategoryIds: [o.subcategoryId] }] });
    expect(dup.status).toBe(400);
    const res = await api(o.host, o.admin, 'PATCH', `/api/admin/steps/${o.stepId}`, { sections: [{ title: 'Hardware only', subcategoryIds: [o.subcategory2Id] }] });
    expect((await json(res)).sections).toEqual([{ title: 'Hardware only', subcategoryIds: [o.subcategory2Id] }]);
    const catalog = await json<Catalog>(await buyerCatalog(o));
    expect(catalog.steps[0]!.sections).toEqual([{ title: 'Hardware only', subcategoryIds: [o.subcategory2Id] }]);
  });

  it('Should refuse to delete a floorplan buyers saved selections on, and delete one without', async () => {
    const o = await fresh();
    expect((await call(o.host, '/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ floorplanSlug: 'plan-a' }) })).status).toBe(201);
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/floorplans/${o.floorplanId}`)).status).toBe(409);
    expect(await objectExists(o.photoKey)).toBe(true);
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/floorplans/${o.floorplan2Id}`)).status).toBe(204);
    expect((await api(o.host, o.admin, 'GET', `/api/admin/floorplans/${o.floorplan2Id}`)).status).toBe(404);
  });

  it('Should delete a step with its photo and generated image objects', async () => {
    const o = await fresh();
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/steps/${o.stepId}`)).status).toBe(204);
    for (const key of [o.photoKey, o.photo2Key, o.generatedKey]) expect(await objectExists(key), key).toBe(false);
    expect(await objectExists(o.swatchKey)).toBe(true);
  });
});

describe('step photos', () => {
  it('Should swap the hero so the step has exactly one hero after', async () => {
    const o = await fresh();
    const heroes = async () => (await env.DB.prepare('SELECT id FROM step_photos WHERE step_id = ? AND is_hero = 1').bind(o.stepId).all<{ id: string }>()).results.map((r) => r.id);
    expect(await heroes()).toEqual([o.photoId]);
    const res = await api(o.host, o.admin, 'PATCH', `/api/admin/step-photos/${o.photo2Id}`, { isHero: true });
    expect(res.status).toBe(200);
    expect((await json(res)).isHero).toBe(true);
    expect(await heroes()).toEqual([o.photo2Id]);
    // Flagging the current hero again is a no-op, not a constraint error.
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/step-photos/${o.photo2Id}`, { isHero: true })).status).toBe(200);
    expect(await heroes()).toEqual([o.photo2Id]);
    const catalog = await json<Catalog>(await buyerCatalog(o));
    expect(catalog.steps[0]!.photos[0]).toMatchObject({ id: o.photo2Id, isHero: true });
  });

  it('Should save surfaces of normalized polygons tied to this org subcategories, and refuse bad geometry', async () => {
    const o = await fresh();
    const surface = { key: 'upper-cabinets', label: 'Upper cabinets', subcategoryId: o.subcategory2Id, polygons: [[[0, 0], [0.5, 0], [0.5, 0.25], [0, 0.25]]], tileScale: 0.1 };
    const res = await api(o.host, o.admin, 'PATCH', `/api/admin/step-photos/${o.photoId}`, { surfaces: [surface], alt: 'Kitchen', spatialHint: 'Island in front' });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ surfaces: [surface], alt: 'Kitchen', spatialHint: 'Island in front' });
    const catalog = await json<Catalog>(await buyerCatalog(o));
    expect(catalog.steps[0]!.photos.find((p) => p.id === o.photoId)!.subcategoryIds).toEqual([o.subcategory2Id]);

    const bad = [
      { ...surface, polygons: [[[0, 0], [1.5, 0], [1, 1]]] },
      { ...surface, polygons: [[[0, 0], [1, 0]]] },
      { ...surface, polygons: [[[0, 0], [-0.1, 0], [1, 1]]] },
      { ...surface, tileScale: 0 },
      { ...surface, key: 'Bad Key' },
      { ...surface, subcategoryId: 'not-a-uuid' },
    ];
    for (const s of bad) expect((await api(o.host, o.admin, 'PATCH', `/api/admin/step-photos/${o.photoId}`, { surfaces: [s] })).status, JSON.stringify(s)).toBe(400);
    expect((await api(o.host, o.admin, 'PATCH', `/api/admin/step-photos/${o.photoId}`, { surfaces: [surface, surface] })).status).toBe(400);
  });

  it('Should store a visualizer policy that changes the image hash, clear it back to the defaults, and refuse unknown keys', async () => {
    const o = await fresh();
    const hashFor = async () => {
      const catalog = await json<Catalog>(await buyerCatalog(o));
      const res = await call(o.host, '/api/generate/photo/check', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ floorplanSlug: catalog.floorplan.slug, stepPhotoId: o.photoId, selections: {} }),
      });
      expect(res.status).toBe(200);
      return (await json<{ hash: string }>(res)).hash;
    };
    const before = await hashFor();
    const policy = { rules: ['The island stays where it is.'], secondPass: { instructions: 'Straighten the range hood.' }, startFromComposite: true };
    const put = await api(o.host, o.admin, 'PUT', `/api/admin/step-photos/${o.photoId}/policy`, policy);
    expect(put.status).toBe(200);
    expect(await json(put)).toEqual({ policy });
    expect((await json(await api(o.host, o.admin, 'GET', `/api/admin/step-photos/${o.photoId}`))).policy).toEqual(policy);
    const withPolicy = await hashFor();
    expect(withPolicy).not.toBe(before);

    for (const bad of [{ startFromComposite: 'yes' }, { rules: [''] }, { secondPass: { instructions: 'x', extra: 1 } }, { tileScale: 2 }]) {
      expect((await api(o.host, o.admin, 'PUT', `/api/admin/step-photos/${o.photoId}/policy`, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await json(await api(o.host, o.admin, 'GET', `/api/admin/step-photos/${o.photoId}`))).policy).toEqual(policy);

    const cleared = await api(o.host, o.admin, 'PUT', `/api/admin/step-photos/${o.photoId}/policy`, { rules: [], secondPass: null, startFromComposite: false });
    expect(await json(cleared)).toEqual({ policy: null });
    const rows = await env.DB.prepare('SELECT count(*) AS n FROM generation_policies WHERE step_photo_id = ?').bind(o.photoId).first<{ n: number }>();
    expect(rows!.n).toBe(0);
    expect(await hashFor()).toBe(before);
  });

  it('Should hand the hero flag to the next photo when the hero is deleted, and keep it when another goes', async () => {
    const o = await fresh();
    const heroes = async () => (await env.DB.prepare('SELECT id FROM step_photos WHERE step_id = ? AND is_hero = 1').bind(o.stepId).all<{ id: string }>()).results.map((r) => r.id);
    expect(await heroes()).toEqual([o.photoId]);
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/step-photos/${o.photoId}`)).status).toBe(204);
    expect(await heroes()).toEqual([o.photo2Id]);
    const catalog = await json<Catalog>(await buyerCatalog(o));
    expect(catalog.steps[0]!.photos.map((p) => ({ id: p.id, isHero: p.isHero }))).toEqual([{ id: o.photo2Id, isHero: true }]);
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/step-photos/${o.photo2Id}`)).status).toBe(204);
    expect(await heroes()).toEqual([]);
  });

  it('Should delete a photo row with its image and generated-image objects', async () => {
    const o = await fresh();
    expect(await objectExists(o.photoKey)).toBe(true);
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/step-photos/${o.photoId}`)).status).toBe(204);
    expect(await objectExists(o.photoKey)).toBe(false);
    expect(await objectExists(o.generatedKey)).toBe(false);
    expect(await objectExists(o.photo2Key)).toBe(true);
    const gen = await env.DB.prepare('SELECT count(*) AS n FROM generated_images WHERE step_photo_id = ?').bind(o.photoId).first<{ n: number }>();
    expect(gen!.n).toBe(0);
  });
});

describe('price overrides', () => {
  it('Should set, list and reset a per-floorplan price', async () => {
    const o = await fresh();
    const put = await api(o.host, o.admin, 'PUT', `/api/admin/pricing-overrides/${o.floorplanId}/${o.option3Id}`, { priceCents: 99_900 });
    expect(await json(put)).toEqual({ optionId: o.option3Id, floorplanId: o.floorplanId, priceCents: 99_900 });
    await api(o.host, o.admin, 'PUT', `/api/admin/pricing-overrides/${o.floorplanId}/${o.option3Id}`, { priceCents: 88_800 });
    const list = await json(await api(o.host, o.viewer, 'GET', `/api/admin/pricing-overrides?floorplanId=${o.floorplanId}`));
    expect(list.overrides).toEqual([{ optionId: o.option3Id, floorplanId: o.floorplanId, priceCents: 88_800 }]);
    expect(allOptions(await json<Catalog>(await buyerCatalog(o))).find((x) => x.id === o.option3Id)!.priceCents).toBe(88_800);

    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/pricing-overrides/${o.floorplanId}/${o.option3Id}`)).status).toBe(204);
    expect(allOptions(await json<Catalog>(await buyerCatalog(o))).find((x) => x.id === o.option3Id)!.priceCents).toBe(150_000);
    expect((await json(await api(o.host, o.admin, 'GET', `/api/admin/pricing-overrides?floorplanId=${o.floorplanId}`))).overrides).toEqual([]);
  });
});

describe('reorder', () => {
  const order = async (table: string, parentCol: string, parent: string) =>
    (await env.DB.prepare(`SELECT id FROM ${table} WHERE ${parentCol} = ? ORDER BY sort_order`).bind(parent).all<{ id: string }>()).results.map((r) => r.id);

  it('Should rewrite the order of a whole list in one batch', async () => {
    const o = await fresh();
    const res = await api(o.host, o.admin, 'POST', '/api/admin/reorder', { kind: 'subcategories', ids: [o.subcategory2Id, o.subcategoryId] });
    expect(res.status).toBe(204);
    expect(await order('subcategories', 'category_id', o.categoryId)).toEqual([o.subcategory2Id, o.subcategoryId]);
    await api(o.host, o.admin, 'POST', '/api/admin/reorder', { kind: 'options', ids: [o.option3Id, o.optionId] });
    expect(await order('options', 'subcategory_id', o.subcategoryId)).toEqual([o.option3Id, o.optionId]);
    const catalog = await json<Catalog>(await buyerCatalog(o));
    expect(catalog.categories[0]!.subcategories.map((s) => s.id)).toEqual([o.subcategory2Id, o.subcategoryId]);
  });

  it("Should change nothing when one id is another org's, the parents differ, or the list is partial", async () => {
    const o = await fresh();
    const before = await snapshot();
    const post = (body: unknown) => api(o.host, o.admin, 'POST', '/api/admin/reorder', body);
    expect((await post({ kind: 'options', ids: [o.option3Id, o.optionId, B.option3Id] })).status).toBe(404);
    expect((await post({ kind: 'options', ids: [o.option3Id, o.optionId, o.option2Id] })).status).toBe(400);
    expect((await post({ kind: 'options', ids: [o.option3Id] })).status).toBe(400);
    expect((await post({ kind: 'options', ids: [o.option3Id, o.option3Id] })).status).toBe(400);
    expect((await post({ kind: 'floors', ids: [o.option3Id] })).status).toBe(400);
    expect((await post({ kind: 'categories', ids: [o.subcategoryId] })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});

describe('everything at once', () => {
  it('Should accept every request of the route table from an admin, so the 403s and 404s above were not input errors', async () => {
    const o = await fresh();
    for (const rc of routeCases(o)) {
      const res = await send(o.host, o.admin, rc);
      expect(res.status, `${label(rc)}: ${res.status === 200 || res.status === 201 || res.status === 204 ? '' : await res.clone().text()}`).toBeOneOf([200, 201, 204]);
    }
    // The category went last among the option tree: none of its swatch objects may remain.
    const left = await env.MEDIA.list({ prefix: `${o.orgId}/swatches/` });
    expect(left.objects.map((x) => x.key)).toEqual([]);
    expect(await objectExists(o.photoKey)).toBe(false);
    expect(await objectExists(o.generatedKey)).toBe(false);
  });
});
