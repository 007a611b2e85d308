/**
 * Builder staff for worker tests: a user with a known password and a membership in a
 * tenant, and a real sign-in through `POST /api/admin/login` that returns the cookie to send.
 */
import { env } from 'cloudflare:test';
import { getDb } from '../worker/db/client';
import { orgUsers, users, type Role } from '../worker/db/schema';
import { hashPassword } from '../worker/lib/password';
import { call } from './fixtures';

export const ADMIN_TEST_PASSWORD = 'correct horse battery staple';

export interface TestAdmin {
  userId: string;
  email: string;
  password: string;
  role: Role;
}

/** A new user (unique email unless given) who is `role` of the tenant's org. */
export async function createAdmin(
  tenant: { orgId: string; slug?: string },
  role: Role = 'admin',
  opts: { email?: string; password?: string; name?: string } = {},
): Promise<TestAdmin> {
  const db = getDb(env.DB);
  const userId = crypto.randomUUID();
  const email = opts.email ?? `${role}-${userId.slice(0, 8)}@${tenant.slug ?? 'org'}.test`;
  const password = opts.password ?? ADMIN_TEST_PASSWORD;
  const now = Date.now();
  await db.batch([
    db.insert(users).values({ id: userId, email, name: opts.name ?? `Test ${role}`, passwordHash: await hashPassword(password), createdAt: now }),
    db.insert(orgUsers).values({ orgId: tenant.orgId, userId, role, createdAt: now }),
  ]);
  return { userId, email, password, role };
}

/** Adds an existing user to another tenant. */
export async function addMembership(tenant: { orgId: string }, userId: string, role: Role): Promise<void> {
  await getDb(env.DB).insert(orgUsers).values({ orgId: tenant.orgId, userId, role, createdAt: Date.now() });
}

/** A fresh client address per sign-in, so tests do not share the per-IP login limit. */
export const randomIp = () => `10.${crypto.getRandomValues(new Uint8Array(3)).join('.')}`;

/**
 * Signs in on `host` and returns the `name=value` pair to pass as the `cookie` header.
 * Throws (with the status) when the sign-in is refused.
 */
export async function loginAs(host: string, email: string, password: string = ADMIN_TEST_PASSWORD): Promise<string> {
  const res = await call(host, '/api/admin/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': randomIp() },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login on ${host} answered ${res.status}`);
  const setCookie = res.headers.get('set-cookie');
  if (!setCookie) throw new Error('login set no cookie');
  return setCookie.split(';')[0]!;
}

/** An admin request: JSON body, the session cookie. */
export function adminSend(host: string, cookie: string, method: string, path: string, body?: unknown): Promise<Response> {
  return call(host, path, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
