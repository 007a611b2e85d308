/** The option tree: categories > subcategories > options, with floorplan scope and swatches. */
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { categories, optionFloorplans, options, subcategories, floorplans } from '../../../db/schema';
import { ApiError, notFound } from '../../../lib/errors';
import { isSafeKey } from '../../../lib/media';
import { validate } from '../../../lib/validate';
import { requireAdmin } from '../../../middleware/admin-auth';
import {
  assertOwned,
  chooseSlug,
  deleteObjects,
  detachSubcategoryStatements,
  hexColor,
  idList,
  name,
  priceCents,
  runBatch,
  shortText,
  slug,
  subcategoryIdsOf,
  uniqueOr409,
  uuid,
  type Statement,
} from '../../../services/admin-catalog';
import type { AppEnv } from '../../../types';
import { catalogChanged, idParam, notEmpty, presentCategory, presentOption, presentSubcategory, sentFields, type Ctx } from './shared';

const nextSort = (table: 'categories' | 'subcategories' | 'options', parentColumn: string, parentId: string) =>
  sql`(SELECT COALESCE(MAX(sort_order), -1) + 1 FROM ${sql.identifier(table)} WHERE ${sql.identifier(parentColumn)} = ${parentId})`;

const categoryBody = z.object({ name, slug: z.optional(slug) });
const categoryPatch = z.object({ name: z.optional(name), slug: z.optional(slug) }).check(notEmpty);

const subcategoryFields = {
  isVisual: z.optional(z.boolean()),
  isAdditive: z.optional(z.boolean()),
  maxQuantity: z.optional(z.int().check(z.gte(1), z.lte(999))),
  unitLabel: z.optional(shortText(40)),
  promptDescriptor: z.optional(shortText(500)),
};
const subcategoryBody = z.object({ categoryId: uuid, name, slug: z.optional(slug), ...subcategoryFields });
const subcategoryPatch = z.object({ categoryId: z.optional(uuid), name: z.optional(name), slug: z.optional(slug), ...subcategoryFields }).check(notEmpty);

const optionFields = {
  priceCents: z.optional(priceCents),
  isDefault: z.optional(z.boolean()),
  description: z.optional(shortText(2000)),
  swatchColor: z.optional(z.nullable(hexColor)),
  promptDescriptor: z.optional(shortText(500)),
  isActive: z.optional(z.boolean()),
  /** Floorplans offering the option; empty means all of them. */
  floorplanIds: z.optional(idList(200)),
};
const optionBody = z.object({ subcategoryId: uuid, name, slug: z.optional(slug), ...optionFields });
const optionPatch = z.object({
  name: z.optional(name),
  slug: z.optional(slug),
  ...optionFields,
  /** A key returned by `POST /uploads/swatch` for this option's subcategory, or null to remove the swatch. */
  swatchKey: z.optional(z.nullable(z.string().check(z.maxLength(512)))),
}).check(notEmpty);

async function loadOption(c: Ctx, id: string) {
  const row = await c.get('db').select().from(options).where(and(eq(options.id, id), eq(options.orgId, c.get('org').id))).get();
  if (!row) throw notFound('Option');
  return row;
}

async function optionWithScope(c: Ctx, id: string) {
  const db = c.get('db');
  const [rows, scope] = await db.batch([
    db.select().from(options).where(and(eq(options.id, id), eq(options.orgId, c.get('org').id))),
    db.select({ floorplanId: optionFloorplans.floorplanId }).from(optionFloorplans).where(eq(optionFloorplans.optionId, id)),
  ]);
  if (!rows[0]) throw notFound('Option');
  return presentOption(rows[0], scope.map((s) => s.floorplanId));
}

function scopeStatements(c: Ctx, optionId: string, floorplanIds: string[]): Statement[] {
  const db = c.get('db');
  const orgId = c.get('org').id;
  const out: Statement[] = [db.delete(optionFloorplans).where(and(eq(optionFloorplans.optionId, optionId), eq(optionFloorplans.orgId, orgId)))];
  if (floorplanIds.length) out.push(db.insert(optionFloorplans).values(floorplanIds.map((floorplanId) => ({ orgId, optionId, floorplanId }))));
  return out;
}

/** A swatch key may be attached only if we generated it for this org and subcategory, it exists, and no other option uses it. */
async function checkSwatchKey(c: Ctx, key: string, subcategoryId: string, optionId: string): Promise<void> {
  const prefix = `${c.get('org').id}/swatches/${subcategoryId}/`;
  if (!isSafeKey(key) || !key.startsWith(prefix) || !(await c.env.MEDIA.head(key))) throw notFound('Swatch');
  const other = await c.get('db')
    .select({ id: options.id })
    .from(options)
    .where(and(eq(options.orgId, c.get('org').id), eq(options.swatchKey, key), ne(options.id, optionId)))
    .get();
  if (other) throw new ApiError(409, 'conflict', 'That swatch belongs to another option');
}

export const treeRoutes = new Hono<AppEnv>()
  // ------------------------------------------------------------ the whole tree
  .get('/categories', async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const [cats, subs, opts, scope] = await db.batch([
      db.select().from(categories).where(eq(categories.orgId, orgId)).orderBy(asc(categories.sortOrder), asc(categories.name)),
      db.select().from(subcategories).where(eq(subcategories.orgId, orgId)).orderBy(asc(subcategories.sortOrder), asc(subcategories.name)),
      db.select().from(options).where(eq(options.orgId, orgId)).orderBy(asc(options.sortOrder), asc(options.name)),
      db.select().from(optionFloorplans).where(eq(optionFloorplans.orgId, orgId)),
    ]);
    const scopeOf = new Map<string, string[]>();
    for (const s of scope) scopeOf.set(s.optionId, [...(scopeOf.get(s.optionId) ?? []), s.floorplanId]);
    return c.json({
      categories: cats.map((cat) => ({
        ...presentCategory(cat),
        subcategories: subs
          .filter((s) => s.categoryId === cat.id)
          .map((s) => ({
            ...presentSubcategory(s),
            options: opts.filter((o) => o.subcategoryId === s.id).map((o) => presentOption(o, scopeOf.get(o.id) ?? [])),
          })),
      })),
    });
  })

  // ------------------------------------------------------------ categories
  .post('/categories', requireAdmin, validate('json', categoryBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const body = c.req.valid('json');
    const chosen = await chooseSlug(db, categories, eq(categories.orgId, orgId), body.slug, body.name);
    const row = await uniqueOr409(
      () =>
        db.insert(categories)
          .values({ id: crypto.randomUUID(), orgId, slug: chosen, name: body.name, sortOrder: nextSort('categories', 'org_id', orgId), createdAt: Date.now() })
          .returning()
          .get(),
      'slug',
    );
    await catalogChanged(c);
    return c.json(presentCategory(row), 201);
  })
  .patch('/categories/:id', requireAdmin, validate('param', idParam), validate('json', categoryPatch), async (c) => {
    const body = c.req.valid('json');
    const row = await uniqueOr409(
      () =>
        c.get('db')
          .update(categories)
          .set({ name: body.name, slug: body.slug })
          .where(and(eq(categories.id, c.req.valid('param').id), eq(categories.orgId, c.get('org').id)))
          .returning()
          .get(),
      'slug',
    );
    if (!row) throw notFound('Category');
    await catalogChanged(c);
    return c.json(presentCategory(row));
  })
  .delete('/categories/:id', requireAdmin, validate('param', idParam), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { id } = c.req.valid('param');
    await assertOwned(db, categories, orgId, [id], 'Category');
    const subIds = await subcategoryIdsOf(db, orgId, id);
    const swatches = subIds.length
      ? await db.select({ key: options.swatchKey }).from(options).where(and(eq(options.orgId, orgId), inArray(options.subcategoryId, subIds), isNotNull(options.swatchKey)))
      : [];
    await runBatch(db, [
      ...(await detachSubcategoryStatements(db, orgId, subIds)),
      db.delete(categories).where(and(eq(categories.id, id), eq(categories.orgId, orgId))),
    ]);
    await deleteObjects(c.env.MEDIA, swatches.map((s) => s.key!));
    await catalogChanged(c);
    return c.body(null, 204);
  })

  // ------------------------------------------------------------ subcategories
  .post('/subcategories', requireAdmin, validate('json', subcategoryBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const body = c.req.valid('json');
    await assertOwned(db, categories, orgId, [body.categoryId], 'Category');
    const chosen = await chooseSlug(db, subcategories, eq(subcategories.orgId, orgId), body.slug, body.name);
    const row = await uniqueOr409(
      () =>
        db.insert(subcategories)
          .values({
            id: crypto.randomUUID(),
            orgId,
            categoryId: body.categoryId,
            slug: chosen,
            name: body.name,
            sortOrder: nextSort('subcategories', 'category_id', body.categoryId),
            isVisual: body.isVisual ?? false,
            isAdditive: body.isAdditive ?? false,
            maxQuantity: body.maxQuantity ?? 1,
            unitLabel: body.unitLabel ?? null,
            promptDescriptor: body.promptDescriptor ?? null,
            createdAt: Date.now(),
          })
          .returning()
          .get(),
      'slug',
    );
    await catalogChanged(c);
    return c.json(presentSubcategory(row), 201);
  })
  .patch('/subcategories/:id', requireAdmin, validate('param', idParam), validate('json', subcategoryPatch), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { categoryId, ...fields } = c.req.valid('json');
    const { id } = c.req.valid('param');
    const current = await db.select().from(subcategories).where(and(eq(subcategories.id, id), eq(subcategories.orgId, orgId))).get();
    if (!current) throw notFound('Subcategory');
    const moving = categoryId !== undefined && categoryId !== current.categoryId;
    if (moving) await assertOwned(db, categories, orgId, [categoryId], 'Category');
    const changes = sentFields({ ...fields, ...(moving ? { categoryId, sortOrder: nextSort('subcategories', 'category_id', categoryId) } : {}) });
    if (!changes) return c.json(presentSubcategory(current));
    const row = await uniqueOr409(
      () => db.update(subcategories).set(changes).where(and(eq(subcategories.id, id), eq(subcategories.orgId, orgId))).returning().get(),
      'slug',
    );
    if (!row) throw notFound('Subcategory');
    await catalogChanged(c);
    return c.json(presentSubcategory(row));
  })
  .delete('/subcategories/:id', requireAdmin, validate('param', idParam), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { id } = c.req.valid('param');
    await assertOwned(db, subcategories, orgId, [id], 'Subcategory');
    const swatches = await db.select({ key: options.swatchKey }).from(options).where(and(eq(options.subcategoryId, id), isNotNull(options.swatchKey)));
    await runBatch(db, [
      ...(await detachSubcategoryStatements(db, orgId, [id])),
      db.delete(subcategories).where(and(eq(subcategories.id, id), eq(subcategories.orgId, orgId))),
    ]);
    await deleteObjects(c.env.MEDIA, swatches.map((s) => s.key!));
    await catalogChanged(c);
    return c.body(null, 204);
  })

  // ------------------------------------------------------------ options
  .get('/options/:id', validate('param', idParam), async (c) => c.json(await optionWithScope(c, c.req.valid('param').id)))
  .post('/options', requireAdmin, validate('json', optionBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const body = c.req.valid('json');
    await assertOwned(db, subcategories, orgId, [body.subcategoryId], 'Subcategory');
    await assertOwned(db, floorplans, orgId, body.floorplanIds ?? [], 'Floorplan');
    const chosen = await chooseSlug(db, options, eq(options.orgId, orgId), body.slug, body.name);
    const id = crypto.randomUUID();
    await uniqueOr409(
      () =>
        runBatch(db, [
          ...(body.isDefault ? [db.update(options).set({ isDefault: false }).where(and(eq(options.orgId, orgId), eq(options.subcategoryId, body.subcategoryId)))] : []),
          db.insert(options).values({
            id,
            orgId,
            subcategoryId: body.subcategoryId,
            slug: chosen,
            name: body.name,
            description: body.description ?? null,
            priceCents: body.priceCents ?? 0,
            isDefault: body.isDefault ?? false,
            sortOrder: nextSort('options', 'subcategory_id', body.subcategoryId),
            swatchColor: body.swatchColor ?? null,
            promptDescriptor: body.promptDescriptor ?? null,
            isActive: body.isActive ?? true,
            createdAt: Date.now(),
          }),
          ...(body.floorplanIds?.length ? scopeStatements(c, id, body.floorplanIds) : []),
        ]),
      'slug',
    );
    await catalogChanged(c);
    return c.json(await optionWithScope(c, id), 201);
  })
  .patch('/options/:id', requireAdmin, validate('param', idParam), validate('json', optionPatch), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const current = await loadOption(c, c.req.valid('param').id);
    const { floorplanIds, swatchKey, ...fields } = c.req.valid('json');
    if (floorplanIds) await assertOwned(db, floorplans, orgId, floorplanIds, 'Floorplan');
    if (typeof swatchKey === 'string' && swatchKey !== current.swatchKey) await checkSwatchKey(c, swatchKey, current.subcategoryId, current.id);

    const statements: Statement[] = [];
    // Clear the old default first, in the same transaction, so the subcategory never has two.
    if (fields.isDefault === true) {
      statements.push(
        db.update(options).set({ isDefault: false }).where(and(eq(options.orgId, orgId), eq(options.subcategoryId, current.subcategoryId), ne(options.id, current.id))),
      );
    }
    const changes = sentFields({ ...fields, swatchKey });
    if (changes) statements.push(db.update(options).set(changes).where(and(eq(options.id, current.id), eq(options.orgId, orgId))));
    if (floorplanIds) statements.push(...scopeStatements(c, current.id, floorplanIds));
    await uniqueOr409(() => runBatch(db, statements), 'slug');

    if (swatchKey !== undefined && current.swatchKey && current.swatchKey !== swatchKey) await deleteObjects(c.env.MEDIA, [current.swatchKey]);
    await catalogChanged(c);
    return c.json(await optionWithScope(c, current.id));
  })
  .delete('/options/:id', requireAdmin, validate('param', idParam), async (c) => {
    const current = await loadOption(c, c.req.valid('param').id);
    await c.get('db').delete(options).where(and(eq(options.id, current.id), eq(options.orgId, c.get('org').id)));
    if (current.swatchKey) await deleteObjects(c.env.MEDIA, [current.swatchKey]);
    await catalogChanged(c);
    return c.body(null, 204);
  });
