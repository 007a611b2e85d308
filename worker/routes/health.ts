import { Hono } from 'hono';
import type { AppEnv } from '../types';
import type { GenerationMessage } from '../queue/messages';

type Check = { ok: true; ms: number } | { ok: false; ms: number; error: string };

async function probe(fn: () => Promise<unknown>): Promise<Check> {
  const started = Date.now();
  try {
    await fn();
    return { ok: true, ms: Date.now() - started };
  } catch (err) {
    // The reason goes to the log; the response only says which binding failed.
    console.error('health check failed', err);
    return { ok: false, ms: Date.now() - started, error: 'unavailable' };
  }
}

/** Exercises every binding for real, so "green" means the stack works, not that it booted. */
export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const env = c.env;
  const [d1, r2, queue, durableObject] = await Promise.all([
    probe(() => env.DB.prepare('SELECT 1 AS ok').first()),
    probe(() => env.MEDIA.head('__health__')),
    probe(() => env.GENERATION.send({ kind: 'ping', at: Date.now() } satisfies GenerationMessage)),
    probe(async () => {
      const pong = await env.PROJECT_ROOM.get(env.PROJECT_ROOM.idFromName('__health__')).ping();
      if (!pong.ok) throw new Error('project room did not answer');
    }),
  ]);
  const checks = { d1, r2, queue, durableObject };
  const ok = Object.values(checks).every((x) => x.ok);
  return c.json({ status: ok ? 'ok' : 'degraded', checks }, ok ? 200 : 503);
});
