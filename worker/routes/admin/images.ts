/**
 * The generated-image cache: browse it by status and evict entries. Evicting removes the row
 * first, then its R2 object, so a failure in between leaves an orphan object (swept by
 * `r2:orphans`) rather than a row pointing at nothing.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { generatedImages } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { mediaUrl } from '../../lib/media';
import { validate } from '../../lib/validate';
import { requireAdmin } from '../../middleware/admin-auth';
import type { AppEnv } from '../../types';
import { keyset, pageOf, pageQuery, readPage } from './paging';

const listQuery = z.object({ ...pageQuery, status: z.optional(z.enum(['pending', 'complete', 'failed'])) });

export const imageRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listQuery), async (c) => {
    const q = c.req.valid('query');
    const orgId = c.get('org').id;
    const page = readPage(q);
    const { where, orderBy } = keyset(generatedImages.createdAt, generatedImages.id, page);
    const rows = await c.get('db')
      .select()
      .from(generatedImages)
      .where(and(eq(generatedImages.orgId, orgId), q.status ? eq(generatedImages.status, q.status) : undefined, where))
      .orderBy(...orderBy)
      .limit(page.limit + 1);
    const { items, nextCursor } = pageOf(rows, page, (r) => ({ time: r.createdAt, id: r.id }));
    return c.json({
      images: items.map((r) => ({
        id: r.id,
        hash: r.hash,
        stepPhotoId: r.stepPhotoId,
        model: r.model,
        status: r.status,
        url: mediaUrl(r.imageKey),
        selections: r.selections,
        buyerSessionId: r.buyerSessionId,
        error: r.error,
        createdAt: r.createdAt,
        completedAt: r.completedAt,
      })),
      nextCursor,
    });
  })
  .delete('/:id', requireAdmin, validate('param', z.object({ id: z.uuid() })), async (c) => {
    const orgId = c.get('org').id;
    const gone = await c.get('db')
      .delete(generatedImages)
      .where(and(eq(generatedImages.id, c.req.valid('param').id), eq(generatedImages.orgId, orgId)))
      .returning({ imageKey: generatedImages.imageKey })
      .get();
    if (!gone) throw notFound('Image');
    // Keys always start with the owning org's id; anything else is not this org's to delete.
    if (gone.imageKey?.startsWith(`${orgId}/`)) await c.env.MEDIA.delete(gone.imageKey);
    return c.body(null, 204);
  });
