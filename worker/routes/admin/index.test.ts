/**
 * The matrices over every route this module owns: who may call it (anonymous, viewer,
 * admin) and what another org's ids get (404, with D1 and R2 left exactly as they were).
 */
import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminSend, createAdmin, loginAs, type TestAdmin } from '../../../test/admin-fixtures';
import { call, createTenant, json, type TestTenant } from '../../../test/fixtures';
import { getDb } from '../../db/client';
import { adminSessions, authTokens, buyerSessions, generatedImages, orgUsers, stepPhotos, steps, users } from '../../db/schema';
import { issueAuthToken } from '../../services/admin-auth';

const db = getDb(env.DB);

interface Fixture {
  t: TestTenant;
  admin: TestAdmin;
  adminCookie: string;
  viewerCookie: string;
  memberId: string;
  inviteId: string;
  imageId: string;
  imageKey: string;
  buyerSessionId: string;
}

async function fixture(slug: string): Promise<Fixture> {
  const t = await createTenant(slug);
  const admin = await createAdmin(t, 'admin');
  const viewer = await createAdmin(t, 'viewer');
  const member = await createAdmin(t, 'viewer');
  const { row: invite } = await issueAuthToken(db, { orgId: t.orgId, email: `invitee@${slug}.test`, purpose: 'invite', role: 'admin', ttlMs: 3600_000 });
  const now = Date.now();
  const stepId = crypto.randomUUID();
  const photoId = crypto.randomUUID();
  const imageId = crypto.randomUUID();
  const buyerSessionId = crypto.randomUUID();
  const imageKey = `${t.orgId}/generated/${imageId}.png`;
  await env.MEDIA.put(imageKey, new Uint8Array([137, 80, 78, 71]));
  await db.batch([
    db.insert(steps).values({ id: stepId, orgId: t.orgId, floorplanId: t.floorplanId, slug: 'kitchen', name: 'Kitchen', createdAt: now }),
    db.insert(stepPhotos).values({ id: photoId, orgId: t.orgId, stepId, imageKey: `${t.orgId}/rooms/x.png`, width: 1024, height: 1024, createdAt: now }),
    db.insert(generatedImages).values({ id: imageId, orgId: t.orgId, hash: imageId, stepPhotoId: photoId, model: 'm', status: 'complete', imageKey, selections: {}, claimedAt: now, createdAt: now }),
    db.insert(buyerSessions).values({ id: buyerSessionId, orgId: t.orgId, floorplanId: t.floorplanId, selections: {}, quantities: {}, totalCents: 0, lastActiveAt: now, createdAt: now }),
  ]);
  return {
    t,
    admin,
    adminCookie: await loginAs(t.host, admin.email),
    viewerCookie: await loginAs(t.host, viewer.email),
    memberId: member.userId,
    inviteId: invite.id,
    imageId,
    imageKey,
    buyerSessionId,
  };
}

/** Everything an attack on the org could have changed, in D1 and R2. */
async function snapshot(f: Fixture) {
  const [members, tokens, images, sessions, allUsers, adminRows] = await db.batch([
    db.select().from(orgUsers).where(eq(orgUsers.orgId, f.t.orgId)).orderBy(orgUsers.userId),
    db.select().from(authTokens).where(eq(authTokens.orgId, f.t.orgId)).orderBy(authTokens.id),
    db.select().from(generatedImages).where(eq(generatedImages.orgId, f.t.orgId)).orderBy(generatedImages.id),
    db.select().from(buyerSessions).where(eq(buyerSessions.orgId, f.t.orgId)).orderBy(buyerSessions.id),
    db.select().from(users).orderBy(users.id),
    db.select({ id: adminSessions.id, userId: adminSessions.userId }).from(adminSessions).where(eq(adminSessions.orgId, f.t.orgId)).orderBy(adminSessions.id),
  ]);
  const objects = (await env.MEDIA.list({ prefix: `${f.t.orgId}/` })).objects.map((o) => `${o.key}:${o.etag}`);
  return { members, tokens, images, sessions, allUsers, adminRows, objects };
}

/** The mutating routes this module owns, aimed at the ids of `target`. */
const mutations = (target: Fixture): Array<[string, string, unknown?]> => [
  ['POST', '/api/admin/invites', { email: 'someone.new@x.test', role: 'admin' }],
  ['DELETE', `/api/admin/invites/${target.inviteId}`],
  ['PATCH', `/api/admin/users/${target.memberId}`, { role: 'admin' }],
  ['DELETE', `/api/admin/users/${target.memberId}`],
  ['DELETE', `/api/admin/images/${target.imageId}`],
];

const reads = (target: Fixture): string[] => [
  '/api/admin/me',
  '/api/admin/users',
  '/api/admin/invites',
  '/api/admin/buyer-sessions',
  `/api/admin/buyer-sessions/${target.buyerSessionId}`,
  '/api/admin/images',
  '/api/admin/outbox',
  '/api/admin/stats',
];

let a: Fixture;
let b: Fixture;
beforeAll(async () => {
  a = await fixture('mx-a');
  b = await fixture('mx-b');
});

describe('role matrix', () => {
  it('Should refuse every mutating route to a viewer with 403 and change nothing', async () => {
    const before = await snapshot(a);
    for (const [method, path, body] of mutations(a)) {
      const res = await adminSend(a.t.host, a.viewerCookie, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await json(res)).error.code).toBe('forbidden');
    }
    expect(await snapshot(a)).toEqual(before);
  });

  it('Should let a viewer read every read route', async () => {
    for (const path of reads(a)) expect((await adminSend(a.t.host, a.viewerCookie, 'GET', path)).status, path).toBe(200);
  });

  it('Should answer 401 to every route without a session, changing nothing', async () => {
    const before = await snapshot(a);
    for (const [method, path, body] of mutations(a)) expect((await adminSend(a.t.host, '', method, path, body)).status, `${method} ${path}`).toBe(401);
    for (const path of [...reads(a), '/api/admin/no-such-route']) expect((await call(a.t.host, path)).status, path).toBe(401);
    expect((await call(a.t.host, '/api/admin/logout', { method: 'POST' })).status).toBe(401);
    expect(await snapshot(a)).toEqual(before);
  });

  it('Should let a viewer sign out', async () => {
    const viewer = await createAdmin(a.t, 'viewer');
    const cookie = await loginAs(a.t.host, viewer.email);
    expect((await adminSend(a.t.host, cookie, 'POST', '/api/admin/logout')).status).toBe(204);
  });

  it('Should let an admin do every mutation on its own org', async () => {
    const f = await fixture('mx-c');
    const expected = [201, 204, 200, 204, 204];
    const results = [];
    for (const [method, path, body] of mutations(f)) results.push((await adminSend(f.t.host, f.adminCookie, method, path, body)).status);
    expect(results).toEqual(expected);
    expect(await env.MEDIA.head(f.imageKey)).toBeNull();
  });
});

describe('isolation matrix', () => {
  it("Should answer 404 to an admin using another org's ids, and leave that org's D1 rows and R2 objects as they were", async () => {
    const before = await snapshot(b);
    const ownBefore = await snapshot(a);
    for (const [method, path, body] of mutations(b).filter(([m, p]) => !(m === 'POST' && p === '/api/admin/invites'))) {
      const res = await adminSend(a.t.host, a.adminCookie, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    expect((await adminSend(a.t.host, a.adminCookie, 'GET', `/api/admin/buyer-sessions/${b.buyerSessionId}`)).status).toBe(404);
    expect(await snapshot(b)).toEqual(before);
    expect(await snapshot(a)).toEqual(ownBefore);
  });

  it("Should keep another org's rows out of every list", async () => {
    const lists = await Promise.all(reads(a).map(async (path) => JSON.stringify(await json(await adminSend(a.t.host, a.adminCookie, 'GET', path)))));
    const text = lists.join('\n');
    for (const id of [b.memberId, b.inviteId, b.imageId, b.buyerSessionId, b.admin.userId, b.t.orgId]) expect(text).not.toContain(id);
  });

  it("Should refuse a session cookie from another org's host", async () => {
    expect((await adminSend(a.t.host, b.adminCookie, 'GET', '/api/admin/me')).status).toBe(401);
    const before = await snapshot(a);
    expect((await adminSend(a.t.host, b.adminCookie, 'DELETE', `/api/admin/images/${a.imageId}`)).status).toBe(401);
    expect(await snapshot(a)).toEqual(before);
  });
});
