import { Hono } from 'hono';
import * as z from 'zod/mini';
import { notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { getCatalogEntry } from '../services/catalog';
import type { AppEnv } from '../types';

export const slugParam = z.object({ floorplanSlug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,62}$/)) });

export const catalogRoutes = new Hono<AppEnv>().get('/:floorplanSlug', validate('param', slugParam), async (c) => {
  const { floorplanSlug } = c.req.valid('param');
  const entry = await getCatalogEntry(c.get('db'), c.get('org'), floorplanSlug, c.executionCtx);
  if (!entry) throw notFound('Floorplan');
  const headers = {
    etag: entry.etag,
    // Browsers revalidate every load so an admin edit shows up on the next visit; the
    // ETag names the catalog version, so an unchanged catalog costs a 304 and no body.
    'cache-control': 'no-cache',
  };
  const inm = c.req.header('if-none-match');
  if (inm && inm.split(',').some((t) => t.trim() === entry.etag)) return c.body(null, 304, headers);
  return c.body(entry.json, 200, { ...headers, 'content-type': 'application/json; charset=UTF-8' });
});
