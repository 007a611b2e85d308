import { and, asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { projects, sceneElements, scenes } from '../db/schema';
import { ApiError, notFound } from '../lib/errors';
import { validate } from '../lib/validate';
import { requireMember } from '../middleware/admin-auth';
import type { AppEnv } from '../types';

const params = z.object({ id: z.uuid() });

/** The org scope is part of the room's name, so one tenant can never address another's room. */
export const roomName = (orgId: string, projectId: string) => `${orgId}:${projectId}`;

/** Projects are the builder's own work: only signed-in members of the host's org see them. */
export const projectRoutes = new Hono<AppEnv>()
  .use('*', requireMember)
  .get('/:id/scene', validate('param', params), async (c) => {
    const org = c.get('org');
    const { id } = c.req.valid('param');
    const db = c.get('db');
    const project = await db
      .select({ id: projects.id, name: projects.name, status: projects.status, region: projects.region })
      .from(projects)
      .where(and(eq(projects.id, id), eq(projects.orgId, org.id)))
      .get();
    if (!project) throw notFound('Project');
    const elements = await db
      .select({
        id: sceneElements.id,
        type: sceneElements.type,
        status: sceneElements.status,
        phase: sceneElements.phase,
        position: sceneElements.position,
        rotation: sceneElements.rotation,
        scale: sceneElements.scale,
        properties: sceneElements.properties,
      })
      .from(sceneElements)
      .innerJoin(scenes, eq(scenes.id, sceneElements.sceneId))
      .where(and(eq(scenes.projectId, project.id), eq(sceneElements.orgId, org.id)))
      .orderBy(asc(sceneElements.createdAt), asc(sceneElements.id));
    return c.json({ project, elements });
  })
  .get('/:id/room', validate('param', params), async (c) => {
    const org = c.get('org');
    const { id } = c.req.valid('param');
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'bad_request', 'Expected a WebSocket upgrade');
    }
    // Tenants share a site (subdomains of one domain), so SameSite cookies ride along on a
    // WebSocket opened from another tenant's page; only our own origin may open the room.
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== new URL(c.req.url).origin) {
      throw new ApiError(403, 'forbidden', 'Cross-origin requests are not allowed here');
    }
    const project = await c.get('db')
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.id, id), eq(projects.orgId, org.id)))
      .get();
    if (!project) throw notFound('Project');
    const stub = c.env.PROJECT_ROOM.get(c.env.PROJECT_ROOM.idFromName(roomName(org.id, project.id)));
    return stub.fetch(c.req.raw);
  });
