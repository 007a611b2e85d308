import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { hit } from './services/rate-limit';
import { createTenant } from '../test/fixtures';
import { getDb } from './db/client';
import { generatedImages, stepPhotos, steps } from './db/schema';
import { GENERATION_CACHE_VERSION } from './domain/generation';
import { pruneScratch, pruneStaleImages, runMaintenance, SCRATCH_MAX_AGE_MS } from './maintenance';

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

  it('Should delete images of an older cache version with their objects, but not current ones or a fresh claim', async () => {
    const db = getDb(env.DB);
    const t = await createTenant(`prune-${crypto.randomUUID().slice(0, 8)}`);
    const now = Date.now();
    const stepId = crypto.randomUUID();
    const photoId = crypto.randomUUID();
    await db.batch([
      db.insert(steps).values({ id: stepId, orgId: t.orgId, floorplanId: t.floorplanId, slug: 'kitchen', name: 'Kitchen', createdAt: now }),
      db.insert(stepPhotos).values({ id: photoId, orgId: t.orgId, stepId, imageKey: `${t.orgId}/rooms/x.png`, width: 1024, height: 1024, createdAt: now }),
    ]);
    const row = async (name: string, cacheVersion: string, status: 'pending' | 'complete' | 'failed', claimedAt = now) => {
      const imageKey = status === 'complete' ? `${t.orgId}/generated/${name}.webp` : null;
      if (imageKey) await env.MEDIA.put(imageKey, new Uint8Array([1]));
      await db.insert(generatedImages).values({ id: crypto.randomUUID(), orgId: t.orgId, hash: `${name}-${t.orgId}`, stepPhotoId: photoId, model: 'compositor', status, imageKey, selections: {}, claimedAt, cacheVersion, createdAt: now });
      return imageKey;
    };
    const oldKey = await row('old-complete', 'v0', 'complete');
    await row('old-failed', 'v0', 'failed');
    await row('old-pending-abandoned', 'v0', 'pending', now - 2 * 3600 * 1000);
    await row('old-pending-in-flight', 'v0', 'pending');
    const currentKey = await row('current', GENERATION_CACHE_VERSION, 'complete');

    const left = async () =>
      (await env.DB.prepare('SELECT hash FROM generated_images WHERE org_id = ? ORDER BY hash').bind(t.orgId).all<{ hash: string }>()).results.map((r) => r.hash.split('-').slice(0, -5).join('-'));
    // A small limit takes one row per run; the next runs finish the job.
    expect(await pruneStaleImages(env, now, 1)).toBe(1);
    expect(await pruneStaleImages(env, now)).toBe(2);
    expect(await pruneStaleImages(env, now)).toBe(0);
    expect(await left()).toEqual(['current', 'old-pending-in-flight']);
    expect(await env.MEDIA.head(oldKey!)).toBeNull();
    expect(await env.MEDIA.head(currentKey!)).not.toBeNull();
  });
});
