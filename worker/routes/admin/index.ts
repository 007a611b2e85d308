/**
 * Everything under /api/admin (mounted after the tenant middleware, so `c.get('org')` is
 * the host's org). Order matters in Hono: a middleware only guards routes registered after
 * it, so the layers read top to bottom:
 *   1. sameOrigin for everything (cross-origin browser writes are refused, sign-in included);
 *   2. the routes a signed-out person needs (login, password reset, invite acceptance);
 *   3. requireMember; then logout and me, which viewers use too;
 *   4. requireAdmin for everything below: viewers read, and get 403 on any write, even on a
 *      route that forgot its own guard.
 */
import { Hono } from 'hono';
import { requireAdmin, requireMember, sameOrigin } from '../../middleware/admin-auth';
import type { AppEnv } from '../../types';
import { authPublicRoutes, authSessionRoutes } from './auth';
import { buyerSessionRoutes } from './buyer-sessions';
import { adminCatalogRoutes } from './catalog';
import { imageRoutes } from './images';
import { inviteAcceptRoutes, inviteRoutes } from './invites';
import { outboxRoutes } from './outbox';
import { statsRoutes } from './stats';
import { adminUploadRoutes } from './uploads';
import { userRoutes } from './users';

export const adminRoutes = new Hono<AppEnv>()
  .use('*', sameOrigin)
  .route('/', authPublicRoutes)
  .route('/invites', inviteAcceptRoutes)
  .use('*', requireMember)
  .route('/', authSessionRoutes)
  .use('*', requireAdmin)
  .route('/users', userRoutes)
  .route('/invites', inviteRoutes)
  .route('/buyer-sessions', buyerSessionRoutes)
  .route('/images', imageRoutes)
  .route('/outbox', outboxRoutes)
  .route('/stats', statsRoutes)
  // The catalog and upload routes carry their full paths (/categories, /uploads/swatch, ...).
  .route('/', adminCatalogRoutes)
  .route('/', adminUploadRoutes);
