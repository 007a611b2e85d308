/**
 * The dashboard's figures, counted in SQL in one round trip (each count rides an index that
 * starts with org_id), so a busy org gets exact numbers without paging through its lists.
 */
import { and, count, eq, gte, isNotNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { buyerSessions, categories, floorplans, generatedImages, options, subcategories } from '../../db/schema';
import type { AdminStats, ImageStatusCounts } from '../../domain/admin-stats';
import type { AppEnv } from '../../types';

export const WEEK_MS = 7 * 24 * 3600 * 1000;

export type { AdminStats };

export const statsRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const db = c.get('db');
  const orgId = c.get('org').id;
  const since = Date.now() - WEEK_MS;
  const n = { n: count() };
  const [active, saved, total, images, fps, activeFps, cats, subs, opts] = await db.batch([
    db.select(n).from(buyerSessions).where(and(eq(buyerSessions.orgId, orgId), gte(buyerSessions.lastActiveAt, since))),
    db.select(n).from(buyerSessions).where(and(eq(buyerSessions.orgId, orgId), gte(buyerSessions.lastActiveAt, since), isNotNull(buyerSessions.email))),
    db.select(n).from(buyerSessions).where(eq(buyerSessions.orgId, orgId)),
    db.select({ status: generatedImages.status, n: count() }).from(generatedImages).where(eq(generatedImages.orgId, orgId)).groupBy(generatedImages.status),
    db.select(n).from(floorplans).where(eq(floorplans.orgId, orgId)),
    db.select(n).from(floorplans).where(and(eq(floorplans.orgId, orgId), eq(floorplans.isActive, true))),
    db.select(n).from(categories).where(eq(categories.orgId, orgId)),
    db.select(n).from(subcategories).where(eq(subcategories.orgId, orgId)),
    db.select(n).from(options).where(eq(options.orgId, orgId)),
  ]);
  const first = (rows: { n: number }[]) => rows[0]?.n ?? 0;
  const byStatus: ImageStatusCounts = { pending: 0, complete: 0, failed: 0 };
  for (const row of images) byStatus[row.status] = row.n;
  const body: AdminStats = {
    since,
    buyers: { activeThisWeek: first(active), savedWithEmailThisWeek: first(saved), total: first(total) },
    images: byStatus,
    catalog: { floorplans: first(fps), activeFloorplans: first(activeFps), categories: first(cats), subcategories: first(subs), options: first(opts) },
  };
  return c.json(body);
});
