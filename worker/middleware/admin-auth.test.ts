import { createExecutionContext, env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { generateSignedCookie } from 'hono/cookie';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAdmin, loginAs, type TestAdmin } from '../../test/admin-fixtures';
import { createTenant, type TestTenant } from '../../test/fixtures';
import { getDb } from '../db/client';
import { adminSessions, orgUsers } from '../db/schema';
import { randomToken, sha256Hex } from '../lib/bytes';
import { handleError } from '../lib/errors';
import { SESSION_IDLE_MS, SESSION_REFRESH_MS } from '../services/admin-auth';
import type { AppEnv } from '../types';
import { requireAdmin, requireMember, sameOrigin } from './admin-auth';
import { tenant } from './tenant';

/** A small app with just the guards, so what they do is visible apart from any route. */
const app = new Hono<AppEnv>();
app.onError(handleError);
app.use('*', async (c, next) => {
  c.set('db', getDb(c.env.DB));
  await next();
});
app.use('*', tenant);
app.use('*', sameOrigin);
app.use('/m/*', requireMember);
app.get('/m/who', (c) => c.json(c.get('admin') ?? null));
app.get('/m/read', requireAdmin, (c) => c.json({ ok: true }));
app.post('/m/write', requireAdmin, (c) => c.json({ ok: true }));
app.delete('/m/write', requireAdmin, (c) => c.json({ ok: true }));
app.post('/open', (c) => c.json({ ok: true }));

const hit = (host: string, path: string, init: RequestInit = {}) => app.fetch(new Request(`http://${host}${path}`, init), env, createExecutionContext());
const db = getDb(env.DB);

let a: TestTenant;
let b: TestTenant;
let admin: TestAdmin;
let viewer: TestAdmin;
beforeAll(async () => {
  a = await createTenant('mw-a');
  b = await createTenant('mw-b');
  admin = await createAdmin(a, 'admin');
  viewer = await createAdmin(a, 'viewer');
});

const sessionOf = async (userId: string) => db.select().from(adminSessions).where(eq(adminSessions.userId, userId)).all();

describe('requireMember', () => {
  it('Should set the admin context from a valid session, with the row id and not the token', async () => {
    const cookie = await loginAs(a.host, admin.email);
    const res = await hit(a.host, '/m/who', { headers: { cookie } });
    expect(res.status).toBe(200);
    const who = await res.json<{ userId: string; email: string; role: string; sessionId: string }>();
    const token = decodeURIComponent(cookie.split('=')[1]!).split('.')[0]!;
    expect(who).toEqual({ userId: admin.userId, email: admin.email, role: 'admin', sessionId: await sha256Hex(token) });
    expect(who.sessionId).not.toBe(token);
  });

  it('Should answer 401 without a cookie, with a cookie signed by another secret, and with garbage', async () => {
    const forged = (await generateSignedCookie('finch_admin', randomToken(), 'another-secret')).split(';')[0]!;
    for (const cookie of [undefined, forged, 'finch_admin=garbage', 'finch_admin=']) {
      const res = await hit(a.host, '/m/who', { headers: cookie ? { cookie } : {} });
      expect(res.status, String(cookie)).toBe(401);
      expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Sign in to continue' } });
    }
  });

  it("Should refuse a session on another org's host", async () => {
    const cookie = await loginAs(a.host, admin.email);
    expect((await hit(b.host, '/m/who', { headers: { cookie } })).status).toBe(401);
    expect((await hit(a.host, '/m/who', { headers: { cookie } })).status).toBe(200);
  });

  it('Should answer 401 for an expired session, delete its row and clear the cookie', async () => {
    const user = await createAdmin(a, 'admin');
    const cookie = await loginAs(a.host, user.email);
    await db.update(adminSessions).set({ expiresAt: Date.now() - 1 }).where(eq(adminSessions.userId, user.userId));
    const res = await hit(a.host, '/m/who', { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toMatch(/^finch_admin=; Max-Age=0/);
    expect(await sessionOf(user.userId)).toEqual([]);
  });

  it('Should slide the expiry (row and cookie) once the refresh interval has passed, and not write before', async () => {
    const user = await createAdmin(a, 'admin');
    const cookie = await loginAs(a.host, user.email);
    const fresh = await hit(a.host, '/m/who', { headers: { cookie } });
    expect(fresh.headers.get('set-cookie')).toBeNull();

    const stale = Date.now() + SESSION_IDLE_MS - 2 * SESSION_REFRESH_MS;
    await db.update(adminSessions).set({ expiresAt: stale }).where(eq(adminSessions.userId, user.userId));
    const res = await hit(a.host, '/m/who', { headers: { cookie } });
    expect(res.status).toBe(200);
    const [row] = await sessionOf(user.userId);
    expect(row!.expiresAt).toBeGreaterThan(stale + SESSION_REFRESH_MS);
    const set = res.headers.get('set-cookie')!;
    expect(set.split(';')[0]).toBe(cookie);
    expect(Number(/Max-Age=(\d+)/.exec(set)![1])).toBeGreaterThan((SESSION_IDLE_MS - SESSION_REFRESH_MS) / 1000);
  });

  it('Should apply a role change and a removal on the very next request', async () => {
    const user = await createAdmin(a, 'admin');
    const cookie = await loginAs(a.host, user.email);
    expect((await hit(a.host, '/m/write', { method: 'POST', headers: { cookie } })).status).toBe(200);
    await db.update(orgUsers).set({ role: 'viewer' }).where(eq(orgUsers.userId, user.userId));
    expect((await hit(a.host, '/m/write', { method: 'POST', headers: { cookie } })).status).toBe(403);
    await db.delete(orgUsers).where(eq(orgUsers.userId, user.userId));
    expect((await hit(a.host, '/m/who', { headers: { cookie } })).status).toBe(401);
  });
});

describe('requireAdmin', () => {
  it('Should let a viewer read and refuse every mutating method with 403', async () => {
    const cookie = await loginAs(a.host, viewer.email);
    expect((await hit(a.host, '/m/read', { headers: { cookie } })).status).toBe(200);
    for (const method of ['POST', 'DELETE']) {
      const res = await hit(a.host, '/m/write', { method, headers: { cookie } });
      expect(res.status, method).toBe(403);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe('forbidden');
    }
  });

  it('Should let an admin write', async () => {
    const cookie = await loginAs(a.host, admin.email);
    expect((await hit(a.host, '/m/write', { method: 'POST', headers: { cookie } })).status).toBe(200);
  });
});

describe('sameOrigin', () => {
  it('Should refuse a write from another origin or a cross-site fetch, even a signed-in one', async () => {
    const cookie = await loginAs(a.host, admin.email);
    const cases: Record<string, string>[] = [
      { origin: `http://${b.host}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of cases) {
      expect((await hit(a.host, '/m/write', { method: 'POST', headers: { ...headers, cookie } })).status, JSON.stringify(headers)).toBe(403);
      expect((await hit(a.host, '/open', { method: 'POST', headers })).status, JSON.stringify(headers)).toBe(403);
    }
  });

  it('Should let through same-origin writes, writes without browser headers, and cross-origin reads', async () => {
    const cookie = await loginAs(a.host, admin.email);
    const same = { origin: `http://${a.host}`, 'sec-fetch-site': 'same-origin', cookie };
    expect((await hit(a.host, '/m/write', { method: 'POST', headers: same })).status).toBe(200);
    expect((await hit(a.host, '/open', { method: 'POST' })).status).toBe(200);
    expect((await hit(a.host, '/m/read', { headers: { origin: `http://${b.host}`, cookie } })).status).toBe(200);
  });
});
