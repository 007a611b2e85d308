/**
 * One D1 schema for the whole product: buyer catalog, generation cache, admin auth
 * and the 3D project side. Every tenant-owned row carries `org_id` so every query
 * can be scoped by the org resolved from the host, never from a request body.
 *
 * Conventions: ids are app-generated UUIDs (text); timestamps are epoch
 * milliseconds (integer); money is integer cents; lengths are metres.
 * JSON columns are typed with `$type` and validated with zod at the edge.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const id = () => text('id').primaryKey();
const orgId = () => text('org_id').notNull().references(() => organizations.id, { onDelete: 'cascade' });
const createdAt = () => integer('created_at').notNull();
const bool = (name: string) => integer(name, { mode: 'boolean' });

export type Role = 'admin' | 'viewer';
import type { PhotoSurface, Point2 } from '../domain/surfaces';
export type { PhotoSurface, Point2 };

export interface StepSection {
  title: string;
  subcategoryIds: string[];
}

// ---------------------------------------------------------------- tenants & auth

export const organizations = sqliteTable('organizations', {
  id: id(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  primaryColor: text('primary_color').notNull().default('#1f2a44'),
  secondaryColor: text('secondary_color').notNull().default('#f4f1ea'),
  accentColor: text('accent_color').notNull().default('#c8702a'),
  logoKey: text('logo_key'),
  customDomain: text('custom_domain'),
  /** Bumped by every admin catalog change; the edge catalog cache is keyed by it. */
  catalogVersion: integer('catalog_version').notNull().default(1),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('organizations_slug_uq').on(t.slug),
  uniqueIndex('organizations_custom_domain_uq').on(t.customDomain),
]);

export const users = sqliteTable('users', {
  id: id(),
  email: text('email').notNull(),
  name: text('name'),
  /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`; null until an invite is accepted. */
  passwordHash: text('password_hash'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_email_uq').on(t.email)]);

export const orgUsers = sqliteTable('org_users', {
  orgId: orgId(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  role: text('role').$type<Role>().notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index('org_users_user_idx').on(t.userId)]);

export const adminSessions = sqliteTable('admin_sessions', {
  /** SHA-256 of the random session token; the token itself lives only in the cookie. */
  id: id(),
  orgId: orgId(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: integer('expires_at').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('admin_sessions_user_idx').on(t.userId),
  index('admin_sessions_org_idx').on(t.orgId),
  index('admin_sessions_expires_idx').on(t.expiresAt),
]);

/** One-time links: invites and password resets share the mechanism. */
export const authTokens = sqliteTable('auth_tokens', {
  id: id(),
  orgId: orgId(),
  email: text('email').notNull(),
  purpose: text('purpose').$type<'invite' | 'reset'>().notNull(),
  role: text('role').$type<Role>(),
  tokenHash: text('token_hash').notNull(),
  expiresAt: integer('expires_at').notNull(),
  usedAt: integer('used_at'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('auth_tokens_hash_uq').on(t.tokenHash),
  index('auth_tokens_org_idx').on(t.orgId),
  index('auth_tokens_email_idx').on(t.email),
]);

/** Fixed-window counters for login, resume-by-email and generation limits. */
export const rateLimits = sqliteTable('rate_limits', {
  key: text('key').notNull(),
  windowStart: integer('window_start').notNull(),
  count: integer('count').notNull(),
}, (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_window_idx').on(t.windowStart)]);

// ---------------------------------------------------------------- catalog

export const floorplans = sqliteTable('floorplans', {
  id: id(),
  orgId: orgId(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  bedrooms: integer('bedrooms'),
  bathrooms: real('bathrooms'),
  squareFeet: integer('square_feet'),
  basePriceCents: integer('base_price_cents'),
  isActive: bool('is_active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('floorplans_org_slug_uq').on(t.orgId, t.slug), index('floorplans_org_sort_idx').on(t.orgId, t.sortOrder)]);

export const categories = sqliteTable('categories', {
  id: id(),
  orgId: orgId(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('categories_org_slug_uq').on(t.orgId, t.slug), index('categories_org_sort_idx').on(t.orgId, t.sortOrder)]);

export const subcategories = sqliteTable('subcategories', {
  id: id(),
  orgId: orgId(),
  categoryId: text('category_id').notNull().references(() => categories.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Visual picks change the room image; only they take part in the generation hash. */
  isVisual: bool('is_visual').notNull().default(false),
  /** Additive picks are priced per unit (quantity stepper), e.g. extra outlets. */
  isAdditive: bool('is_additive').notNull().default(false),
  maxQuantity: integer('max_quantity').notNull().default(1),
  unitLabel: text('unit_label'),
  promptDescriptor: text('prompt_descriptor'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('subcategories_org_slug_uq').on(t.orgId, t.slug),
  index('subcategories_category_idx').on(t.categoryId, t.sortOrder),
]);

export const options = sqliteTable('options', {
  id: id(),
  orgId: orgId(),
  subcategoryId: text('subcategory_id').notNull().references(() => subcategories.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  priceCents: integer('price_cents').notNull().default(0),
  isDefault: bool('is_default').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  swatchKey: text('swatch_key'),
  /** Fallback colour when no swatch image exists yet. */
  swatchColor: text('swatch_color'),
  promptDescriptor: text('prompt_descriptor'),
  isActive: bool('is_active').notNull().default(true),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('options_org_slug_uq').on(t.orgId, t.slug),
  index('options_subcategory_idx').on(t.subcategoryId, t.sortOrder),
]);

/** Restricts an option to some floorplans; an option with no rows is offered on every floorplan. */
export const optionFloorplans = sqliteTable('option_floorplans', {
  orgId: orgId(),
  optionId: text('option_id').notNull().references(() => options.id, { onDelete: 'cascade' }),
  floorplanId: text('floorplan_id').notNull().references(() => floorplans.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.optionId, t.floorplanId] }), index('option_floorplans_fp_idx').on(t.floorplanId), index('option_floorplans_org_idx').on(t.orgId)]);

export const optionRules = sqliteTable('option_rules', {
  id: id(),
  orgId: orgId(),
  optionId: text('option_id').notNull().references(() => options.id, { onDelete: 'cascade' }),
  kind: text('kind').$type<'requires' | 'excludes'>().notNull(),
  targetOptionId: text('target_option_id').notNull().references(() => options.id, { onDelete: 'cascade' }),
  message: text('message'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('option_rules_uq').on(t.optionId, t.kind, t.targetOptionId),
  index('option_rules_org_idx').on(t.orgId),
  index('option_rules_target_idx').on(t.targetOptionId),
]);

export const optionFloorplanPricing = sqliteTable('option_floorplan_pricing', {
  orgId: orgId(),
  optionId: text('option_id').notNull().references(() => options.id, { onDelete: 'cascade' }),
  floorplanId: text('floorplan_id').notNull().references(() => floorplans.id, { onDelete: 'cascade' }),
  priceCents: integer('price_cents').notNull(),
}, (t) => [primaryKey({ columns: [t.optionId, t.floorplanId] }), index('ofp_floorplan_idx').on(t.floorplanId), index('ofp_org_idx').on(t.orgId)]);

export const steps = sqliteTable('steps', {
  id: id(),
  orgId: orgId(),
  floorplanId: text('floorplan_id').notNull().references(() => floorplans.id, { onDelete: 'cascade' }),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  subtitle: text('subtitle'),
  sortOrder: integer('sort_order').notNull().default(0),
  /** Kept in the row so a re-section is one atomic UPDATE. */
  sections: text('sections', { mode: 'json' }).$type<StepSection[]>().notNull().default(sql`'[]'`),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('steps_floorplan_slug_uq').on(t.floorplanId, t.slug),
  index('steps_floorplan_sort_idx').on(t.floorplanId, t.sortOrder),
  index('steps_org_idx').on(t.orgId),
]);

export const stepPhotos = sqliteTable('step_photos', {
  id: id(),
  orgId: orgId(),
  stepId: text('step_id').notNull().references(() => steps.id, { onDelete: 'cascade' }),
  imageKey: text('image_key').notNull(),
  width: integer('width').notNull(),
  height: integer('height').notNull(),
  isHero: bool('is_hero').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
  alt: text('alt'),
  surfaces: text('surfaces', { mode: 'json' }).$type<PhotoSurface[]>().notNull().default(sql`'[]'`),
  spatialHint: text('spatial_hint'),
  createdAt: createdAt(),
}, (t) => [
  index('step_photos_step_idx').on(t.stepId, t.sortOrder),
  index('step_photos_org_idx').on(t.orgId),
  // At most one hero per step: a hero swap must clear the old flag first, in one batch.
  uniqueIndex('step_photos_one_hero_uq').on(t.stepId).where(sql`is_hero = 1`),
]);

export const generationPolicies = sqliteTable('generation_policies', {
  id: id(),
  orgId: orgId(),
  stepPhotoId: text('step_photo_id').notNull().references(() => stepPhotos.id, { onDelete: 'cascade' }),
  policy: text('policy', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [uniqueIndex('generation_policies_photo_uq').on(t.stepPhotoId), index('generation_policies_org_idx').on(t.orgId)]);

// ---------------------------------------------------------------- generation

export type GenerationStatus = 'pending' | 'complete' | 'failed';

/** The image cache; a `pending` row is the claimed slot that dedupes concurrent requests. */
export const generatedImages = sqliteTable('generated_images', {
  id: id(),
  orgId: orgId(),
  hash: text('hash').notNull(),
  stepPhotoId: text('step_photo_id').notNull().references(() => stepPhotos.id, { onDelete: 'cascade' }),
  model: text('model').notNull(),
  status: text('status').$type<GenerationStatus>().notNull(),
  imageKey: text('image_key'),
  selections: text('selections', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  buyerSessionId: text('buyer_session_id'),
  error: text('error'),
  claimedAt: integer('claimed_at').notNull(),
  completedAt: integer('completed_at'),
  /**
   * GENERATION_CACHE_VERSION when the slot was claimed. Its hash includes the version, so after
   * a bump no request can reach this row again; the hourly cron deletes such rows and objects.
   */
  cacheVersion: text('cache_version').notNull().default('v1'),
  createdAt: createdAt(),
}, (t) => [
  uniqueIndex('generated_images_org_hash_uq').on(t.orgId, t.hash),
  index('generated_images_photo_idx').on(t.stepPhotoId),
  index('generated_images_org_status_idx').on(t.orgId, t.status, t.createdAt),
  index('generated_images_version_idx').on(t.cacheVersion),
]);

/** Audit trail: one row per generation attempt. */
export const generationJobs = sqliteTable('generation_jobs', {
  id: id(),
  orgId: orgId(),
  hash: text('hash').notNull(),
  attempt: integer('attempt').notNull(),
  provider: text('provider').notNull(),
  model: text('model').notNull(),
  status: text('status').$type<'running' | 'complete' | 'failed'>().notNull(),
  swatchCount: integer('swatch_count').notNull().default(0),
  passes: integer('passes').notNull().default(0),
  durationMs: integer('duration_ms'),
  /** Millionths of a US dollar: per-image provider prices are fractions of a cent. */
  estimatedCostMicros: integer('estimated_cost_micros').notNull().default(0),
  error: text('error'),
  createdAt: createdAt(),
}, (t) => [index('generation_jobs_org_hash_idx').on(t.orgId, t.hash), index('generation_jobs_org_created_idx').on(t.orgId, t.createdAt)]);

// ---------------------------------------------------------------- buyers

export const buyerSessions = sqliteTable('buyer_sessions', {
  id: id(),
  orgId: orgId(),
  floorplanId: text('floorplan_id').notNull().references(() => floorplans.id, { onDelete: 'cascade' }),
  selections: text('selections', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  quantities: text('quantities', { mode: 'json' }).$type<Record<string, number>>().notNull(),
  totalCents: integer('total_cents').notNull().default(0),
  email: text('email'),
  resumeTokenHash: text('resume_token_hash'),
  resumeTokenExpiresAt: integer('resume_token_expires_at'),
  lastActiveAt: integer('last_active_at').notNull(),
  createdAt: createdAt(),
}, (t) => [
  index('buyer_sessions_org_active_idx').on(t.orgId, t.lastActiveAt),
  index('buyer_sessions_floorplan_idx').on(t.floorplanId),
  index('buyer_sessions_org_email_idx').on(t.orgId, t.email),
  uniqueIndex('buyer_sessions_resume_uq').on(t.resumeTokenHash),
]);

/** Every email goes through here: locally it is the inbox, in production the send log. */
export const outbox = sqliteTable('outbox', {
  id: id(),
  orgId: text('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
  toEmail: text('to_email').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  kind: text('kind').notNull(),
  status: text('status').$type<'queued' | 'sent' | 'failed'>().notNull(),
  error: text('error'),
  createdAt: createdAt(),
  sentAt: integer('sent_at'),
}, (t) => [index('outbox_org_created_idx').on(t.orgId, t.createdAt), index('outbox_status_idx').on(t.status)]);

// ---------------------------------------------------------------- projects (3D)

export type ElementType = 'wall' | 'door' | 'window' | 'furniture' | 'fixture';
export type ElementStatus = 'existing' | 'demo' | 'new';
export interface Vec3 { x: number; y: number; z: number }

export const projects = sqliteTable('projects', {
  id: id(),
  orgId: orgId(),
  name: text('name').notNull(),
  projectType: text('project_type').notNull(),
  status: text('status').$type<'draft' | 'published' | 'approved' | 'archived'>().notNull().default('draft'),
  address: text('address'),
  /** Selects the cost_items region used for live costs. */
  region: text('region').notNull().default('bay_area'),
  createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
  metadata: text('metadata', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: createdAt(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('projects_org_status_idx').on(t.orgId, t.status), index('projects_org_updated_idx').on(t.orgId, t.updatedAt)]);

export const scenes = sqliteTable('scenes', {
  id: id(),
  orgId: orgId(),
  projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  environment: text('environment', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  cameraPresets: text('camera_presets', { mode: 'json' }).$type<unknown[]>().notNull().default(sql`'[]'`),
  /** Monotonic; the project room Durable Object checkpoints its state here. */
  version: integer('version').notNull().default(0),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [uniqueIndex('scenes_project_uq').on(t.projectId), index('scenes_org_idx').on(t.orgId)]);

export const sceneElements = sqliteTable('scene_elements', {
  id: id(),
  orgId: orgId(),
  sceneId: text('scene_id').notNull().references(() => scenes.id, { onDelete: 'cascade' }),
  type: text('type').$type<ElementType>().notNull(),
  /** Construction phase 1..5 (demo, rough, close-in, finish, punch). */
  phase: integer('phase').notNull().default(3),
  status: text('status').$type<ElementStatus>().notNull().default('new'),
  position: text('position', { mode: 'json' }).$type<Vec3>().notNull(),
  rotation: text('rotation', { mode: 'json' }).$type<Vec3>().notNull(),
  scale: text('scale', { mode: 'json' }).$type<Vec3>().notNull(),
  /** Type-specific geometry in metres, e.g. a wall's start/end/height/thickness or a door's host wall and offset. */
  properties: text('properties', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  materialId: text('material_id'),
  assetId: text('asset_id'),
  costItemId: text('cost_item_id'),
  notes: text('notes'),
  visible: bool('visible').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [
  index('scene_elements_scene_idx').on(t.sceneId),
  index('scene_elements_org_idx').on(t.orgId),
  index('scene_elements_scene_type_idx').on(t.sceneId, t.type),
  index('scene_elements_scene_phase_idx').on(t.sceneId, t.phase),
]);

export const rooms = sqliteTable('rooms', {
  id: id(),
  orgId: orgId(),
  projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  roomType: text('room_type').notNull(),
  widthM: real('width_m').notNull(),
  depthM: real('depth_m').notNull(),
  heightM: real('height_m').notNull().default(2.7),
  bounds: text('bounds', { mode: 'json' }).$type<Point2[]>(),
  createdAt: createdAt(),
}, (t) => [index('rooms_project_idx').on(t.projectId), index('rooms_org_idx').on(t.orgId)]);

/** Unit costs; rows with a null org are the shared default table an org may override. */
export const costItems = sqliteTable('cost_items', {
  id: id(),
  orgId: text('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
  category: text('category').notNull(),
  item: text('item').notNull(),
  description: text('description'),
  unit: text('unit').$type<'LF' | 'SF' | 'EA'>().notNull(),
  unitCostCents: integer('unit_cost_cents').notNull(),
  laborHours: real('labor_hours').notNull().default(0),
  region: text('region').notNull().default('bay_area'),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [
  // SQLite treats NULLs as distinct in unique indexes, so shared rows get their own partial index.
  uniqueIndex('cost_items_org_uq').on(t.orgId, t.category, t.item, t.region).where(sql`org_id IS NOT NULL`),
  uniqueIndex('cost_items_shared_uq').on(t.category, t.item, t.region).where(sql`org_id IS NULL`),
  index('cost_items_org_region_idx').on(t.orgId, t.region),
  index('cost_items_category_idx').on(t.category),
]);

/** Point-in-time PM rollups (cost breakdown, schedule, takeoff) for history and diffing. */
export const pmSnapshots = sqliteTable('pm_snapshots', {
  id: id(),
  orgId: orgId(),
  projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  sceneVersion: integer('scene_version').notNull(),
  totalCents: integer('total_cents').notNull(),
  laborHours: real('labor_hours').notNull(),
  costBreakdown: text('cost_breakdown', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  schedule: text('schedule', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  takeoff: text('takeoff', { mode: 'json' }).$type<unknown[]>().notNull(),
  createdAt: createdAt(),
}, (t) => [index('pm_snapshots_project_idx').on(t.projectId, t.createdAt), index('pm_snapshots_org_idx').on(t.orgId)]);

export const projectShares = sqliteTable('project_shares', {
  id: id(),
  orgId: orgId(),
  projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  permission: text('permission').$type<'view' | 'comment' | 'edit'>().notNull().default('view'),
  expiresAt: integer('expires_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('project_shares_token_uq').on(t.tokenHash), index('project_shares_project_idx').on(t.projectId), index('project_shares_org_idx').on(t.orgId)]);

export const comments = sqliteTable('comments', {
  id: id(),
  orgId: orgId(),
  projectId: text('project_id').notNull().references(() => projects.id, { onDelete: 'cascade' }),
  elementId: text('element_id').references(() => sceneElements.id, { onDelete: 'cascade' }),
  userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
  authorName: text('author_name').notNull(),
  position: text('position', { mode: 'json' }).$type<Vec3>(),
  body: text('body').notNull(),
  status: text('status').$type<'open' | 'resolved' | 'dismissed'>().notNull().default('open'),
  createdAt: createdAt(),
}, (t) => [index('comments_project_idx').on(t.projectId, t.createdAt), index('comments_element_idx').on(t.elementId), index('comments_org_idx').on(t.orgId)]);

/** 3D models placeable in scenes; a null org marks the shared catalog. */
export const assetCatalog = sqliteTable('asset_catalog', {
  id: id(),
  orgId: text('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
  category: text('category').notNull(),
  name: text('name').notNull(),
  modelKey: text('model_key').notNull(),
  thumbnailKey: text('thumbnail_key'),
  /** Bounding box in metres. */
  dimensions: text('dimensions', { mode: 'json' }).$type<{ width: number; height: number; depth: number }>(),
  metadata: text('metadata', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  createdAt: createdAt(),
}, (t) => [index('asset_catalog_org_category_idx').on(t.orgId, t.category)]);
