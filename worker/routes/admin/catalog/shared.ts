/** What every admin catalog route file shares: the env, row presenters and the version bump. */
import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { categories, floorplans, optionRules, options, stepPhotos, steps, subcategories } from '../../../db/schema';
import { mediaUrl } from '../../../lib/media';
import { bumpCatalogVersion } from '../../../services/catalog';
import { uuid } from '../../../services/admin-catalog';
import type { AppEnv } from '../../../types';

export type Ctx = Context<AppEnv>;

export const idParam = z.object({ id: uuid });

/** A PATCH must change something; an empty object is a client bug worth a 400. */
export const notEmpty = z.refine((v: unknown) => Object.values(v as object).some((x) => x !== undefined), 'Send at least one field to change');

/** The fields of a PATCH that were sent; drizzle refuses an UPDATE with nothing to set. */
export function sentFields<T extends Record<string, unknown>>(fields: T): Partial<T> | null {
  const out = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
  return Object.keys(out).length ? out : null;
}

/** Buyers load the new catalog version on their next request. */
export async function catalogChanged(c: Ctx): Promise<void> {
  await bumpCatalogVersion(c.get('db'), c.get('org'), c.env.APP_DOMAIN);
}

export const presentCategory = (r: typeof categories.$inferSelect) => ({ id: r.id, slug: r.slug, name: r.name, sortOrder: r.sortOrder });

export const presentSubcategory = (r: typeof subcategories.$inferSelect) => ({
  id: r.id,
  categoryId: r.categoryId,
  slug: r.slug,
  name: r.name,
  sortOrder: r.sortOrder,
  isVisual: r.isVisual,
  isAdditive: r.isAdditive,
  maxQuantity: r.maxQuantity,
  unitLabel: r.unitLabel,
  promptDescriptor: r.promptDescriptor,
});

export const presentOption = (r: typeof options.$inferSelect, floorplanIds: string[]) => ({
  id: r.id,
  subcategoryId: r.subcategoryId,
  slug: r.slug,
  name: r.name,
  description: r.description,
  priceCents: r.priceCents,
  isDefault: r.isDefault,
  sortOrder: r.sortOrder,
  swatchKey: r.swatchKey,
  swatchUrl: mediaUrl(r.swatchKey),
  swatchColor: r.swatchColor,
  promptDescriptor: r.promptDescriptor,
  isActive: r.isActive,
  /** Empty: offered on every floorplan. */
  floorplanIds,
});

export const presentRule = (r: typeof optionRules.$inferSelect) => ({
  id: r.id,
  optionId: r.optionId,
  kind: r.kind,
  targetOptionId: r.targetOptionId,
  message: r.message,
});

export const presentFloorplan = (r: typeof floorplans.$inferSelect) => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  bedrooms: r.bedrooms,
  bathrooms: r.bathrooms,
  squareFeet: r.squareFeet,
  basePriceCents: r.basePriceCents,
  isActive: r.isActive,
  sortOrder: r.sortOrder,
});

export const presentStep = (r: typeof steps.$inferSelect) => ({
  id: r.id,
  floorplanId: r.floorplanId,
  slug: r.slug,
  name: r.name,
  subtitle: r.subtitle,
  sortOrder: r.sortOrder,
  sections: r.sections,
});

export const presentPhoto = (r: typeof stepPhotos.$inferSelect, policy: Record<string, unknown> | null = null) => ({
  id: r.id,
  stepId: r.stepId,
  imageKey: r.imageKey,
  url: mediaUrl(r.imageKey)!,
  width: r.width,
  height: r.height,
  isHero: r.isHero,
  sortOrder: r.sortOrder,
  alt: r.alt,
  spatialHint: r.spatialHint,
  surfaces: r.surfaces,
  /** The visualizer policy for this photo (generation_policies), or null for the defaults. */
  policy,
});
