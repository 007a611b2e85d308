/**
 * Shared pieces of the admin catalog API: input schemas for the JSON columns, slugs,
 * ownership checks scoped by org, the R2 keys a deletion strands, and the orphan sweep
 * behind `npm run r2:orphans`.
 *
 * Deletions go D1 first, R2 second: a failed object delete leaves an orphan (found and
 * removed by the sweep), never a row pointing at a missing object.
 */
import { and, eq, inArray, is, isNotNull, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as z from 'zod/mini';
import type { Db } from '../db/client';
import * as schema from '../db/schema';
import { generatedImages, stepPhotos, steps, subcategories, type PhotoSurface, type StepSection } from '../db/schema';
import { ApiError, notFound } from '../lib/errors';

// ------------------------------------------------------------------ input schemas

export const uuid = z.uuid();
export const slug = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Lowercase letters, digits and dashes, up to 63'));
export const name = z.string().check(z.trim(), z.minLength(1), z.maxLength(120));
export const shortText = (max: number) => z.nullable(z.string().check(z.trim(), z.maxLength(max)));
/** ±$10M is far past any upgrade; negative prices are credits (e.g. deleting a standard item). */
export const priceCents = z.int().check(z.gte(-1_000_000_000), z.lte(1_000_000_000));
export const hexColor = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'A colour like #a1b2c3'));

const uniqueIds = (max: number) =>
  z.array(uuid).check(
    z.maxLength(max),
    z.refine((ids) => new Set(ids).size === ids.length, 'Ids must be unique'),
  );
export const idList = uniqueIds;

export const sectionsSchema = z.array(
  z.object({ title: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)), subcategoryIds: uniqueIds(100) }),
).check(
  z.maxLength(50),
  z.refine((secs) => {
    const all = secs.flatMap((s) => s.subcategoryIds);
    return new Set(all).size === all.length;
  }, 'A subcategory can appear in only one section of a step'),
);

const unit = z.number().check(z.gte(0), z.lte(1));
const polygon = z.array(z.tuple([unit, unit])).check(z.minLength(3), z.maxLength(2000));
export const MAX_SURFACE_POINTS = 20_000;

export const surfacesSchema = z.array(
  z.object({
    key: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Lowercase letters, digits, dashes and underscores')),
    label: z.string().check(z.trim(), z.minLength(1), z.maxLength(120)),
    subcategoryId: z.nullable(uuid),
    polygons: z.array(polygon).check(z.minLength(1), z.maxLength(100)),
    /** Fraction of the photo's width one swatch tile spans. */
    tileScale: z.number().check(z.gt(0), z.lte(1)),
  }),
).check(
  z.maxLength(50),
  z.refine((surfaces) => new Set(surfaces.map((s) => s.key)).size === surfaces.length, 'Surface keys must be unique'),
  z.refine((surfaces) => surfaces.reduce((n, s) => n + s.polygons.reduce((m, p) => m + p.length, 0), 0) <= MAX_SURFACE_POINTS, `At most ${MAX_SURFACE_POINTS} points per photo`),
);

// ------------------------------------------------------------------ pure helpers

/** `Kitchen Counters & Tops` -> `kitchen-counters-tops`; never empty. */
export function slugify(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/, '');
  return s || 'item';
}

/** `base`, else `base-2`, `base-3`… the first not in `taken`. */
export function pickFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export const sectionSubcategoryIds = (sections: StepSection[]): string[] => sections.flatMap((s) => s.subcategoryIds);
export const surfaceSubcategoryIds = (surfaces: PhotoSurface[]): string[] =>
  surfaces.flatMap((s) => (s.subcategoryId ? [s.subcategoryId] : []));

/** Sections without the removed subcategories (and without sections left empty by that). */
export function withoutSubcategories(sections: StepSection[], removed: ReadonlySet<string>): StepSection[] {
  return sections
    .map((s) => ({ title: s.title, subcategoryIds: s.subcategoryIds.filter((id) => !removed.has(id)) }))
    .filter((s) => s.subcategoryIds.length > 0);
}

/** Surfaces stay (the polygons are still drawn) but stop painting a removed subcategory. */
export function detachSurfaces(surfaces: PhotoSurface[], removed: ReadonlySet<string>): PhotoSurface[] {
  return surfaces.map((s) => (s.subcategoryId && removed.has(s.subcategoryId) ? { ...s, subcategoryId: null } : s));
}

/**
 * Which listed objects are orphans: no row points at them and they are old enough that no
 * upload can still be between its R2 put and its row insert. `{orgId}/tmp/` objects get at
 * least a day.
 */
export function pickOrphans(
  objects: ReadonlyArray<{ key: string; uploaded: Date }>,
  referenced: ReadonlySet<string>,
  now: number,
  minAgeMs: number,
  tmpMinAgeMs = 24 * 3600 * 1000,
): string[] {
  return objects
    .filter((o) => {
      if (referenced.has(o.key)) return false;
      const age = now - o.uploaded.getTime();
      const isTmp = /^[^/]+\/tmp\//.test(o.key);
      return age >= (isTmp ? Math.max(minAgeMs, tmpMinAgeMs) : minAgeMs);
    })
    .map((o) => o.key);
}

// ------------------------------------------------------------------ D1 helpers

export type Statement = BatchItem<'sqlite'>;

export async function runBatch(db: Db, statements: Statement[]): Promise<void> {
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/** D1 reports constraint failures only in the message text (drizzle wraps it as `cause`). */
export function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed/i.test(e.message)) return true;
  }
  return false;
}

/** Runs a write and turns a unique-index clash into a 409 that names the field, not the value. */
export async function uniqueOr409<T>(write: () => Promise<T>, what: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw new ApiError(409, 'conflict', `That ${what} is already taken`);
    throw err;
  }
}

type OrgTable = SQLiteTable & { id: SQLiteColumn; orgId: SQLiteColumn };

/** 404 unless every id is a row of `table` in this org (another org's id looks like no id). */
export async function assertOwned(db: Db, table: OrgTable, orgId: string, ids: readonly string[], what: string): Promise<void> {
  const unique = [...new Set(ids)];
  if (!unique.length) return;
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.orgId, orgId), inArray(table.id, unique)));
  if (rows.length !== unique.length) throw notFound(what);
}

/** A slug for a new row: the one asked for, or a free one derived from the name. */
export async function chooseSlug(
  db: Db,
  table: SQLiteTable & { slug: SQLiteColumn },
  scope: ReturnType<typeof eq>,
  requested: string | undefined,
  fromName: string,
  reserved: ReadonlySet<string> = new Set(),
): Promise<string> {
  if (requested) return requested;
  const base = slugify(fromName);
  const rows = await db
    .select({ slug: table.slug })
    .from(table)
    .where(and(scope, sql`${table.slug} LIKE ${`${base}%`}`));
  return pickFreeSlug(base, new Set([...reserved, ...rows.map((r) => String(r.slug))]));
}

/**
 * Statements that drop removed subcategories from the org's step sections and photo
 * surfaces, to run in the same batch as the deletion.
 */
export async function detachSubcategoryStatements(db: Db, orgId: string, removedIds: readonly string[]): Promise<Statement[]> {
  if (!removedIds.length) return [];
  const removed = new Set(removedIds);
  const [stepRows, photoRows] = await db.batch([
    db.select({ id: steps.id, sections: steps.sections }).from(steps).where(eq(steps.orgId, orgId)),
    db.select({ id: stepPhotos.id, surfaces: stepPhotos.surfaces }).from(stepPhotos).where(eq(stepPhotos.orgId, orgId)),
  ]);
  const out: Statement[] = [];
  for (const s of stepRows) {
    if (sectionSubcategoryIds(s.sections).some((id) => removed.has(id))) {
      out.push(db.update(steps).set({ sections: withoutSubcategories(s.sections, removed) }).where(and(eq(steps.id, s.id), eq(steps.orgId, orgId))));
    }
  }
  for (const p of photoRows) {
    if (surfaceSubcategoryIds(p.surfaces).some((id) => removed.has(id))) {
      out.push(db.update(stepPhotos).set({ surfaces: detachSurfaces(p.surfaces, removed) }).where(and(eq(stepPhotos.id, p.id), eq(stepPhotos.orgId, orgId))));
    }
  }
  return out;
}

/** R2 keys of the given photos and of the generated images made from them. */
export async function photoObjectKeys(db: Db, orgId: string, photoIds: readonly string[]): Promise<string[]> {
  if (!photoIds.length) return [];
  const ids = [...photoIds];
  const [photos, generated] = await db.batch([
    db.select({ key: stepPhotos.imageKey }).from(stepPhotos).where(and(eq(stepPhotos.orgId, orgId), inArray(stepPhotos.id, ids))),
    db
      .select({ key: generatedImages.imageKey })
      .from(generatedImages)
      .where(and(eq(generatedImages.orgId, orgId), inArray(generatedImages.stepPhotoId, ids), isNotNull(generatedImages.imageKey))),
  ]);
  return [...photos.map((r) => r.key), ...generated.flatMap((r) => (r.key ? [r.key] : []))];
}

/** Subcategory ids of a category, for detaching before the category cascades away. */
export async function subcategoryIdsOf(db: Db, orgId: string, categoryId: string): Promise<string[]> {
  const rows = await db
    .select({ id: subcategories.id })
    .from(subcategories)
    .where(and(eq(subcategories.orgId, orgId), eq(subcategories.categoryId, categoryId)));
  return rows.map((r) => r.id);
}

// ------------------------------------------------------------------ R2

const R2_DELETE_CHUNK = 1000;

/**
 * Deletes objects after their rows are gone. A failure is logged (for the operator) and
 * left to the orphan sweep: the rows are already deleted, so the request succeeded.
 */
export async function deleteObjects(bucket: R2Bucket, keys: readonly string[]): Promise<void> {
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += R2_DELETE_CHUNK) {
    try {
      await bucket.delete(unique.slice(i, i + R2_DELETE_CHUNK));
    } catch (err) {
      console.error('r2 delete failed; the orphan sweep will retry', err);
    }
  }
}

// ------------------------------------------------------------------ orphan sweep

/** Every `*_key` column in the schema: the columns that point at R2 objects. */
export function objectKeyColumns(): Array<{ table: string; column: string }> {
  const out: Array<{ table: string; column: string }> = [];
  for (const value of Object.values(schema)) {
    if (!is(value, SQLiteTable)) continue;
    const config = getTableConfig(value);
    for (const col of config.columns) if (/_key$/.test(col.name)) out.push({ table: config.name, column: col.name });
  }
  return out;
}

export async function referencedKeys(d1: D1Database): Promise<Set<string>> {
  const columns = objectKeyColumns();
  const results = await d1.batch(
    columns.map(({ table, column }) => d1.prepare(`SELECT "${column}" AS k FROM "${table}" WHERE "${column}" IS NOT NULL`)),
  );
  const keys = new Set<string>();
  for (const r of results) for (const row of r.results as Array<{ k: string }>) keys.add(row.k);
  return keys;
}

export interface OrphanReport {
  scanned: number;
  orphans: string[];
  deleted: number;
}

/** Lists (and with `remove`, deletes) the objects in `bucket` that no D1 row points to. */
export async function sweepOrphans(d1: D1Database, bucket: R2Bucket, opts: { remove: boolean; minAgeMs: number; now?: number }): Promise<OrphanReport> {
  // Objects are listed before rows are read, and only objects older than `minAgeMs` count:
  // an upload between its R2 put and its row insert is younger than that.
  const objects: Array<{ key: string; uploaded: Date }> = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({ cursor, limit: R2_DELETE_CHUNK });
    for (const o of page.objects) objects.push({ key: o.key, uploaded: o.uploaded });
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  const orphans = pickOrphans(objects, await referencedKeys(d1), opts.now ?? Date.now(), opts.minAgeMs);
  if (opts.remove) {
    for (let i = 0; i < orphans.length; i += R2_DELETE_CHUNK) await bucket.delete(orphans.slice(i, i + R2_DELETE_CHUNK));
  }
  return { scanned: objects.length, orphans, deleted: opts.remove ? orphans.length : 0 };
}
