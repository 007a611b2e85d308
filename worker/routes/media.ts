import { Hono } from 'hono';
import { notFound } from '../lib/errors';
import { isContentAddressed, isSafeKey } from '../lib/media';
import type { AppEnv } from '../types';

/**
 * Serves R2 objects by key. A key is served only on its own tenant's host (keys start
 * with the org id), there is no listing, and content-addressed keys are immutable.
 */
export const mediaRoutes = new Hono<AppEnv>().on(['GET', 'HEAD'], '/*', async (c) => {
  const org = c.get('org');
  const key = decodeURIComponent(c.req.path.replace(/^\/media\//, ''));
  if (!isSafeKey(key) || !key.startsWith(`${org.id}/`)) throw notFound('Media');

  // R2 evaluates If-None-Match / If-Modified-Since itself and returns a body-less object on a match.
  const object = await c.env.MEDIA.get(key, { onlyIf: c.req.raw.headers });
  if (!object) throw notFound('Media');

  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set('etag', object.httpEtag);
  headers.set(
    'cache-control',
    isContentAddressed(key) ? 'public, max-age=31536000, immutable' : 'public, max-age=300, must-revalidate',
  );
  headers.set('x-content-type-options', 'nosniff');
  if (!('body' in object) || !object.body) return new Response(null, { status: 304, headers });
  headers.set('content-length', String(object.size));
  return new Response(c.req.method === 'HEAD' ? null : object.body, { headers });
});
