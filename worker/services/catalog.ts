/**
 * Builds a floorplan's buyer catalog from D1 in one batched round trip, and caches it at
 * the edge keyed by the org's catalog version, so a repeat visitor costs no D1 query.
 * Every admin change bumps the version: the next load misses and rebuilds.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import {
  categories,
  floorplans,
  optionFloorplanPricing,
  optionFloorplans,
  optionRules,
  options,
  organizations,
  stepPhotos,
  steps,
  subcategories,
} from '../db/schema';
import type { Catalog, CatalogCategory, CatalogRule } from '../domain/catalog';
import { photoSubcategoryIds } from '../domain/generation';
import { setBounded } from '../lib/bounded-map';
import { mediaUrl } from '../lib/media';
import { publicOrg } from '../routes/floorplans';
import type { Org } from '../types';
import { purgeOrgCache } from './org-cache';

/** The Cache API needs a URL key; this host is never fetched. */
const catalogCacheKey = (orgId: string, floorplanSlug: string, version: number) =>
  new Request(`https://finch-cache.internal/catalog/${orgId}/${encodeURIComponent(floorplanSlug)}/v${version}`);

export async function buildCatalog(db: Db, org: Org, floorplanSlug: string): Promise<Catalog | null> {
  const floorplan = await db
    .select()
    .from(floorplans)
    .where(and(eq(floorplans.orgId, org.id), eq(floorplans.slug, floorplanSlug), eq(floorplans.isActive, true)))
    .get();
  if (!floorplan) return null;

  const [stepRows, photoRows, categoryRows, subcategoryRows, optionRows, scopeRows, overrideRows, ruleRows] = await db.batch([
    db.select().from(steps).where(and(eq(steps.orgId, org.id), eq(steps.floorplanId, floorplan.id))).orderBy(asc(steps.sortOrder)),
    db
      .select({ photo: stepPhotos })
      .from(stepPhotos)
      .innerJoin(steps, eq(steps.id, stepPhotos.stepId))
      .where(and(eq(stepPhotos.orgId, org.id), eq(steps.floorplanId, floorplan.id)))
      .orderBy(asc(stepPhotos.sortOrder)),
    db.select().from(categories).where(eq(categories.orgId, org.id)).orderBy(asc(categories.sortOrder), asc(categories.name)),
    db.select().from(subcategories).where(eq(subcategories.orgId, org.id)).orderBy(asc(subcategories.sortOrder), asc(subcategories.name)),
    db
      .select()
      .from(options)
      .where(and(eq(options.orgId, org.id), eq(options.isActive, true)))
      .orderBy(asc(options.sortOrder), asc(options.name)),
    db.select().from(optionFloorplans).where(eq(optionFloorplans.orgId, org.id)),
    db.select().from(optionFloorplanPricing).where(and(eq(optionFloorplanPricing.orgId, org.id), eq(optionFloorplanPricing.floorplanId, floorplan.id))),
    db.select().from(optionRules).where(eq(optionRules.orgId, org.id)),
  ]);

  // Only subcategories the floorplan's steps show are part of its catalog.
  const shown = new Set(stepRows.flatMap((s) => s.sections.flatMap((sec) => sec.subcategoryIds)));
  const scopedTo = new Map<string, Set<string>>();
  for (const row of scopeRows) {
    const set = scopedTo.get(row.optionId) ?? new Set<string>();
    set.add(row.floorplanId);
    scopedTo.set(row.optionId, set);
  }
  const inScope = (optionId: string) => !scopedTo.has(optionId) || scopedTo.get(optionId)!.has(floorplan.id);
  const override = new Map(overrideRows.map((r) => [r.optionId, r.priceCents]));

  const available = new Set(optionRows.filter((o) => shown.has(o.subcategoryId) && inScope(o.id)).map((o) => o.id));
  // An option whose requirement is not offered on this floorplan can never be chosen.
  for (let changed = true; changed; ) {
    changed = false;
    for (const r of ruleRows) {
      if (r.kind === 'requires' && available.has(r.optionId) && !available.has(r.targetOptionId)) {
        available.delete(r.optionId);
        changed = true;
      }
    }
  }

  const optionsBySub = new Map<string, typeof optionRows>();
  for (const o of optionRows) {
    if (!available.has(o.id)) continue;
    const list = optionsBySub.get(o.subcategoryId) ?? [];
    list.push(o);
    optionsBySub.set(o.subcategoryId, list);
  }

  const catalogCategories: CatalogCategory[] = [];
  for (const cat of categoryRows) {
    const subs = subcategoryRows
      .filter((s) => s.categoryId === cat.id && shown.has(s.id) && optionsBySub.has(s.id))
      .map((s) => ({
        id: s.id,
        slug: s.slug,
        name: s.name,
        isVisual: s.isVisual,
        isAdditive: s.isAdditive,
        maxQuantity: s.maxQuantity,
        unitLabel: s.unitLabel,
        options: optionsBySub.get(s.id)!.map((o) => ({
          id: o.id,
          slug: o.slug,
          name: o.name,
          description: o.description,
          priceCents: override.get(o.id) ?? o.priceCents,
          swatchUrl: mediaUrl(o.swatchKey),
          swatchColor: o.swatchColor,
          isDefault: o.isDefault,
        })),
      }));
    if (subs.length) catalogCategories.push({ id: cat.id, slug: cat.slug, name: cat.name, subcategories: subs });
  }
  const present = new Set(catalogCategories.flatMap((c) => c.subcategories.map((s) => s.id)));

  const rules: CatalogRule[] = ruleRows
    .filter((r) => available.has(r.optionId) && available.has(r.targetOptionId))
    .map((r) => ({ optionId: r.optionId, kind: r.kind, targetOptionId: r.targetOptionId, message: r.message }));

  return {
    org: publicOrg(org),
    floorplan: {
      id: floorplan.id,
      slug: floorplan.slug,
      name: floorplan.name,
      description: floorplan.description,
      bedrooms: floorplan.bedrooms,
      bathrooms: floorplan.bathrooms,
      squareFeet: floorplan.squareFeet,
      basePriceCents: floorplan.basePriceCents,
    },
    version: org.catalogVersion,
    steps: stepRows.map((s) => ({
      id: s.id,
      slug: s.slug,
      name: s.name,
      subtitle: s.subtitle,
      sections: s.sections
        .map((sec) => ({ title: sec.title, subcategoryIds: sec.subcategoryIds.filter((id) => present.has(id)) }))
        .filter((sec) => sec.subcategoryIds.length > 0),
      photos: photoRows
        .filter((p) => p.photo.stepId === s.id)
        .sort((a, b) => Number(b.photo.isHero) - Number(a.photo.isHero) || a.photo.sortOrder - b.photo.sortOrder)
        .map(({ photo }) => ({
          id: photo.id,
          url: mediaUrl(photo.imageKey)!,
          width: photo.width,
          height: photo.height,
          isHero: photo.isHero,
          alt: photo.alt,
          // Which picks this photo shows: the picker marks a visualized image stale when one changes.
          subcategoryIds: photoSubcategoryIds(photo.surfaces).filter((id) => present.has(id)),
        })),
    })),
    categories: catalogCategories,
    rules,
  };
}

/** One built catalog version: immutable, so it can be shared freely once made. */
export interface CatalogEntry {
  /** Weak validator: a version's catalog never changes, so (org, floorplan, version) names it. */
  etag: string;
  json: string;
  parsed?: Catalog;
}

/**
 * A few catalog versions kept in the isolate's memory in front of the Cache API. Safe
 * without invalidation because the key carries the org's catalog version, and a bump
 * makes a new key. Saves a cache read and a body copy on the hottest buyer request.
 */
const MEMO_LIMIT = 32;
const memo = new Map<string, CatalogEntry>();

const remember = (key: string, entry: CatalogEntry): CatalogEntry => setBounded(memo, key, entry, MEMO_LIMIT);

/**
 * The catalog for buyers: from isolate memory, else the edge cache, else D1 (then
 * cached). The JSON text is cached, not the object, so a miss in memory costs one cache
 * read and no D1 query.
 */
export async function getCatalogEntry(db: Db, org: Org, floorplanSlug: string, ctx?: { waitUntil(promise: Promise<unknown>): void }): Promise<CatalogEntry | null> {
  const request = catalogCacheKey(org.id, floorplanSlug, org.catalogVersion);
  const memoKey = request.url;
  const inMemory = memo.get(memoKey);
  if (inMemory) return inMemory;
  const etag = `W/"${org.id.slice(0, 8)}-${encodeURIComponent(floorplanSlug)}-v${org.catalogVersion}"`;
  const cache = caches.default;
  const hit = await cache.match(request);
  if (hit) return remember(memoKey, { etag, json: await hit.text() });
  const catalog = await buildCatalog(db, org, floorplanSlug);
  if (!catalog) return null;
  const json = JSON.stringify(catalog);
  // A version's catalog never changes, so it may live long; old versions just age out.
  const put = cache.put(request, new Response(json, { headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=86400' } }));
  if (ctx) ctx.waitUntil(put);
  else await put;
  return remember(memoKey, { etag, json, parsed: catalog });
}

export async function getCatalogJson(db: Db, org: Org, floorplanSlug: string, ctx?: { waitUntil(promise: Promise<unknown>): void }): Promise<string | null> {
  return (await getCatalogEntry(db, org, floorplanSlug, ctx))?.json ?? null;
}

/** The parsed catalog, shared between requests: treat it as read-only. */
export async function getCatalog(db: Db, org: Org, floorplanSlug: string, ctx?: { waitUntil(promise: Promise<unknown>): void }): Promise<Catalog | null> {
  const entry = await getCatalogEntry(db, org, floorplanSlug, ctx);
  if (!entry) return null;
  entry.parsed ??= JSON.parse(entry.json) as Catalog;
  return entry.parsed;
}

/** Call after any change to an org's catalog, prices, steps or photos. */
export async function bumpCatalogVersion(db: Db, org: Pick<Org, 'id' | 'slug' | 'customDomain'>, appDomain: string): Promise<number> {
  const row = await db
    .update(organizations)
    .set({ catalogVersion: sql`${organizations.catalogVersion} + 1` })
    .where(eq(organizations.id, org.id))
    .returning({ version: organizations.catalogVersion })
    .get();
  await purgeOrgCache(org, appDomain);
  return row!.version;
}

