import { Hono } from 'hono';
import * as z from 'zod/mini';
import { notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { getCatalogJson } from '../services/catalog';
import type { AppEnv } from '../types';

export const slugParam = z.object({ floorplanSlug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/)) });

export const catalogRoutes = new Hono<AppEnv>().get('/:floorplanSlug', validate('param', slugParam), async (c) => {
  const { floorplanSlug } = c.req.valid('param');
  const json = await getCatalogJson(c.get('db'), c.get('org'), floorplanSlug, c.executionCtx);
  if (!json) throw notFound('Floorplan');
  return c.body(json, 200, {
    'content-type': 'application/json; charset=UTF-8',
    // Browsers revalidate every load so an admin edit shows up on the next visit.
    'cache-control': 'no-cache',
  });
});
