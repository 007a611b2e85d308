import { createExecutionContext, createMessageBatch, env, getQueueResult } from 'cloudflare:test';
import { encode as encodePng } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { call, createTenant } from '../../test/fixtures';
import { getDb } from '../db/client';
import { categories, options, stepPhotos, steps, subcategories } from '../db/schema';
import type { PhotoSurface } from '../domain/surfaces';
import { sniffImageType } from '../generation/codec';
import { DEFAULT_GEMINI_MODEL } from '../generation/gemini';
import { b64encode } from '../lib/bytes';
import worker from '../index';
import { claimSlot, FAILURE_REASONS, loadTarget } from '../services/generation';
import { GENERATION_DLQ, handleQueue, MAX_ATTEMPTS, retryDelaySeconds, type QueueDeps } from './consumer';
import type { GenerateMessage, GenerationMessage } from './messages';

const API_KEY = 'AIzaTEST-consumer-key-0123456789abcdefgh';
const geminiEnv = { ...env, GEMINI_API_KEY: API_KEY } as Env;

/** A small PNG: a gradient (so the compositor has light to keep) or a flat colour. */
function png(width: number, height: number, rgb?: [number, number, number]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const [r, g, b] = rgb ?? [40 + ((x * 200) / width) | 0, 60 + ((y * 150) / height) | 0, 120];
      data.set([r, g, b, 255], i);
    }
  }
  return encodePng({ width, height, data, channels: 4 });
}

/** Keeps each insert under D1's 100 bound parameters. */
const chunk = <T>(rows: T[], size: number): T[][] => Array.from({ length: Math.ceil(rows.length / size) }, (_, k) => rows.slice(k * size, k * size + size));

interface Fixture {
  orgId: string;
  host: string;
  photoId: string;
  photoKey: string;
  /** subcategoryId -> its options' ids */
  subcategories: Array<{ id: string; options: string[] }>;
}

/**
 * A tenant with one step photo showing `count` visual subcategories (horizontal bands), two
 * options each with a swatch image in R2, and the photo's bytes in R2 unless told otherwise.
 */
async function fixture(count: number, opts: { photoBytes?: boolean } = {}): Promise<Fixture> {
  const slug = `c${crypto.randomUUID().slice(0, 8)}`;
  const tenant = await createTenant(slug);
  const db = getDb(env.DB);
  const now = Date.now();
  const categoryId = crypto.randomUUID();
  const stepId = crypto.randomUUID();
  const photoId = crypto.randomUUID();
  const photoKey = `${tenant.orgId}/rooms/${stepId}/${crypto.randomUUID()}.png`;
  const subs = Array.from({ length: count }, (_, i) => ({ id: crypto.randomUUID(), options: [crypto.randomUUID(), crypto.randomUUID()], i }));
  const surfaces: PhotoSurface[] = subs.map((s) => {
    const top = s.i / count;
    const bottom = (s.i + 1) / count;
    return { key: `band-${s.i}`, label: `Band ${s.i}`, subcategoryId: s.id, polygons: [[[0, top], [1, top], [1, bottom], [0, bottom]]], tileScale: 0.25 };
  });
  const optionRows = subs.flatMap((s) =>
    s.options.map((id, j) => ({
      id,
      orgId: tenant.orgId,
      subcategoryId: s.id,
      slug: `${slug}-o-${s.i}-${j}`,
      name: `Finish ${s.i}.${j}`,
      priceCents: j * 10_000,
      isDefault: j === 0,
      sortOrder: j,
      swatchKey: `${tenant.orgId}/swatches/${s.id}/${id}.png`,
      swatchColor: '#a0522d',
      promptDescriptor: `finish ${s.i}.${j}, matte`,
      createdAt: now,
    })),
  );
  await db.batch([
    db.insert(categories).values({ id: categoryId, orgId: tenant.orgId, slug: `${slug}-cat`, name: 'Finishes', createdAt: now }),
    ...chunk(subs, 6).map((part) =>
      db.insert(subcategories).values(
        part.map((s) => ({ id: s.id, orgId: tenant.orgId, categoryId, slug: `${slug}-s-${s.i}`, name: `Surface ${s.i}`, sortOrder: s.i, isVisual: true, createdAt: now })),
      ),
    ),
    ...chunk(optionRows, 6).map((part) => db.insert(options).values(part)),
    db.insert(steps).values({ id: stepId, orgId: tenant.orgId, floorplanId: tenant.floorplanId, slug: 'room', name: 'Room', sections: [{ title: 'All', subcategoryIds: subs.map((s) => s.id) }], createdAt: now }),
    db.insert(stepPhotos).values({ id: photoId, orgId: tenant.orgId, stepId, imageKey: photoKey, width: 48, height: 32, isHero: true, surfaces, spatialHint: 'Bands top to bottom', createdAt: now }),
  ]);
  await Promise.all(
    optionRows.map((o, k) => env.MEDIA.put(o.swatchKey, png(8, 8, [(k * 53) % 256, (k * 97) % 256, (k * 31) % 256]), { httpMetadata: { contentType: 'image/png' } })),
  );
  if (opts.photoBytes !== false) await env.MEDIA.put(photoKey, png(48, 32), { httpMetadata: { contentType: 'image/png' } });
  return { orgId: tenant.orgId, host: tenant.host, photoId, photoKey, subcategories: subs.map(({ id, options }) => ({ id, options })) };
}

/** Claims the slot the way the API does (without queueing) and returns the message it would send. */
async function claim(f: Fixture, model: string, upgrade = 0): Promise<GenerateMessage> {
  const candidates = Object.fromEntries(f.subcategories.map((s, i) => [s.id, s.options[i < upgrade ? 1 : 0]!]));
  const target = await loadTarget(getDb(env.DB), { orgId: f.orgId, stepPhotoId: f.photoId, candidates, model });
  const claimed = await claimSlot(env.DB, { orgId: f.orgId, hash: target!.hash, stepPhotoId: f.photoId, model, selections: target!.scoped, buyerSessionId: null, now: Date.now() });
  expect(claimed.won).toBe(true);
  return { kind: 'generate', orgId: f.orgId, hash: target!.hash, stepPhotoId: f.photoId, selections: target!.scoped, model, claimedAt: claimed.claimedAt };
}

async function deliver(body: GenerationMessage, attempts: number, opts: { env?: Env; deps?: QueueDeps; queue?: string } = {}) {
  const id = crypto.randomUUID();
  const batch = createMessageBatch<GenerationMessage>(opts.queue ?? 'finch-generation', [{ id, timestamp: new Date(), attempts, body }]);
  // getQueueResult records that retry() was called but not its options; keep those too.
  const message = batch.messages[0]!;
  const retry = message.retry.bind(message);
  let delaySeconds: number | undefined;
  message.retry = (options?: QueueRetryOptions) => {
    delaySeconds = options?.delaySeconds;
    retry(options);
  };
  await handleQueue(batch, opts.env ?? env, opts.deps);
  const result = await getQueueResult(batch, createExecutionContext());
  const retried = result.retryMessages.some((m) => m.msgId === id);
  return { acked: result.explicitAcks.includes(id), retry: retried ? { delaySeconds } : undefined };
}

const row = (hash: string) => env.DB.prepare('SELECT * FROM generated_images WHERE hash = ?1').bind(hash).first<Record<string, any>>();
const jobs = (hash: string) =>
  env.DB.prepare('SELECT * FROM generation_jobs WHERE hash = ?1 ORDER BY attempt, created_at').bind(hash).all<Record<string, any>>().then((r) => r.results);
const scratchKeys = async (f: Fixture, hash: string) => (await env.MEDIA.list({ prefix: `${f.orgId}/tmp/${hash}/` })).objects.map((o) => o.key);

type Step = 'ok' | 503 | 400 | 'refuse';

/** Gemini at its HTTP boundary: answers each generateContent call by the script (last entry repeats). */
function geminiStub(script: Step[]) {
  const calls: Array<{ url: string; images: number; text: string }> = [];
  const stubFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const req = new Request(input, init);
    const body = (await req.json()) as { contents: Array<{ parts: Array<{ inlineData?: unknown; text?: string }> }> };
    const parts = body.contents[0]!.parts;
    calls.push({ url: req.url, images: parts.filter((p) => p.inlineData).length, text: parts.map((p) => p.text ?? '').join('\n') });
    const step = script[Math.min(calls.length - 1, script.length - 1)]!;
    if (step === 503) return Response.json({ error: { code: 503, message: `overloaded (key ${API_KEY})`, status: 'UNAVAILABLE' } }, { status: 503 });
    if (step === 400) return Response.json({ error: { code: 400, message: 'Image input is invalid', status: 'INVALID_ARGUMENT' } }, { status: 400 });
    if (step === 'refuse') return Response.json({ candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'IMAGE_SAFETY' }] });
    const out = png(48, 32, [calls.length * 40, 10, 10]);
    return Response.json({ candidates: [{ content: { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: b64encode(out) } }] }, finishReason: 'STOP' }] });
  };
  return { deps: { fetch: stubFetch as typeof fetch }, calls };
}

describe('generation queue consumer', () => {
  it('Should ack health pings explicitly, one message at a time', async () => {
    const batch = createMessageBatch<GenerationMessage>('finch-generation', [
      { id: 'a', timestamp: new Date(), attempts: 1, body: { kind: 'ping', at: 1 } },
      { id: 'b', timestamp: new Date(), attempts: 1, body: { kind: 'ping', at: 2 } },
    ]);
    const ctx = createExecutionContext();
    await worker.queue(batch, env);
    const result = await getQueueResult(batch, ctx);
    expect(result.explicitAcks.sort()).toEqual(['a', 'b']);
    expect(result.retryMessages).toEqual([]);
  });

  it('Should composite the image, store it in R2, complete the row and audit the attempt', async () => {
    const f = await fixture(3);
    const msg = await claim(f, 'compositor', 1);
    const result = await deliver(msg, 1);
    expect(result).toEqual({ acked: true, retry: undefined });

    const done = await row(msg.hash);
    expect(done).toMatchObject({ status: 'complete', error: null, image_key: `${f.orgId}/generated/${msg.hash}.webp` });
    const object = await env.MEDIA.get(done!.image_key);
    const bytes = new Uint8Array(await object!.arrayBuffer());
    expect(sniffImageType(bytes)).toBe('image/webp');
    expect(object!.httpMetadata?.contentType).toBe('image/webp');

    const [job, ...more] = await jobs(msg.hash);
    expect(more).toEqual([]);
    expect(job).toMatchObject({ attempt: 1, provider: 'compositor', model: 'compositor', status: 'complete', swatch_count: 3, estimated_cost_micros: 0, error: null });
    expect(job!.passes).toBeGreaterThanOrEqual(1);
    expect(job!.duration_ms).toBeGreaterThanOrEqual(0);

    // Served to its own tenant as an immutable, content-addressed object.
    const media = await call(f.host, `/media/${done!.image_key}`);
    expect(media.status).toBe(200);
    expect(media.headers.get('cache-control')).toContain('immutable');
  });

  it('Should send Gemini the photo and the swatches in surface order and store its image', async () => {
    const f = await fixture(2);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    const gemini = geminiStub(['ok']);
    expect(await deliver(msg, 1, { env: geminiEnv, deps: gemini.deps })).toEqual({ acked: true, retry: undefined });
    expect(gemini.calls).toHaveLength(1);
    expect(gemini.calls[0]!.url).toContain(`${DEFAULT_GEMINI_MODEL}:generateContent`);
    expect(gemini.calls[0]!.images).toBe(3);
    // Names and descriptors come from D1 for the right option, in the photo's surface order.
    const text = gemini.calls[0]!.text;
    expect(text).toContain('Surface 0');
    expect(text).toContain('finish 0.0, matte');
    expect(text.indexOf('finish 0.0, matte')).toBeLessThan(text.indexOf('finish 1.0, matte'));
    expect(await row(msg.hash)).toMatchObject({ status: 'complete', image_key: `${f.orgId}/generated/${msg.hash}.png` });
    const [job] = await jobs(msg.hash);
    expect(job).toMatchObject({ provider: 'gemini', model: DEFAULT_GEMINI_MODEL, status: 'complete', swatch_count: 2, passes: 1 });
    expect(job!.estimated_cost_micros).toBeGreaterThan(0);
  });

  it('Should neither regenerate nor write again when the same message is delivered twice', async () => {
    const f = await fixture(2);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    const gemini = geminiStub(['ok']);
    await deliver(msg, 1, { env: geminiEnv, deps: gemini.deps });
    const first = await row(msg.hash);
    const object = await env.MEDIA.head(first!.image_key);

    expect(await deliver(msg, 1, { env: geminiEnv, deps: gemini.deps })).toEqual({ acked: true, retry: undefined });
    expect(gemini.calls).toHaveLength(1);
    expect(await row(msg.hash)).toEqual(first);
    const again = await env.MEDIA.head(first!.image_key);
    expect(again!.etag).toBe(object!.etag);
    expect(again!.uploaded.getTime()).toBe(object!.uploaded.getTime());
    expect(await jobs(msg.hash)).toHaveLength(1);
  });

  it('Should keep the first image when a concurrent duplicate delivery finishes first', async () => {
    const f = await fixture(1);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    const key = `${f.orgId}/generated/${msg.hash}.png`;
    const winner = png(4, 4, [9, 9, 9]);
    const stub = geminiStub(['ok']);
    // While this delivery waits for Gemini, the other one stores its image and completes the row.
    const racing: typeof fetch = async (input, init) => {
      await env.MEDIA.put(key, winner);
      await env.DB.prepare(`UPDATE generated_images SET status = 'complete', image_key = ?2, completed_at = ?3 WHERE hash = ?1`).bind(msg.hash, key, Date.now()).run();
      return stub.deps.fetch!(input, init);
    };
    expect(await deliver(msg, 1, { env: geminiEnv, deps: { fetch: racing } })).toEqual({ acked: true, retry: undefined });
    expect(new Uint8Array(await (await env.MEDIA.get(key))!.arrayBuffer())).toEqual(winner);
    expect(await row(msg.hash)).toMatchObject({ status: 'complete', image_key: key });
    const [job] = await jobs(msg.hash);
    expect(job).toMatchObject({ status: 'complete', error: 'Result discarded: the image was already stored' });
  });

  it('Should replace an object left without a row (an interrupted feedback) when the row is pending', async () => {
    const f = await fixture(1);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    const key = `${f.orgId}/generated/${msg.hash}.png`;
    const orphan = png(4, 4, [1, 2, 3]);
    await env.MEDIA.put(key, orphan);
    expect(await deliver(msg, 1, { env: geminiEnv, deps: geminiStub(['ok']).deps })).toEqual({ acked: true, retry: undefined });
    expect(await row(msg.hash)).toMatchObject({ status: 'complete', image_key: key });
    const stored = new Uint8Array(await (await env.MEDIA.get(key))!.arrayBuffer());
    expect(stored).not.toEqual(orphan);
    expect(stored).toEqual(png(48, 32, [40, 10, 10]));
  });

  it('Should retry a 503 with backoff and succeed on the next attempt', async () => {
    const f = await fixture(2);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    const gemini = geminiStub([503, 'ok']);

    const first = await deliver(msg, 1, { env: geminiEnv, deps: gemini.deps });
    expect(first).toEqual({ acked: false, retry: { delaySeconds: retryDelaySeconds(1) } });
    const pending = await row(msg.hash);
    expect(pending).toMatchObject({ status: 'pending', error: FAILURE_REASONS.unavailable });
    // A buyer polling meanwhile still sees it in progress.
    expect(await env.MEDIA.head(`${f.orgId}/generated/${msg.hash}.png`)).toBeNull();

    const second = await deliver(msg, 2, { env: geminiEnv, deps: gemini.deps });
    expect(second).toEqual({ acked: true, retry: undefined });
    expect(gemini.calls).toHaveLength(2);
    expect(await row(msg.hash)).toMatchObject({ status: 'complete', error: null });

    const attempts = await jobs(msg.hash);
    expect(attempts.map((j) => [j.attempt, j.status])).toEqual([
      [1, 'failed'],
      [2, 'complete'],
    ]);
    expect(attempts[0]!.error).toContain('503');
    expect(attempts[0]!.error).not.toContain(API_KEY);
  });

  it('Should back off exponentially between attempts', () => {
    expect([1, 2, 3].map(retryDelaySeconds)).toEqual([10, 20, 40]);
    expect(retryDelaySeconds(50)).toBe(300);
  });

  it('Should retry until the attempts run out, then fail the row from the dead-letter queue with the reason', async () => {
    const f = await fixture(2);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    const gemini = geminiStub([503]);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await deliver(msg, attempt, { env: geminiEnv, deps: gemini.deps });
      expect(result.retry?.delaySeconds).toBe(retryDelaySeconds(attempt));
      expect((await row(msg.hash))!.status).toBe('pending');
    }
    expect(gemini.calls).toHaveLength(MAX_ATTEMPTS);

    // The queue moves the message to the DLQ (max_retries = 2); the same handler fails the row.
    const dead = await deliver(msg, 1, { env: geminiEnv, deps: gemini.deps, queue: GENERATION_DLQ });
    expect(dead).toEqual({ acked: true, retry: undefined });
    expect(gemini.calls).toHaveLength(MAX_ATTEMPTS);
    const failed = await row(msg.hash);
    expect(failed!.status).toBe('failed');
    expect(failed!.error).toBe(`${FAILURE_REASONS.exhausted} (last: the image service is unavailable)`);

    const attempts = await jobs(msg.hash);
    expect(attempts.map((j) => [j.attempt, j.status])).toEqual([
      [1, 'failed'],
      [2, 'failed'],
      [3, 'failed'],
    ]);
    for (const j of attempts) expect(j.error).not.toContain(API_KEY);

    // The picker's check sees it failed with the short reason.
    const checked = await (await call(f.host, '/api/generate/photo/check', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ hash: msg.hash }) })).json();
    expect(checked).toEqual({ status: 'failed', hash: msg.hash, error: failed!.error });
  });

  it('Should fail at once and ack on a permanent error', async () => {
    const f = await fixture(2);
    const refused = await claim(f, DEFAULT_GEMINI_MODEL);
    const gemini = geminiStub(['refuse']);
    expect(await deliver(refused, 1, { env: geminiEnv, deps: gemini.deps })).toEqual({ acked: true, retry: undefined });
    expect(await row(refused.hash)).toMatchObject({ status: 'failed', error: FAILURE_REASONS.permanent });
    const [job] = await jobs(refused.hash);
    expect(job).toMatchObject({ status: 'failed', attempt: 1 });
    expect(job!.error).toContain('IMAGE_SAFETY');

    const bad = await claim(f, DEFAULT_GEMINI_MODEL, 1);
    expect(await deliver(bad, 1, { env: geminiEnv, deps: geminiStub([400]).deps })).toEqual({ acked: true, retry: undefined });
    expect(await row(bad.hash)).toMatchObject({ status: 'failed', error: FAILURE_REASONS.permanent });

    // No photo bytes: nothing any attempt could do.
    const noPhoto = await fixture(1, { photoBytes: false });
    const missing = await claim(noPhoto, 'compositor');
    expect(await deliver(missing, 1)).toEqual({ acked: true, retry: undefined });
    expect(await row(missing.hash)).toMatchObject({ status: 'failed', error: FAILURE_REASONS.missingPhoto });
  });

  it('Should fail a job whose inputs changed after the claim instead of storing a mismatched image', async () => {
    const f = await fixture(2);
    const msg = await claim(f, 'compositor');
    await env.DB.prepare('UPDATE options SET prompt_descriptor = ?1 WHERE id = ?2').bind('now glossy', f.subcategories[0]!.options[0]).run();
    expect(await deliver(msg, 1)).toEqual({ acked: true, retry: undefined });
    expect(await row(msg.hash)).toMatchObject({ status: 'failed', error: FAILURE_REASONS.changed, image_key: null });
  });

  it('Should ack without work when the row is gone, or belongs to a newer claim', async () => {
    const f = await fixture(1);
    const gone: GenerateMessage = { kind: 'generate', orgId: f.orgId, hash: 'a'.repeat(64), stepPhotoId: f.photoId, selections: {}, model: 'compositor', claimedAt: 1 };
    expect(await deliver(gone, 1)).toEqual({ acked: true, retry: undefined });
    expect(await jobs(gone.hash)).toEqual([]);

    const msg = await claim(f, 'compositor');
    const old = { ...msg, claimedAt: msg.claimedAt - 1 };
    expect(await deliver(old, 1)).toEqual({ acked: true, retry: undefined });
    expect(await jobs(msg.hash)).toEqual([]);
    expect((await row(msg.hash))!.status).toBe('pending');
    // Its dead letter cannot fail the newer claim either.
    await deliver(old, 1, { queue: GENERATION_DLQ });
    expect((await row(msg.hash))!.status).toBe('pending');
  });

  it('Should resume a multi-pass job from its scratch output after a retry, then clear the scratch', async () => {
    const f = await fixture(14);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    // Pass 1 (13 swatches) succeeds, pass 2 fails; the retry makes only pass 2.
    const gemini = geminiStub(['ok', 503, 'ok']);
    const first = await deliver(msg, 1, { env: geminiEnv, deps: gemini.deps });
    expect(first.retry).toBeDefined();
    expect(gemini.calls.map((c) => c.images)).toEqual([14, 2]);
    const kept = await scratchKeys(f, msg.hash);
    expect(kept).toHaveLength(1);
    expect(kept[0]!.startsWith(`${f.orgId}/tmp/${msg.hash}/`)).toBe(true);

    expect(await deliver(msg, 2, { env: geminiEnv, deps: gemini.deps })).toEqual({ acked: true, retry: undefined });
    expect(gemini.calls.map((c) => c.images)).toEqual([14, 2, 2]);
    expect(await row(msg.hash)).toMatchObject({ status: 'complete' });
    expect(await scratchKeys(f, msg.hash)).toEqual([]);
    const attempts = await jobs(msg.hash);
    expect(attempts[1]).toMatchObject({ attempt: 2, status: 'complete', passes: 1, swatch_count: 1 });
  });

  it('Should clear the scratch of a job that ends in the dead-letter queue', async () => {
    const f = await fixture(14);
    const msg = await claim(f, DEFAULT_GEMINI_MODEL);
    await deliver(msg, 1, { env: geminiEnv, deps: geminiStub(['ok', 503]).deps });
    expect(await scratchKeys(f, msg.hash)).toHaveLength(1);
    await deliver(msg, 1, { queue: GENERATION_DLQ });
    expect(await scratchKeys(f, msg.hash)).toEqual([]);
    expect((await row(msg.hash))!.status).toBe('failed');
  });
});
