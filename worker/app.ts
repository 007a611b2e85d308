import { Hono } from 'hono';
import { getDb } from './db/client';
import { ApiError, handleError } from './lib/errors';
import { tenant } from './middleware/tenant';
import { adminRoutes } from './routes/admin';
import { catalogRoutes } from './routes/catalog';
import { floorplanRoutes } from './routes/floorplans';
import { generateRoutes } from './routes/generate';
import { healthRoutes } from './routes/health';
import { mediaRoutes } from './routes/media';
import { projectRoutes } from './routes/projects';
import { sessionRoutes } from './routes/sessions';
import type { AppEnv } from './types';

export const app = new Hono<AppEnv>();

app.onError(handleError);
app.notFound(() => {
  throw new ApiError(404, 'not_found', 'No such route');
});

app.use('*', async (c, next) => {
  c.set('db', getDb(c.env.DB));
  await next();
  // API answers are per-user data; media sets its own caching. A 101 carries the
  // Durable Object's WebSocket response, whose headers are immutable.
  if (c.req.path.startsWith('/api/') && c.res.status !== 101 && !c.res.headers.has('cache-control')) {
    c.res.headers.set('cache-control', 'no-store');
  }
});

// Health answers on every host (tenant or not) so a load balancer can probe the apex.
app.route('/api/health', healthRoutes);

app.use('/api/*', tenant);
app.use('/media/*', tenant);
app.route('/api/floorplans', floorplanRoutes);
app.route('/api/catalog', catalogRoutes);
app.route('/api/sessions', sessionRoutes);
app.route('/api/admin', adminRoutes);
app.route('/api/generate', generateRoutes);
app.route('/api/projects', projectRoutes);
app.route('/media', mediaRoutes);
