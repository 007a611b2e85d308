/**
 * Visualize: `POST /api/generate/photo` answers from the image cache or claims the slot and
 * queues the job; `/check` is what the picker polls; `/feedback` drops an image so the next
 * generate makes it again (the Retry flow). The org comes from the host; the photo must be
 * one of the floorplan's, and every pick one the floorplan offers.
 */
import { and, eq } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { buyerSessions } from '../db/schema';
import { indexCatalog, type Catalog, type CatalogIndex, type Selections } from '../domain/catalog';
import { defaultSelections, validateSelections } from '../domain/pricing';
import { chooseModel } from '../generation/providers';
import { scratchPrefix } from '../generation/scratch';
import { ApiError, notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import type { GenerateMessage } from '../queue/messages';
import { getCatalog } from '../services/catalog';
import {
  claimSlot,
  deleteImage,
  findImage,
  isReclaimable,
  loadTarget,
  publicStatus,
  releaseClaim,
  type GenerationTarget,
} from '../services/generation';
import { clientIp, enforce, type Limit } from '../services/rate-limit';
import type { AppEnv } from '../types';

const hashSchema = z.string().check(z.regex(/^[0-9a-f]{64}$/));
const generateBody = z.object({
  floorplanSlug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/)),
  stepPhotoId: z.uuid(),
  // Bounded so a hostile body cannot make validation or hashing expensive.
  selections: z
    .record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(64)))
    .check(z.refine((s) => Object.keys(s).length <= 500, 'Too many selections')),
  sessionId: z.optional(z.uuid()),
  model: z.optional(z.string().check(z.maxLength(64))),
});
const hashBody = z.object({ hash: hashSchema });

type GenerateBody = z.output<typeof generateBody>;

/** Misses cost a provider call, so they are limited per client and per buyer session; hits are not. */
const MISS_LIMITS = {
  ip: { max: 60, windowSeconds: 600 },
  session: { max: 30, windowSeconds: 600 },
  feedback: { max: 20, windowSeconds: 600 },
};

/**
 * The catalog object is shared between requests for as long as its version lives (see
 * getCatalog), so its index and defaults are built once per version, not per request.
 */
const facts = new WeakMap<Catalog, { index: CatalogIndex; defaults: Selections }>();
function catalogFacts(catalog: Catalog) {
  let f = facts.get(catalog);
  if (!f) {
    const index = indexCatalog(catalog);
    f = { index, defaults: defaultSelections(index) };
    facts.set(catalog, f);
  }
  return f;
}

/** Validates the request against the floorplan's catalog and works out what the image depends on. */
async function resolveTarget(c: Context<AppEnv>, input: GenerateBody): Promise<GenerationTarget> {
  const org = c.get('org');
  const db = c.get('db');
  const catalog = await getCatalog(db, org, input.floorplanSlug, c.executionCtx);
  if (!catalog) throw notFound('Floorplan');
  const { index, defaults } = catalogFacts(catalog);
  const issues = validateSelections(index, input.selections, {});
  if (issues.length) {
    // Codes only: the paths would name the client's keys.
    const codes = [...new Set(issues.map((i) => i.code))];
    throw new ApiError(400, 'validation_failed', 'Some selections are not available for this floorplan', codes.map((code) => ({ path: 'selections', code })));
  }
  // A pick the client left out is the default, so "defaults" and "nothing chosen" share an image.
  const merged = { ...defaults, ...input.selections };
  const candidates: Record<string, string> = {};
  for (const [sub, opt] of Object.entries(merged)) if (index.subcategories.get(sub)?.isVisual) candidates[sub] = opt;

  const target = await loadTarget(db, {
    orgId: org.id,
    stepPhotoId: input.stepPhotoId,
    candidates,
    model: chooseModel(c.env, input.model),
    catalogVersion: catalog.version,
  });
  // Another org's photo and another floorplan's photo look the same: not found.
  if (!target || target.photo.floorplanId !== catalog.floorplan.id) throw notFound('Photo');
  return target;
}

async function knownSession(c: Context<AppEnv>, sessionId: string | undefined): Promise<string | null> {
  if (!sessionId) return null;
  const row = await c.get('db')
    .select({ id: buyerSessions.id })
    .from(buyerSessions)
    .where(and(eq(buyerSessions.id, sessionId), eq(buyerSessions.orgId, c.get('org').id)))
    .get();
  // An expired or foreign session is ignored rather than refused: Visualize still works.
  return row?.id ?? null;
}

function missLimits(c: Context<AppEnv>, sessionId: string | null): Limit[] {
  const limits: Limit[] = [{ key: `generate:ip:${clientIp(c.req.raw)}`, ...MISS_LIMITS.ip }];
  if (sessionId) limits.push({ key: `generate:session:${sessionId}`, ...MISS_LIMITS.session });
  return limits;
}

export const generateRoutes = new Hono<AppEnv>()
  .post('/photo', validate('json', generateBody), async (c) => {
    const input = c.req.valid('json');
    const org = c.get('org');
    const target = await resolveTarget(c, input);
    const { hash } = target;

    const row = await findImage(c.get('db'), org.id, hash);
    const now = Date.now();
    if (row && !isReclaimable(row, now)) {
      const status = publicStatus(row, now);
      if (status.status === 'complete') return c.json({ status: 'complete', hash, url: status.url, cacheHit: true }, 200);
      // A recent failure stays failed until the buyer retries (feedback, then generate).
      if (status.status === 'failed') return c.json({ status: 'failed', hash, error: status.error }, 200);
      return c.json({ status: 'pending', hash }, 202);
    }

    const sessionId = await knownSession(c, input.sessionId);
    await enforce(c.env.DB, missLimits(c, sessionId));
    const claim = await claimSlot(c.env.DB, {
      orgId: org.id,
      hash,
      stepPhotoId: target.photo.id,
      model: target.model,
      selections: target.scoped,
      buyerSessionId: sessionId,
      now,
    });
    if (claim.won) {
      const message: GenerateMessage = {
        kind: 'generate',
        orgId: org.id,
        hash,
        stepPhotoId: target.photo.id,
        selections: target.scoped,
        model: target.model,
        claimedAt: claim.claimedAt,
      };
      try {
        await c.env.GENERATION.send(message);
      } catch (err) {
        // Nobody would ever work on this claim: give it back so the next request retries.
        await releaseClaim(c.env.DB, org.id, hash, claim.claimedAt);
        throw err;
      }
    }
    // Lost the race: someone else's claim is in flight (or just finished); the picker polls.
    return c.json({ status: 'pending', hash }, 202);
  })
  .post('/photo/check', validate('json', z.union([hashBody, generateBody])), async (c) => {
    const input = c.req.valid('json');
    const hash = 'hash' in input ? input.hash : (await resolveTarget(c, input)).hash;
    const row = await findImage(c.get('db'), c.get('org').id, hash);
    return c.json({ ...publicStatus(row, Date.now()), hash });
  })
  .post('/photo/feedback', validate('json', hashBody), async (c) => {
    const { hash } = c.req.valid('json');
    const org = c.get('org');
    await enforce(c.env.DB, [{ key: `generate-feedback:ip:${clientIp(c.req.raw)}`, ...MISS_LIMITS.feedback }]);
    const deleted = await deleteImage(c.env.DB, org.id, hash, Date.now());
    if (!deleted) {
      // Dropping a job in flight would let the next generate start a second, paid one.
      if (await findImage(c.get('db'), org.id, hash)) throw new ApiError(409, 'conflict', 'The image is still being made');
      throw notFound('Image');
    }
    // Row first: an object without its row is harmless (the next image for the hash replaces
    // it), a row without its object would be a broken image.
    const leftovers = await c.env.MEDIA.list({ prefix: scratchPrefix(org.id, hash) });
    const keys = [...(deleted.imageKey ? [deleted.imageKey] : []), ...leftovers.objects.map((o) => o.key)];
    if (keys.length) await c.env.MEDIA.delete(keys);
    return c.json({ status: 'deleted', hash });
  });
