import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { floorplans } from '../db/schema';
import { mediaUrl } from '../lib/media';
import type { AppEnv, Org } from '../types';

export const publicOrg = (org: Org) => ({
  slug: org.slug,
  name: org.name,
  theme: { primaryColor: org.primaryColor, secondaryColor: org.secondaryColor, accentColor: org.accentColor },
  logoUrl: mediaUrl(org.logoKey),
});

export const floorplanRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const org = c.get('org');
  const rows = await c.get('db')
    .select({
      id: floorplans.id,
      slug: floorplans.slug,
      name: floorplans.name,
      description: floorplans.description,
      bedrooms: floorplans.bedrooms,
      bathrooms: floorplans.bathrooms,
      squareFeet: floorplans.squareFeet,
      basePriceCents: floorplans.basePriceCents,
    })
    .from(floorplans)
    .where(and(eq(floorplans.orgId, org.id), eq(floorplans.isActive, true)))
    .orderBy(asc(floorplans.sortOrder), asc(floorplans.name));
  return c.json({ org: publicOrg(org), floorplans: rows });
});
