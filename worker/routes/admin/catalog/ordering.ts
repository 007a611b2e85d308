/** Per-floorplan price overrides, and the bulk reorder behind every drag-and-drop list. */
import { and, count, eq, inArray } from 'drizzle-orm';
import { Hono } from 'hono';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as z from 'zod/mini';
import { categories, floorplans, optionFloorplanPricing, options, stepPhotos, steps, subcategories } from '../../../db/schema';
import { ApiError } from '../../../lib/errors';
import { validate } from '../../../lib/validate';
import { requireAdmin } from '../../../middleware/admin-auth';
import { assertOwned, idList, priceCents, runBatch, uuid } from '../../../services/admin-catalog';
import type { AppEnv } from '../../../types';
import { catalogChanged } from './shared';

const pairParam = z.object({ floorplanId: uuid, optionId: uuid });

type Sortable = SQLiteTable & { id: SQLiteColumn; orgId: SQLiteColumn; sortOrder: SQLiteColumn };

/** What each reorderable list is, and which column names its parent (null: the org itself). */
const LISTS = {
  categories: { table: categories, parent: null, what: 'Category' },
  subcategories: { table: subcategories, parent: subcategories.categoryId, what: 'Subcategory' },
  options: { table: options, parent: options.subcategoryId, what: 'Option' },
  steps: { table: steps, parent: steps.floorplanId, what: 'Step' },
  'step-photos': { table: stepPhotos, parent: stepPhotos.stepId, what: 'Photo' },
} satisfies Record<string, { table: Sortable; parent: SQLiteColumn | null; what: string }>;

const reorderBody = z.object({
  kind: z.enum(['categories', 'subcategories', 'options', 'steps', 'step-photos']),
  ids: idList(500).check(z.minLength(1)),
});

export const orderingRoutes = new Hono<AppEnv>()
  // ------------------------------------------------------------ price overrides
  .get('/pricing-overrides', validate('query', z.object({ floorplanId: uuid })), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { floorplanId } = c.req.valid('query');
    await assertOwned(db, floorplans, orgId, [floorplanId], 'Floorplan');
    const rows = await db
      .select({ optionId: optionFloorplanPricing.optionId, floorplanId: optionFloorplanPricing.floorplanId, priceCents: optionFloorplanPricing.priceCents })
      .from(optionFloorplanPricing)
      .where(and(eq(optionFloorplanPricing.orgId, orgId), eq(optionFloorplanPricing.floorplanId, floorplanId)));
    return c.json({ overrides: rows });
  })
  .put('/pricing-overrides/:floorplanId/:optionId', requireAdmin, validate('param', pairParam), validate('json', z.object({ priceCents })), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { floorplanId, optionId } = c.req.valid('param');
    const { priceCents: price } = c.req.valid('json');
    await assertOwned(db, floorplans, orgId, [floorplanId], 'Floorplan');
    await assertOwned(db, options, orgId, [optionId], 'Option');
    await db
      .insert(optionFloorplanPricing)
      .values({ orgId, optionId, floorplanId, priceCents: price })
      .onConflictDoUpdate({ target: [optionFloorplanPricing.optionId, optionFloorplanPricing.floorplanId], set: { priceCents: price } });
    await catalogChanged(c);
    return c.json({ optionId, floorplanId, priceCents: price });
  })
  /** Reset: the option goes back to its base price on this floorplan. */
  .delete('/pricing-overrides/:floorplanId/:optionId', requireAdmin, validate('param', pairParam), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { floorplanId, optionId } = c.req.valid('param');
    await assertOwned(db, floorplans, orgId, [floorplanId], 'Floorplan');
    await assertOwned(db, options, orgId, [optionId], 'Option');
    await db
      .delete(optionFloorplanPricing)
      .where(and(eq(optionFloorplanPricing.orgId, orgId), eq(optionFloorplanPricing.floorplanId, floorplanId), eq(optionFloorplanPricing.optionId, optionId)));
    await catalogChanged(c);
    return c.body(null, 204);
  })
  /** Reset every override of one floorplan. */
  .delete('/pricing-overrides/:floorplanId', requireAdmin, validate('param', z.object({ floorplanId: uuid })), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { floorplanId } = c.req.valid('param');
    await assertOwned(db, floorplans, orgId, [floorplanId], 'Floorplan');
    await db.delete(optionFloorplanPricing).where(and(eq(optionFloorplanPricing.orgId, orgId), eq(optionFloorplanPricing.floorplanId, floorplanId)));
    await catalogChanged(c);
    return c.body(null, 204);
  })

  // ------------------------------------------------------------ reorder
  .post('/reorder', requireAdmin, validate('json', reorderBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { kind, ids } = c.req.valid('json');
    const list: { table: Sortable; parent: SQLiteColumn | null; what: string } = LISTS[kind];
    const { table, parent } = list;

    const rows = await db
      .select({ id: table.id, parent: parent ?? table.orgId })
      .from(table)
      .where(and(eq(table.orgId, orgId), inArray(table.id, ids)));
    if (rows.length !== ids.length) throw new ApiError(404, 'not_found', `${list.what} not found`);
    const parents = new Set(rows.map((r) => r.parent));
    if (parents.size !== 1) throw new ApiError(400, 'validation_failed', 'Every id must belong to the same parent');
    // The whole list, so the new order is unambiguous and no sibling keeps a clashing position.
    const siblings = await db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.orgId, orgId), eq(parent ?? table.orgId, String(rows[0]!.parent))))
      .get();
    if (siblings?.n !== ids.length) throw new ApiError(400, 'validation_failed', 'List every item of the parent, in the new order');

    await runBatch(
      db,
      ids.map((id, i) => db.update(table).set({ sortOrder: i }).where(and(eq(table.id, id), eq(table.orgId, orgId)))),
    );
    await catalogChanged(c);
    return c.body(null, 204);
  });
