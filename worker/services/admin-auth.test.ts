import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TEST_PASSWORD, createAdmin } from '../../test/admin-fixtures';
import { createTenant, type TestTenant } from '../../test/fixtures';
import { getDb } from '../db/client';
import { authTokens, outbox, users } from '../db/schema';
import { PBKDF2_ITERATIONS, hashPassword, verifyPassword } from '../lib/password';
import {
  SESSION_IDLE_MS,
  SESSION_MAX_LIFETIME_MS,
  SESSION_REFRESH_MS,
  authenticate,
  claimAuthToken,
  hashIterations,
  isLocalAppDomain,
  isSessionLive,
  issueAuthToken,
  peekAuthToken,
  redactLinks,
  sendPasswordReset,
  slideExpiry,
  type Verify,
} from './admin-auth';
import { createMailer } from './mailer';

const db = getDb(env.DB);
let a: TestTenant;
let b: TestTenant;
beforeAll(async () => {
  a = await createTenant('svc-a');
  b = await createTenant('svc-b');
});

/** Records what each verification was asked to do, to compare the work done per outcome. */
function recordingVerify(): { verify: Verify; iterations: number[] } {
  const iterations: number[] = [];
  return {
    iterations,
    verify: async (password, stored) => {
      iterations.push(hashIterations(stored));
      return verifyPassword(password, stored);
    },
  };
}

describe('authenticate', () => {
  it('Should accept the right password of a member and report their role', async () => {
    const admin = await createAdmin(a, 'viewer');
    const auth = await authenticate(db, a.orgId, admin.email, ADMIN_TEST_PASSWORD);
    expect(auth).toEqual({ user: { id: admin.userId, email: admin.email, name: 'Test viewer' }, role: 'viewer', needsRehash: false });
  });

  it('Should do one full-strength PBKDF2 verification whether the email is unknown, the user is of another org, or the password is wrong', async () => {
    const admin = await createAdmin(a, 'admin');
    const cases: Array<[string, string, string]> = [
      ['unknown email', 'nobody-here@example.test', ADMIN_TEST_PASSWORD],
      ['member of another org', admin.email, ADMIN_TEST_PASSWORD],
      ['wrong password', admin.email, 'not the password at all'],
    ];
    for (const [label, email, password] of cases) {
      const { verify, iterations } = recordingVerify();
      const orgId = label === 'member of another org' ? b.orgId : a.orgId;
      expect(await authenticate(db, orgId, email, password, verify), label).toBeNull();
      expect(iterations, label).toEqual([PBKDF2_ITERATIONS]);
    }
  });

  it('Should refuse a user who has no password yet, after the same work', async () => {
    const id = crypto.randomUUID();
    await db.insert(users).values({ id, email: `nopass-${id}@x.test`, passwordHash: null, createdAt: Date.now() });
    const { verify, iterations } = recordingVerify();
    expect(await authenticate(db, a.orgId, `nopass-${id}@x.test`, '', verify)).toBeNull();
    expect(iterations).toEqual([PBKDF2_ITERATIONS]);
  });

  it('Should flag a hash made with fewer iterations than today for re-hashing', async () => {
    const admin = await createAdmin(a, 'admin');
    await db.update(users).set({ passwordHash: await hashPassword(ADMIN_TEST_PASSWORD, 1000) }).where(eq(users.id, admin.userId));
    expect((await authenticate(db, a.orgId, admin.email, ADMIN_TEST_PASSWORD))?.needsRehash).toBe(true);
  });
});

describe('session expiry', () => {
  const t0 = 1_700_000_000_000;
  const fresh = { id: 'x', createdAt: t0, expiresAt: t0 + SESSION_IDLE_MS };

  it('Should be live before its expiry and dead at it', () => {
    expect(isSessionLive(fresh, t0 + SESSION_IDLE_MS - 1)).toBe(true);
    expect(isSessionLive(fresh, t0 + SESSION_IDLE_MS)).toBe(false);
  });

  it('Should not slide more often than the refresh interval', () => {
    expect(slideExpiry(fresh, t0 + SESSION_REFRESH_MS - 1)).toBeNull();
    expect(slideExpiry(fresh, t0 + SESSION_REFRESH_MS)).toBe(t0 + SESSION_REFRESH_MS + SESSION_IDLE_MS);
  });

  it('Should never slide past the absolute lifetime, and die there even if the row says otherwise', () => {
    const old = { id: 'x', createdAt: t0, expiresAt: t0 + SESSION_MAX_LIFETIME_MS - 2 * SESSION_REFRESH_MS };
    const now = t0 + SESSION_MAX_LIFETIME_MS - SESSION_IDLE_MS / 2;
    expect(slideExpiry(old, now)).toBe(t0 + SESSION_MAX_LIFETIME_MS);
    expect(slideExpiry({ ...old, expiresAt: t0 + SESSION_MAX_LIFETIME_MS }, now)).toBeNull();
    const tampered = { id: 'x', createdAt: t0, expiresAt: t0 + 10 * SESSION_MAX_LIFETIME_MS };
    expect(isSessionLive(tampered, t0 + SESSION_MAX_LIFETIME_MS)).toBe(false);
  });
});

describe('one-time tokens', () => {
  it('Should be usable once, only for its org and purpose, and store only a hash', async () => {
    const { token, row } = await issueAuthToken(db, { orgId: a.orgId, email: 'once@x.test', purpose: 'reset', ttlMs: 60_000 });
    expect(row.tokenHash).not.toContain(token);
    expect(await claimAuthToken(db, b.orgId, 'reset', token)).toBeNull();
    expect(await claimAuthToken(db, a.orgId, 'invite', token)).toBeNull();
    expect((await claimAuthToken(db, a.orgId, 'reset', token))?.id).toBe(row.id);
    expect(await claimAuthToken(db, a.orgId, 'reset', token)).toBeNull();
    expect(await peekAuthToken(db, a.orgId, 'reset', token)).toBeNull();
  });

  it('Should let exactly one of two concurrent claims win', async () => {
    const { token } = await issueAuthToken(db, { orgId: a.orgId, email: 'race@x.test', purpose: 'invite', role: 'viewer', ttlMs: 60_000 });
    const results = await Promise.all([claimAuthToken(db, a.orgId, 'invite', token), claimAuthToken(db, a.orgId, 'invite', token)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('Should refuse an expired token', async () => {
    const now = Date.now();
    const { token } = await issueAuthToken(db, { orgId: a.orgId, email: 'late@x.test', purpose: 'reset', ttlMs: 1000 }, now - 2000);
    expect(await peekAuthToken(db, a.orgId, 'reset', token, now)).toBeNull();
    expect(await claimAuthToken(db, a.orgId, 'reset', token, now)).toBeNull();
  });

  it('Should void the older open link when a new one is issued for the same address', async () => {
    const first = await issueAuthToken(db, { orgId: a.orgId, email: 'twice@x.test', purpose: 'invite', role: 'admin', ttlMs: 60_000 });
    const second = await issueAuthToken(db, { orgId: a.orgId, email: 'twice@x.test', purpose: 'invite', role: 'admin', ttlMs: 60_000 });
    expect(await peekAuthToken(db, a.orgId, 'invite', first.token)).toBeNull();
    expect((await peekAuthToken(db, a.orgId, 'invite', second.token))?.id).toBe(second.row.id);
  });

  it('Should refuse anything that is not shaped like our tokens without a query', async () => {
    expect(await claimAuthToken(db, a.orgId, 'reset', "x' OR 1=1 --")).toBeNull();
  });
});

describe('sendPasswordReset', () => {
  it('Should mail a link to a member and do nothing for an unknown address or another org', async () => {
    const admin = await createAdmin(a, 'admin');
    const mailer = createMailer(db, env);
    const org = { id: a.orgId, name: 'A Homes' };
    expect(await sendPasswordReset(db, mailer, org, 'stranger@x.test', 'http://svc-a.localhost:8787')).toBe(false);
    expect(await sendPasswordReset(db, mailer, { id: b.orgId, name: 'B' }, admin.email, 'http://svc-b.localhost:8787')).toBe(false);
    expect(await db.select().from(authTokens).where(eq(authTokens.email, 'stranger@x.test'))).toEqual([]);
    expect(await sendPasswordReset(db, mailer, org, admin.email, 'http://svc-a.localhost:8787')).toBe(true);
    const mail = await db.select().from(outbox).where(eq(outbox.toEmail, admin.email)).get();
    const token = /\/admin\/reset-password\/([A-Za-z0-9_-]{43})/.exec(mail!.bodyText)![1]!;
    expect((await peekAuthToken(db, a.orgId, 'reset', token))?.email).toBe(admin.email);
  });
});

describe('redaction and local detection', () => {
  it('Should hide every link in a body but keep its origin and the text around it', () => {
    const body = 'Accept here:\n\nhttps://summit.finch.app/admin/invite/abcDEF_-123\n\nThanks (see http://x.test/a?b=c).';
    const out = redactLinks(body);
    expect(out).not.toContain('abcDEF_-123');
    expect(out).not.toContain('b=c');
    expect(out).toContain('https://summit.finch.app/[link hidden]');
    expect(out).toContain('Accept here:');
  });

  it('Should treat only localhost app domains as local', () => {
    expect(isLocalAppDomain('localhost:8787')).toBe(true);
    expect(isLocalAppDomain('dev.localhost')).toBe(true);
    expect(isLocalAppDomain('finch.app')).toBe(false);
    expect(isLocalAppDomain('localhost.finch.app')).toBe(false);
  });
});
