/**
 * Invites: an admin names an email and a role; the person gets a one-time link (7 days) and
 * joins the org by accepting it. A new person chooses a password there; someone who already
 * has a Finch account (another builder's staff) proves it with their current password
 * instead, so an invite link can never be used to take over an existing account.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { authTokens, orgUsers, users, type Role } from '../../db/schema';
import { ApiError, notFound } from '../../lib/errors';
import { hashPassword, verifyPassword } from '../../lib/password';
import { validate } from '../../lib/validate';
import { requireAdmin } from '../../middleware/admin-auth';
import { INVITE_TTL_MS, MIN_PASSWORD_LENGTH, claimAuthToken, inviteLink, issueAuthToken, peekAuthToken, type AuthTokenRow } from '../../services/admin-auth';
import { createMailer } from '../../services/mailer';
import { clientIp, enforce } from '../../services/rate-limit';
import type { AppEnv } from '../../types';
import { anyPasswordSchema, deadLink, emailSchema, startSession, tokenSchema } from './auth';

const roleSchema = z.enum(['admin', 'viewer']);
const presentInvite = (row: AuthTokenRow) => ({ id: row.id, email: row.email, role: row.role, expiresAt: row.expiresAt, createdAt: row.createdAt });

/** Behind requireMember: viewers may list, only admins invite or revoke. */
export const inviteRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const rows = await c.get('db')
      .select()
      .from(authTokens)
      .where(and(eq(authTokens.orgId, c.get('org').id), eq(authTokens.purpose, 'invite'), isNull(authTokens.usedAt), gt(authTokens.expiresAt, Date.now())))
      .orderBy(desc(authTokens.createdAt))
      .limit(200);
    return c.json({ invites: rows.map(presentInvite) });
  })
  .post('/', requireAdmin, validate('json', z.object({ email: emailSchema, role: roleSchema })), async (c) => {
    const { email, role } = c.req.valid('json');
    const org = c.get('org');
    const db = c.get('db');
    // Each invite sends an email; a stolen admin session should not turn into a mail cannon.
    await enforce(c.env.DB, [{ key: `admin-invite:org:${org.id}`, max: 50, windowSeconds: 3600 }]);
    const member = await db
      .select({ userId: orgUsers.userId })
      .from(orgUsers)
      .innerJoin(users, eq(users.id, orgUsers.userId))
      .where(and(eq(orgUsers.orgId, org.id), eq(users.email, email)))
      .get();
    if (member) throw new ApiError(409, 'conflict', 'That person is already a member of this organization');
    const { token, row } = await issueAuthToken(db, { orgId: org.id, email, purpose: 'invite', role, ttlMs: INVITE_TTL_MS });
    await createMailer(db, c.env).send({
      orgId: org.id,
      to: email,
      kind: 'admin_invite',
      subject: `You're invited to manage ${org.name} on Finch`,
      text: `You have been invited to join ${org.name} on Finch as ${role === 'admin' ? 'an admin' : 'a viewer'}.\n\nAccept here (the link works once, for 7 days):\n\n${inviteLink(new URL(c.req.url).origin, token)}`,
    });
    return c.json({ invite: presentInvite(row) }, 201);
  })
  .delete('/:id', requireAdmin, validate('param', z.object({ id: z.uuid() })), async (c) => {
    const gone = await c.get('db')
      .delete(authTokens)
      .where(and(eq(authTokens.id, c.req.valid('param').id), eq(authTokens.orgId, c.get('org').id), eq(authTokens.purpose, 'invite'), isNull(authTokens.usedAt)))
      .returning({ id: authTokens.id })
      .get();
    if (!gone) throw notFound('Invite');
    return c.body(null, 204);
  });

const acceptBody = z.object({
  token: tokenSchema,
  password: anyPasswordSchema,
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
});

/** Reachable without a session: the link is the credential. */
export const inviteAcceptRoutes = new Hono<AppEnv>()
  .get('/accept/:token', validate('param', z.object({ token: tokenSchema })), async (c) => {
    const org = c.get('org');
    const db = c.get('db');
    const invite = await peekAuthToken(db, org.id, 'invite', c.req.valid('param').token);
    if (!invite) throw deadLink();
    const user = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.email, invite.email)).get();
    return c.json({
      email: invite.email,
      role: invite.role,
      org: { slug: org.slug, name: org.name },
      // Tells the page whether to ask for a new password or for the existing one.
      existingUser: Boolean(user?.passwordHash),
      expiresAt: invite.expiresAt,
    });
  })
  .post('/accept', validate('json', acceptBody), async (c) => {
    const { token, password, name } = c.req.valid('json');
    const org = c.get('org');
    const db = c.get('db');
    await enforce(c.env.DB, [{ key: `admin-link:ip:${clientIp(c.req.raw)}`, max: 20, windowSeconds: 900 }]);
    const invite = await peekAuthToken(db, org.id, 'invite', token);
    if (!invite) throw deadLink();
    const existing = await db.select().from(users).where(eq(users.email, invite.email)).get();

    let newHash: string | null = null;
    if (existing?.passwordHash) {
      // A wrong password leaves the invite open for another try.
      if (!(await verifyPassword(password, existing.passwordHash))) {
        throw new ApiError(401, 'unauthorized', 'Enter the password you already use to sign in to Finch');
      }
    } else {
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new ApiError(400, 'validation_failed', 'Invalid json', [{ path: 'password', message: `Use at least ${MIN_PASSWORD_LENGTH} characters` }]);
      }
      newHash = await hashPassword(password);
    }

    const claimed = await claimAuthToken(db, org.id, 'invite', token);
    if (!claimed) throw deadLink();
    const now = Date.now();
    const userId = existing?.id ?? crypto.randomUUID();
    const role: Role = claimed.role ?? 'viewer';
    const writes: BatchItem<'sqlite'>[] = [];
    if (!existing) writes.push(db.insert(users).values({ id: userId, email: invite.email, name: name ?? null, passwordHash: newHash, createdAt: now }));
    else if (newHash) writes.push(db.update(users).set({ passwordHash: newHash, ...(name ? { name } : {}) }).where(eq(users.id, userId)));
    // Someone who joined meanwhile keeps the role they already have.
    writes.push(db.insert(orgUsers).values({ orgId: org.id, userId, role, createdAt: now }).onConflictDoNothing());
    await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);

    const joined = await db
      .select({ role: orgUsers.role, email: users.email, name: users.name })
      .from(orgUsers)
      .innerJoin(users, eq(users.id, orgUsers.userId))
      .where(and(eq(orgUsers.orgId, org.id), eq(orgUsers.userId, userId)))
      .get();
    return startSession(c, { id: userId, email: joined!.email, name: joined!.name }, joined!.role);
  });
