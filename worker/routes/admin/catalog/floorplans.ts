/** Floorplans, their steps (with sections) and the steps' room photos (hero flag, surfaces). */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { buyerSessions, floorplans, generationPolicies, stepPhotos, steps, subcategories } from '../../../db/schema';
import { isReservedFloorplanSlug, RESERVED_FLOORPLAN_SLUGS } from '../../../domain/slugs';
import { geminiPolicyFields } from '../../../generation/prompt';
import { ApiError, notFound } from '../../../lib/errors';
import { validate } from '../../../lib/validate';
import { requireAdmin } from '../../../middleware/admin-auth';
import {
  assertOwned,
  chooseSlug,
  deleteObjects,
  name,
  photoObjectKeys,
  runBatch,
  sectionsSchema,
  sectionSubcategoryIds,
  shortText,
  slug,
  surfacesSchema,
  surfaceSubcategoryIds,
  uniqueOr409,
  uuid,
  type Statement,
} from '../../../services/admin-catalog';
import type { AppEnv } from '../../../types';
import { catalogChanged, idParam, notEmpty, presentFloorplan, presentPhoto, presentStep, sentFields, type Ctx } from './shared';

const floorplanFields = {
  description: z.optional(shortText(2000)),
  bedrooms: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(50)))),
  bathrooms: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(50)))),
  squareFeet: z.optional(z.nullable(z.int().check(z.gte(1), z.lte(1_000_000)))),
  basePriceCents: z.optional(z.nullable(z.int().check(z.gte(0), z.lte(100_000_000_000)))),
  /** Inactive floorplans are hidden from buyers (their catalog 404s). */
  isActive: z.optional(z.boolean()),
};
const floorplanSlug = slug.check(z.refine((s) => !isReservedFloorplanSlug(s), 'This address is used by the app itself; choose another'));
const floorplanBody = z.object({ name, slug: z.optional(floorplanSlug), ...floorplanFields });
const floorplanPatch = z.object({ name: z.optional(name), slug: z.optional(floorplanSlug), ...floorplanFields }).check(notEmpty);

const stepBody = z.object({ floorplanId: uuid, name, slug: z.optional(slug), subtitle: z.optional(shortText(200)), sections: z.optional(sectionsSchema) });
const stepPatch = z.object({ name: z.optional(name), slug: z.optional(slug), subtitle: z.optional(shortText(200)), sections: z.optional(sectionsSchema) }).check(notEmpty);

const photoPatch = z.object({
  alt: z.optional(shortText(300)),
  spatialHint: z.optional(shortText(2000)),
  surfaces: z.optional(surfacesSchema),
  isHero: z.optional(z.boolean()),
}).check(notEmpty);

async function stepsWithPhotos(c: Ctx, where: { floorplanId: string } | { stepId: string }) {
  const db = c.get('db');
  const orgId = c.get('org').id;
  const stepWhere = 'stepId' in where ? eq(steps.id, where.stepId) : eq(steps.floorplanId, where.floorplanId);
  const [stepRows, photoRows] = await db.batch([
    db.select().from(steps).where(and(eq(steps.orgId, orgId), stepWhere)).orderBy(asc(steps.sortOrder), asc(steps.name)),
    db
      .select({ photo: stepPhotos, policy: generationPolicies.policy })
      .from(stepPhotos)
      .innerJoin(steps, eq(steps.id, stepPhotos.stepId))
      .leftJoin(generationPolicies, and(eq(generationPolicies.stepPhotoId, stepPhotos.id), eq(generationPolicies.orgId, orgId)))
      .where(and(eq(stepPhotos.orgId, orgId), stepWhere))
      .orderBy(asc(stepPhotos.sortOrder)),
  ]);
  return stepRows.map((s) => ({ ...presentStep(s), photos: photoRows.filter((p) => p.photo.stepId === s.id).map((p) => presentPhoto(p.photo, p.policy)) }));
}

async function loadStep(c: Ctx, id: string) {
  const row = await c.get('db').select().from(steps).where(and(eq(steps.id, id), eq(steps.orgId, c.get('org').id))).get();
  if (!row) throw notFound('Step');
  return row;
}

async function loadPhoto(c: Ctx, id: string) {
  const row = await c.get('db').select().from(stepPhotos).where(and(eq(stepPhotos.id, id), eq(stepPhotos.orgId, c.get('org').id))).get();
  if (!row) throw notFound('Photo');
  return row;
}

/** The photo as the admin sees it, with its visualizer policy, in one query. */
async function presentedPhoto(c: Ctx, id: string) {
  const row = await c.get('db')
    .select({ photo: stepPhotos, policy: generationPolicies.policy })
    .from(stepPhotos)
    .leftJoin(generationPolicies, and(eq(generationPolicies.stepPhotoId, stepPhotos.id), eq(generationPolicies.orgId, stepPhotos.orgId)))
    .where(and(eq(stepPhotos.id, id), eq(stepPhotos.orgId, c.get('org').id)))
    .get();
  if (!row) throw notFound('Photo');
  return presentPhoto(row.photo, row.policy);
}

/**
 * The visualizer policy staff may set per photo, as the Gemini provider reads it. It is part
 * of the image hash, so a change makes new images; strict here so a typo is a 400, not a key
 * the provider silently ignores.
 */
const policyBody = z.strictObject(geminiPolicyFields);

export const floorplanRoutes = new Hono<AppEnv>()
  // ------------------------------------------------------------ floorplans
  .get('/floorplans', async (c) => {
    const rows = await c.get('db').select().from(floorplans).where(eq(floorplans.orgId, c.get('org').id)).orderBy(asc(floorplans.sortOrder), asc(floorplans.name));
    return c.json({ floorplans: rows.map(presentFloorplan) });
  })
  .get('/floorplans/:id', validate('param', idParam), async (c) => {
    const { id } = c.req.valid('param');
    const row = await c.get('db').select().from(floorplans).where(and(eq(floorplans.id, id), eq(floorplans.orgId, c.get('org').id))).get();
    if (!row) throw notFound('Floorplan');
    return c.json({ ...presentFloorplan(row), steps: await stepsWithPhotos(c, { floorplanId: id }) });
  })
  .post('/floorplans', requireAdmin, validate('json', floorplanBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { slug: wanted, ...body } = c.req.valid('json');
    const chosen = await chooseSlug(db, floorplans, eq(floorplans.orgId, orgId), wanted, body.name, RESERVED_FLOORPLAN_SLUGS);
    const row = await uniqueOr409(
      () =>
        db.insert(floorplans)
          .values({
            ...body,
            id: crypto.randomUUID(),
            orgId,
            slug: chosen,
            sortOrder: sql`(SELECT COALESCE(MAX(sort_order), -1) + 1 FROM floorplans WHERE org_id = ${orgId})`,
            createdAt: Date.now(),
          })
          .returning()
          .get(),
      'slug',
    );
    await catalogChanged(c);
    return c.json(presentFloorplan(row), 201);
  })
  .patch('/floorplans/:id', requireAdmin, validate('param', idParam), validate('json', floorplanPatch), async (c) => {
    const changes = sentFields(c.req.valid('json'))!;
    const row = await uniqueOr409(
      () =>
        c.get('db')
          .update(floorplans)
          .set(changes)
          .where(and(eq(floorplans.id, c.req.valid('param').id), eq(floorplans.orgId, c.get('org').id)))
          .returning()
          .get(),
      'slug',
    );
    if (!row) throw notFound('Floorplan');
    await catalogChanged(c);
    return c.json(presentFloorplan(row));
  })
  .delete('/floorplans/:id', requireAdmin, validate('param', idParam), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { id } = c.req.valid('param');
    await assertOwned(db, floorplans, orgId, [id], 'Floorplan');
    // Buyers' saved selections hang off the floorplan; deactivate it instead of erasing them.
    const buyer = await db.select({ id: buyerSessions.id }).from(buyerSessions).where(and(eq(buyerSessions.orgId, orgId), eq(buyerSessions.floorplanId, id))).get();
    if (buyer) throw new ApiError(409, 'conflict', 'Buyers have saved selections for this floorplan; deactivate it instead');
    const photos = await db
      .select({ id: stepPhotos.id })
      .from(stepPhotos)
      .innerJoin(steps, eq(steps.id, stepPhotos.stepId))
      .where(and(eq(stepPhotos.orgId, orgId), eq(steps.floorplanId, id)));
    const keys = await photoObjectKeys(db, orgId, photos.map((p) => p.id));
    await db.delete(floorplans).where(and(eq(floorplans.id, id), eq(floorplans.orgId, orgId)));
    await deleteObjects(c.env.MEDIA, keys);
    await catalogChanged(c);
    return c.body(null, 204);
  })

  // ------------------------------------------------------------ steps
  .get('/steps/:id', validate('param', idParam), async (c) => {
    const [step] = await stepsWithPhotos(c, { stepId: c.req.valid('param').id });
    if (!step) throw notFound('Step');
    return c.json(step);
  })
  .post('/steps', requireAdmin, validate('json', stepBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const body = c.req.valid('json');
    await assertOwned(db, floorplans, orgId, [body.floorplanId], 'Floorplan');
    const sections = body.sections ?? [];
    await assertOwned(db, subcategories, orgId, sectionSubcategoryIds(sections), 'Subcategory');
    const chosen = await chooseSlug(db, steps, eq(steps.floorplanId, body.floorplanId), body.slug, body.name);
    const row = await uniqueOr409(
      () =>
        db.insert(steps)
          .values({
            id: crypto.randomUUID(),
            orgId,
            floorplanId: body.floorplanId,
            slug: chosen,
            name: body.name,
            subtitle: body.subtitle ?? null,
            sections,
            sortOrder: sql`(SELECT COALESCE(MAX(sort_order), -1) + 1 FROM steps WHERE floorplan_id = ${body.floorplanId})`,
            createdAt: Date.now(),
          })
          .returning()
          .get(),
      'slug',
    );
    await catalogChanged(c);
    return c.json({ ...presentStep(row), photos: [] }, 201);
  })
  .patch('/steps/:id', requireAdmin, validate('param', idParam), validate('json', stepPatch), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const body = c.req.valid('json');
    const current = await loadStep(c, c.req.valid('param').id);
    if (body.sections) await assertOwned(db, subcategories, orgId, sectionSubcategoryIds(body.sections), 'Subcategory');
    // Sections are replaced whole: one UPDATE, so a re-section is atomic.
    await uniqueOr409(() => db.update(steps).set(sentFields(body)!).where(and(eq(steps.id, current.id), eq(steps.orgId, orgId))), 'slug');
    await catalogChanged(c);
    const [step] = await stepsWithPhotos(c, { stepId: current.id });
    return c.json(step);
  })
  .delete('/steps/:id', requireAdmin, validate('param', idParam), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const current = await loadStep(c, c.req.valid('param').id);
    const photos = await db.select({ id: stepPhotos.id }).from(stepPhotos).where(and(eq(stepPhotos.orgId, orgId), eq(stepPhotos.stepId, current.id)));
    const keys = await photoObjectKeys(db, orgId, photos.map((p) => p.id));
    await db.delete(steps).where(and(eq(steps.id, current.id), eq(steps.orgId, orgId)));
    await deleteObjects(c.env.MEDIA, keys);
    await catalogChanged(c);
    return c.body(null, 204);
  })

  // ------------------------------------------------------------ step photos (created by POST /uploads/room-photo)
  .get('/step-photos/:id', validate('param', idParam), async (c) => {
    return c.json(await presentedPhoto(c, c.req.valid('param').id));
  })
  .patch('/step-photos/:id', requireAdmin, validate('param', idParam), validate('json', photoPatch), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { isHero, ...fields } = c.req.valid('json');
    const current = await loadPhoto(c, c.req.valid('param').id);
    if (fields.surfaces) await assertOwned(db, subcategories, orgId, surfaceSubcategoryIds(fields.surfaces), 'Subcategory');

    const statements: Statement[] = [];
    // The partial unique index allows one hero per step, so the old hero is cleared first in
    // the same batch (one transaction): there is never zero-then-two, and never two.
    if (isHero === true) {
      statements.push(
        db.update(stepPhotos)
          .set({ isHero: false })
          .where(and(eq(stepPhotos.orgId, orgId), eq(stepPhotos.stepId, current.stepId), eq(stepPhotos.isHero, true), ne(stepPhotos.id, current.id))),
      );
    }
    const changes = sentFields({ ...fields, isHero });
    if (changes) statements.push(db.update(stepPhotos).set(changes).where(and(eq(stepPhotos.id, current.id), eq(stepPhotos.orgId, orgId))));
    await runBatch(db, statements);
    await catalogChanged(c);
    return c.json(await presentedPhoto(c, current.id));
  })
  .put('/step-photos/:id/policy', requireAdmin, validate('param', idParam), validate('json', policyBody), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const photo = await loadPhoto(c, c.req.valid('param').id);
    const { rules, secondPass, startFromComposite } = c.req.valid('json');
    // Only what differs from the defaults is stored, so "all defaults" is no row at all.
    const policy: Record<string, unknown> = {};
    if (rules?.length) policy.rules = rules;
    if (secondPass) policy.secondPass = secondPass;
    if (startFromComposite) policy.startFromComposite = true;
    const where = and(eq(generationPolicies.stepPhotoId, photo.id), eq(generationPolicies.orgId, orgId));
    if (Object.keys(policy).length === 0) {
      await db.delete(generationPolicies).where(where);
    } else {
      await db
        .insert(generationPolicies)
        .values({ id: crypto.randomUUID(), orgId, stepPhotoId: photo.id, policy, updatedAt: Date.now() })
        .onConflictDoUpdate({ target: generationPolicies.stepPhotoId, set: { policy, updatedAt: Date.now() } });
    }
    // The generation service caches photo rows (with their policy) per catalog version.
    await catalogChanged(c);
    return c.json({ policy: Object.keys(policy).length ? policy : null });
  })
  .delete('/step-photos/:id', requireAdmin, validate('param', idParam), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const current = await loadPhoto(c, c.req.valid('param').id);
    const keys = await photoObjectKeys(db, orgId, [current.id]);
    const remove = db.delete(stepPhotos).where(and(eq(stepPhotos.id, current.id), eq(stepPhotos.orgId, orgId)));
    if (current.isHero) {
      // The step's sidebar shows its hero: hand the flag to the next photo in the same batch,
      // so a step with photos is never left without one.
      const next = db
        .select({ id: stepPhotos.id })
        .from(stepPhotos)
        .where(and(eq(stepPhotos.orgId, orgId), eq(stepPhotos.stepId, current.stepId), ne(stepPhotos.id, current.id)))
        .orderBy(asc(stepPhotos.sortOrder), asc(stepPhotos.createdAt))
        .limit(1);
      await db.batch([remove, db.update(stepPhotos).set({ isHero: true }).where(and(eq(stepPhotos.orgId, orgId), eq(stepPhotos.id, sql`(${next})`)))]);
    } else {
      await remove;
    }
    await deleteObjects(c.env.MEDIA, keys);
    await catalogChanged(c);
    return c.body(null, 204);
  });
