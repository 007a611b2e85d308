import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, HARBOR, json, seedDemo, send, SUMMIT } from '../../test/fixtures';
import type { Catalog, CatalogStep, CatalogSubcategory } from '../domain/catalog';
import type { PhotoSurface } from '../domain/surfaces';
import worker from '../index';
import type { GenerationMessage } from '../queue/messages';
import { eq } from 'drizzle-orm';
import { getDb } from '../db/client';
import { organizations } from '../db/schema';
import { bumpCatalogVersion } from '../services/catalog';
import { CLAIM_STALE_MS } from '../services/generation';

/**
 * The demo seed without images has photos with no surfaces; each test photo gets surfaces
 * for its step's visual subcategories, so scoping has something to scope to.
 */
let kinkade: Catalog;
let aspen: Catalog;
let harborCatalog: Catalog;
let photoId: string;
let shown: CatalogSubcategory[];
let notShown: CatalogSubcategory;
let nonVisual: CatalogSubcategory;

const subs = (c: Catalog) => c.categories.flatMap((x) => x.subcategories);
const rect: PhotoSurface['polygons'] = [[[0, 0], [1, 0], [1, 1], [0, 1]]];

async function giveSurfaces(step: CatalogStep, catalog: Catalog): Promise<CatalogSubcategory[]> {
  const visual = new Map(subs(catalog).filter((s) => s.isVisual).map((s) => [s.id, s]));
  const onStep = step.sections.flatMap((s) => s.subcategoryIds).filter((id) => visual.has(id)).map((id) => visual.get(id)!);
  const surfaces: PhotoSurface[] = onStep.map((s, i) => ({ key: `s${i}`, label: s.name, subcategoryId: s.id, polygons: rect, tileScale: 0.2 }));
  await env.DB.prepare('UPDATE step_photos SET surfaces = ?1 WHERE id = ?2').bind(JSON.stringify(surfaces), step.photos[0]!.id).run();
  return onStep;
}

beforeAll(async () => {
  await seedDemo();
  kinkade = await json(await call(SUMMIT, '/api/catalog/kinkade'));
  aspen = await json(await call(SUMMIT, '/api/catalog/aspen'));
  harborCatalog = await json(await call(HARBOR, `/api/catalog/${(await json(await call(HARBOR, '/api/floorplans'))).floorplans[0].slug}`));
  const steps = kinkade.steps.filter((s) => s.photos.length > 0);
  shown = [];
  for (const step of steps) {
    const onStep = await giveSurfaces(step, kinkade);
    if (!shown.length && onStep.length >= 2) {
      shown = onStep;
      photoId = step.photos[0]!.id;
    }
  }
  const shownIds = new Set(shown.map((s) => s.id));
  notShown = subs(kinkade).find((s) => s.isVisual && !shownIds.has(s.id) && s.options.length > 1)!;
  nonVisual = subs(kinkade).find((s) => !s.isVisual && s.options.length > 1)!;
  expect(shown.length).toBeGreaterThanOrEqual(2);
  expect(notShown).toBeDefined();
  expect(nonVisual).toBeDefined();
});

/** The n-th option of a subcategory: distinct picks give distinct combinations per test. */
const pick = (sub: CatalogSubcategory, n: number) => sub.options[n % sub.options.length]!.id;

/** A visual combination no other test uses (varies the first two shown subcategories). */
let combo = 0;
function freshSelections(): Record<string, string> {
  const n = combo++;
  const [a, b] = shown;
  const size = a!.options.length;
  return { [a!.id]: pick(a!, n % size), [b!.id]: pick(b!, Math.floor(n / size)) };
}

const generate = (body: unknown, headers: Record<string, string> = {}, host = SUMMIT) => send(host, 'POST', '/api/generate/photo', body, headers);
const check = (body: unknown, host = SUMMIT) => send(host, 'POST', '/api/generate/photo/check', body);
const feedback = (body: unknown, headers: Record<string, string> = {}, host = SUMMIT) => send(host, 'POST', '/api/generate/photo/feedback', body, headers);

const request = (selections: Record<string, string>, extra: Record<string, unknown> = {}) => ({ floorplanSlug: 'kinkade', stepPhotoId: photoId, selections, ...extra });

async function hashOf(selections: Record<string, string>, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await check(request(selections, extra));
  expect(res.status).toBe(200);
  return (await json(res)).hash;
}

async function rowOf(hash: string) {
  return env.DB.prepare('SELECT * FROM generated_images WHERE hash = ?1').bind(hash).all<Record<string, unknown>>();
}

/** Completes a row the way the consumer does, with a real object behind it. */
async function complete(hash: string): Promise<string> {
  const row = await env.DB.prepare('SELECT org_id FROM generated_images WHERE hash = ?1').bind(hash).first<{ org_id: string }>();
  const key = `${row!.org_id}/generated/${hash}.png`;
  await env.MEDIA.put(key, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), { httpMetadata: { contentType: 'image/png' } });
  await env.DB.prepare(`UPDATE generated_images SET status = 'complete', image_key = ?2, completed_at = ?3 WHERE hash = ?1`).bind(hash, key, Date.now()).run();
  return key;
}

/** The Worker with the real queue producer wrapped so the test can read what was sent. */
function recordingEnv() {
  const sent: GenerationMessage[] = [];
  const queue = env.GENERATION;
  const recording: Queue<GenerationMessage> = {
    send: async (body, options) => {
      sent.push(body);
      return queue.send(body, options);
    },
    sendBatch: async (messages, options) => {
      for (const m of messages) sent.push(m.body);
      return queue.sendBatch(messages, options);
    },
    metrics: () => queue.metrics(),
  };
  return { env: { ...env, GENERATION: recording } as Env, sent };
}

async function generateVia(target: Env, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch!(
    new Request(`http://${SUMMIT}/api/generate/photo`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }),
    target,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

describe('generation hash', () => {
  it('Should give the same hash whatever non-visual or unshown visual picks are, and a new one when a shown pick changes', async () => {
    const base = freshSelections();
    const h = await hashOf(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashOf(base)).toBe(h);
    expect(await hashOf({ ...base, [nonVisual.id]: pick(nonVisual, 1) })).toBe(h);
    expect(await hashOf({ ...base, [nonVisual.id]: pick(nonVisual, 0) })).toBe(h);
    expect(await hashOf({ ...base, [notShown.id]: pick(notShown, 1) })).toBe(h);
    // Without a Gemini key the model is the compositor, whatever the client asks for.
    expect(await hashOf(base, { model: 'gemini-3-pro-image-preview' })).toBe(h);

    const [a] = shown;
    const other = a!.options.find((o) => o.id !== base[a!.id])!.id;
    const changed = await hashOf({ ...base, [a!.id]: other });
    expect(changed).not.toBe(h);
  });

  it('Should use a whitelisted Gemini model when a key is set, the default for any other name, and hash by model', async () => {
    const { env: recording, sent } = recordingEnv();
    const withKey = { ...recording, GEMINI_API_KEY: 'test-key' } as Env;
    const selections = freshSelections();
    const compositorHash = await hashOf(selections);
    const flash = await json(await generateVia(withKey, request(selections, { model: 'gemini-3.1-flash-image-preview' })));
    const unknown = await json(await generateVia(withKey, request(selections, { model: 'gpt-image-1.5' })));
    const none = await json(await generateVia(withKey, request(selections)));
    expect(new Set([compositorHash, flash.hash, unknown.hash]).size).toBe(3);
    expect(none.hash).toBe(unknown.hash);
    expect(sent.map((m) => (m as { model: string }).model)).toEqual(['gemini-3.1-flash-image-preview', 'gemini-3-pro-image-preview']);
    expect((await rowOf(flash.hash)).results[0]!.model).toBe('gemini-3.1-flash-image-preview');
  });

  it('Should treat a shown subcategory left out as its default', async () => {
    const defaults = Object.fromEntries(shown.map((s) => [s.id, (s.options.find((o) => o.isDefault) ?? s.options.find((o) => o.priceCents === 0))!.id]));
    expect(await hashOf({})).toBe(await hashOf(defaults));
  });

  it('Should change the hash when the photo prompt context changes (after the catalog version bump admin edits make)', async () => {
    const org = (await getDb(env.DB).select().from(organizations).where(eq(organizations.slug, 'summit')).get())!;
    const bump = () => bumpCatalogVersion(getDb(env.DB), org, env.APP_DOMAIN);
    const base = freshSelections();
    const before = await hashOf(base);
    await env.DB.prepare('UPDATE step_photos SET spatial_hint = ?1 WHERE id = ?2').bind('Island in front of the range wall', photoId).run();
    await bump();
    const afterHint = await hashOf(base);
    await env.DB.prepare('INSERT INTO generation_policies (id, org_id, step_photo_id, policy, updated_at) VALUES (?1, ?2, ?3, ?4, ?5)')
      .bind(crypto.randomUUID(), org.id, photoId, JSON.stringify({ rules: ['keep the window'] }), Date.now())
      .run();
    await bump();
    const afterPolicy = await hashOf(base);
    await env.DB.batch([
      env.DB.prepare('UPDATE step_photos SET spatial_hint = NULL WHERE id = ?1').bind(photoId),
      env.DB.prepare('DELETE FROM generation_policies WHERE step_photo_id = ?1').bind(photoId),
    ]);
    await bump();
    expect(new Set([before, afterHint, afterPolicy]).size).toBe(3);
    expect(await hashOf(base)).toBe(before);
  });
});

describe('POST /api/generate/photo', () => {
  it('Should 202 a miss with a claimed pending row, 202 while it is in flight, and 200 from the cache once complete', async () => {
    const selections = freshSelections();
    const first = await generate(request(selections));
    expect(first.status).toBe(202);
    const body = await json(first);
    expect(body).toEqual({ status: 'pending', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const { results } = await rowOf(body.hash);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ status: 'pending', step_photo_id: photoId, model: 'compositor' });
    // Only the picks the photo shows are stored and queued, with defaults for the ones left out.
    const stored = JSON.parse(results[0]!.selections as string) as Record<string, string>;
    expect(Object.keys(stored).sort()).toEqual(shown.map((s) => s.id).sort());
    expect(stored).toMatchObject(selections);

    const again = await generate(request(selections));
    expect(again.status).toBe(202);
    expect(await json(again)).toEqual({ status: 'pending', hash: body.hash });

    const key = await complete(body.hash);
    const hit = await generate(request({ ...selections, [nonVisual.id]: pick(nonVisual, 1) }));
    expect(hit.status).toBe(200);
    const hitBody = await json(hit);
    expect(hitBody).toEqual({ status: 'complete', hash: body.hash, url: expect.stringMatching(new RegExp(`^/media/${key}\\?v=[0-9a-z]+$`)), cacheHit: true });

    const media = await call(SUMMIT, hitBody.url);
    expect(media.status).toBe(200);
    expect(media.headers.get('cache-control')).toContain('immutable');
  });

  it('Should claim once and queue one message for 10 identical requests at the same time', async () => {
    const { env: recording, sent } = recordingEnv();
    const body = request(freshSelections());
    const ip = '192.0.2.10';
    const responses = await Promise.all(Array.from({ length: 10 }, () => generateVia(recording, body, { 'cf-connecting-ip': ip })));
    const bodies = await Promise.all(responses.map((r) => json(r)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(202));
    const hash = bodies[0].hash;
    expect(new Set(bodies.map((b) => b.hash))).toEqual(new Set([hash]));
    expect((await rowOf(hash)).results).toHaveLength(1);
    const generates = sent.filter((m) => m.kind === 'generate');
    expect(generates).toHaveLength(1);
    // All 10 got past the cache lookup to the claim (each counted once), so one row is the claim's doing.
    const counted = await env.DB.prepare('SELECT SUM(count) AS n FROM rate_limits WHERE key = ?1').bind(`generate:ip:${ip}`).first<{ n: number }>();
    expect(counted!.n).toBe(10);
    const row = (await rowOf(hash)).results[0]!;
    // Ids only, never bytes; the claim token matches the row.
    expect(generates[0]).toEqual({
      kind: 'generate',
      orgId: row.org_id,
      hash,
      stepPhotoId: photoId,
      selections: JSON.parse(row.selections as string),
      model: 'compositor',
      claimedAt: row.claimed_at,
    });
  });

  it('Should reclaim a pending slot older than 5 minutes, and leave a younger one alone', async () => {
    const { env: recording, sent } = recordingEnv();
    const body = request(freshSelections());
    const hash = (await json(await generateVia(recording, body))).hash;
    expect(sent).toHaveLength(1);

    await env.DB.prepare('UPDATE generated_images SET claimed_at = ?2 WHERE hash = ?1').bind(hash, Date.now() - CLAIM_STALE_MS + 60_000).run();
    expect((await generateVia(recording, body)).status).toBe(202);
    expect(sent).toHaveLength(1);

    const stale = Date.now() - CLAIM_STALE_MS - 1_000;
    await env.DB.prepare('UPDATE generated_images SET claimed_at = ?2 WHERE hash = ?1').bind(hash, stale).run();
    const res = await generateVia(recording, body);
    expect(res.status).toBe(202);
    expect(sent).toHaveLength(2);
    const { results } = await rowOf(hash);
    expect(results).toHaveLength(1);
    expect(results[0]!.status).toBe('pending');
    expect(results[0]!.claimed_at as number).toBeGreaterThan(stale);
    expect((sent[1] as { claimedAt: number }).claimedAt).toBe(results[0]!.claimed_at);
  });

  it('Should answer a recent failure as failed without queueing, and retry one older than 5 minutes', async () => {
    const { env: recording, sent } = recordingEnv();
    const body = request(freshSelections());
    const hash = (await json(await generateVia(recording, body))).hash;
    await env.DB.prepare(`UPDATE generated_images SET status = 'failed', error = 'The image service failed three times' WHERE hash = ?1`).bind(hash).run();

    const failed = await generateVia(recording, body);
    expect(failed.status).toBe(200);
    expect(await json(failed)).toEqual({ status: 'failed', hash, error: 'The image service failed three times' });
    expect(sent).toHaveLength(1);

    await env.DB.prepare('UPDATE generated_images SET claimed_at = ?2 WHERE hash = ?1').bind(hash, Date.now() - CLAIM_STALE_MS - 1).run();
    expect((await generateVia(recording, body)).status).toBe(202);
    expect(sent).toHaveLength(2);
    expect((await rowOf(hash)).results[0]).toMatchObject({ status: 'pending', error: null });
  });

  it('Should 400 bad input without echoing it, and store nothing', async () => {
    const marker = 'zz-echo-marker';
    const [a] = shown;
    const aspenOnly = subs(aspen)
      .flatMap((s) => s.options.map((o) => ({ sub: s.id, opt: o.id })))
      .find(({ opt }) => !subs(kinkade).some((s) => s.options.some((o) => o.id === opt)));
    expect(aspenOnly).toBeDefined();
    const before = await env.DB.prepare('SELECT COUNT(*) AS n FROM generated_images').first<{ n: number }>();
    const bodies: unknown[] = [
      {},
      { ...request({}), stepPhotoId: marker },
      { ...request({}), floorplanSlug: `Bad ${marker}` },
      request({ [a!.id]: 42 } as unknown as Record<string, string>),
      request({ [marker]: marker }),
      request({ [a!.id]: `${marker}-option` }),
      request({ [a!.id]: crypto.randomUUID() }),
      request({ [aspenOnly!.sub]: aspenOnly!.opt }),
      request({ [a!.id]: pick(nonVisual, 0) }),
      request({}, { sessionId: marker }),
      request({}, { model: marker.repeat(10) }),
      request(Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`${marker}${i}`, 'x']))),
    ];
    for (const body of bodies) {
      const res = await generate(body);
      const text = await res.text();
      expect(res.status, JSON.stringify(body).slice(0, 200)).toBe(400);
      expect(JSON.parse(text).error.code).toBe('validation_failed');
      expect(text).not.toContain(marker);
    }
    const malformed = await call(SUMMIT, '/api/generate/photo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"x": "${marker}"` });
    expect(malformed.status).toBe(400);
    expect(await malformed.text()).not.toContain(marker);
    const after = await env.DB.prepare('SELECT COUNT(*) AS n FROM generated_images').first<{ n: number }>();
    expect(after!.n).toBe(before!.n);
  });

  it('Should 404 a photo of another floorplan or another tenant, and an unknown floorplan', async () => {
    const aspenPhoto = aspen.steps.flatMap((s) => s.photos)[0]!.id;
    const harborPhoto = harborCatalog.steps.flatMap((s) => s.photos)[0]!.id;
    for (const [host, body] of [
      [SUMMIT, { floorplanSlug: 'kinkade', stepPhotoId: aspenPhoto, selections: {} }],
      [SUMMIT, { floorplanSlug: 'kinkade', stepPhotoId: harborPhoto, selections: {} }],
      [SUMMIT, { floorplanSlug: 'kinkade', stepPhotoId: crypto.randomUUID(), selections: {} }],
      [SUMMIT, { floorplanSlug: 'no-such-plan', stepPhotoId: photoId, selections: {} }],
      [HARBOR, { floorplanSlug: harborCatalog.floorplan.slug, stepPhotoId: photoId, selections: {} }],
    ] as const) {
      const res = await generate(body, {}, host);
      expect(res.status, `${host} ${JSON.stringify(body)}`).toBe(404);
      expect((await json(res)).error.code).toBe('not_found');
      const checked = await check(body, host);
      expect(checked.status).toBe(404);
    }
  });

  it('Should 429 misses past the per-client and per-session limits, but still serve hits', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 200)}`;
    const selections = freshSelections();
    const hitHash = (await json(await generate(request(selections)))).hash;
    await complete(hitHash);

    // Fill the fixed windows directly (this one and the next, in case the clock crosses over).
    const fill = async (key: string, count: number) => {
      const windowMs = 600_000;
      const start = Math.floor(Date.now() / windowMs) * windowMs;
      for (const w of [start, start + windowMs]) {
        await env.DB.prepare('INSERT INTO rate_limits (key, window_start, count) VALUES (?1, ?2, ?3) ON CONFLICT DO UPDATE SET count = excluded.count').bind(key, w, count).run();
      }
    };
    await fill(`generate:ip:${ip}`, 60);
    const limited = await generate(request(freshSelections()), { 'cf-connecting-ip': ip });
    expect(limited.status).toBe(429);
    expect((await json(limited)).error.code).toBe('rate_limited');
    const hit = await generate(request(selections), { 'cf-connecting-ip': ip });
    expect(hit.status).toBe(200);

    const session = await json(await send(SUMMIT, 'POST', '/api/sessions', { floorplanSlug: 'kinkade' }));
    await fill(`generate:session:${session.id}`, 30);
    const bySession = await generate(request(freshSelections(), { sessionId: session.id }), { 'cf-connecting-ip': '203.0.113.7' });
    expect(bySession.status).toBe(429);
    const otherSession = await generate(request(freshSelections(), { sessionId: crypto.randomUUID() }), { 'cf-connecting-ip': '203.0.113.7' });
    expect(otherSession.status).toBe(202);
  });
});

describe('POST /api/generate/photo/check', () => {
  it('Should report not_found, pending, complete, failed and a lost job, by hash or by the generate body', async () => {
    const selections = freshSelections();
    const hash = await hashOf(selections);
    expect(await json(await check({ hash }))).toEqual({ status: 'not_found', hash });

    await generate(request(selections));
    expect(await json(await check({ hash }))).toEqual({ status: 'pending', hash });
    expect(await json(await check(request(selections)))).toEqual({ status: 'pending', hash });

    await env.DB.prepare('UPDATE generated_images SET claimed_at = ?2 WHERE hash = ?1').bind(hash, Date.now() - CLAIM_STALE_MS - 1).run();
    expect(await json(await check({ hash }))).toEqual({ status: 'failed', hash, error: expect.any(String) });

    await env.DB.prepare(`UPDATE generated_images SET status = 'failed', error = 'This room could not be visualized with these selections' WHERE hash = ?1`).bind(hash).run();
    expect(await json(await check({ hash }))).toEqual({ status: 'failed', hash, error: 'This room could not be visualized with these selections' });

    await env.DB.prepare(`UPDATE generated_images SET status = 'pending', error = NULL WHERE hash = ?1`).bind(hash).run();
    const key = await complete(hash);
    const done = await json(await check({ hash }));
    expect(done).toEqual({ status: 'complete', hash, url: expect.stringContaining(`/media/${key}`) });

    // Another tenant never sees it.
    expect(await json(await check({ hash }, HARBOR))).toEqual({ status: 'not_found', hash });
    expect((await check({ hash: 'not-a-hash' })).status).toBe(400);
  });
});

describe('POST /api/generate/photo/feedback', () => {
  it('Should delete a complete image and its object so the next generate claims afresh', async () => {
    const { env: recording, sent } = recordingEnv();
    const body = request(freshSelections());
    const hash = (await json(await generateVia(recording, body))).hash;
    const key = await complete(hash);
    const url = (await json(await generateVia(recording, body))).url as string;

    // Another tenant cannot drop it.
    expect((await feedback({ hash }, {}, HARBOR)).status).toBe(404);
    const res = await feedback({ hash });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ status: 'deleted', hash });
    expect((await rowOf(hash)).results).toHaveLength(0);
    expect(await env.MEDIA.head(key)).toBeNull();
    expect((await call(SUMMIT, url)).status).toBe(404);
    expect((await feedback({ hash })).status).toBe(404);

    expect((await generateVia(recording, body)).status).toBe(202);
    expect(sent.filter((m) => m.kind === 'generate')).toHaveLength(2);
  });

  it('Should refuse to drop a job in flight, and allow a failed one', async () => {
    const hash = (await json(await generate(request(freshSelections())))).hash;
    const res = await feedback({ hash });
    expect(res.status).toBe(409);
    expect((await rowOf(hash)).results).toHaveLength(1);
    await env.DB.prepare(`UPDATE generated_images SET status = 'failed', error = 'x' WHERE hash = ?1`).bind(hash).run();
    expect((await feedback({ hash })).status).toBe(200);
    expect((await rowOf(hash)).results).toHaveLength(0);
    expect((await feedback({ hash: 'zz' })).status).toBe(400);
  });
});
