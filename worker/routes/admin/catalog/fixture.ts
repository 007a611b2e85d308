/**
 * Test support for the admin catalog and upload routes: a tenant with a small catalog
 * (written straight to D1/R2, independent of the routes under test), signed-in admin and
 * viewer cookies, a snapshot of everything the routes could change, and the table of
 * every route as a concrete request for the role and isolation matrices.
 */
import { env } from 'cloudflare:test';
import { createAdmin, loginAs } from '../../../../test/admin-fixtures';
import { call, createTenant } from '../../../../test/fixtures';
import { getDb } from '../../../db/client';
import { categories, generatedImages, optionRules, options, stepPhotos, steps, subcategories } from '../../../db/schema';
import { glb, realPng } from '../../../lib/upload-sniff.fixture';

export interface OrgFixture {
  orgId: string;
  slug: string;
  host: string;
  admin: string;
  viewer: string;
  floorplanId: string;
  floorplanSlug: string;
  floorplan2Id: string;
  categoryId: string;
  subcategoryId: string;
  subcategory2Id: string;
  /** In subcategory 1, the default, with a swatch object. */
  optionId: string;
  /** In subcategory 2. */
  option2Id: string;
  /** In subcategory 1, excludes option 2 (rule `ruleId`). */
  option3Id: string;
  ruleId: string;
  stepId: string;
  /** Hero photo with surfaces and a generated image. */
  photoId: string;
  photo2Id: string;
  swatchKey: string;
  photoKey: string;
  photo2Key: string;
  generatedKey: string;
}

const png = realPng(8, 8);

export async function seedOrg(slug: string): Promise<OrgFixture> {
  const tenant = await createTenant(slug, { floorplans: ['plan-a', 'plan-b'] });
  const db = getDb(env.DB);
  const plan2 = await env.DB.prepare("SELECT id FROM floorplans WHERE org_id = ? AND slug = 'plan-b'").bind(tenant.orgId).first<{ id: string }>();
  const id = () => crypto.randomUUID();
  const orgId = tenant.orgId;
  const now = Date.now();
  const f: Omit<OrgFixture, 'admin' | 'viewer'> = {
    orgId,
    slug,
    host: tenant.host,
    floorplanId: tenant.floorplanId,
    floorplanSlug: 'plan-a',
    floorplan2Id: plan2!.id,
    categoryId: id(),
    subcategoryId: id(),
    subcategory2Id: id(),
    optionId: id(),
    option2Id: id(),
    option3Id: id(),
    ruleId: id(),
    stepId: id(),
    photoId: id(),
    photo2Id: id(),
    swatchKey: '',
    photoKey: '',
    photo2Key: '',
    generatedKey: '',
  };
  f.swatchKey = `${orgId}/swatches/${f.subcategoryId}/${id()}.png`;
  f.photoKey = `${orgId}/rooms/${f.stepId}/${id()}.png`;
  f.photo2Key = `${orgId}/rooms/${f.stepId}/${id()}.png`;
  f.generatedKey = `${orgId}/generated/${id()}.png`;
  for (const key of [f.swatchKey, f.photoKey, f.photo2Key, f.generatedKey]) {
    await env.MEDIA.put(key, png, { httpMetadata: { contentType: 'image/png' } });
  }
  const surface = { key: 'cabinets', label: 'Cabinets', subcategoryId: f.subcategoryId, polygons: [[[0.1, 0.1], [0.5, 0.1], [0.5, 0.5]] as [number, number][]], tileScale: 0.2 };
  await db.batch([
    db.insert(categories).values({ id: f.categoryId, orgId, slug: 'kitchen', name: 'Kitchen', createdAt: now }),
    db.insert(subcategories).values([
      { id: f.subcategoryId, orgId, categoryId: f.categoryId, slug: 'cabinets', name: 'Cabinets', isVisual: true, sortOrder: 0, createdAt: now },
      { id: f.subcategory2Id, orgId, categoryId: f.categoryId, slug: 'hardware', name: 'Hardware', sortOrder: 1, createdAt: now },
    ]),
    db.insert(options).values([
      { id: f.optionId, orgId, subcategoryId: f.subcategoryId, slug: 'shaker-white', name: 'Shaker white', priceCents: 0, isDefault: true, swatchKey: f.swatchKey, sortOrder: 0, createdAt: now },
      { id: f.option3Id, orgId, subcategoryId: f.subcategoryId, slug: 'slab-walnut', name: 'Slab walnut', priceCents: 150_000, sortOrder: 1, createdAt: now },
      { id: f.option2Id, orgId, subcategoryId: f.subcategory2Id, slug: 'brass-pulls', name: 'Brass pulls', priceCents: 20_000, sortOrder: 0, createdAt: now },
    ]),
    db.insert(optionRules).values({ id: f.ruleId, orgId, optionId: f.option3Id, kind: 'excludes', targetOptionId: f.option2Id, createdAt: now }),
    db.insert(steps).values({
      id: f.stepId,
      orgId,
      floorplanId: f.floorplanId,
      slug: 'kitchen',
      name: 'Kitchen',
      sections: [{ title: 'Cabinetry', subcategoryIds: [f.subcategoryId, f.subcategory2Id] }],
      createdAt: now,
    }),
    db.insert(stepPhotos).values([
      { id: f.photoId, orgId, stepId: f.stepId, imageKey: f.photoKey, width: 1536, height: 1024, isHero: true, sortOrder: 0, surfaces: [surface], createdAt: now },
      { id: f.photo2Id, orgId, stepId: f.stepId, imageKey: f.photo2Key, width: 1536, height: 1024, isHero: false, sortOrder: 1, createdAt: now },
    ]),
    db.insert(generatedImages).values({
      id: id(),
      orgId,
      hash: `hash-${id()}`,
      stepPhotoId: f.photoId,
      model: 'compositor',
      status: 'complete',
      imageKey: f.generatedKey,
      selections: {},
      claimedAt: now,
      completedAt: now,
      createdAt: now,
    }),
  ]);
  const admin = await createAdmin(tenant, 'admin');
  const viewer = await createAdmin(tenant, 'viewer');
  return { ...f, admin: await loginAs(tenant.host, admin.email), viewer: await loginAs(tenant.host, viewer.email) };
}

/** A JSON request as a signed-in member. */
export function api(host: string, cookie: string, method: string, path: string, body?: unknown): Promise<Response> {
  return call(host, path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A multipart upload (field `file`) as a signed-in member. */
export function upload(host: string, cookie: string, path: string, bytes: Uint8Array, opts: { filename?: string; type?: string; fields?: Record<string, string> } = {}): Promise<Response> {
  const form = new FormData();
  form.append('file', new File([bytes], opts.filename ?? 'upload.bin', { type: opts.type ?? 'application/octet-stream' }));
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  return call(host, `/api/admin${path}`, { method: 'POST', headers: { cookie }, body: form });
}

const SNAPSHOT_TABLES = [
  'organizations',
  'floorplans',
  'categories',
  'subcategories',
  'options',
  'option_floorplans',
  'option_rules',
  'option_floorplan_pricing',
  'steps',
  'step_photos',
  'generation_policies',
  'generated_images',
  'asset_catalog',
  'buyer_sessions',
] as const;

/** Every row the admin catalog routes could touch, and every R2 key. */
export async function snapshot(): Promise<{ rows: Record<string, unknown[]>; objects: string[] }> {
  const results = await env.DB.batch(SNAPSHOT_TABLES.map((t) => env.DB.prepare(`SELECT * FROM ${t} ORDER BY rowid`)));
  const rows = Object.fromEntries(SNAPSHOT_TABLES.map((t, i) => [t, results[i]!.results]));
  const objects: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.MEDIA.list({ cursor });
    objects.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return { rows, objects: objects.sort() };
}

export interface RouteCase {
  method: string;
  /** The route pattern as registered (for the coverage check). */
  route: string;
  path: string;
  body?: unknown;
  file?: { bytes: Uint8Array; fields?: Record<string, string> };
}

let big: Uint8Array | undefined;
/** A real 1024 x 1024 PNG (encoded once per test file). */
export const bigPng = () => (big ??= realPng(1024, 1024));

/**
 * Every admin catalog and upload route as a request on `ids`' rows, in an order an admin
 * could run them all one after another (deletions last, children before parents).
 */
export function routeCases(ids: OrgFixture): RouteCase[] {
  const sections = [{ title: 'All', subcategoryIds: [ids.subcategoryId] }];
  return [
    { method: 'GET', route: '/api/admin/categories', path: '/api/admin/categories' },
    { method: 'POST', route: '/api/admin/categories', path: '/api/admin/categories', body: { name: 'Flooring' } },
    { method: 'PATCH', route: '/api/admin/categories/:id', path: `/api/admin/categories/${ids.categoryId}`, body: { name: 'Kitchen & bar' } },
    { method: 'POST', route: '/api/admin/subcategories', path: '/api/admin/subcategories', body: { categoryId: ids.categoryId, name: 'Sinks' } },
    { method: 'PATCH', route: '/api/admin/subcategories/:id', path: `/api/admin/subcategories/${ids.subcategoryId}`, body: { isAdditive: false, unitLabel: null } },
    { method: 'GET', route: '/api/admin/options/:id', path: `/api/admin/options/${ids.optionId}` },
    { method: 'POST', route: '/api/admin/options', path: '/api/admin/options', body: { subcategoryId: ids.subcategoryId, name: 'Painted navy', priceCents: 90_000 } },
    { method: 'PATCH', route: '/api/admin/options/:id', path: `/api/admin/options/${ids.optionId}`, body: { priceCents: 4200, floorplanIds: [ids.floorplanId] } },
    { method: 'GET', route: '/api/admin/rules', path: '/api/admin/rules' },
    { method: 'POST', route: '/api/admin/rules', path: '/api/admin/rules', body: { optionId: ids.optionId, kind: 'requires', targetOptionId: ids.option2Id } },
    { method: 'PATCH', route: '/api/admin/rules/:id', path: `/api/admin/rules/${ids.ruleId}`, body: { message: 'Walnut clashes with brass' } },
    { method: 'GET', route: '/api/admin/floorplans', path: '/api/admin/floorplans' },
    { method: 'GET', route: '/api/admin/floorplans/:id', path: `/api/admin/floorplans/${ids.floorplanId}` },
    { method: 'POST', route: '/api/admin/floorplans', path: '/api/admin/floorplans', body: { name: 'Cedar', bedrooms: 3 } },
    { method: 'PATCH', route: '/api/admin/floorplans/:id', path: `/api/admin/floorplans/${ids.floorplanId}`, body: { name: 'Plan A+', squareFeet: 2100 } },
    { method: 'GET', route: '/api/admin/steps/:id', path: `/api/admin/steps/${ids.stepId}` },
    { method: 'POST', route: '/api/admin/steps', path: '/api/admin/steps', body: { floorplanId: ids.floorplanId, name: 'Baths', sections } },
    { method: 'PATCH', route: '/api/admin/steps/:id', path: `/api/admin/steps/${ids.stepId}`, body: { subtitle: 'Cabinets first', sections } },
    { method: 'GET', route: '/api/admin/step-photos/:id', path: `/api/admin/step-photos/${ids.photoId}` },
    { method: 'PATCH', route: '/api/admin/step-photos/:id', path: `/api/admin/step-photos/${ids.photo2Id}`, body: { isHero: true, alt: 'Kitchen island' } },
    { method: 'PUT', route: '/api/admin/step-photos/:id/policy', path: `/api/admin/step-photos/${ids.photoId}/policy`, body: { rules: ['The island stays where it is.'], startFromComposite: true } },
    { method: 'GET', route: '/api/admin/pricing-overrides', path: `/api/admin/pricing-overrides?floorplanId=${ids.floorplanId}` },
    { method: 'PUT', route: '/api/admin/pricing-overrides/:floorplanId/:optionId', path: `/api/admin/pricing-overrides/${ids.floorplanId}/${ids.option3Id}`, body: { priceCents: 99_00 } },
    { method: 'DELETE', route: '/api/admin/pricing-overrides/:floorplanId/:optionId', path: `/api/admin/pricing-overrides/${ids.floorplanId}/${ids.option3Id}` },
    { method: 'DELETE', route: '/api/admin/pricing-overrides/:floorplanId', path: `/api/admin/pricing-overrides/${ids.floorplanId}` },
    { method: 'POST', route: '/api/admin/reorder', path: '/api/admin/reorder', body: { kind: 'step-photos', ids: [ids.photo2Id, ids.photoId] } },
    { method: 'POST', route: '/api/admin/uploads/swatch', path: `/api/admin/uploads/swatch?subcategoryId=${ids.subcategoryId}&optionId=${ids.option3Id}`, file: { bytes: png } },
    { method: 'POST', route: '/api/admin/uploads/room-photo', path: `/api/admin/uploads/room-photo?stepId=${ids.stepId}`, file: { bytes: bigPng() } },
    { method: 'POST', route: '/api/admin/uploads/model', path: '/api/admin/uploads/model', file: { bytes: glb(), fields: { name: 'Sofa', category: 'furniture' } } },
    { method: 'DELETE', route: '/api/admin/step-photos/:id', path: `/api/admin/step-photos/${ids.photoId}` },
    { method: 'DELETE', route: '/api/admin/rules/:id', path: `/api/admin/rules/${ids.ruleId}` },
    { method: 'DELETE', route: '/api/admin/options/:id', path: `/api/admin/options/${ids.option2Id}` },
    { method: 'DELETE', route: '/api/admin/steps/:id', path: `/api/admin/steps/${ids.stepId}` },
    { method: 'DELETE', route: '/api/admin/subcategories/:id', path: `/api/admin/subcategories/${ids.subcategory2Id}` },
    { method: 'DELETE', route: '/api/admin/categories/:id', path: `/api/admin/categories/${ids.categoryId}` },
    { method: 'DELETE', route: '/api/admin/floorplans/:id', path: `/api/admin/floorplans/${ids.floorplan2Id}` },
  ];
}

export function send(host: string, cookie: string, rc: RouteCase): Promise<Response> {
  if (rc.file) {
    const form = new FormData();
    form.append('file', new File([rc.file.bytes], 'file.bin'));
    for (const [k, v] of Object.entries(rc.file.fields ?? {})) form.append(k, v);
    return call(host, rc.path, { method: rc.method, headers: { cookie }, body: form });
  }
  return api(host, cookie, rc.method, rc.path, rc.body);
}
