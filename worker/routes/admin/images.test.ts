import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminSend, createAdmin, loginAs } from '../../../test/admin-fixtures';
import { call, createTenant, json, type TestTenant } from '../../../test/fixtures';
import { getDb } from '../../db/client';
import { generatedImages, stepPhotos, steps, type GenerationStatus } from '../../db/schema';

const db = getDb(env.DB);
let a: TestTenant;
let b: TestTenant;
let adminA: string;
let viewerA: string;
const photoOf: Record<string, string> = {};

async function photoFor(t: TestTenant): Promise<string> {
  const stepId = crypto.randomUUID();
  const photoId = crypto.randomUUID();
  const now = Date.now();
  await db.batch([
    db.insert(steps).values({ id: stepId, orgId: t.orgId, floorplanId: t.floorplanId, slug: 'kitchen', name: 'Kitchen', createdAt: now }),
    db.insert(stepPhotos).values({ id: photoId, orgId: t.orgId, stepId, imageKey: `${t.orgId}/rooms/${stepId}/x.png`, width: 1024, height: 1024, createdAt: now }),
  ]);
  return photoId;
}

/** A cache row and, when complete, its object in R2. */
async function image(t: TestTenant, status: GenerationStatus, createdAt = Date.now()) {
  const id = crypto.randomUUID();
  const hash = crypto.randomUUID().replace(/-/g, '').repeat(2);
  const imageKey = status === 'complete' ? `${t.orgId}/generated/${hash}.png` : null;
  if (imageKey) await env.MEDIA.put(imageKey, new Uint8Array([137, 80, 78, 71]));
  await db.insert(generatedImages).values({
    id,
    orgId: t.orgId,
    hash,
    stepPhotoId: photoOf[t.orgId]!,
    model: 'compositor',
    status,
    imageKey,
    selections: { sub: 'opt' },
    error: status === 'failed' ? 'provider failed' : null,
    claimedAt: createdAt,
    completedAt: status === 'pending' ? null : createdAt,
    createdAt,
  });
  return { id, imageKey };
}

beforeAll(async () => {
  a = await createTenant('img-a');
  b = await createTenant('img-b');
  photoOf[a.orgId] = await photoFor(a);
  photoOf[b.orgId] = await photoFor(b);
  adminA = await loginAs(a.host, (await createAdmin(a, 'admin')).email);
  viewerA = await loginAs(a.host, (await createAdmin(a, 'viewer')).email);
});

const listIds = async (query: string, cookie = adminA) => {
  const res = await adminSend(a.host, cookie, 'GET', `/api/admin/images${query}`);
  expect(res.status).toBe(200);
  return (await json<{ images: Array<{ id: string }> }>(res)).images.map((i) => i.id);
};

describe('GET /api/admin/images', () => {
  it("Should list this org's cache entries by status, newest first, with their media URL", async () => {
    const t = Date.now();
    const done = await image(a, 'complete', t - 3000);
    const failed = await image(a, 'failed', t - 2000);
    const pending = await image(a, 'pending', t - 1000);
    const theirs = await image(b, 'complete', t);
    const all = await listIds('');
    expect(all.slice(0, 3)).toEqual([pending.id, failed.id, done.id]);
    expect(all).not.toContain(theirs.id);
    expect(await listIds('?status=failed')).toEqual([failed.id]);
    expect(await listIds('?status=pending', viewerA)).toEqual([pending.id]);
    const res = await json(await adminSend(a.host, adminA, 'GET', '/api/admin/images?status=complete'));
    expect(res.images.find((i: { id: string }) => i.id === done.id)).toMatchObject({ status: 'complete', url: `/media/${done.imageKey}`, model: 'compositor' });
  });

  it('Should refuse an unknown status with 400', async () => {
    expect((await adminSend(a.host, adminA, 'GET', '/api/admin/images?status=deleted')).status).toBe(400);
  });
});

describe('DELETE /api/admin/images/:id', () => {
  it('Should delete the row and its R2 object', async () => {
    const done = await image(a, 'complete');
    expect(await env.MEDIA.head(done.imageKey!)).not.toBeNull();
    expect((await adminSend(a.host, adminA, 'DELETE', `/api/admin/images/${done.id}`)).status).toBe(204);
    expect(await db.select().from(generatedImages).where(eq(generatedImages.id, done.id)).get()).toBeUndefined();
    expect(await env.MEDIA.head(done.imageKey!)).toBeNull();
    expect((await adminSend(a.host, adminA, 'DELETE', `/api/admin/images/${done.id}`)).status).toBe(404);
  });

  it('Should delete a pending row that has no object yet', async () => {
    const pending = await image(a, 'pending');
    expect((await adminSend(a.host, adminA, 'DELETE', `/api/admin/images/${pending.id}`)).status).toBe(204);
    expect(await db.select().from(generatedImages).where(eq(generatedImages.id, pending.id)).get()).toBeUndefined();
  });

  it("Should answer 404 for another org's image and leave its row and object alone", async () => {
    const theirs = await image(b, 'complete');
    expect((await adminSend(a.host, adminA, 'DELETE', `/api/admin/images/${theirs.id}`)).status).toBe(404);
    expect(await db.select().from(generatedImages).where(eq(generatedImages.id, theirs.id)).get()).toBeDefined();
    expect(await env.MEDIA.head(theirs.imageKey!)).not.toBeNull();
  });

  it('Should refuse a viewer with 403 and leave the row and object alone', async () => {
    const done = await image(a, 'complete');
    expect((await adminSend(a.host, viewerA, 'DELETE', `/api/admin/images/${done.id}`)).status).toBe(403);
    expect(await db.select().from(generatedImages).where(eq(generatedImages.id, done.id)).get()).toBeDefined();
    expect(await env.MEDIA.head(done.imageKey!)).not.toBeNull();
  });

  it("Should never delete an object outside the org's own key space", async () => {
    const foreignKey = `${b.orgId}/generated/planted.png`;
    await env.MEDIA.put(foreignKey, new Uint8Array([1]));
    const row = await image(a, 'failed');
    await db.update(generatedImages).set({ imageKey: foreignKey }).where(eq(generatedImages.id, row.id));
    expect((await adminSend(a.host, adminA, 'DELETE', `/api/admin/images/${row.id}`)).status).toBe(204);
    expect(await env.MEDIA.head(foreignKey)).not.toBeNull();
  });

  it('Should need a session', async () => {
    const done = await image(a, 'complete');
    expect((await call(a.host, `/api/admin/images/${done.id}`, { method: 'DELETE' })).status).toBe(401);
    expect(await env.MEDIA.head(done.imageKey!)).not.toBeNull();
  });
});
