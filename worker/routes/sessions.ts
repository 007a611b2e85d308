/**
 * Anonymous buyer sessions: created on first visit, remembered by a signed HttpOnly
 * cookie per floorplan (cookies are per host, so per org), auto-saved by the picker,
 * and resumable by an emailed link. The server prices every save itself.
 */
import { and, desc, eq, gt } from 'drizzle-orm';
import { Hono, type Context } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import * as z from 'zod/mini';
import type { Db } from '../db/client';
import { buyerSessions, floorplans } from '../db/schema';
import { indexCatalog, type Catalog, type Quantities, type Selections } from '../domain/catalog';
import { computeTotal, defaultSelections, validateSelections } from '../domain/pricing';
import { findConflicts } from '../domain/rules';
import { randomToken, sha256Hex } from '../lib/bytes';
import { ApiError, notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { getCatalog } from '../services/catalog';
import { createMailer } from '../services/mailer';
import { clientIp, enforce } from '../services/rate-limit';
import type { AppEnv, Org } from '../types';
import { slugParam } from './catalog';

export const RESUME_TOKEN_TTL_MS = 14 * 24 * 3600 * 1000;
const COOKIE_MAX_AGE = 90 * 24 * 3600;
export const sessionCookieName = (floorplanSlug: string) => `finch_session_${floorplanSlug}`;

const id = z.uuid();
const idParam = z.object({ id });
const email = z.pipe(z.string().check(z.trim(), z.toLowerCase(), z.maxLength(254)), z.email());
// Bounded so a hostile body cannot make pricing or storage expensive.
const selectionsSchema = z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(64)));
const quantitiesSchema = z.record(z.string().check(z.maxLength(64)), z.number());
const putBody = z.object({
  selections: selectionsSchema.check(z.refine((s) => Object.keys(s).length <= 500, 'Too many selections')),
  quantities: z.optional(quantitiesSchema.check(z.refine((q) => Object.keys(q).length <= 500, 'Too many quantities'))),
});

type SessionRow = typeof buyerSessions.$inferSelect;

function present(row: SessionRow, floorplanSlug: string) {
  return {
    id: row.id,
    floorplanSlug,
    selections: row.selections,
    quantities: row.quantities,
    totalCents: row.totalCents,
    email: row.email,
    updatedAt: row.lastActiveAt,
  };
}

async function loadSession(db: Db, org: Org, sessionId: string) {
  const row = await db
    .select({ session: buyerSessions, floorplanSlug: floorplans.slug })
    .from(buyerSessions)
    .innerJoin(floorplans, eq(floorplans.id, buyerSessions.floorplanId))
    .where(and(eq(buyerSessions.id, sessionId), eq(buyerSessions.orgId, org.id)))
    .get();
  if (!row) throw notFound('Session');
  return row;
}

async function requireCatalog(c: Context<AppEnv>, floorplanSlug: string): Promise<Catalog> {
  const catalog = await getCatalog(c.get('db'), c.get('org'), floorplanSlug, c.executionCtx);
  if (!catalog) throw notFound('Floorplan');
  return catalog;
}

/**
 * Stored choices can go stale when an admin removes an option; those fall back to the
 * subcategory's default instead of locking the buyer out of saving.
 */
function reconcile(catalog: Catalog, selections: Selections, quantities: Quantities) {
  const index = indexCatalog(catalog);
  const defaults = defaultSelections(index);
  const kept: Selections = { ...defaults };
  for (const [sub, opt] of Object.entries(selections)) {
    if (index.options.get(opt)?.subcategory.id === sub) kept[sub] = opt;
  }
  const keptQ: Quantities = {};
  for (const [sub, q] of Object.entries(quantities)) {
    const s = index.subcategories.get(sub);
    if (s?.isAdditive && Number.isInteger(q) && q >= 1 && q <= s.maxQuantity) keptQ[sub] = q;
  }
  return { index, selections: kept, quantities: keptQ };
}

async function setSessionCookie(c: Context<AppEnv>, floorplanSlug: string, sessionId: string) {
  await setSignedCookie(c, sessionCookieName(floorplanSlug), sessionId, c.env.SESSION_SECRET, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    path: '/',
    maxAge: COOKIE_MAX_AGE,
  });
}

async function issueResumeLink(c: Context<AppEnv>, session: SessionRow, to: string) {
  const token = randomToken();
  await c.get('db')
    .update(buyerSessions)
    .set({ resumeTokenHash: await sha256Hex(token), resumeTokenExpiresAt: Date.now() + RESUME_TOKEN_TTL_MS })
    .where(eq(buyerSessions.id, session.id));
  const link = `${new URL(c.req.url).origin}/resume/${token}`;
  const org = c.get('org');
  await createMailer(c.get('db'), c.env).send({
    orgId: org.id,
    to,
    kind: 'buyer_resume',
    subject: `Your ${org.name} upgrade selections`,
    text: `Pick up where you left off with your ${org.name} upgrades:\n\n${link}\n\nThis link works for 14 days.`,
  });
}

export const sessionRoutes = new Hono<AppEnv>()
  .post('/', validate('json', slugParam), async (c) => {
    const { floorplanSlug } = c.req.valid('json');
    const org = c.get('org');
    const catalog = await requireCatalog(c, floorplanSlug);
    const index = indexCatalog(catalog);
    const selections = defaultSelections(index);
    const now = Date.now();
    const row: SessionRow = {
      id: crypto.randomUUID(),
      orgId: org.id,
      floorplanId: catalog.floorplan.id,
      selections,
      quantities: {},
      totalCents: computeTotal(index, selections, {}),
      email: null,
      resumeTokenHash: null,
      resumeTokenExpiresAt: null,
      lastActiveAt: now,
      createdAt: now,
    };
    await c.get('db').insert(buyerSessions).values(row);
    await setSessionCookie(c, floorplanSlug, row.id);
    return c.json(present(row, floorplanSlug), 201);
  })
  .get('/current', validate('query', slugParam), async (c) => {
    const { floorplanSlug } = c.req.valid('query');
    const sessionId = await getSignedCookie(c, c.env.SESSION_SECRET, sessionCookieName(floorplanSlug));
    if (!sessionId || !z.safeParse(id, sessionId).success) throw notFound('Session');
    const { session, floorplanSlug: slug } = await loadSession(c.get('db'), c.get('org'), sessionId);
    if (slug !== floorplanSlug) throw notFound('Session');
    return c.json(present(session, slug));
  })
  .post('/resume-by-email', validate('json', z.object({ email })), async (c) => {
    const { email: address } = c.req.valid('json');
    const org = c.get('org');
    await enforce(c.env.DB, [
      { key: `resume-email:ip:${clientIp(c.req.raw)}`, max: 5, windowSeconds: 900 },
      { key: `resume-email:to:${org.id}:${address}`, max: 3, windowSeconds: 3600 },
    ]);
    const latest = await c.get('db')
      .select()
      .from(buyerSessions)
      .where(and(eq(buyerSessions.orgId, org.id), eq(buyerSessions.email, address)))
      .orderBy(desc(buyerSessions.lastActiveAt))
      .get();
    // Same answer either way, so the form cannot be used to learn who saved selections.
    if (latest) await issueResumeLink(c, latest, address);
    return c.json({ ok: true }, 202);
  })
  .get('/resume/:token', validate('param', z.object({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{20,100}$/)) })), async (c) => {
    const { token } = c.req.valid('param');
    const row = await c.get('db')
      .select({ session: buyerSessions, floorplanSlug: floorplans.slug })
      .from(buyerSessions)
      .innerJoin(floorplans, eq(floorplans.id, buyerSessions.floorplanId))
      .where(
        and(
          eq(buyerSessions.orgId, c.get('org').id),
          eq(buyerSessions.resumeTokenHash, await sha256Hex(token)),
          gt(buyerSessions.resumeTokenExpiresAt, Date.now()),
        ),
      )
      .get();
    if (!row) throw notFound('Session');
    await setSessionCookie(c, row.floorplanSlug, row.session.id);
    return c.json(present(row.session, row.floorplanSlug));
  })
  .get('/:id', validate('param', idParam), async (c) => {
    const { session, floorplanSlug } = await loadSession(c.get('db'), c.get('org'), c.req.valid('param').id);
    return c.json(present(session, floorplanSlug));
  })
  .put('/:id', validate('param', idParam), validate('json', putBody), async (c) => {
    const db = c.get('db');
    const { session, floorplanSlug } = await loadSession(db, c.get('org'), c.req.valid('param').id);
    const body = c.req.valid('json');
    const catalog = await requireCatalog(c, floorplanSlug);
    const base = reconcile(catalog, session.selections, session.quantities);
    const selections = { ...base.selections, ...body.selections };
    const quantities = { ...base.quantities, ...(body.quantities ?? {}) };

    const issues = validateSelections(base.index, body.selections, body.quantities ?? {});
    if (issues.length) throw new ApiError(400, 'validation_failed', 'Some selections are not available for this floorplan', issues);
    const conflicts = findConflicts(base.index, selections);
    if (conflicts.length) throw new ApiError(422, 'rule_conflict', 'These selections cannot be combined', conflicts);

    const totalCents = computeTotal(base.index, selections, quantities);
    const now = Date.now();
    await db.update(buyerSessions).set({ selections, quantities, totalCents, lastActiveAt: now }).where(eq(buyerSessions.id, session.id));
    return c.json(present({ ...session, selections, quantities, totalCents, lastActiveAt: now }, floorplanSlug));
  })
  .post('/:id/email', validate('param', idParam), validate('json', z.object({ email })), async (c) => {
    const { session } = await loadSession(c.get('db'), c.get('org'), c.req.valid('param').id);
    const { email: address } = c.req.valid('json');
    await enforce(c.env.DB, [{ key: `session-email:${session.id}`, max: 5, windowSeconds: 3600 }]);
    await c.get('db').update(buyerSessions).set({ email: address }).where(eq(buyerSessions.id, session.id));
    await issueResumeLink(c, { ...session, email: address }, address);
    return c.json({ ok: true }, 202);
  });
