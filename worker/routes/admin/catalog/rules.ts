/** Requires/excludes rules between two options of the same org. */
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { optionRules, options } from '../../../db/schema';
import { ApiError, notFound } from '../../../lib/errors';
import { validate } from '../../../lib/validate';
import { requireAdmin } from '../../../middleware/admin-auth';
import { shortText, uniqueOr409, uuid } from '../../../services/admin-catalog';
import type { AppEnv } from '../../../types';
import { catalogChanged, idParam, presentRule } from './shared';

const ruleBody = z.object({
  optionId: uuid,
  kind: z.enum(['requires', 'excludes']),
  targetOptionId: uuid,
  message: z.optional(shortText(300)),
}).check(z.refine((r) => r.optionId !== r.targetOptionId, { message: 'An option cannot require or exclude itself', path: ['targetOptionId'] }));

export const ruleRoutes = new Hono<AppEnv>()
  .get('/rules', async (c) => {
    const rows = await c.get('db').select().from(optionRules).where(eq(optionRules.orgId, c.get('org').id)).orderBy(asc(optionRules.createdAt));
    return c.json({ rules: rows.map(presentRule) });
  })
  .post('/rules', requireAdmin, validate('json', ruleBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const body = c.req.valid('json');
    const pair = [body.optionId, body.targetOptionId];
    const [found, existing] = await db.batch([
      db.select({ id: options.id, subcategoryId: options.subcategoryId }).from(options).where(and(eq(options.orgId, orgId), inArray(options.id, pair))),
      db
        .select()
        .from(optionRules)
        .where(
          and(
            eq(optionRules.orgId, orgId),
            or(
              and(eq(optionRules.optionId, body.optionId), eq(optionRules.targetOptionId, body.targetOptionId)),
              and(eq(optionRules.optionId, body.targetOptionId), eq(optionRules.targetOptionId, body.optionId)),
            ),
          ),
        ),
    ]);
    if (found.length !== 2) throw notFound('Option');
    const [a, b] = found;
    if (body.kind === 'requires' && a!.subcategoryId === b!.subcategoryId) {
      throw new ApiError(422, 'unprocessable', 'An option cannot require another choice of the same subcategory: only one can be picked');
    }
    // Excludes works both ways (the pair cannot be chosen together), so B-excludes-A duplicates A-excludes-B.
    const duplicate = existing.some((r) => r.kind === body.kind && (r.optionId === body.optionId || body.kind === 'excludes'));
    if (duplicate) throw new ApiError(409, 'conflict', 'This rule already exists');
    // A requirement either way plus an exclusion either way: the requiring option could never be chosen.
    if (existing.some((r) => r.kind !== body.kind)) throw new ApiError(422, 'unprocessable', 'This rule contradicts an existing rule between the same options');

    const row = await uniqueOr409(
      () =>
        db.insert(optionRules)
          .values({ id: crypto.randomUUID(), orgId, optionId: body.optionId, kind: body.kind, targetOptionId: body.targetOptionId, message: body.message ?? null, createdAt: Date.now() })
          .returning()
          .get(),
      'rule',
    );
    await catalogChanged(c);
    return c.json(presentRule(row), 201);
  })
  .patch('/rules/:id', requireAdmin, validate('param', idParam), validate('json', z.object({ message: shortText(300) })), async (c) => {
    const row = await c.get('db')
      .update(optionRules)
      .set({ message: c.req.valid('json').message })
      .where(and(eq(optionRules.id, c.req.valid('param').id), eq(optionRules.orgId, c.get('org').id)))
      .returning()
      .get();
    if (!row) throw notFound('Rule');
    await catalogChanged(c);
    return c.json(presentRule(row));
  })
  .delete('/rules/:id', requireAdmin, validate('param', idParam), async (c) => {
    const row = await c.get('db')
      .delete(optionRules)
      .where(and(eq(optionRules.id, c.req.valid('param').id), eq(optionRules.orgId, c.get('org').id)))
      .returning({ id: optionRules.id })
      .get();
    if (!row) throw notFound('Rule');
    await catalogChanged(c);
    return c.body(null, 204);
  });
