import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hit } from './services/rate-limit';
import { pruneScratch, runMaintenance, SCRATCH_MAX_AGE_MS } from './maintenance';

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

  it('Should delete scratch images older than the limit and leave fresh ones and other objects alone', async () => {
    const orgId = crypto.randomUUID();
    await env.DB.prepare("INSERT INTO organizations (id, slug, name, created_at) VALUES (?1, ?2, 'Scratch Co', 0)").bind(orgId, `scratch-${orgId.slice(0, 8)}`).run();
    const keys = [`${orgId}/tmp/abc/pass-1.png`, `${orgId}/tmp/abc/pass-2.png`, `${orgId}/generated/abc.webp`, `${orgId}/rooms/s/photo.jpg`];
    for (const key of keys) await env.MEDIA.put(key, new Uint8Array([1, 2, 3]));

    // Just written: young, nothing goes.
    expect(await pruneScratch(env)).toBe(0);
    const later = Date.now() + SCRATCH_MAX_AGE_MS + 60_000;
    expect(await pruneScratch(env, later)).toBe(2);
    const left = (await env.MEDIA.list({ prefix: `${orgId}/` })).objects.map((o) => o.key).sort();
    expect(left).toEqual([`${orgId}/generated/abc.webp`, `${orgId}/rooms/s/photo.jpg`]);
  });
});
