import { env } from 'cloudflare:test';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TEST_PASSWORD, adminSend, createAdmin, loginAs, randomIp, type TestAdmin } from '../../../test/admin-fixtures';
import { call, createTenant, json, type TestTenant } from '../../../test/fixtures';
import { getDb } from '../../db/client';
import { authTokens, orgUsers, outbox, users } from '../../db/schema';

const db = getDb(env.DB);
let a: TestTenant;
let b: TestTenant;
let adminA: TestAdmin;
let cookieA: string;

beforeAll(async () => {
  a = await createTenant('inv-a');
  b = await createTenant('inv-b');
  adminA = await createAdmin(a, 'admin');
  cookieA = await loginAs(a.host, adminA.email);
});

const invite = (body: unknown, cookie = cookieA, host = a.host) => adminSend(host, cookie, 'POST', '/api/admin/invites', body);
const accept = (body: unknown, host = a.host) =>
  call(host, '/api/admin/invites/accept', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': randomIp() },
    body: JSON.stringify(body),
  });
/** The invite link tokens mailed to `to`, newest first. */
async function mailedTokens(to: string): Promise<string[]> {
  const mails = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toEmail, to), eq(outbox.kind, 'admin_invite')))
    .orderBy(sql`rowid DESC`)
    .all();
  return mails.map((m) => /\/admin\/invite\/([A-Za-z0-9_-]{43})/.exec(m.bodyText)![1]!);
}
const mailedToken = async (to: string) => (await mailedTokens(to))[0]!;

describe('inviting a new person', () => {
  it('Should mail a one-time link, list the invite, and let the person set a password and join with the role', async () => {
    const email = 'new.person@inv.test';
    const res = await invite({ email: ' New.Person@Inv.test', role: 'viewer' });
    expect(res.status).toBe(201);
    const { invite: created } = await json(res);
    expect(created).toEqual({ id: expect.any(String), email, role: 'viewer', expiresAt: expect.any(Number), createdAt: expect.any(Number) });

    const mail = await db.select().from(outbox).where(eq(outbox.toEmail, email)).get();
    expect(mail).toMatchObject({ orgId: a.orgId, kind: 'admin_invite', status: 'queued' });
    const token = await mailedToken(email);
    expect(mail!.bodyText).toContain(`http://${a.host}/admin/invite/${token}`);
    const stored = await db.select().from(authTokens).where(eq(authTokens.id, created.id)).get();
    expect(stored!.tokenHash).not.toBe(token);

    const list = await json(await adminSend(a.host, cookieA, 'GET', '/api/admin/invites'));
    expect(list.invites.map((i: { id: string }) => i.id)).toContain(created.id);

    const peek = await call(a.host, `/api/admin/invites/accept/${token}`);
    expect(await json(peek)).toEqual({ email, role: 'viewer', org: { slug: 'inv-a', name: 'inv-a Homes' }, existingUser: false, expiresAt: created.expiresAt });

    const short = await accept({ token, password: 'short' });
    expect(short.status).toBe(400);
    expect(await short.text()).not.toContain('short"');

    const ok = await accept({ token, password: 'a long enough password', name: 'New Person' });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ user: { email, name: 'New Person' }, role: 'viewer', org: { slug: 'inv-a' } });
    const cookie = ok.headers.get('set-cookie')!.split(';')[0]!;
    expect((await json(await call(a.host, '/api/admin/me', { headers: { cookie } }))).role).toBe('viewer');
    expect((await loginAs(a.host, email, 'a long enough password')).length).toBeGreaterThan(0);

    // Single use.
    expect((await accept({ token, password: 'another long password' })).status).toBe(404);
    expect((await call(a.host, `/api/admin/invites/accept/${token}`)).status).toBe(404);
    const after = await json(await adminSend(a.host, cookieA, 'GET', '/api/admin/invites'));
    expect(after.invites.map((i: { id: string }) => i.id)).not.toContain(created.id);
  });

  it('Should refuse to invite someone who is already a member', async () => {
    const member = await createAdmin(a, 'viewer');
    const res = await invite({ email: member.email, role: 'admin' });
    expect(res.status).toBe(409);
    expect(await res.text()).not.toContain(member.email);
  });

  it('Should refuse an expired invite and change nothing', async () => {
    const email = 'late.person@inv.test';
    const { invite: created } = await json(await invite({ email, role: 'admin' }));
    const token = await mailedToken(email);
    await db.update(authTokens).set({ expiresAt: Date.now() - 1 }).where(eq(authTokens.id, created.id));
    expect((await accept({ token, password: 'a long enough password' })).status).toBe(404);
    expect(await db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
  });

  it('Should void the older link when the same address is invited again', async () => {
    const email = 'twice@inv.test';
    await invite({ email, role: 'viewer' });
    await invite({ email, role: 'admin' });
    const [second, first] = await mailedTokens(email);
    expect(second).not.toBe(first);
    expect((await accept({ token: first, password: 'a long enough password' })).status).toBe(404);
    expect(await json(await accept({ token: second, password: 'a long enough password' }))).toMatchObject({ role: 'admin' });
  });

  it('Should not open on another org’s host', async () => {
    const email = 'wrong.host@inv.test';
    await invite({ email, role: 'admin' });
    const token = await mailedToken(email);
    expect((await call(b.host, `/api/admin/invites/accept/${token}`)).status).toBe(404);
    expect((await accept({ token, password: 'a long enough password' }, b.host)).status).toBe(404);
    expect(await db.select().from(users).where(eq(users.email, email)).get()).toBeUndefined();
    expect((await accept({ token, password: 'a long enough password' })).status).toBe(200);
  });

  it('Should revoke an open invite, and 404 for another org’s invite without touching it', async () => {
    const email = 'revoked@inv.test';
    const { invite: created } = await json(await invite({ email, role: 'viewer' }));
    const token = await mailedToken(email);
    expect((await adminSend(a.host, cookieA, 'DELETE', `/api/admin/invites/${created.id}`)).status).toBe(204);
    expect((await accept({ token, password: 'a long enough password' })).status).toBe(404);

    const adminB = await createAdmin(b, 'admin');
    const cookieB = await loginAs(b.host, adminB.email);
    const { invite: theirs } = await json(await invite({ email: 'theirs@inv.test', role: 'admin' }, cookieB, b.host));
    expect((await adminSend(a.host, cookieA, 'DELETE', `/api/admin/invites/${theirs.id}`)).status).toBe(404);
    expect(await db.select().from(authTokens).where(eq(authTokens.id, theirs.id)).get()).toMatchObject({ usedAt: null });
  });
});

describe('inviting someone who already has an account', () => {
  it('Should ask for their current password instead of setting one, and join them without touching the password', async () => {
    const elsewhere = await createAdmin(b, 'admin', { password: 'their own password 1' });
    const hashBefore = (await db.select().from(users).where(eq(users.id, elsewhere.userId)).get())!.passwordHash;
    await invite({ email: elsewhere.email, role: 'viewer' });
    const token = await mailedToken(elsewhere.email);
    expect((await json(await call(a.host, `/api/admin/invites/accept/${token}`))).existingUser).toBe(true);

    const takeover = await accept({ token, password: 'attacker chosen password' });
    expect(takeover.status).toBe(401);
    expect(await takeover.text()).not.toContain('attacker chosen password');
    expect(await db.select().from(orgUsers).where(and(eq(orgUsers.orgId, a.orgId), eq(orgUsers.userId, elsewhere.userId))).get()).toBeUndefined();

    const ok = await accept({ token, password: 'their own password 1' });
    expect(ok.status).toBe(200);
    expect(await json(ok)).toMatchObject({ user: { id: elsewhere.userId }, role: 'viewer', org: { slug: 'inv-a' } });
    expect((await db.select().from(users).where(eq(users.id, elsewhere.userId)).get())!.passwordHash).toBe(hashBefore);
    // Still an admin of their own org.
    expect(await json(await call(b.host, '/api/admin/me', { headers: { cookie: await loginAs(b.host, elsewhere.email, 'their own password 1') } }))).toMatchObject({ role: 'admin' });
  });
});

describe('who may invite', () => {
  it('Should refuse a viewer with 403 and send nothing', async () => {
    const viewer = await createAdmin(a, 'viewer');
    const cookie = await loginAs(a.host, viewer.email, ADMIN_TEST_PASSWORD);
    expect((await adminSend(a.host, cookie, 'GET', '/api/admin/invites')).status).toBe(200);
    expect((await invite({ email: 'sneaky@inv.test', role: 'admin' }, cookie)).status).toBe(403);
    expect(await db.select().from(outbox).where(eq(outbox.toEmail, 'sneaky@inv.test')).all()).toEqual([]);
  });

  it('Should refuse without a session', async () => {
    expect((await call(a.host, '/api/admin/invites', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await call(a.host, '/api/admin/invites')).status).toBe(401);
  });
});
