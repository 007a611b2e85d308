/**
 * Members of the host's org. An org always keeps at least one admin: the check sits inside
 * the UPDATE/DELETE itself, so two admins demoting each other at the same moment cannot
 * both succeed.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { adminSessions, orgUsers, users } from '../../db/schema';
import { ApiError, notFound } from '../../lib/errors';
import { validate } from '../../lib/validate';
import { requireAdmin } from '../../middleware/admin-auth';
import type { AppEnv } from '../../types';

const userParam = z.object({ userId: z.uuid() });

/** True for a non-admin row, or while another admin would remain. */
const keepsAnAdmin = (orgId: string) =>
  sql`(${orgUsers.role} <> 'admin' OR (SELECT count(*) FROM org_users AS o WHERE o.org_id = ${orgId} AND o.role = 'admin') > 1)`;

const lastAdmin = () => new ApiError(409, 'conflict', 'An organization needs at least one admin');

export const userRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const members = await c.get('db')
      .select({ userId: users.id, email: users.email, name: users.name, role: orgUsers.role, joinedAt: orgUsers.createdAt })
      .from(orgUsers)
      .innerJoin(users, eq(users.id, orgUsers.userId))
      .where(eq(orgUsers.orgId, c.get('org').id))
      .orderBy(asc(users.email));
    return c.json({ members });
  })
  .patch('/:userId', requireAdmin, validate('param', userParam), validate('json', z.object({ role: z.enum(['admin', 'viewer']) })), async (c) => {
    const { userId } = c.req.valid('param');
    const { role } = c.req.valid('json');
    const orgId = c.get('org').id;
    const db = c.get('db');
    const mine = and(eq(orgUsers.orgId, orgId), eq(orgUsers.userId, userId));
    const updated = await db
      .update(orgUsers)
      .set({ role })
      .where(role === 'admin' ? mine : and(mine, keepsAnAdmin(orgId)))
      .returning({ role: orgUsers.role })
      .get();
    if (!updated) {
      const exists = await db.select({ role: orgUsers.role }).from(orgUsers).where(mine).get();
      throw exists ? lastAdmin() : notFound('Member');
    }
    return c.json({ member: { userId, role: updated.role } });
  })
  .delete('/:userId', requireAdmin, validate('param', userParam), async (c) => {
    const { userId } = c.req.valid('param');
    const orgId = c.get('org').id;
    const db = c.get('db');
    const mine = and(eq(orgUsers.orgId, orgId), eq(orgUsers.userId, userId));
    const [removed] = await db.batch([
      db.delete(orgUsers).where(and(mine, keepsAnAdmin(orgId))).returning({ userId: orgUsers.userId }),
      // Only when the membership is really gone (not refused as the last admin).
      db
        .delete(adminSessions)
        .where(
          and(
            eq(adminSessions.orgId, orgId),
            eq(adminSessions.userId, userId),
            sql`NOT EXISTS (SELECT 1 FROM org_users AS o WHERE o.org_id = ${orgId} AND o.user_id = ${userId})`,
          ),
        ),
    ]);
    if (!removed.length) {
      const exists = await db.select({ role: orgUsers.role }).from(orgUsers).where(mine).get();
      throw exists ? lastAdmin() : notFound('Member');
    }
    return c.body(null, 204);
  });
