import { describe, expect, it } from 'vitest';
import type { CheckResult, GenerateResult } from './api';
import { displayStatus, shownResult, type Visualization } from './machine';
import { readStored, storageKey, writeStored } from './persist';
import { DEFAULT_RUN_OPTIONS } from './run';
import { VisualizeStore, type PhotoRef } from './store';
import { deferred, fakeApi, fakeClock, flush, memoryStorage, generates, checks, feedbacks, untilAborted, type FakeHandlers } from './test-fakes';

const kitchen: PhotoRef = { id: 'p-kitchen', subcategoryIds: ['counter', 'cabinets'] };
const picks = { counter: 'quartz', cabinets: 'white', range: 'gas' };
const pending = (hash: string): GenerateResult => ({ status: 'pending', hash });
const hit = (hash: string): GenerateResult => ({ status: 'complete', hash, url: `/media/${hash}.png` });
const done = (hash: string): CheckResult => ({ status: 'complete', url: `/media/${hash}.png` });

function setup(handlers: FakeHandlers, { storage = memoryStorage(), photoIds = [] as string[] } = {}) {
  const { api, calls, bodies } = fakeApi(handlers);
  const { clock } = fakeClock();
  const store = new VisualizeStore(
    { sessionId: 's1', floorplanSlug: 'kinkade' },
    { api, clock, options: { ...DEFAULT_RUN_OPTIONS, maxCheckErrors: 2 }, storage },
    photoIds,
  );
  const seen: Visualization['status'][] = [];
  store.subscribe(() => seen.push(store.get(kitchen.id).status));
  return { store, calls, bodies, storage, seen, now: clock.now };
}

describe('VisualizeStore: one photo', () => {
  it('Should make an image from the full selections and remember it for the session', async () => {
    const t = setup({ generate: generates([hit('h1')]) });
    await t.store.visualize(kitchen, picks);
    expect(t.bodies).toEqual([{ floorplanSlug: 'kinkade', stepPhotoId: 'p-kitchen', selections: picks, sessionId: 's1' }]);
    expect(t.store.get(kitchen.id)).toEqual({
      status: 'complete',
      result: { hash: 'h1', url: '/media/h1.png', snapshot: { counter: 'quartz', cabinets: 'white' } },
    });
    expect(readStored(t.storage, 's1', kitchen.id, t.now())).toMatchObject({ status: 'complete', hash: 'h1', snapshot: { counter: 'quartz', cabinets: 'white' } });
  });

  it('Should poll a queued job to completion and tell subscribers at each step', async () => {
    const t = setup({ generate: generates([pending('h1')]), check: checks([{ status: 'pending' }, done('h1')]) });
    const run = t.store.visualize(kitchen, picks);
    expect(t.store.get(kitchen.id).status).toBe('pending');
    expect(t.store.isRunning(kitchen.id)).toBe(true);
    await run;
    expect(t.seen).toEqual(['pending', 'pending', 'complete']);
    expect(t.store.isRunning(kitchen.id)).toBe(false);
  });

  it('Should join a request already making the same image', async () => {
    const gate = deferred<GenerateResult>();
    const t = setup({ generate: generates([() => gate.promise]) });
    const a = t.store.visualize(kitchen, picks);
    const b = t.store.visualize(kitchen, { ...picks, range: 'electric' }); // a pick the photo does not show
    gate.resolve(hit('h1'));
    await Promise.all([a, b]);
    expect(t.calls).toEqual(['generate p-kitchen']);
  });

  it('Should supersede a request when the shown picks change meanwhile', async () => {
    const t = setup({
      generate: generates([(_b, signal) => untilAborted<GenerateResult>(signal), hit('h2')]),
    });
    const first = t.store.visualize(kitchen, picks);
    const second = t.store.visualize(kitchen, { ...picks, counter: 'granite' });
    await Promise.all([first, second]);
    expect(t.calls).toEqual(['generate p-kitchen', 'generate p-kitchen']);
    expect(t.store.get(kitchen.id)).toMatchObject({ status: 'complete', result: { hash: 'h2', snapshot: { counter: 'granite' } } });
  });

  it('Should turn stale when a shown pick changes and re-visualize with the new picks, keeping the old image meanwhile', async () => {
    const gate = deferred<GenerateResult>();
    const t = setup({ generate: generates([hit('h1'), () => gate.promise]) });
    await t.store.visualize(kitchen, picks);
    const changed = { ...picks, cabinets: 'navy' };
    expect(displayStatus(t.store.get(kitchen.id), changed, kitchen.subcategoryIds)).toBe('stale');
    expect(displayStatus(t.store.get(kitchen.id), { ...picks, range: 'electric' }, kitchen.subcategoryIds)).toBe('complete');

    const run = t.store.visualize(kitchen, changed);
    expect(shownResult(t.store.get(kitchen.id))?.hash).toBe('h1');
    gate.resolve(hit('h2'));
    await run;
    expect(t.bodies[1]!.selections).toEqual(changed);
    expect(displayStatus(t.store.get(kitchen.id), changed, kitchen.subcategoryIds)).toBe('complete');
  });

  it('Should discard a failed image through feedback before retrying it', async () => {
    const t = setup({
      generate: generates([pending('h1'), pending('h1')]),
      check: checks([{ status: 'failed', error: null }, done('h1')]),
      feedback: feedbacks([undefined]),
    });
    await t.store.visualize(kitchen, picks);
    expect(t.store.get(kitchen.id)).toMatchObject({ status: 'failed', hash: 'h1' });
    expect(readStored(t.storage, 's1', kitchen.id, t.now())).toMatchObject({ status: 'failed', hash: 'h1' });
    await t.store.visualize(kitchen, picks);
    expect(t.calls).toEqual(['generate p-kitchen', 'check h1', 'feedback h1', 'generate p-kitchen', 'check h1']);
    expect(t.store.get(kitchen.id).status).toBe('complete');
  });

  it('Should not discard a failed image of other picks', async () => {
    const t = setup({
      generate: generates([pending('h1'), hit('h2')]),
      check: checks([{ status: 'failed', error: null }]),
    });
    await t.store.visualize(kitchen, picks);
    await t.store.visualize(kitchen, { ...picks, counter: 'granite' });
    expect(t.calls).toEqual(['generate p-kitchen', 'check h1', 'generate p-kitchen']);
  });

  it('Should forget an image the browser could not load, here and in storage', async () => {
    const t = setup({ generate: generates([hit('h1')]) });
    await t.store.visualize(kitchen, picks);
    t.store.imageFailed(kitchen.id, '/media/h1.png');
    expect(t.store.get(kitchen.id).status).toBe('idle');
    expect(readStored(t.storage, 's1', kitchen.id, t.now())).toBeNull();
  });

  it('Should re-roll a finished image through feedback when asked to generate again', async () => {
    const t = setup({ generate: generates([hit('h1'), hit('h1')]), feedback: feedbacks([undefined]) });
    await t.store.visualize(kitchen, picks);
    await t.store.visualize(kitchen, picks, { again: true });
    expect(t.calls).toEqual(['generate p-kitchen', 'feedback h1', 'generate p-kitchen']);
  });
});

describe('VisualizeStore: views coming and going', () => {
  it('Should abort polling when the last view goes and resume with check when the photo is shown again', async () => {
    let checks = 0;
    const t = setup({
      generate: generates([pending('h1')]),
      check: (_hash, signal) => (++checks === 1 ? untilAborted<CheckResult>(signal) : Promise.resolve(done('h1'))),
    });
    const detach = t.store.attach(kitchen.id);
    const run = t.store.visualize(kitchen, picks);
    await flush();
    expect(t.calls).toEqual(['generate p-kitchen', 'check h1']);
    detach();
    await run;
    expect(t.store.isRunning(kitchen.id)).toBe(false);
    expect(t.store.get(kitchen.id)).toMatchObject({ status: 'pending', hash: 'h1' });
    expect(readStored(t.storage, 's1', kitchen.id, t.now())).toMatchObject({ status: 'pending', hash: 'h1' });

    t.store.attach(kitchen.id);
    await flush();
    expect(t.calls).toEqual(['generate p-kitchen', 'check h1', 'check h1']);
    expect(t.store.get(kitchen.id).status).toBe('complete');
  });

  it('Should keep the request when a view remounts at once (React StrictMode)', async () => {
    const gate = deferred<CheckResult>();
    const t = setup({ generate: generates([pending('h1')]), check: checks([() => gate.promise]) });
    t.store.attach(kitchen.id)();
    t.store.attach(kitchen.id);
    const run = t.store.visualize(kitchen, picks);
    await flush();
    expect(t.store.isRunning(kitchen.id)).toBe(true);
    gate.resolve(done('h1'));
    await run;
    expect(t.calls).toEqual(['generate p-kitchen', 'check h1']);
    expect(t.store.get(kitchen.id).status).toBe('complete');
  });

  it('Should drop a request the server never acknowledged when the view goes, back to the image it had', async () => {
    const t = setup({ generate: generates([hit('h1'), (_b, signal) => untilAborted<GenerateResult>(signal)]) });
    await t.store.visualize(kitchen, picks);
    const detach = t.store.attach(kitchen.id);
    const run = t.store.visualize(kitchen, { ...picks, counter: 'granite' });
    expect(t.store.get(kitchen.id).status).toBe('pending');
    detach();
    await run;
    expect(t.store.get(kitchen.id)).toMatchObject({ status: 'complete', result: { hash: 'h1' } });
    expect(readStored(t.storage, 's1', kitchen.id, t.now())?.hash).toBe('h1');
  });

  it('Should restore remembered images on a new visit, checking each before showing it', async () => {
    const storage = memoryStorage();
    const { now } = fakeClock().clock;
    writeStored(storage, 's1', 'p-kitchen', { status: 'complete', hash: 'h1', url: '/media/h1.png', snapshot: { counter: 'quartz' }, savedAt: now() });
    writeStored(storage, 's1', 'p-bath', { status: 'complete', hash: 'h2', url: '/media/h2.png', snapshot: {}, savedAt: now() });
    writeStored(storage, 'other-session', 'p-kitchen', { status: 'complete', hash: 'hx', url: '/x', snapshot: {}, savedAt: now() });
    const t = setup(
      { check: (hash) => Promise.resolve(hash === 'h1' ? done('h1') : { status: 'not_found' }) },
      { storage, photoIds: ['p-kitchen', 'p-bath', 'p-other'] },
    );
    expect(t.store.get('p-kitchen')).toMatchObject({ status: 'pending', restoring: true, hash: 'h1' });
    expect(t.store.get('p-other').status).toBe('idle');
    expect(t.calls).toEqual([]);

    t.store.attach('p-kitchen');
    t.store.attach('p-bath');
    await flush();
    expect(t.calls).toEqual(['check h1', 'check h2']);
    expect(t.store.get('p-kitchen')).toEqual({ status: 'complete', result: { hash: 'h1', url: '/media/h1.png', snapshot: { counter: 'quartz' } } });
    expect(t.store.get('p-bath').status).toBe('idle');
    expect(storage.data.has(storageKey('s1', 'p-bath'))).toBe(false);
    expect(storage.data.has(storageKey('other-session', 'p-kitchen'))).toBe(true);
  });

  it('Should keep counting elapsed time from the original start of a job remembered while pending', () => {
    const storage = memoryStorage();
    writeStored(storage, 's1', 'p-kitchen', { status: 'pending', hash: 'h1', snapshot: {}, startedAt: 123, savedAt: 1_000_000 });
    const t = setup({}, { storage, photoIds: ['p-kitchen'] });
    expect(t.store.get('p-kitchen')).toMatchObject({ status: 'pending', startedAt: 123 });
  });
});

describe('VisualizeStore: Visualize all', () => {
  const photos: PhotoRef[] = Array.from({ length: 7 }, (_, i) => ({ id: `p${i}`, subcategoryIds: [`sub${i}`] }));
  const allPicks = Object.fromEntries(photos.map((_, i) => [`sub${i}`, `opt${i}`]));

  it('Should keep at most 4 photos in flight and visualize every photo that needs it', async () => {
    let inFlight = 0;
    let peak = 0;
    const gates = new Map<string, ReturnType<typeof deferred<CheckResult>>>();
    const t = setup({
      generate: async (body) => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        return pending(`h-${body.stepPhotoId}`);
      },
      check: (hash) => {
        const gate = deferred<CheckResult>();
        gates.set(hash, gate);
        return gate.promise.then((r) => {
          inFlight -= 1;
          return r;
        });
      },
    });
    const all = t.store.visualizeAll(photos, () => allPicks);
    await flush();
    expect(inFlight).toBe(4);
    for (let round = 0; round < 10 && gates.size > 0; round++) {
      for (const [hash, gate] of [...gates]) {
        gates.delete(hash);
        gate.resolve(done(hash));
      }
      await flush();
    }
    await all;
    expect(peak).toBe(4);
    expect(t.calls.filter((c) => c.startsWith('generate'))).toHaveLength(7);
    expect(photos.every((p) => t.store.get(p.id).status === 'complete')).toBe(true);
  });

  it('Should skip photos whose image is current and redo stale and failed ones, with the picks of the moment', async () => {
    const t = setup({ generate: async (body) => hit(`h-${body.stepPhotoId}-${body.selections.sub1}`) });
    await t.store.visualize(photos[0]!, allPicks);
    await t.store.visualize(photos[1]!, allPicks);
    const current: Record<string, string> = { ...allPicks, sub1: 'changed' };
    const reads: number[] = [];
    await t.store.visualizeAll(photos.slice(0, 3), () => {
      reads.push(reads.length);
      return current;
    });
    expect(t.calls).toEqual(['generate p0', 'generate p1', 'generate p1', 'generate p2']);
    expect(t.store.get('p1')).toMatchObject({ result: { hash: 'h-p1-changed' } });
    expect(reads).toHaveLength(3);
  });

  it('Should start no further photos once aborted', async () => {
    const t = setup({ generate: (_b, signal) => untilAborted<GenerateResult>(signal) });
    const controller = new AbortController();
    const detach = photos.map((p) => t.store.attach(p.id));
    const all = t.store.visualizeAll(photos, () => allPicks, { signal: controller.signal });
    await flush();
    controller.abort();
    detach.forEach((d) => d());
    await all;
    expect(t.calls).toEqual(['generate p0', 'generate p1', 'generate p2', 'generate p3']);
    expect(photos.every((p) => t.store.get(p.id).status === 'idle')).toBe(true);
  });
});
