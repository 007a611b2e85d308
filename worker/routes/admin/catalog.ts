/**
 * The admin catalog REST API, mounted under /api/admin behind `requireMember` (see
 * routes/admin/index.ts). Reads are open to every member; each mutating route carries
 * `requireAdmin` itself rather than a `use('*')`, which would leak onto sibling routes
 * (sign-in) once this app is mounted at the admin root.
 *
 * Every query is scoped by the host's org: another org's id is a 404 and changes nothing.
 * Every change bumps the org's catalog version so buyers see it on their next load.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../types';
import { floorplanRoutes } from './catalog/floorplans';
import { orderingRoutes } from './catalog/ordering';
import { ruleRoutes } from './catalog/rules';
import { treeRoutes } from './catalog/tree';

export const adminCatalogRoutes = new Hono<AppEnv>()
  .route('/', treeRoutes)
  .route('/', ruleRoutes)
  .route('/', floorplanRoutes)
  .route('/', orderingRoutes);
