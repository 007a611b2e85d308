import { createExecutionContext, env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminSend, createAdmin, loginAs } from '../../../test/admin-fixtures';
import { call, createTenant, json, type TestTenant } from '../../../test/fixtures';
import { getDb } from '../../db/client';
import { outbox } from '../../db/schema';
import worker from '../../index';

const db = getDb(env.DB);
let a: TestTenant;
let b: TestTenant;
let adminA: string;
let viewerA: string;
const LINK = 'http://obx-a.localhost:8787/admin/invite/SECRET-TOKEN-abcdefghijklmnopqrstuvwxyz0123';

async function mail(orgId: string, subject: string, createdAt: number) {
  const id = crypto.randomUUID();
  await db.insert(outbox).values({ id, orgId, toEmail: 'someone@x.test', subject, bodyText: `Accept here:\n\n${LINK}\n`, kind: 'admin_invite', status: 'queued', createdAt });
  return id;
}

beforeAll(async () => {
  a = await createTenant('obx-a');
  b = await createTenant('obx-b');
  adminA = await loginAs(a.host, (await createAdmin(a, 'admin')).email);
  viewerA = await loginAs(a.host, (await createAdmin(a, 'viewer')).email);
  const t = Date.now();
  for (let i = 0; i < 3; i++) await mail(a.orgId, `A ${i}`, t + i);
  await mail(b.orgId, 'B 0', t + 10);
});

describe('GET /api/admin/outbox', () => {
  it("Should list only this org's mail, newest first, in pages", async () => {
    const first = await json(await adminSend(a.host, adminA, 'GET', '/api/admin/outbox?limit=2'));
    expect(first.messages.map((m: { subject: string }) => m.subject)).toEqual(['A 2', 'A 1']);
    const second = await json(await adminSend(a.host, adminA, 'GET', `/api/admin/outbox?limit=2&cursor=${first.nextCursor}`));
    expect(second.messages.map((m: { subject: string }) => m.subject)).toEqual(['A 0']);
    expect(second.nextCursor).toBeNull();
    expect(first.messages[0]).toMatchObject({ to: 'someone@x.test', kind: 'admin_invite', status: 'queued', sentAt: null });
  });

  it('Should show one-time links to an admin on a local stack, where the outbox is the inbox', async () => {
    const res = await json(await adminSend(a.host, adminA, 'GET', '/api/admin/outbox'));
    expect(res.linksHidden).toBe(false);
    expect(res.messages[0].body).toContain(LINK);
  });

  it('Should hide the links from a viewer, who could otherwise accept an admin invite', async () => {
    const res = await json(await adminSend(a.host, viewerA, 'GET', '/api/admin/outbox'));
    expect(res.linksHidden).toBe(true);
    for (const m of res.messages) {
      expect(m.body).not.toContain('SECRET-TOKEN');
      expect(m.body).toContain('http://obx-a.localhost:8787/[link hidden]');
    }
  });

  it('Should hide the links from admins too outside local development', async () => {
    const deployed = { ...env, APP_DOMAIN: 'finch.test' };
    const res = await worker.fetch(new Request('https://obx-a.finch.test/api/admin/outbox', { headers: { cookie: adminA } }), deployed, createExecutionContext());
    // The http cookie is not the https one; sign in on the deployed host first.
    expect(res.status).toBe(401);
    const login = await worker.fetch(
      new Request('https://obx-a.finch.test/api/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: (await createAdmin(a, 'admin', { email: 'deployed-admin@obx.test' })).email, password: 'correct horse battery staple' }),
      }),
      deployed,
      createExecutionContext(),
    );
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const body = await json(await worker.fetch(new Request('https://obx-a.finch.test/api/admin/outbox', { headers: { cookie } }), deployed, createExecutionContext()));
    expect(body.linksHidden).toBe(true);
    expect(JSON.stringify(body)).not.toContain('SECRET-TOKEN');
  });

  it('Should need a session', async () => {
    expect((await call(a.host, '/api/admin/outbox')).status).toBe(401);
  });
});
