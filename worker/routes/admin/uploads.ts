/**
 * Uploads to R2: swatches, room photos and 3D models, as multipart (field `file`).
 *
 * The type is decided by the bytes (worker/lib/upload-sniff.ts), never by the client's
 * Content-Type or file name, and the stored Content-Type is ours. Keys are generated here
 * and start with the org id (the media route serves a key only on its own tenant's host).
 * Ownership is checked before the body is read, and a row is written only after its R2 put
 * succeeded; if the row cannot be written the object is deleted again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { assetCatalog, options, stepPhotos, steps, subcategories } from '../../db/schema';
import { ApiError, notFound } from '../../lib/errors';
import { mediaUrl } from '../../lib/media';
import { sniffGlb, sniffImage, type SniffFailure } from '../../lib/upload-sniff';
import { describeIssues, validate } from '../../lib/validate';
import { requireAdmin } from '../../middleware/admin-auth';
import { assertOwned, deleteObjects, uuid } from '../../services/admin-catalog';
import type { AppEnv } from '../../types';
import { catalogChanged, presentPhoto, type Ctx } from './catalog/shared';

export const IMAGE_MAX_BYTES = 20 * 1024 * 1024;
export const MODEL_MAX_BYTES = 50 * 1024 * 1024;
export const ROOM_PHOTO_MIN_SIDE = 1024;
/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
/** Every key embeds a fresh UUID, so the bytes behind it never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const tooLarge = (max: number) => new ApiError(413, 'payload_too_large', `The file is larger than ${max / (1024 * 1024)} MB`);

/**
 * The single file in field `file`. The size is enforced twice: early from Content-Length,
 * and on the bytes actually streamed (a missing or lying Content-Length gains nothing).
 */
async function readUpload(c: Ctx, maxBytes: number): Promise<{ bytes: Uint8Array; form: FormData }> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\s*;/i.test(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the file as multipart/form-data in the field "file"');
  }
  const limit = maxBytes + MULTIPART_OVERHEAD;
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(maxBytes);
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, 'bad_request', 'Attach exactly one file in the field "file"');

  let seen = 0;
  let over = false;
  const capped = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > limit) {
          over = true;
          controller.error(new Error('upload over the size limit'));
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Request('https://upload.internal/', { method: 'POST', headers: { 'content-type': type }, body: capped }).formData();
  } catch {
    if (over) throw tooLarge(maxBytes);
    throw new ApiError(400, 'bad_request', 'The upload could not be read as multipart/form-data');
  }
  const files = form.getAll('file');
  const file = files[0];
  if (files.length !== 1 || typeof file === 'string' || !file) throw new ApiError(400, 'bad_request', 'Attach exactly one file in the field "file"');
  if (file.size > maxBytes) throw tooLarge(maxBytes);
  return { bytes: new Uint8Array(await file.arrayBuffer()), form };
}

function refuse(failure: SniffFailure, kind: 'image' | 'model'): never {
  if (kind === 'model') {
    throw new ApiError(415, 'unsupported_media_type', failure.reason === 'corrupt' ? 'The model is damaged, incomplete or not glTF 2.0' : 'Upload a binary glTF 2.0 (.glb) model');
  }
  throw new ApiError(415, 'unsupported_media_type', failure.reason === 'corrupt' ? 'The image is damaged or incomplete' : 'Upload a PNG, JPEG or WebP image');
}

async function putObject(c: Ctx, key: string, bytes: Uint8Array, contentType: string): Promise<void> {
  await c.env.MEDIA.put(key, bytes, { httpMetadata: { contentType, cacheControl: IMMUTABLE } });
}

/** Writes the row for a stored object; if that fails the object goes too, leaving no orphan. */
async function withRow<T>(c: Ctx, key: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    await deleteObjects(c.env.MEDIA, [key]);
    throw err;
  }
}

const modelFields = z.object({
  name: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(120))),
  category: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'Lowercase letters, digits, dashes and underscores'))),
});

export const adminUploadRoutes = new Hono<AppEnv>()
  .post('/uploads/swatch', requireAdmin, validate('query', z.object({ subcategoryId: uuid, optionId: z.optional(uuid) })), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { subcategoryId, optionId } = c.req.valid('query');
    await assertOwned(db, subcategories, orgId, [subcategoryId], 'Subcategory');
    const option = optionId ? await db.select().from(options).where(and(eq(options.id, optionId), eq(options.orgId, orgId))).get() : undefined;
    if (optionId && !option) throw notFound('Option');
    if (option && option.subcategoryId !== subcategoryId) throw new ApiError(400, 'validation_failed', 'The option belongs to another subcategory');

    const { bytes } = await readUpload(c, IMAGE_MAX_BYTES);
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) refuse(sniffed, 'image');
    const { info } = sniffed;
    const key = `${orgId}/swatches/${subcategoryId}/${crypto.randomUUID()}.${info.ext}`;
    await putObject(c, key, bytes, info.contentType);

    if (option) {
      await withRow(c, key, () => db.update(options).set({ swatchKey: key }).where(and(eq(options.id, option.id), eq(options.orgId, orgId))));
      if (option.swatchKey) await deleteObjects(c.env.MEDIA, [option.swatchKey]);
      await catalogChanged(c);
    }
    return c.json({ key, url: mediaUrl(key)!, contentType: info.contentType, width: info.width, height: info.height, optionId: option?.id ?? null }, 201);
  })
  .post('/uploads/room-photo', requireAdmin, validate('query', z.object({ stepId: uuid })), async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { stepId } = c.req.valid('query');
    await assertOwned(db, steps, orgId, [stepId], 'Step');

    const { bytes } = await readUpload(c, IMAGE_MAX_BYTES);
    const sniffed = sniffImage(bytes);
    if (!sniffed.ok) refuse(sniffed, 'image');
    const { info } = sniffed;
    if (info.width < ROOM_PHOTO_MIN_SIDE || info.height < ROOM_PHOTO_MIN_SIDE) {
      throw new ApiError(422, 'unprocessable', `Room photos must be at least ${ROOM_PHOTO_MIN_SIDE} x ${ROOM_PHOTO_MIN_SIDE} pixels`);
    }
    const key = `${orgId}/rooms/${stepId}/${crypto.randomUUID()}.${info.ext}`;
    await putObject(c, key, bytes, info.contentType);

    const row = await withRow(c, key, () =>
      db
        .insert(stepPhotos)
        .values({
          id: crypto.randomUUID(),
          orgId,
          stepId,
          imageKey: key,
          width: info.width,
          height: info.height,
          // The step's first photo becomes its hero; decided inside the INSERT, so two
          // concurrent uploads cannot both claim it.
          isHero: sql`NOT EXISTS (SELECT 1 FROM step_photos WHERE step_id = ${stepId} AND is_hero = 1)`,
          sortOrder: sql`(SELECT COALESCE(MAX(sort_order), -1) + 1 FROM step_photos WHERE step_id = ${stepId})`,
          createdAt: Date.now(),
        })
        .returning()
        .get(),
    );
    await catalogChanged(c);
    return c.json({ key, url: mediaUrl(key)!, photo: presentPhoto(row) }, 201);
  })
  .post('/uploads/model', requireAdmin, async (c) => {
    const db = c.get('db');
    const orgId = c.get('org').id;
    const { bytes, form } = await readUpload(c, MODEL_MAX_BYTES);
    const fields = z.safeParse(modelFields, {
      name: typeof form.get('name') === 'string' ? form.get('name') : undefined,
      category: typeof form.get('category') === 'string' ? form.get('category') : undefined,
    });
    if (!fields.success) throw new ApiError(400, 'validation_failed', 'Invalid form', describeIssues(fields.error, modelFields));
    const sniffed = sniffGlb(bytes);
    if (!sniffed.ok) refuse(sniffed, 'model');

    const key = `${orgId}/models/${crypto.randomUUID()}.glb`;
    await putObject(c, key, bytes, sniffed.info.contentType);
    const row = await withRow(c, key, () =>
      db
        .insert(assetCatalog)
        .values({
          id: crypto.randomUUID(),
          orgId,
          category: fields.data.category ?? 'custom',
          name: fields.data.name ?? 'Untitled model',
          modelKey: key,
          metadata: { bytes: bytes.length },
          createdAt: Date.now(),
        })
        .returning()
        .get(),
    );
    return c.json({ key, url: mediaUrl(key)!, asset: { id: row.id, name: row.name, category: row.category } }, 201);
  });
