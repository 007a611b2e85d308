import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hit } from './services/rate-limit';
import { runMaintenance } from './maintenance';

describe('runMaintenance', () => {
  it('Should drop rate-limit windows older than a day and keep current ones', async () => {
    const now = Date.now();
    await hit(env.DB, { key: 'old', max: 1, windowSeconds: 60 }, now - 3 * 24 * 3600 * 1000);
    await hit(env.DB, { key: 'new', max: 1, windowSeconds: 60 }, now);
    await runMaintenance(env, now);
    const keys = await env.DB.prepare('SELECT key FROM rate_limits').all<{ key: string }>();
    expect(keys.results.map((r) => r.key)).toEqual(['new']);
  });

  it('Should count hits within one window and start over in the next', async () => {
    const t = Date.UTC(2026, 0, 1, 0, 0, 0);
    const limit = { key: 'k', max: 2, windowSeconds: 60 };
    expect((await hit(env.DB, limit, t)).allowed).toBe(true);
    expect((await hit(env.DB, limit, t + 1000)).allowed).toBe(true);
    const third = await hit(env.DB, limit, t + 2000);
    expect(third).toEqual({ count: 3, allowed: false, retryAfter: 58 });
    expect((await hit(env.DB, limit, t + 61_000)).count).toBe(1);
  });
});
