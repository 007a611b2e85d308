import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenant, type TestTenant } from '../../test/fixtures';
import { getDb } from '../db/client';
import { GENERATION_CACHE_VERSION } from '../domain/generation';
import { categories, options, stepPhotos, steps, subcategories } from '../db/schema';
import {
  CLAIM_STALE_MS,
  claimSlot,
  deleteImage,
  FAILURE_REASONS,
  findImage,
  loadTarget,
  markComplete,
  markExhausted,
  markFailed,
  noteAttemptFailure,
  publicStatus,
  type ClaimInput,
} from './generation';

let tenant: TestTenant;
let photoId: string;
const subs: Array<{ id: string; option: string; visual: boolean }> = [];

beforeAll(async () => {
  tenant = await createTenant('svc');
  const db = getDb(env.DB);
  const now = Date.now();
  const categoryId = crypto.randomUUID();
  const stepId = crypto.randomUUID();
  photoId = crypto.randomUUID();
  for (let i = 0; i < 3; i++) subs.push({ id: crypto.randomUUID(), option: crypto.randomUUID(), visual: i < 2 });
  await db.batch([
    db.insert(categories).values({ id: categoryId, orgId: tenant.orgId, slug: 'cat', name: 'Cat', createdAt: now }),
    db.insert(subcategories).values(subs.map((s, i) => ({ id: s.id, orgId: tenant.orgId, categoryId, slug: `s${i}`, name: `Sub ${i}`, isVisual: s.visual, createdAt: now }))),
    db.insert(options).values(subs.map((s, i) => ({ id: s.option, orgId: tenant.orgId, subcategoryId: s.id, slug: `o${i}`, name: `Opt ${i}`, swatchColor: '#112233', createdAt: now }))),
    db.insert(steps).values({ id: stepId, orgId: tenant.orgId, floorplanId: tenant.floorplanId, slug: 'st', name: 'Step', createdAt: now }),
    db.insert(stepPhotos).values({
      id: photoId,
      orgId: tenant.orgId,
      stepId,
      imageKey: `${tenant.orgId}/rooms/x.png`,
      width: 30,
      height: 20,
      // Back to front: sub 1 before sub 0; sub 2 is shown but not visual.
      surfaces: [1, 0, 2].map((i) => ({ key: `k${i}`, label: `L${i}`, subcategoryId: subs[i]!.id, polygons: [[[0, 0], [1, 0], [1, 1]]], tileScale: 0.2 })),
      createdAt: now,
    }),
  ]);
});

const hash = () => Array.from(crypto.getRandomValues(new Uint8Array(32)), (b) => b.toString(16).padStart(2, '0')).join('');
const claimInput = (h: string, now = Date.now()): ClaimInput => ({ orgId: tenant.orgId, hash: h, stepPhotoId: photoId, model: 'compositor', selections: {}, buyerSessionId: null, now });
const db = () => getDb(env.DB);

describe('loadTarget', () => {
  it('Should scope to the visual picks the photo shows, in surface order, with names from D1', async () => {
    const candidates = Object.fromEntries(subs.map((s) => [s.id, s.option]));
    const target = await loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates, model: 'compositor' });
    expect(target!.scoped).toEqual({ [subs[0]!.id]: subs[0]!.option, [subs[1]!.id]: subs[1]!.option });
    expect(target!.items.map((i) => [i.subcategoryName, i.optionName])).toEqual([
      ['Sub 1', 'Opt 1'],
      ['Sub 0', 'Opt 0'],
    ]);
    expect(target!.photo.floorplanId).toBe(tenant.floorplanId);
  });

  it('Should ignore an option that belongs to another subcategory, and another org', async () => {
    const swapped = { [subs[0]!.id]: subs[1]!.option, [subs[1]!.id]: subs[1]!.option };
    const target = await loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates: swapped, model: 'compositor' });
    expect(target!.scoped).toEqual({ [subs[1]!.id]: subs[1]!.option });
    const other = await createTenant('svc-other');
    expect(await loadTarget(db(), { orgId: other.orgId, stepPhotoId: photoId, candidates: {}, model: 'compositor' })).toBeNull();
  });

  it('Should give the same hash with more candidates than one query can bind', async () => {
    const real = { [subs[0]!.id]: subs[0]!.option, [subs[1]!.id]: subs[1]!.option };
    const many = { ...real, ...Object.fromEntries(Array.from({ length: 120 }, () => [crypto.randomUUID(), crypto.randomUUID()])) };
    const a = await loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates: real, model: 'compositor' });
    const b = await loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates: many, model: 'compositor' });
    expect(b!.scoped).toEqual(a!.scoped);
    expect(b!.hash).toBe(a!.hash);
    const other = await loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates: real, model: 'gemini-3-pro-image-preview' });
    expect(other!.hash).not.toBe(a!.hash);
  });

  it('Should change the hash when the photo object is replaced', async () => {
    const candidates = { [subs[0]!.id]: subs[0]!.option };
    const before = (await loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates, model: 'compositor' }))!.hash;
    await env.DB.prepare('UPDATE step_photos SET image_key = ?1 WHERE id = ?2').bind(`${tenant.orgId}/rooms/y.png`, photoId).run();
    try {
      expect((await loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates, model: 'compositor' }))!.hash).not.toBe(before);
    } finally {
      await env.DB.prepare('UPDATE step_photos SET image_key = ?1 WHERE id = ?2').bind(`${tenant.orgId}/rooms/x.png`, photoId).run();
    }
  });

  it('Should serve photo and option rows from the isolate per catalog version, and D1 without one', async () => {
    const candidates = { [subs[0]!.id]: subs[0]!.option };
    const load = (catalogVersion?: number) => loadTarget(db(), { orgId: tenant.orgId, stepPhotoId: photoId, candidates, model: 'compositor', catalogVersion });
    const before = (await load(1))!.hash;
    await env.DB.prepare('UPDATE step_photos SET spatial_hint = ?1 WHERE id = ?2').bind('changed', photoId).run();
    try {
      // Same version: the remembered rows (an admin edit bumps the version).
      expect((await load(1))!.hash).toBe(before);
      expect((await load(2))!.hash).not.toBe(before);
      expect((await load())!.hash).not.toBe(before);
    } finally {
      await env.DB.prepare('UPDATE step_photos SET spatial_hint = NULL WHERE id = ?1').bind(photoId).run();
    }
  });
});

describe('claimSlot', () => {
  it('Should let exactly one of many concurrent claims win', async () => {
    const h = hash();
    const results = await Promise.all(Array.from({ length: 20 }, () => claimSlot(env.DB, claimInput(h))));
    expect(results.filter((r) => r.won)).toHaveLength(1);
    const { results: rows } = await env.DB.prepare('SELECT status, cache_version FROM generated_images WHERE hash = ?1').bind(h).all();
    // Stamped with the version it was made under, so the cron can drop it after a bump.
    expect(rows).toEqual([{ status: 'pending', cache_version: GENERATION_CACHE_VERSION }]);
  });

  it('Should never take over a complete row, however old', async () => {
    const h = hash();
    const old = Date.now() - 10 * CLAIM_STALE_MS;
    await claimSlot(env.DB, claimInput(h, old));
    expect(await markComplete(env.DB, tenant.orgId, h, `${tenant.orgId}/generated/${h}.png`, old)).toBe(true);
    expect((await claimSlot(env.DB, claimInput(h))).won).toBe(false);
    expect(await findImage(db(), tenant.orgId, h)).toMatchObject({ status: 'complete', claimedAt: old });
  });

  it('Should take over a failed or pending row only once its claim is older than 5 minutes', async () => {
    for (const status of ['pending', 'failed'] as const) {
      const h = hash();
      const now = Date.now();
      const first = await claimSlot(env.DB, claimInput(h, now - CLAIM_STALE_MS + 1_000));
      if (status === 'failed') await markFailed(env.DB, tenant.orgId, h, first.claimedAt, 'x');
      expect((await claimSlot(env.DB, claimInput(h, now))).won, status).toBe(false);
      const later = await claimSlot(env.DB, claimInput(h, now + 1_001));
      expect(later.won, status).toBe(true);
      expect(await findImage(db(), tenant.orgId, h)).toMatchObject({ status: 'pending', error: null, claimedAt: now + 1_001 });
    }
  });
});

describe('row transitions', () => {
  it('Should complete only a pending row, and fail only the claim it was given', async () => {
    const h = hash();
    const { claimedAt } = await claimSlot(env.DB, claimInput(h));
    expect(await markFailed(env.DB, tenant.orgId, h, claimedAt - 1, 'x')).toBe(false);
    await noteAttemptFailure(env.DB, tenant.orgId, h, claimedAt, FAILURE_REASONS.unavailable);
    expect(publicStatus(await findImage(db(), tenant.orgId, h), Date.now())).toEqual({ status: 'pending' });
    expect(await markExhausted(env.DB, tenant.orgId, h, claimedAt)).toBe(true);
    expect((await findImage(db(), tenant.orgId, h))!.error).toBe(`${FAILURE_REASONS.exhausted} (last: the image service is unavailable)`);
    expect(await markComplete(env.DB, tenant.orgId, h, 'k', Date.now())).toBe(false);

    const h2 = hash();
    const second = await claimSlot(env.DB, claimInput(h2));
    expect(await markExhausted(env.DB, tenant.orgId, h2, second.claimedAt)).toBe(true);
    expect((await findImage(db(), tenant.orgId, h2))!.error).toBe(FAILURE_REASONS.exhausted);
  });

  it('Should not delete a job in flight, but delete a stale one', async () => {
    const h = hash();
    const now = Date.now();
    await claimSlot(env.DB, claimInput(h, now));
    expect(await deleteImage(env.DB, tenant.orgId, h, now)).toBeNull();
    expect(await deleteImage(env.DB, tenant.orgId, h, now + CLAIM_STALE_MS + 1)).toEqual({ imageKey: null });
    expect(await findImage(db(), tenant.orgId, h)).toBeUndefined();
  });

  it('Should version the image URL by completion time and hide a lost job as failed', () => {
    const now = Date.now();
    expect(publicStatus({ status: 'complete', imageKey: 'o/generated/h.png', error: null, claimedAt: 1, completedAt: 36 }, now)).toEqual({
      status: 'complete',
      url: '/media/o/generated/h.png?v=10',
    });
    expect(publicStatus({ status: 'pending', imageKey: null, error: null, claimedAt: now - CLAIM_STALE_MS - 1, completedAt: null }, now)).toEqual({
      status: 'failed',
      error: FAILURE_REASONS.timedOut,
    });
    expect(publicStatus(undefined, now)).toEqual({ status: 'not_found' });
  });
});
