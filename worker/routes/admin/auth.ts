/**
 * Admin sign-in, sign-out, "who am I" and password reset. Every failure to sign in gets the
 * same 401 body after the same PBKDF2 work, and a reset request the same 202, so neither
 * tells whether an address has an account here.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { adminSessions, authTokens, orgUsers, users, type Role } from '../../db/schema';
import { sha256Hex } from '../../lib/bytes';
import { ApiError } from '../../lib/errors';
import { hashPassword } from '../../lib/password';
import { validate } from '../../lib/validate';
import { currentAdmin } from '../../middleware/admin-auth';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  TOKEN_RE,
  authenticate,
  claimAuthToken,
  clearSessionCookie,
  createSession,
  peekAuthToken,
  readSessionToken,
  sendPasswordReset,
  setSessionCookie,
} from '../../services/admin-auth';
import { createMailer } from '../../services/mailer';
import { clientIp, enforce, refund } from '../../services/rate-limit';
import type { AppEnv } from '../../types';

export const emailSchema = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email());
export const tokenSchema = z.string().check(z.regex(TOKEN_RE, 'Not a valid link'));
/** A password being chosen; signing in only needs one that fits the upper bound. */
export const newPasswordSchema = z.string().check(z.minLength(MIN_PASSWORD_LENGTH), z.maxLength(MAX_PASSWORD_LENGTH));
export const anyPasswordSchema = z.string().check(z.minLength(1), z.maxLength(MAX_PASSWORD_LENGTH));

const loginBody = z.object({ email: emailSchema, password: anyPasswordSchema });

export const badLogin = () => new ApiError(401, 'unauthorized', 'Email or password is incorrect');
export const deadLink = () => new ApiError(404, 'not_found', 'This link is invalid, used or expired');

/** Email addresses are hashed in rate-limit keys so the table holds no personal data. */
export const emailKey = (email: string) => sha256Hex(email);

export interface SignedIn {
  user: { id: string; email: string; name: string | null };
  role: Role;
  org: { id: string; slug: string; name: string };
}

/** Opens a session for this host's org, sets the cookie and answers like `/login`. */
export async function startSession(c: Context<AppEnv>, user: SignedIn['user'], role: Role) {
  const org = c.get('org');
  const now = Date.now();
  const { token, expiresAt } = await createSession(c.get('db'), org.id, user.id, now);
  await setSessionCookie(c, token, expiresAt, now);
  const body: SignedIn = { user, role, org: { id: org.id, slug: org.slug, name: org.name } };
  return c.json(body);
}

/** Sign-in and the reset links: reachable without a session. */
export const authPublicRoutes = new Hono<AppEnv>()
  .post('/login', validate('json', loginBody), async (c) => {
    const { email, password } = c.req.valid('json');
    const org = c.get('org');
    const db = c.get('db');
    // Counted per address across every tenant host, so rotating hosts buys no extra guesses.
    const limits = [
      { key: `admin-login:ip:${clientIp(c.req.raw)}`, max: 20, windowSeconds: 900 },
      { key: `admin-login:email:${await emailKey(email)}`, max: 10, windowSeconds: 900 },
    ];
    await enforce(c.env.DB, limits);
    const auth = await authenticate(db, org.id, email, password);
    if (!auth) throw badLogin();
    // Staff signing in all day on one office IP must not lock each other out: only failures count.
    await refund(c.env.DB, limits);
    if (auth.needsRehash) {
      await db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, auth.user.id));
    }
    // Signing in again from the same browser replaces its session instead of leaving one behind.
    const previous = await readSessionToken(c);
    if (previous) await db.delete(adminSessions).where(and(eq(adminSessions.id, await sha256Hex(previous)), eq(adminSessions.orgId, org.id)));
    return startSession(c, auth.user, auth.role);
  })
  .post('/password-reset', validate('json', z.object({ email: emailSchema })), async (c) => {
    const { email } = c.req.valid('json');
    const org = c.get('org');
    await enforce(c.env.DB, [
      { key: `admin-reset:ip:${clientIp(c.req.raw)}`, max: 5, windowSeconds: 900 },
      { key: `admin-reset:email:${await emailKey(email)}`, max: 3, windowSeconds: 3600 },
    ]);
    const db = c.get('db');
    const origin = new URL(c.req.url).origin;
    // After the answer: the lookup and the mail would otherwise time-stamp known addresses.
    c.executionCtx.waitUntil(
      sendPasswordReset(db, createMailer(db, c.env), org, email, origin).catch((err) => console.error('password reset mail failed', err)),
    );
    return c.json({ ok: true }, 202);
  })
  .get('/password-reset/:token', validate('param', z.object({ token: tokenSchema })), async (c) => {
    const row = await peekAuthToken(c.get('db'), c.get('org').id, 'reset', c.req.valid('param').token);
    if (!row) throw deadLink();
    return c.json({ email: row.email, expiresAt: row.expiresAt });
  })
  .post('/password-reset/complete', validate('json', z.object({ token: tokenSchema, password: newPasswordSchema })), async (c) => {
    const { token, password } = c.req.valid('json');
    const org = c.get('org');
    const db = c.get('db');
    await enforce(c.env.DB, [{ key: `admin-link:ip:${clientIp(c.req.raw)}`, max: 20, windowSeconds: 900 }]);
    const open = await peekAuthToken(db, org.id, 'reset', token);
    if (!open) throw deadLink();
    const member = await db
      .select({ id: users.id, email: users.email, name: users.name, role: orgUsers.role })
      .from(users)
      .innerJoin(orgUsers, and(eq(orgUsers.userId, users.id), eq(orgUsers.orgId, org.id)))
      .where(eq(users.email, open.email))
      .get();
    // Removed from the org since the link was sent: the link no longer opens anything.
    if (!member) throw deadLink();
    const passwordHash = await hashPassword(password);
    if (!(await claimAuthToken(db, org.id, 'reset', token))) throw deadLink();
    const now = Date.now();
    await db.batch([
      db.update(users).set({ passwordHash }).where(eq(users.id, member.id)),
      // A new password signs out every browser, on every org the person belongs to.
      db.delete(adminSessions).where(eq(adminSessions.userId, member.id)),
      db
        .update(authTokens)
        .set({ usedAt: now })
        .where(and(eq(authTokens.email, member.email), eq(authTokens.purpose, 'reset'), isNull(authTokens.usedAt))),
    ]);
    return startSession(c, { id: member.id, email: member.email, name: member.name }, member.role);
  });

/** Behind requireMember (viewers included). */
export const authSessionRoutes = new Hono<AppEnv>()
  .post('/logout', async (c) => {
    const admin = currentAdmin(c);
    await c.get('db').delete(adminSessions).where(eq(adminSessions.id, admin.sessionId));
    clearSessionCookie(c);
    return c.body(null, 204);
  })
  .get('/me', async (c) => {
    const admin = currentAdmin(c);
    const org = c.get('org');
    const user = await c.get('db').select({ name: users.name }).from(users).where(eq(users.id, admin.userId)).get();
    const body: SignedIn = {
      user: { id: admin.userId, email: admin.email, name: user?.name ?? null },
      role: admin.role,
      org: { id: org.id, slug: org.slug, name: org.name },
    };
    return c.json(body);
  });
