import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminSend, createAdmin, loginAs } from '../../../test/admin-fixtures';
import { call, createTenant, json, type TestTenant } from '../../../test/fixtures';
import { getDb } from '../../db/client';
import { buyerSessions, generatedImages, stepPhotos, steps } from '../../db/schema';
import { WEEK_MS, type AdminStats } from './stats';

const db = getDb(env.DB);
let a: TestTenant;
let b: TestTenant;
let viewerA: string;

/** `n` buyer sessions last active `ageMs` ago, `withEmail` of them with an address. */
async function sessions(t: TestTenant, n: number, ageMs: number, withEmail = 0) {
  const now = Date.now();
  await db.insert(buyerSessions).values(
    Array.from({ length: n }, (_, i) => ({
      id: crypto.randomUUID(),
      orgId: t.orgId,
      floorplanId: t.floorplanId,
      selections: {},
      quantities: {},
      totalCents: 0,
      email: i < withEmail ? `buyer${i}@x.test` : null,
      lastActiveAt: now - ageMs,
      createdAt: now - ageMs,
    })),
  );
}

async function images(t: TestTenant, statuses: Array<'pending' | 'complete' | 'failed'>) {
  const now = Date.now();
  const stepId = crypto.randomUUID();
  const photoId = crypto.randomUUID();
  await db.batch([
    db.insert(steps).values({ id: stepId, orgId: t.orgId, floorplanId: t.floorplanId, slug: `s-${stepId.slice(0, 8)}`, name: 'Kitchen', createdAt: now }),
    db.insert(stepPhotos).values({ id: photoId, orgId: t.orgId, stepId, imageKey: `${t.orgId}/rooms/x.png`, width: 1024, height: 1024, createdAt: now }),
  ]);
  for (const status of statuses) {
    const id = crypto.randomUUID();
    await db.insert(generatedImages).values({ id, orgId: t.orgId, hash: id, stepPhotoId: photoId, model: 'compositor', status, selections: {}, claimedAt: now, createdAt: now });
  }
}

beforeAll(async () => {
  a = await createTenant('stats-a');
  b = await createTenant('stats-b');
  viewerA = await loginAs(a.host, (await createAdmin(a, 'viewer')).email);
  await sessions(a, 5, 3600_000, 2);
  await sessions(a, 3, WEEK_MS + 3600_000, 1);
  await images(a, ['complete', 'complete', 'failed', 'pending']);
  // The other tenant is busier; none of it may show up in a's figures.
  await sessions(b, 9, 60_000, 9);
  await images(b, ['complete', 'complete', 'complete']);
});

describe('GET /api/admin/stats', () => {
  it("Should count this org's buyers this week, its images by status and its catalog, exactly", async () => {
    const res = await adminSend(a.host, viewerA, 'GET', '/api/admin/stats');
    expect(res.status).toBe(200);
    const stats = await json<AdminStats>(res);
    expect(stats.buyers).toEqual({ activeThisWeek: 5, savedWithEmailThisWeek: 2, total: 8 });
    expect(stats.images).toEqual({ pending: 1, complete: 2, failed: 1 });
    expect(stats.catalog.floorplans).toBeGreaterThanOrEqual(1);
    expect(stats.catalog.activeFloorplans).toBeLessThanOrEqual(stats.catalog.floorplans);
    expect(Date.now() - stats.since).toBeGreaterThanOrEqual(WEEK_MS);
  });

  it('Should answer zeros for an org with no buyers or images yet', async () => {
    const c = await createTenant('stats-c');
    const cookie = await loginAs(c.host, (await createAdmin(c, 'admin')).email);
    const stats = await json<AdminStats>(await adminSend(c.host, cookie, 'GET', '/api/admin/stats'));
    expect(stats.buyers).toEqual({ activeThisWeek: 0, savedWithEmailThisWeek: 0, total: 0 });
    expect(stats.images).toEqual({ pending: 0, complete: 0, failed: 0 });
  });

  it('Should refuse anyone without a session', async () => {
    expect((await call(a.host, '/api/admin/stats')).status).toBe(401);
  });
});
