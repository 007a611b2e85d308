/**
 * Builder staff sign-in: password checks, D1-backed sessions behind a signed cookie, and
 * the one-time links (invites, password resets) that share the `auth_tokens` table.
 *
 * Sessions: the cookie carries a random 256-bit token (HMAC-signed with SESSION_SECRET so a
 * forged cookie is refused without a D1 read); D1 keeps only its SHA-256 as the row id, so a
 * leaked database cannot be replayed as cookies. Expiry slides: a session lives
 * SESSION_IDLE_MS past its last use (refreshed at most once per SESSION_REFRESH_MS, to keep
 * reads from becoming writes) and never beyond SESSION_MAX_LIFETIME_MS from sign-in.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { Db } from '../db/client';
import { adminSessions, authTokens, orgUsers, users, type Role } from '../db/schema';
import { randomToken, sha256Hex } from '../lib/bytes';
import { PBKDF2_ITERATIONS, verifyPassword } from '../lib/password';
import type { AppEnv, Org } from '../types';
import type { Mailer } from './mailer';

const HOUR_MS = 3600 * 1000;
const DAY_MS = 24 * HOUR_MS;

export const SESSION_IDLE_MS = 7 * DAY_MS;
export const SESSION_REFRESH_MS = HOUR_MS;
export const SESSION_MAX_LIFETIME_MS = 30 * DAY_MS;
export const INVITE_TTL_MS = 7 * DAY_MS;
export const RESET_TTL_MS = HOUR_MS;
export const MIN_PASSWORD_LENGTH = 12;
/** PBKDF2 hashes the password once into its HMAC key, but there is no reason to accept novels. */
export const MAX_PASSWORD_LENGTH = 256;

export type TokenPurpose = 'invite' | 'reset';

/** Our tokens are 32 random bytes in base64url (43 characters); anything else is not ours. */
export const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

// ---------------------------------------------------------------- passwords

/**
 * A well-formed hash no password matches (its hash part is random bytes, not derived from
 * any password), at the current iteration count: verifying against it costs the same PBKDF2
 * work as a real one. A literal, because Workers refuse random generation at global scope.
 */
const DUMMY_HASH = `pbkdf2-sha256$${PBKDF2_ITERATIONS}$AzkptqjeITzYu2Nhpweutw==$RNVnAV/8xpzx0/wai4t2KqIhYYC8Q4X4vGOidGzeU/I=`;

export function hashIterations(stored: string): number {
  const n = Number(stored.split('$')[1]);
  return Number.isInteger(n) ? n : 0;
}

export interface AuthenticatedUser {
  user: { id: string; email: string; name: string | null };
  role: Role;
  /** The stored hash used fewer iterations than today's; the caller may re-hash. */
  needsRehash: boolean;
}

export type Verify = (password: string, stored: string) => Promise<boolean>;

/**
 * The same work whatever the outcome: one PBKDF2 verification for an unknown email, a user
 * with no password yet, a user of another org, and a wrong or right password alike.
 */
export async function authenticate(db: Db, orgId: string, email: string, password: string, verify: Verify = verifyPassword): Promise<AuthenticatedUser | null> {
  const row = await db
    .select({ id: users.id, email: users.email, name: users.name, passwordHash: users.passwordHash, role: orgUsers.role })
    .from(users)
    .leftJoin(orgUsers, and(eq(orgUsers.userId, users.id), eq(orgUsers.orgId, orgId)))
    .where(eq(users.email, email))
    .get();
  const ok = await verify(password, row?.passwordHash ?? DUMMY_HASH);
  if (!ok || !row?.passwordHash || !row.role) return null;
  return {
    user: { id: row.id, email: row.email, name: row.name },
    role: row.role,
    needsRehash: hashIterations(row.passwordHash) < PBKDF2_ITERATIONS,
  };
}

// ---------------------------------------------------------------- sessions

export interface SessionRecord {
  id: string;
  expiresAt: number;
  createdAt: number;
}

export function isSessionLive(session: SessionRecord, now: number): boolean {
  return now < session.expiresAt && now < session.createdAt + SESSION_MAX_LIFETIME_MS;
}

/** The new expiry when the session is due a slide, else null (no write needed). */
export function slideExpiry(session: SessionRecord, now: number): number | null {
  const target = Math.min(now + SESSION_IDLE_MS, session.createdAt + SESSION_MAX_LIFETIME_MS);
  return target - session.expiresAt >= SESSION_REFRESH_MS ? target : null;
}

export async function createSession(db: Db, orgId: string, userId: string, now = Date.now()): Promise<{ token: string; id: string; expiresAt: number }> {
  const token = randomToken();
  const id = await sha256Hex(token);
  const expiresAt = now + SESSION_IDLE_MS;
  await db.insert(adminSessions).values({ id, orgId, userId, expiresAt, createdAt: now });
  return { token, id, expiresAt };
}

export interface LiveSession {
  session: SessionRecord;
  userId: string;
  email: string;
  name: string | null;
  role: Role;
}

/**
 * The session only counts on the org it was opened for, and only while the user is still a
 * member: the role is read from org_users on every request, so a demotion or removal
 * applies at once.
 */
export async function findSession(db: Db, orgId: string, sessionId: string): Promise<LiveSession | null> {
  const row = await db
    .select({
      session: { id: adminSessions.id, expiresAt: adminSessions.expiresAt, createdAt: adminSessions.createdAt },
      userId: users.id,
      email: users.email,
      name: users.name,
      role: orgUsers.role,
    })
    .from(adminSessions)
    .innerJoin(users, eq(users.id, adminSessions.userId))
    .innerJoin(orgUsers, and(eq(orgUsers.orgId, adminSessions.orgId), eq(orgUsers.userId, adminSessions.userId)))
    .where(and(eq(adminSessions.id, sessionId), eq(adminSessions.orgId, orgId)))
    .get();
  return row ?? null;
}

// ---------------------------------------------------------------- cookie

const COOKIE = 'finch_admin';

/** On https the `__Host-` prefix stops a sibling tenant subdomain from planting its own cookie. */
function cookieTarget(c: Context): { name: string; prefix?: 'host' } {
  return new URL(c.req.url).protocol === 'https:' ? { name: COOKIE, prefix: 'host' } : { name: COOKIE };
}

export async function readSessionToken(c: Context<AppEnv>): Promise<string | null> {
  const { name, prefix } = cookieTarget(c);
  const value = await getSignedCookie(c, c.env.SESSION_SECRET, name, prefix);
  return typeof value === 'string' && TOKEN_RE.test(value) ? value : null;
}

export async function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number, now = Date.now()): Promise<void> {
  const { name, prefix } = cookieTarget(c);
  await setSignedCookie(c, name, token, c.env.SESSION_SECRET, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: prefix === 'host',
    path: '/',
    maxAge: Math.max(0, Math.ceil((expiresAt - now) / 1000)),
    ...(prefix ? { prefix } : {}),
  });
}

export function clearSessionCookie(c: Context): void {
  const { name, prefix } = cookieTarget(c);
  deleteCookie(c, name, { httpOnly: true, sameSite: 'Lax', secure: prefix === 'host', path: '/', ...(prefix ? { prefix } : {}) });
}

// ---------------------------------------------------------------- one-time links

export type AuthTokenRow = typeof authTokens.$inferSelect;

/** Issues a link token, voiding older open ones for the same address, org and purpose. */
export async function issueAuthToken(
  db: Db,
  input: { orgId: string; email: string; purpose: TokenPurpose; role?: Role | null; ttlMs: number },
  now = Date.now(),
): Promise<{ token: string; row: AuthTokenRow }> {
  const token = randomToken();
  const row: AuthTokenRow = {
    id: crypto.randomUUID(),
    orgId: input.orgId,
    email: input.email,
    purpose: input.purpose,
    role: input.role ?? null,
    tokenHash: await sha256Hex(token),
    expiresAt: now + input.ttlMs,
    usedAt: null,
    createdAt: now,
  };
  await db.batch([
    db
      .update(authTokens)
      .set({ usedAt: now })
      .where(and(eq(authTokens.orgId, input.orgId), eq(authTokens.email, input.email), eq(authTokens.purpose, input.purpose), isNull(authTokens.usedAt))),
    db.insert(authTokens).values(row),
  ]);
  return { token, row };
}

const openToken = async (orgId: string, purpose: TokenPurpose, token: string, now: number) =>
  and(
    eq(authTokens.tokenHash, await sha256Hex(token)),
    eq(authTokens.orgId, orgId),
    eq(authTokens.purpose, purpose),
    isNull(authTokens.usedAt),
    gt(authTokens.expiresAt, now),
  );

/** Looks at an open token without using it up. */
export async function peekAuthToken(db: Db, orgId: string, purpose: TokenPurpose, token: string, now = Date.now()): Promise<AuthTokenRow | null> {
  if (!TOKEN_RE.test(token)) return null;
  return (await db.select().from(authTokens).where(await openToken(orgId, purpose, token, now)).get()) ?? null;
}

/** Uses the token up in one conditional UPDATE, so two concurrent uses cannot both win. */
export async function claimAuthToken(db: Db, orgId: string, purpose: TokenPurpose, token: string, now = Date.now()): Promise<AuthTokenRow | null> {
  if (!TOKEN_RE.test(token)) return null;
  return (await db.update(authTokens).set({ usedAt: now }).where(await openToken(orgId, purpose, token, now)).returning().get()) ?? null;
}

export const inviteLink = (origin: string, token: string) => `${origin}/admin/invite/${token}`;
export const resetLink = (origin: string, token: string) => `${origin}/admin/reset-password/${token}`;

/**
 * Sends a reset link when the address belongs to a member of this org, and does nothing
 * otherwise. Callers answer 202 before this runs (waitUntil), so neither the answer nor its
 * timing tells whether the address is known.
 */
export async function sendPasswordReset(db: Db, mailer: Mailer, org: Pick<Org, 'id' | 'name'>, email: string, origin: string, now = Date.now()): Promise<boolean> {
  const member = await db
    .select({ userId: users.id })
    .from(users)
    .innerJoin(orgUsers, and(eq(orgUsers.userId, users.id), eq(orgUsers.orgId, org.id)))
    .where(eq(users.email, email))
    .get();
  if (!member) return false;
  const { token } = await issueAuthToken(db, { orgId: org.id, email, purpose: 'reset', ttlMs: RESET_TTL_MS }, now);
  await mailer.send({
    orgId: org.id,
    to: email,
    kind: 'admin_reset',
    subject: `Reset your ${org.name} admin password`,
    text: `Someone asked to reset the password for your ${org.name} admin account.\n\nChoose a new password here (the link works once, for one hour):\n\n${resetLink(origin, token)}\n\nIf this was not you, ignore this email; your password stays as it is.`,
  });
  return true;
}

/** Hides every link in an email body: one-time links are credentials. */
export function redactLinks(text: string): string {
  return text.replace(/\b(https?:\/\/[^\s/]+)\/\S*/g, '$1/[link hidden]');
}

/** Local development (APP_DOMAIN on localhost): the outbox is the developer's inbox. */
export function isLocalAppDomain(appDomain: string): boolean {
  const host = appDomain.toLowerCase().replace(/:\d+$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '127.0.0.1';
}
