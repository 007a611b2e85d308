/**
 * Small, explicit tenants for worker tests. Rows go into the real local D1 and R2
 * bindings; each test file gets its own isolated storage.
 */
import { env } from 'cloudflare:test';
import { exports } from 'cloudflare:workers';
import { getDb } from '../worker/db/client';
import { floorplans, organizations, projects, sceneElements, scenes } from '../worker/db/schema';

export interface TestTenant {
  orgId: string;
  slug: string;
  host: string;
  floorplanId: string;
  projectId: string;
}

export async function createTenant(slug: string, opts: { floorplans?: string[] } = {}): Promise<TestTenant> {
  const db = getDb(env.DB);
  const now = Date.now();
  const orgId = crypto.randomUUID();
  const projectId = crypto.randomUUID();
  const sceneId = crypto.randomUUID();
  const fpSlugs = opts.floorplans ?? ['plan-a'];
  const fpIds = fpSlugs.map(() => crypto.randomUUID());
  await db.batch([
    db.insert(organizations).values({ id: orgId, slug, name: `${slug} Homes`, createdAt: now }),
    db.insert(floorplans).values(
      fpSlugs.map((s, i) => ({ id: fpIds[i]!, orgId, slug: s, name: `Plan ${s}`, sortOrder: i, createdAt: now })),
    ),
    db.insert(projects).values({ id: projectId, orgId, name: `${slug} remodel`, projectType: 'remodel', createdAt: now, updatedAt: now }),
    db.insert(scenes).values({ id: sceneId, orgId, projectId, updatedAt: now }),
    db.insert(sceneElements).values({
      id: crypto.randomUUID(),
      orgId,
      sceneId,
      type: 'wall',
      position: { x: 0, y: 0, z: 0 },
      rotation: { x: 0, y: 0, z: 0 },
      scale: { x: 1, y: 1, z: 1 },
      properties: { start: { x: 0, z: 0 }, end: { x: 4, z: 0 }, height: 2.7, thickness: 0.15 },
      createdAt: now,
      updatedAt: now,
    }),
  ]);
  return { orgId, slug, host: `${slug}.localhost:8787`, floorplanId: fpIds[0]!, projectId };
}

/** Calls the Worker the way a browser on `host` would. */
export function call(host: string, path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`http://${host}${path}`, init));
}

/** The real demo seed (rows only; no rendered images) in this test file's D1. */
export async function seedDemo(): Promise<void> {
  const { buildDemoSeed } = await import('../scripts/seed/build');
  const { writeDemoSeed } = await import('../scripts/seed/write');
  await writeDemoSeed(env.DB, env.MEDIA, await buildDemoSeed({ withImages: false }));
}

export const SUMMIT = 'summit.localhost:8787';
export const HARBOR = 'harbor.localhost:8787';

export async function json<T = any>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

export function send(host: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(host, path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
