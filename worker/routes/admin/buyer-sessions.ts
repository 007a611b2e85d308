/**
 * Read-only view of buyers' saved selections. The detail prices the chosen options with the
 * same pure pricing code the picker and the save path use, at today's prices (floorplan
 * overrides applied), so it still works for a deactivated floorplan or option.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { buyerSessions, categories, floorplans, optionFloorplanPricing, options, steps, subcategories } from '../../db/schema';
import type { Catalog, CatalogCategory } from '../../domain/catalog';
import { indexCatalog } from '../../domain/catalog';
import { computeTotal, lineItems } from '../../domain/pricing';
import { notFound } from '../../lib/errors';
import { validate } from '../../lib/validate';
import type { AppEnv } from '../../types';
import { publicOrg } from '../floorplans';
import { keyset, pageOf, pageQuery, readPage } from './paging';

const listQuery = z.object({
  ...pageQuery,
  floorplanId: z.optional(z.uuid()),
  email: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.minLength(1), z.maxLength(254))),
});

/** LIKE treats % and _ as wildcards; a search for "a_b" should mean those characters. */
const likeContains = (text: string) => `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export const buyerSessionRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listQuery), async (c) => {
    const q = c.req.valid('query');
    const orgId = c.get('org').id;
    const page = readPage(q);
    const { where, orderBy } = keyset(buyerSessions.lastActiveAt, buyerSessions.id, page);
    const rows = await c.get('db')
      .select({
        id: buyerSessions.id,
        email: buyerSessions.email,
        totalCents: buyerSessions.totalCents,
        selections: buyerSessions.selections,
        lastActiveAt: buyerSessions.lastActiveAt,
        createdAt: buyerSessions.createdAt,
        floorplan: { id: floorplans.id, slug: floorplans.slug, name: floorplans.name },
      })
      .from(buyerSessions)
      .innerJoin(floorplans, and(eq(floorplans.id, buyerSessions.floorplanId), eq(floorplans.orgId, orgId)))
      .where(
        and(
          eq(buyerSessions.orgId, orgId),
          q.floorplanId ? eq(buyerSessions.floorplanId, q.floorplanId) : undefined,
          q.email ? sql`${buyerSessions.email} LIKE ${likeContains(q.email)} ESCAPE '\\'` : undefined,
          where,
        ),
      )
      .orderBy(...orderBy)
      .limit(page.limit + 1);
    const { items, nextCursor } = pageOf(rows, page, (r) => ({ time: r.lastActiveAt, id: r.id }));
    return c.json({
      sessions: items.map(({ selections, ...r }) => ({ ...r, selectionCount: Object.keys(selections).length })),
      nextCursor,
    });
  })
  .get('/:id', validate('param', z.object({ id: z.uuid() })), async (c) => {
    const orgId = c.get('org').id;
    const db = c.get('db');
    const row = await db
      .select({ session: buyerSessions, floorplan: { id: floorplans.id, slug: floorplans.slug, name: floorplans.name } })
      .from(buyerSessions)
      .innerJoin(floorplans, and(eq(floorplans.id, buyerSessions.floorplanId), eq(floorplans.orgId, orgId)))
      .where(and(eq(buyerSessions.id, c.req.valid('param').id), eq(buyerSessions.orgId, orgId)))
      .get();
    if (!row) throw notFound('Buyer session');
    const { session, floorplan } = row;
    const chosen = [...new Set(Object.values(session.selections).filter((v): v is string => typeof v === 'string'))];

    const [optionRows, subRows, categoryRows, overrideRows, stepRows] = await db.batch([
      // One JSON parameter instead of one per id: D1 caps a statement at 100 bound parameters.
      db.select().from(options).where(and(eq(options.orgId, orgId), sql`${options.id} IN (SELECT value FROM json_each(${JSON.stringify(chosen)}))`)),
      db.select().from(subcategories).where(eq(subcategories.orgId, orgId)).orderBy(asc(subcategories.sortOrder), asc(subcategories.name)),
      db.select().from(categories).where(eq(categories.orgId, orgId)).orderBy(asc(categories.sortOrder), asc(categories.name)),
      db
        .select()
        .from(optionFloorplanPricing)
        .where(and(eq(optionFloorplanPricing.orgId, orgId), eq(optionFloorplanPricing.floorplanId, floorplan.id))),
      db.select().from(steps).where(and(eq(steps.orgId, orgId), eq(steps.floorplanId, floorplan.id))).orderBy(asc(steps.sortOrder)),
    ]);

    // A catalog of just the chosen options, so the shared pricing code does the arithmetic.
    const override = new Map(overrideRows.map((r) => [r.optionId, r.priceCents]));
    const cats: CatalogCategory[] = categoryRows.map((cat) => ({
      id: cat.id,
      slug: cat.slug,
      name: cat.name,
      subcategories: subRows
        .filter((s) => s.categoryId === cat.id)
        .map((s) => ({
          id: s.id,
          slug: s.slug,
          name: s.name,
          isVisual: s.isVisual,
          isAdditive: s.isAdditive,
          maxQuantity: s.maxQuantity,
          unitLabel: s.unitLabel,
          options: optionRows
            .filter((o) => o.subcategoryId === s.id)
            .map((o) => ({
              id: o.id,
              slug: o.slug,
              name: o.name,
              description: o.description,
              priceCents: override.get(o.id) ?? o.priceCents,
              swatchUrl: null,
              swatchColor: o.swatchColor,
              isDefault: o.isDefault,
            })),
        })),
    }));
    const org = c.get('org');
    const catalog: Catalog = {
      org: publicOrg(org),
      floorplan: { ...floorplan, description: null, bedrooms: null, bathrooms: null, squareFeet: null, basePriceCents: null },
      version: org.catalogVersion,
      steps: [],
      categories: cats,
      rules: [],
    };
    const index = indexCatalog(catalog);
    const lines = lineItems(index, session.selections, session.quantities);

    const stepOf = new Map<string, string>();
    for (const step of stepRows) for (const sec of step.sections) for (const sub of sec.subcategoryIds) if (!stepOf.has(sub)) stepOf.set(sub, step.name);
    const categoryOf = new Map(subRows.map((s) => [s.id, categoryRows.find((cat) => cat.id === s.categoryId)?.name ?? null]));
    const optionById = new Map(optionRows.map((o) => [o.id, o]));
    const order = new Map(cats.flatMap((cat) => cat.subcategories).map((s, i) => [s.id, i]));
    lines.sort((a, b) => order.get(a.subcategoryId)! - order.get(b.subcategoryId)!);
    const priced = new Set(lines.map((l) => l.subcategoryId));

    return c.json({
      session: {
        id: session.id,
        floorplan,
        email: session.email,
        selections: session.selections,
        quantities: session.quantities,
        savedTotalCents: session.totalCents,
        lastActiveAt: session.lastActiveAt,
        createdAt: session.createdAt,
      },
      lines: lines.map((l) => ({
        stepName: stepOf.get(l.subcategoryId) ?? null,
        categoryName: categoryOf.get(l.subcategoryId) ?? null,
        subcategoryId: l.subcategoryId,
        subcategoryName: index.subcategories.get(l.subcategoryId)!.name,
        optionId: l.optionId,
        optionName: index.options.get(l.optionId)!.option.name,
        optionActive: optionById.get(l.optionId)!.isActive,
        unitPriceCents: l.unitPriceCents,
        quantity: l.quantity,
        totalCents: l.totalCents,
      })),
      // Picks whose option or subcategory has since been deleted.
      unavailable: Object.entries(session.selections)
        .filter(([sub]) => !priced.has(sub))
        .map(([subcategoryId, optionId]) => ({ subcategoryId, optionId })),
      totalCents: computeTotal(index, session.selections, session.quantities),
    });
  });
