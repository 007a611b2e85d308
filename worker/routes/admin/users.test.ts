import { env } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminSend, createAdmin, loginAs } from '../../../test/admin-fixtures';
import { call, createTenant, json, type TestTenant } from '../../../test/fixtures';
import { getDb } from '../../db/client';
import { adminSessions, orgUsers, users } from '../../db/schema';

const db = getDb(env.DB);
const membership = (orgId: string, userId: string) =>
  db.select().from(orgUsers).where(and(eq(orgUsers.orgId, orgId), eq(orgUsers.userId, userId))).get();

let b: TestTenant;
beforeAll(async () => {
  b = await createTenant('usr-b');
});

/** A fresh org per test, so "the last admin" is about that org alone. */
async function org(slug: string) {
  const t = await createTenant(slug);
  const admin = await createAdmin(t, 'admin');
  return { t, admin, cookie: await loginAs(t.host, admin.email) };
}

describe('listing members', () => {
  it("Should list this org's members with their roles and nobody else", async () => {
    const { t, admin, cookie } = await org('usr-list');
    const viewer = await createAdmin(t, 'viewer');
    const outsider = await createAdmin(b, 'admin');
    const res = await adminSend(t.host, cookie, 'GET', '/api/admin/users');
    expect(res.status).toBe(200);
    const { members } = await json(res);
    expect(members).toHaveLength(2);
    expect(members).toEqual(
      expect.arrayContaining([
        { userId: admin.userId, email: admin.email, name: 'Test admin', role: 'admin', joinedAt: expect.any(Number) },
        { userId: viewer.userId, email: viewer.email, name: 'Test viewer', role: 'viewer', joinedAt: expect.any(Number) },
      ]),
    );
    expect(JSON.stringify(members)).not.toContain(outsider.email);
    const viewerCookie = await loginAs(t.host, viewer.email);
    expect((await adminSend(t.host, viewerCookie, 'GET', '/api/admin/users')).status).toBe(200);
  });
});

describe('changing roles', () => {
  it('Should promote a viewer, whose next request can then write', async () => {
    const { t, cookie } = await org('usr-promote');
    const viewer = await createAdmin(t, 'viewer');
    const viewerCookie = await loginAs(t.host, viewer.email);
    const res = await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${viewer.userId}`, { role: 'admin' });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ member: { userId: viewer.userId, role: 'admin' } });
    expect((await json(await call(t.host, '/api/admin/me', { headers: { cookie: viewerCookie } }))).role).toBe('admin');
  });

  it('Should refuse to demote or remove the last admin, and allow it while another admin remains', async () => {
    const { t, admin, cookie } = await org('usr-last');
    for (const [method, body] of [['PATCH', { role: 'viewer' }], ['DELETE', undefined]] as const) {
      const res = await adminSend(t.host, cookie, method, `/api/admin/users/${admin.userId}`, body);
      expect(res.status, method).toBe(409);
      expect((await json(res)).error.code).toBe('conflict');
      expect((await membership(t.orgId, admin.userId))!.role).toBe('admin');
    }
    const second = await createAdmin(t, 'admin');
    expect((await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${second.userId}`, { role: 'viewer' })).status).toBe(200);
    expect((await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${admin.userId}`, { role: 'viewer' })).status).toBe(409);
    await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${second.userId}`, { role: 'admin' });
    // Demoting oneself is fine while someone else stays admin; the session loses write access at once.
    expect((await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${admin.userId}`, { role: 'viewer' })).status).toBe(200);
    expect((await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${second.userId}`, { role: 'viewer' })).status).toBe(403);
  });

  it('Should reject a role that does not exist', async () => {
    const { t, admin, cookie } = await org('usr-badrole');
    const res = await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${admin.userId}`, { role: 'owner' });
    expect(res.status).toBe(400);
    expect((await membership(t.orgId, admin.userId))!.role).toBe('admin');
  });
});

describe('removing members', () => {
  it('Should remove the membership and end their sessions here, keeping the user and other memberships', async () => {
    const { t, cookie } = await org('usr-remove');
    const leaving = await createAdmin(t, 'viewer');
    await db.insert(orgUsers).values({ orgId: b.orgId, userId: leaving.userId, role: 'viewer', createdAt: Date.now() });
    const theirs = await loginAs(t.host, leaving.email);
    const theirsB = await loginAs(b.host, leaving.email);
    expect((await adminSend(t.host, cookie, 'DELETE', `/api/admin/users/${leaving.userId}`)).status).toBe(204);
    expect(await membership(t.orgId, leaving.userId)).toBeUndefined();
    expect((await call(t.host, '/api/admin/me', { headers: { cookie: theirs } })).status).toBe(401);
    expect(await db.select().from(adminSessions).where(and(eq(adminSessions.orgId, t.orgId), eq(adminSessions.userId, leaving.userId))).all()).toEqual([]);
    expect((await call(b.host, '/api/admin/me', { headers: { cookie: theirsB } })).status).toBe(200);
    expect(await db.select().from(users).where(eq(users.id, leaving.userId)).get()).toBeDefined();
    expect((await adminSend(t.host, cookie, 'DELETE', `/api/admin/users/${leaving.userId}`)).status).toBe(404);
  });
});

describe('isolation and roles', () => {
  it("Should answer 404 for another org's member and leave them as they were", async () => {
    const { t, cookie } = await org('usr-iso');
    const outsider = await createAdmin(b, 'viewer');
    expect((await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${outsider.userId}`, { role: 'admin' })).status).toBe(404);
    expect((await adminSend(t.host, cookie, 'DELETE', `/api/admin/users/${outsider.userId}`)).status).toBe(404);
    expect((await membership(b.orgId, outsider.userId))!.role).toBe('viewer');
  });

  it('Should refuse a viewer with 403 on every change', async () => {
    const { t, admin } = await org('usr-viewer');
    const viewer = await createAdmin(t, 'viewer');
    const cookie = await loginAs(t.host, viewer.email);
    expect((await adminSend(t.host, cookie, 'PATCH', `/api/admin/users/${viewer.userId}`, { role: 'admin' })).status).toBe(403);
    expect((await adminSend(t.host, cookie, 'DELETE', `/api/admin/users/${admin.userId}`)).status).toBe(403);
    expect((await membership(t.orgId, viewer.userId))!.role).toBe('viewer');
    expect(await membership(t.orgId, admin.userId)).toBeDefined();
  });
});
