/**
 * Guards for everything under /api/admin. `requireMember` turns the session cookie into
 * `c.var.admin` for the host's org (401 otherwise); `requireAdmin` keeps viewers read-only.
 * `sameOrigin` refuses browser requests that come from another origin: every tenant is a
 * subdomain of one site, so SameSite=Lax alone would let one tenant's page post to another's
 * admin API with the victim's cookie.
 */
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { adminSessions, type Role } from '../db/schema';
import { sha256Hex } from '../lib/bytes';
import { ApiError } from '../lib/errors';
import { clearSessionCookie, findSession, isSessionLive, readSessionToken, setSessionCookie, slideExpiry } from '../services/admin-auth';
import type { AppEnv } from '../types';

export interface AdminContext {
  userId: string;
  email: string;
  role: Role;
  /** The admin_sessions row id (the token's SHA-256), never the token itself. */
  sessionId: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const isMutation = (method: string) => !SAFE_METHODS.has(method.toUpperCase());

const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in to continue');

export const requireMember = createMiddleware<AppEnv>(async (c, next) => {
  const token = await readSessionToken(c);
  if (!token) {
    // A cookie that failed its signature or shape is useless; drop it from the browser.
    if (c.req.header('cookie')?.includes('finch_admin')) clearSessionCookie(c);
    throw unauthorized();
  }
  const db = c.get('db');
  const sessionId = await sha256Hex(token);
  const found = await findSession(db, c.get('org').id, sessionId);
  const now = Date.now();
  if (!found || !isSessionLive(found.session, now)) {
    if (found) await db.delete(adminSessions).where(eq(adminSessions.id, sessionId));
    clearSessionCookie(c);
    throw unauthorized();
  }
  const slid = slideExpiry(found.session, now);
  if (slid !== null) {
    await db.update(adminSessions).set({ expiresAt: slid }).where(eq(adminSessions.id, sessionId));
    await setSessionCookie(c, token, slid, now);
  }
  c.set('admin', { userId: found.userId, email: found.email, role: found.role, sessionId });
  await next();
});

/**
 * 403 for a viewer on any mutating method (anything but GET/HEAD/OPTIONS); reads pass, so it
 * can guard a whole sub-app (`use('*', requireAdmin)`) or single mutating routes alike.
 * Needs `requireMember` before it (401 when it did not run).
 */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const admin = c.get('admin');
  if (!admin) throw unauthorized();
  if (isMutation(c.req.method) && admin.role !== 'admin') {
    throw new ApiError(403, 'forbidden', 'Your role can view but not change this organization');
  }
  await next();
});

/** The signed-in member; throws 401 when `requireMember` did not run. */
export function currentAdmin(c: Context<AppEnv>): AdminContext {
  const admin = c.get('admin');
  if (!admin) throw unauthorized();
  return admin;
}

/**
 * Browsers always send Origin (and modern ones Sec-Fetch-Site) on cross-origin writes, so a
 * mismatch is a forged request. Requests without either (curl, server-to-server, tests)
 * carry no ambient browser cookie to abuse and pass.
 */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (isMutation(c.req.method)) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const crossOrigin = (origin !== undefined && origin !== new URL(c.req.url).origin) || site === 'cross-site' || site === 'same-site';
    if (crossOrigin) throw new ApiError(403, 'forbidden', 'Cross-origin requests are not allowed here');
  }
  await next();
});
