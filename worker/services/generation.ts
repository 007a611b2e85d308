/**
 * The generation cache in D1 shared by the API and the queue consumer: what a request's
 * image depends on (and so its hash), the claimed `pending` slot that dedupes concurrent
 * requests, the state transitions of a cache row and the per-attempt audit rows.
 *
 * Row lifecycle (one row per (org, hash)):
 *   (none) --claim--> pending --consumer--> complete
 *                        |  \--permanent error / dead letter--> failed
 *                        \--older than 5 min: reclaimable (a stuck or lost job)
 *   failed --older than 5 min: reclaimable by the next generate; at once through feedback.
 *   complete --feedback--> (none)
 * A failed row is not retried by every generate at once, so a combination that always fails
 * cannot burn provider calls on each visit; the picker's Retry (feedback, then generate)
 * starts it over immediately.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { generatedImages, generationJobs, generationPolicies, options, stepPhotos, steps, subcategories, type GenerationStatus } from '../db/schema';
import { GENERATION_CACHE_VERSION, generationHash, photoSubcategoryIds, scopeSelections, type SwatchItem } from '../domain/generation';
import type { PhotoSurface } from '../domain/surfaces';
import type { ImageBytes } from '../generation/provider';
import { setBounded } from '../lib/bounded-map';

/** A pending claim older than this is presumed lost and may be claimed again. */
export const CLAIM_STALE_MS = 5 * 60_000;

/** Reasons shown to buyers: fixed texts, so nothing internal (or echoed upstream) leaks. */
export const FAILURE_REASONS = {
  permanent: 'This room could not be visualized with these selections',
  missingPhoto: 'The room photo is not available',
  changed: 'The catalog changed while the image was being made',
  timedOut: 'The image took too long to make',
  exhausted: 'The image service failed three times',
  unavailable: 'The image service is unavailable',
  noImage: 'The image service returned no image',
  internal: 'Something went wrong while making the image',
} as const;

const EXTENSIONS: Record<ImageBytes['mimeType'], string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

/** Content-addressed by the hash, so the media route serves it as immutable. */
export const generatedImageKey = (orgId: string, hash: string, mimeType: ImageBytes['mimeType']) =>
  `${orgId}/generated/${hash}.${EXTENSIONS[mimeType]}`;

/**
 * The key stays the same when an image is remade after feedback, so the URL carries the
 * completion time: a browser holding the old bytes under `immutable` fetches the new ones.
 * The media route reads only the path.
 */
export const generatedImageUrl = (imageKey: string, completedAt: number | null) =>
  `/media/${imageKey}${completedAt ? `?v=${completedAt.toString(36)}` : ''}`;

// ---------------------------------------------------------------- what an image depends on

export interface PhotoContext {
  id: string;
  orgId: string;
  floorplanId: string;
  imageKey: string;
  width: number;
  height: number;
  surfaces: PhotoSurface[];
  spatialHint: string | null;
  policy: Record<string, unknown> | null;
}

/** A chosen option with everything that changes how it is drawn. */
export interface ChosenOption {
  subcategoryId: string;
  subcategoryName: string;
  isVisual: boolean;
  optionId: string;
  optionName: string;
  descriptor: string | null;
  swatchKey: string | null;
  swatchColor: string | null;
}

export interface GenerationTarget {
  photo: PhotoContext;
  /** Visual picks the photo shows (subcategoryId -> optionId). */
  scoped: Record<string, string>;
  /** The scoped picks in the photo's surface order (back to front). */
  items: ChosenOption[];
  model: string;
  hash: string;
}

/** D1 binds at most 100 parameters per statement; the option lookup leaves room for the org id. */
const MAX_OPTION_IDS_PER_QUERY = 90;

function photoQuery(db: Db, orgId: string, stepPhotoId: string) {
  return db
    .select({ photo: stepPhotos, floorplanId: steps.floorplanId, policy: generationPolicies.policy })
    .from(stepPhotos)
    .innerJoin(steps, eq(steps.id, stepPhotos.stepId))
    .leftJoin(generationPolicies, and(eq(generationPolicies.stepPhotoId, stepPhotos.id), eq(generationPolicies.orgId, stepPhotos.orgId)))
    .where(and(eq(stepPhotos.id, stepPhotoId), eq(stepPhotos.orgId, orgId)));
}

function optionQuery(db: Db, orgId: string, optionIds: string[]) {
  return db
    .select({
      subcategoryId: options.subcategoryId,
      // Aliased: inside db.batch, D1 returns rows keyed by column name, so a second `name`
      // column would overwrite the first and shift every field after it.
      subcategoryName: sql<string>`${subcategories.name}`.as('subcategory_name'),
      isVisual: sql<number>`${subcategories.isVisual}`.mapWith(Boolean).as('subcategory_is_visual'),
      optionId: options.id,
      optionName: options.name,
      descriptor: options.promptDescriptor,
      swatchKey: options.swatchKey,
      swatchColor: options.swatchColor,
    })
    .from(options)
    .innerJoin(subcategories, eq(subcategories.id, options.subcategoryId))
    .where(and(eq(options.orgId, orgId), inArray(options.id, optionIds)));
}

type PhotoRow = { photo: typeof stepPhotos.$inferSelect; floorplanId: string; policy: Record<string, unknown> | null };


function toContext(row: PhotoRow): PhotoContext {
  const p = row.photo;
  return {
    id: p.id,
    orgId: p.orgId,
    floorplanId: row.floorplanId,
    imageKey: p.imageKey,
    width: p.width,
    height: p.height,
    surfaces: p.surfaces,
    spatialHint: p.spatialHint,
    policy: row.policy ?? null,
  };
}

/**
 * Photo contexts and option rows kept in the isolate for the API's hot path, so a cache hit
 * costs one D1 round trip (the cache row) instead of two. Keyed by the org's catalog version,
 * which every admin change to options, steps or photos bumps; the short TTL bounds anything
 * that changes without a bump. A stale entry can only produce a hash the consumer (which
 * always reads D1) refuses as "changed", never a wrong image under a current hash.
 */
const MEMO_TTL_MS = 30_000;
const MEMO_LIMIT = 512;
type Memoized = PhotoContext | ChosenOption | string;
const memo = new Map<string, { at: number; value: Memoized }>();

function memoEntry<T extends Memoized>(key: string, now: number): { at: number; value: T } | undefined {
  const hit = memo.get(key);
  if (!hit) return undefined;
  if (hit.at < now - MEMO_TTL_MS) {
    memo.delete(key);
    return undefined;
  }
  return hit as { at: number; value: T };
}

const memoGet = <T extends Memoized>(key: string, now: number): T | undefined => memoEntry<T>(key, now)?.value;

function memoSet(key: string, value: Memoized, now: number): void {
  setBounded(memo, key, { at: now, value }, MEMO_LIMIT);
}

export interface LoadTargetInput {
  orgId: string;
  stepPhotoId: string;
  /** subcategoryId -> optionId; may hold more picks than the photo shows (they are scoped here). */
  candidates: Record<string, string>;
  model: string;
  /** The org's catalog version, to serve photo and option rows from the isolate memo. Omit to read D1. */
  catalogVersion?: number;
}

/**
 * The photo (in this org) and the chosen options, so the API and the consumer hash exactly
 * the same inputs. One D1 round trip at most (two with very many candidates).
 */
export async function loadTarget(db: Db, input: LoadTargetInput): Promise<GenerationTarget | null> {
  const now = Date.now();
  const memoPrefix = input.catalogVersion === undefined ? null : `${input.orgId}:${input.catalogVersion}:`;
  const ids = [...new Set(Object.values(input.candidates))];
  const byId = new Map<string, ChosenOption>();
  const remembered = memoPrefix ? memoEntry<PhotoContext>(`${memoPrefix}p:${input.stepPhotoId}`, now) : undefined;
  let photo = remembered?.value;
  // Anything derived from the photo expires with it.
  const photoAt = remembered?.at ?? now;
  if (memoPrefix) {
    for (const id of ids) {
      const row = memoGet<ChosenOption>(`${memoPrefix}o:${id}`, now);
      if (row) byId.set(id, row);
    }
  }
  let wanted = ids.filter((id) => !byId.has(id));

  let optionRows: ChosenOption[] = [];
  if (!photo && wanted.length > 0 && wanted.length <= MAX_OPTION_IDS_PER_QUERY) {
    const [photos, opts] = await db.batch([photoQuery(db, input.orgId, input.stepPhotoId), optionQuery(db, input.orgId, wanted)]);
    photo = photos[0] && toContext(photos[0]);
    optionRows = opts;
    wanted = [];
  } else if (!photo) {
    const row = await photoQuery(db, input.orgId, input.stepPhotoId).get();
    photo = row && toContext(row);
  }
  if (!photo) return null;
  if (wanted.length > MAX_OPTION_IDS_PER_QUERY) {
    // Only picks the photo shows can matter; that is a handful, whatever the client sent.
    const shown = new Set(photoSubcategoryIds(photo.surfaces));
    const relevant = new Set(Object.entries(input.candidates).filter(([sub]) => shown.has(sub)).map(([, opt]) => opt));
    wanted = wanted.filter((id) => relevant.has(id)).slice(0, MAX_OPTION_IDS_PER_QUERY);
  }
  if (wanted.length) optionRows = await optionQuery(db, input.orgId, wanted);
  for (const row of optionRows) byId.set(row.optionId, row);
  if (memoPrefix) {
    if (!remembered) memoSet(`${memoPrefix}p:${photo.id}`, photo, now);
    for (const row of optionRows) memoSet(`${memoPrefix}o:${row.optionId}`, row, now);
  }

  // A pick counts only if its option really belongs to that subcategory and is visual.
  const chosen = (sub: string): ChosenOption | undefined => {
    const o = byId.get(input.candidates[sub] ?? '');
    return o && o.subcategoryId === sub ? o : undefined;
  };
  const scoped = scopeSelections(photo.surfaces, input.candidates, (sub) => chosen(sub)?.isVisual === true);
  const items = photoSubcategoryIds(photo.surfaces)
    .filter((sub) => sub in scoped)
    .map((sub) => chosen(sub)!);
  // Surfaces run to tens of kB of JSON, so canonicalizing and hashing them is the costliest
  // part of a cache hit; the hash is remembered with the rows it was made from.
  const hashKey = memoPrefix && `${memoPrefix}h:${photo.id}|${input.model}|${items.map((i) => i.optionId).join(',')}`;
  let hash = hashKey ? memoGet<string>(hashKey, now) : undefined;
  if (!hash) {
    hash = await hashTarget(photo, items, input.model);
    if (hashKey) memoSet(hashKey, hash, photoAt);
  }
  return { photo, scoped, items, model: input.model, hash };
}

/**
 * The generation hash over everything that changes the picture: the photo (id and object),
 * the model, the cache version, the scoped picks with their swatch, colour and descriptor,
 * the surfaces, the spatial hint and the policy. Names ride along because Gemini's prompt uses them.
 */
export function hashTarget(photo: PhotoContext, items: ChosenOption[], model: string): Promise<string> {
  const hashItems = items.map(
    (o): SwatchItem & { name: string; subcategoryName: string } => ({
      subcategoryId: o.subcategoryId,
      optionId: o.optionId,
      swatchKey: o.swatchKey,
      swatchColor: o.swatchColor,
      descriptor: o.descriptor,
      name: o.optionName,
      subcategoryName: o.subcategoryName,
    }),
  );
  return generationHash({
    stepPhotoId: photo.id,
    imageKey: photo.imageKey,
    model,
    items: hashItems,
    surfaces: photo.surfaces,
    spatialHint: photo.spatialHint,
    policy: photo.policy,
  });
}

// ---------------------------------------------------------------- cache rows

export interface ImageRow {
  status: GenerationStatus;
  imageKey: string | null;
  error: string | null;
  claimedAt: number;
  completedAt: number | null;
}

export function findImage(db: Db, orgId: string, hash: string): Promise<ImageRow | undefined> {
  return db
    .select({
      status: generatedImages.status,
      imageKey: generatedImages.imageKey,
      error: generatedImages.error,
      claimedAt: generatedImages.claimedAt,
      completedAt: generatedImages.completedAt,
    })
    .from(generatedImages)
    .where(and(eq(generatedImages.orgId, orgId), eq(generatedImages.hash, hash)))
    .get();
}

/** A pending or failed row whose claim is old enough to be taken again. */
export const isReclaimable = (row: Pick<ImageRow, 'status' | 'claimedAt'>, now: number) =>
  row.status !== 'complete' && row.claimedAt < now - CLAIM_STALE_MS;

export type PublicStatus =
  | { status: 'complete'; url: string }
  | { status: 'pending' }
  | { status: 'failed'; error: string }
  | { status: 'not_found' };

/** What a buyer may know about a row. A lost job reads as failed so the picker offers Retry. */
export function publicStatus(row: ImageRow | undefined, now: number): PublicStatus {
  if (!row) return { status: 'not_found' };
  if (row.status === 'complete' && row.imageKey) return { status: 'complete', url: generatedImageUrl(row.imageKey, row.completedAt) };
  if (row.status === 'pending') return row.claimedAt < now - CLAIM_STALE_MS ? { status: 'failed', error: FAILURE_REASONS.timedOut } : { status: 'pending' };
  return { status: 'failed', error: row.error ?? FAILURE_REASONS.internal };
}

export interface ClaimInput {
  orgId: string;
  hash: string;
  stepPhotoId: string;
  model: string;
  selections: Record<string, string>;
  buyerSessionId: string | null;
  now: number;
}

/**
 * Takes the slot for (org, hash) in one statement: inserts a pending row, or takes over a
 * pending/failed row whose claim is older than 5 minutes. RETURNING yields a row only when
 * this statement inserted or updated it, so of N concurrent callers exactly one wins; a
 * complete row and a fresh claim are left alone. The winner's `claimed_at` is its token.
 */
export async function claimSlot(d1: D1Database, input: ClaimInput): Promise<{ won: boolean; claimedAt: number }> {
  const row = await d1
    .prepare(
      `INSERT INTO generated_images
         (id, org_id, hash, step_photo_id, model, status, image_key, selections, buyer_session_id, error, claimed_at, completed_at, cache_version, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, 'pending', NULL, ?6, ?7, NULL, ?8, NULL, ?10, ?8)
       ON CONFLICT (org_id, hash) DO UPDATE SET
         status = 'pending', image_key = NULL, error = NULL, completed_at = NULL,
         claimed_at = excluded.claimed_at, step_photo_id = excluded.step_photo_id, model = excluded.model,
         selections = excluded.selections, buyer_session_id = excluded.buyer_session_id, cache_version = excluded.cache_version
       WHERE generated_images.status IN ('pending', 'failed') AND generated_images.claimed_at < ?9
       RETURNING claimed_at`,
    )
    .bind(
      crypto.randomUUID(),
      input.orgId,
      input.hash,
      input.stepPhotoId,
      input.model,
      JSON.stringify(input.selections),
      input.buyerSessionId,
      input.now,
      input.now - CLAIM_STALE_MS,
      GENERATION_CACHE_VERSION,
    )
    .first<{ claimed_at: number }>();
  return { won: row !== null, claimedAt: row?.claimed_at ?? input.now };
}

/** Gives a claim back (its message could not be queued), so the next request claims at once. */
export async function releaseClaim(d1: D1Database, orgId: string, hash: string, claimedAt: number): Promise<void> {
  await d1
    .prepare(`DELETE FROM generated_images WHERE org_id = ?1 AND hash = ?2 AND status = 'pending' AND claimed_at = ?3`)
    .bind(orgId, hash, claimedAt)
    .run();
}

/**
 * Marks the row complete if it is still pending (any claim: an image for this hash is as good
 * as any other). False when it is complete already or gone, so nothing is written twice.
 */
export async function markComplete(d1: D1Database, orgId: string, hash: string, imageKey: string, now: number): Promise<boolean> {
  const row = await d1
    .prepare(
      `UPDATE generated_images SET status = 'complete', image_key = ?3, error = NULL, completed_at = ?4
       WHERE org_id = ?1 AND hash = ?2 AND status = 'pending' RETURNING id`,
    )
    .bind(orgId, hash, imageKey, now)
    .first();
  return row !== null;
}

/** Fails this claim only; a newer claim of the same hash is someone else's job. */
export async function markFailed(d1: D1Database, orgId: string, hash: string, claimedAt: number, reason: string): Promise<boolean> {
  const row = await d1
    .prepare(
      `UPDATE generated_images SET status = 'failed', error = ?4
       WHERE org_id = ?1 AND hash = ?2 AND status = 'pending' AND claimed_at = ?3 RETURNING id`,
    )
    .bind(orgId, hash, claimedAt, reason)
    .first();
  return row !== null;
}

/** Keeps the last retryable reason on the pending row for the dead-letter handler to report. */
export async function noteAttemptFailure(d1: D1Database, orgId: string, hash: string, claimedAt: number, reason: string): Promise<void> {
  await d1
    .prepare(`UPDATE generated_images SET error = ?4 WHERE org_id = ?1 AND hash = ?2 AND status = 'pending' AND claimed_at = ?3`)
    .bind(orgId, hash, claimedAt, reason)
    .run();
}

/** Dead letter: every attempt failed. The reason names the last attempt's failure when known. */
export async function markExhausted(d1: D1Database, orgId: string, hash: string, claimedAt: number): Promise<boolean> {
  const row = await d1
    .prepare(
      `UPDATE generated_images SET status = 'failed',
         error = ?4 || COALESCE(' (last: ' || lower(substr(error, 1, 1)) || substr(error, 2) || ')', '')
       WHERE org_id = ?1 AND hash = ?2 AND status = 'pending' AND claimed_at = ?3 RETURNING id`,
    )
    .bind(orgId, hash, claimedAt, FAILURE_REASONS.exhausted)
    .first();
  return row !== null;
}

/**
 * Deletes a row unless it is a job in flight (a fresh pending claim); returns the deleted
 * row so the caller can remove its object.
 */
export async function deleteImage(d1: D1Database, orgId: string, hash: string, now: number): Promise<{ imageKey: string | null } | null> {
  const row = await d1
    .prepare(
      `DELETE FROM generated_images WHERE org_id = ?1 AND hash = ?2 AND (status != 'pending' OR claimed_at < ?3) RETURNING image_key`,
    )
    .bind(orgId, hash, now - CLAIM_STALE_MS)
    .first<{ image_key: string | null }>();
  return row ? { imageKey: row.image_key } : null;
}

// ---------------------------------------------------------------- audit

export interface JobStart {
  orgId: string;
  hash: string;
  attempt: number;
  provider: string;
  model: string;
  now: number;
}

export async function startJob(db: Db, job: JobStart): Promise<string> {
  const id = crypto.randomUUID();
  await db.insert(generationJobs).values({
    id,
    orgId: job.orgId,
    hash: job.hash,
    attempt: job.attempt,
    provider: job.provider,
    model: job.model,
    status: 'running',
    createdAt: job.now,
  });
  return id;
}

export interface JobEnd {
  status: 'complete' | 'failed';
  swatchCount?: number;
  passes?: number;
  durationMs: number;
  estimatedCostMicros?: number;
  error?: string | null;
}

export async function finishJob(db: Db, jobId: string, end: JobEnd): Promise<void> {
  await db
    .update(generationJobs)
    .set({
      status: end.status,
      swatchCount: end.swatchCount ?? 0,
      passes: end.passes ?? 0,
      durationMs: Math.round(end.durationMs),
      estimatedCostMicros: end.estimatedCostMicros ?? 0,
      error: end.error ? end.error.slice(0, 500) : null,
    })
    .where(eq(generationJobs.id, jobId));
}
