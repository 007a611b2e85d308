import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TEST_PASSWORD, createAdmin, loginAs, randomIp } from '../../../test/admin-fixtures';
import { call, HARBOR, json, seedDemo, SUMMIT } from '../../../test/fixtures';
import { DEMO_PASSWORD } from '../../../scripts/seed/demo-data';
import { getDb } from '../../db/client';
import { adminSessions, authTokens, organizations, outbox, users } from '../../db/schema';
import worker from '../../index';
import { hashPassword, PBKDF2_ITERATIONS } from '../../lib/password';
import { hashIterations, SESSION_IDLE_MS } from '../../services/admin-auth';

const db = getDb(env.DB);
let summit: { orgId: string; slug: string };

beforeAll(async () => {
  await seedDemo();
  const org = await db.select().from(organizations).where(eq(organizations.slug, 'summit')).get();
  summit = { orgId: org!.id, slug: 'summit' };
});

function login(body: unknown, opts: { host?: string; ip?: string; scheme?: string; cookie?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cf-connecting-ip': opts.ip ?? randomIp() };
  if (opts.cookie) headers.cookie = opts.cookie;
  return worker.fetch(
    new Request(`${opts.scheme ?? 'http'}://${opts.host ?? SUMMIT}/api/admin/login`, { method: 'POST', headers, body: JSON.stringify(body) }),
    env,
    createExecutionContext(),
  );
}

/** Runs the request and everything it left running (waitUntil), like the runtime would. */
async function settled(req: Request): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(req, env, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const me = (cookie: string, host = SUMMIT) => call(host, '/api/admin/me', { headers: { cookie } });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  settled(
    new Request(`http://${SUMMIT}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': randomIp(), ...headers },
      body: JSON.stringify(body),
    }),
  );

describe('POST /api/admin/login', () => {
  it('Should sign in a seeded demo admin and set a signed HttpOnly Lax cookie without Secure on http', async () => {
    const res = await login({ email: 'Admin@Summit.test ', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toEqual({
      user: { id: expect.any(String), email: 'admin@summit.test', name: expect.any(String) },
      role: 'admin',
      org: { id: summit.orgId, slug: 'summit', name: expect.any(String) },
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^finch_admin=[A-Za-z0-9_-]{43}\.[^;]+;/);
    const attrs = cookie.split(';').slice(1).map((s) => s.trim());
    expect(attrs).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Lax', 'Path=/', `Max-Age=${SESSION_IDLE_MS / 1000}`]));
    expect(attrs).not.toContain('Secure');
    // The row holds the token's hash, never the token.
    const token = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!).split('.')[0]!;
    const rows = await db.select().from(adminSessions).where(eq(adminSessions.userId, body.user.id)).all();
    expect(rows.length).toBe(1);
    expect(rows[0]!.id).not.toContain(token);
    expect(rows[0]!.expiresAt).toBeGreaterThan(Date.now());
  });

  it('Should mark the cookie Secure with the __Host- prefix on https, and accept it there', async () => {
    const res = await login({ email: 'viewer@summit.test', password: DEMO_PASSWORD }, { scheme: 'https' });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-finch_admin=/);
    expect(cookie.split(';').map((s) => s.trim())).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
    expect(cookie).not.toMatch(/Domain=/i);
    const pair = cookie.split(';')[0]!;
    const who = await worker.fetch(new Request(`https://${SUMMIT}/api/admin/me`, { headers: { cookie: pair } }), env, createExecutionContext());
    expect(who.status).toBe(200);
    expect((await json(who)).role).toBe('viewer');
  });

  it('Should give a wrong password, an unknown email, a member of another org and a user without a password the same 401', async () => {
    const pending = crypto.randomUUID();
    await db.insert(users).values({ id: pending, email: 'pending@summit.test', passwordHash: null, createdAt: Date.now() });
    const attempts = [
      { email: 'admin@summit.test', password: 'wrong-password-123' },
      { email: 'nobody@summit.test', password: DEMO_PASSWORD },
      { email: 'admin@harbor.test', password: DEMO_PASSWORD },
      { email: 'pending@summit.test', password: DEMO_PASSWORD },
    ];
    const answers = [];
    for (const attempt of attempts) {
      const res = await login(attempt);
      answers.push({ status: res.status, body: await res.text(), cookie: res.headers.get('set-cookie') });
    }
    for (const answer of answers) {
      expect(answer).toEqual({ status: 401, body: answers[0]!.body, cookie: null });
      expect(answer.body).not.toContain('summit.test');
      expect(answer.body).not.toContain('harbor.test');
      expect(answer.body).not.toContain(DEMO_PASSWORD);
    }
    expect(JSON.parse(answers[0]!.body)).toEqual({ error: { code: 'unauthorized', message: 'Email or password is incorrect' } });
  });

  it("Should let harbor's admin sign in on harbor's host only", async () => {
    expect((await login({ email: 'admin@harbor.test', password: DEMO_PASSWORD }, { host: HARBOR })).status).toBe(200);
    expect((await login({ email: 'admin@harbor.test', password: DEMO_PASSWORD }, { host: SUMMIT })).status).toBe(401);
  });

  it('Should refuse malformed input with 400 without echoing the email or password', async () => {
    const secret = 'hunter2-secret-value';
    const cases = [{ email: `not-an-email-${secret}`, password: secret }, { email: 'a@b.test', password: secret.repeat(40) }, { email: 'a@b.test' }, 'nonsense'];
    for (const body of cases) {
      const res = await login(body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const text = await res.text();
      expect(text).not.toContain(secret);
      expect(text).not.toContain('a@b.test');
    }
  });

  it('Should rate-limit one address to 10 attempts per window, even with the right password and from many addresses', async () => {
    const user = await createAdmin(summit, 'admin');
    for (let i = 0; i < 10; i++) expect((await login({ email: user.email, password: 'wrong-password-xyz' })).status).toBe(401);
    const res = await login({ email: user.email, password: ADMIN_TEST_PASSWORD });
    expect(res.status).toBe(429);
    const body = await json(res);
    expect(body.error.code).toBe('rate_limited');
    expect(JSON.stringify(body)).not.toContain(user.email);
    // Another address from the same clients is unaffected.
    const other = await createAdmin(summit, 'viewer');
    expect((await login({ email: other.email, password: ADMIN_TEST_PASSWORD })).status).toBe(200);
  });

  it('Should count only failed sign-ins toward the limits, so staff on one IP are not locked out', async () => {
    const ip = randomIp();
    const user = await createAdmin(summit, 'admin');
    for (let i = 0; i < 25; i++) expect((await login({ email: user.email, password: ADMIN_TEST_PASSWORD }, { ip })).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await login({ email: user.email, password: 'wrong-password-xyz' }, { ip })).status).toBe(401);
    expect((await login({ email: user.email, password: ADMIN_TEST_PASSWORD }, { ip })).status).toBe(429);
  });

  it('Should rate-limit one client IP to 20 attempts per window across addresses', async () => {
    const ip = randomIp();
    for (let i = 0; i < 20; i++) expect((await login({ email: `spray-${i}@summit.test`, password: 'whatever-123' }, { ip })).status).toBe(401);
    expect((await login({ email: 'admin@summit.test', password: DEMO_PASSWORD }, { ip })).status).toBe(429);
    expect((await login({ email: 'admin@summit.test', password: DEMO_PASSWORD })).status).toBe(200);
  });

  it('Should upgrade a hash made with fewer iterations once the password is proven', async () => {
    const user = await createAdmin(summit, 'admin');
    await db.update(users).set({ passwordHash: await hashPassword(ADMIN_TEST_PASSWORD, 1000) }).where(eq(users.id, user.userId));
    await loginAs(SUMMIT, user.email);
    const row = await db.select().from(users).where(eq(users.id, user.userId)).get();
    expect(hashIterations(row!.passwordHash!)).toBe(PBKDF2_ITERATIONS);
    await loginAs(SUMMIT, user.email);
  });

  it('Should replace the browser’s previous session when it signs in again', async () => {
    const user = await createAdmin(summit, 'admin');
    const first = await loginAs(SUMMIT, user.email);
    const res = await login({ email: user.email, password: ADMIN_TEST_PASSWORD }, { cookie: first });
    expect(res.status).toBe(200);
    expect((await db.select().from(adminSessions).where(eq(adminSessions.userId, user.userId)).all()).length).toBe(1);
    expect((await me(first)).status).toBe(401);
  });
});

describe('session lifecycle', () => {
  it('Should answer /me for a signed-in viewer and 401 without a session', async () => {
    const cookie = await loginAs(SUMMIT, 'viewer@summit.test', DEMO_PASSWORD);
    const res = await me(cookie);
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({ user: { email: 'viewer@summit.test' }, role: 'viewer', org: { slug: 'summit' } });
    expect((await call(SUMMIT, '/api/admin/me')).status).toBe(401);
  });

  it('Should answer 401 once the session has expired', async () => {
    const user = await createAdmin(summit, 'admin');
    const cookie = await loginAs(SUMMIT, user.email);
    await db.update(adminSessions).set({ expiresAt: Date.now() - 1000 }).where(eq(adminSessions.userId, user.userId));
    expect((await me(cookie)).status).toBe(401);
  });

  it('Should log out: delete the row, clear the cookie, and refuse the old cookie afterwards', async () => {
    const user = await createAdmin(summit, 'viewer');
    const cookie = await loginAs(SUMMIT, user.email);
    const other = await loginAs(SUMMIT, user.email);
    const res = await call(SUMMIT, '/api/admin/logout', { method: 'POST', headers: { cookie } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^finch_admin=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
    expect((await me(cookie)).status).toBe(401);
    // Only this browser's session ends.
    expect((await me(other)).status).toBe(200);
    expect((await db.select().from(adminSessions).where(eq(adminSessions.userId, user.userId)).all()).length).toBe(1);
    expect((await call(SUMMIT, '/api/admin/logout', { method: 'POST' })).status).toBe(401);
  });
});

describe('password reset', () => {
  const resetMails = (to: string) => db.select().from(outbox).where(and(eq(outbox.toEmail, to), eq(outbox.kind, 'admin_reset'))).all();
  const linkToken = (text: string) => /\/admin\/reset-password\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

  it('Should answer 202 the same way for a member, a stranger and a member of another org, and mail only the member', async () => {
    const user = await createAdmin(summit, 'admin');
    const answers = [];
    for (const email of [user.email, 'stranger@summit.test', 'admin@harbor.test']) {
      const res = await post('/api/admin/password-reset', { email });
      answers.push({ status: res.status, body: await res.text() });
    }
    expect(answers).toEqual([answers[0], answers[0], answers[0]]);
    expect(answers[0]).toEqual({ status: 202, body: JSON.stringify({ ok: true }) });
    expect((await resetMails(user.email)).length).toBe(1);
    expect(await resetMails('stranger@summit.test')).toEqual([]);
    expect(await resetMails('admin@harbor.test')).toEqual([]);
    expect(await db.select().from(authTokens).where(eq(authTokens.email, 'stranger@summit.test')).all()).toEqual([]);
  });

  it('Should reset the password through the mailed link once, sign in, and end the other sessions', async () => {
    const user = await createAdmin(summit, 'viewer');
    const oldSession = await loginAs(SUMMIT, user.email);
    expect((await post('/api/admin/password-reset', { email: user.email })).status).toBe(202);
    const [mail] = await resetMails(user.email);
    const token = linkToken(mail!.bodyText)!;
    expect(mail!.bodyText).toContain(`http://${SUMMIT}/admin/reset-password/${token}`);

    const peek = await call(SUMMIT, `/api/admin/password-reset/${token}`);
    expect(await json(peek)).toEqual({ email: user.email, expiresAt: expect.any(Number) });

    const short = await post('/api/admin/password-reset/complete', { token, password: 'too-short' });
    expect(short.status).toBe(400);
    expect(await short.text()).not.toContain('too-short');

    const newPassword = 'a brand new passphrase';
    const done = await post('/api/admin/password-reset/complete', { token, password: newPassword });
    expect(done.status).toBe(200);
    expect(await json(done)).toMatchObject({ user: { id: user.userId, email: user.email }, role: 'viewer', org: { slug: 'summit' } });
    expect((await me(done.headers.get('set-cookie')!.split(';')[0]!)).status).toBe(200);
    expect((await me(oldSession)).status).toBe(401);

    expect((await login({ email: user.email, password: ADMIN_TEST_PASSWORD })).status).toBe(401);
    expect((await login({ email: user.email, password: newPassword })).status).toBe(200);

    const again = await post('/api/admin/password-reset/complete', { token, password: 'yet another passphrase' });
    expect(again.status).toBe(404);
    expect((await login({ email: user.email, password: newPassword })).status).toBe(200);
    expect((await call(SUMMIT, `/api/admin/password-reset/${token}`)).status).toBe(404);
  });

  it('Should refuse an expired link and a link opened on another org’s host, changing nothing', async () => {
    const user = await createAdmin(summit, 'admin');
    await post('/api/admin/password-reset', { email: user.email });
    const token = linkToken((await resetMails(user.email))[0]!.bodyText)!;
    const before = await db.select().from(users).where(eq(users.id, user.userId)).get();

    const onHarbor = await settled(
      new Request(`http://${HARBOR}/api/admin/password-reset/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'harbor takes over now' }),
      }),
    );
    expect(onHarbor.status).toBe(404);

    await db.update(authTokens).set({ expiresAt: Date.now() - 1 }).where(eq(authTokens.email, user.email));
    expect((await post('/api/admin/password-reset/complete', { token, password: 'too late for this one' })).status).toBe(404);
    expect((await db.select().from(users).where(eq(users.id, user.userId)).get())!.passwordHash).toBe(before!.passwordHash);
  });

  it('Should refuse the link if the person left the org meanwhile', async () => {
    const user = await createAdmin(summit, 'viewer');
    await post('/api/admin/password-reset', { email: user.email });
    const token = linkToken((await resetMails(user.email))[0]!.bodyText)!;
    const admin = await loginAs(SUMMIT, 'admin@summit.test', DEMO_PASSWORD);
    expect((await call(SUMMIT, `/api/admin/users/${user.userId}`, { method: 'DELETE', headers: { cookie: admin } })).status).toBe(204);
    expect((await post('/api/admin/password-reset/complete', { token, password: 'i am not here any more' })).status).toBe(404);
  });

  it('Should rate-limit reset requests per address whether or not it is known', async () => {
    for (const email of ['limit-me@summit.test', 'admin@summit.test']) {
      for (let i = 0; i < 3; i++) expect((await post('/api/admin/password-reset', { email })).status).toBe(202);
      expect((await post('/api/admin/password-reset', { email })).status).toBe(429);
    }
  });
});
