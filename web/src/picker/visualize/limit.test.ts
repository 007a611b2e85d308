import { describe, expect, it } from 'vitest';
import { runLimited } from './limit';

/** A task whose completion the test controls, recording how many tasks run at once. */
function gatedTasks(count: number) {
  let inFlight = 0;
  let peak = 0;
  const started: number[] = [];
  const gates: Array<{ resolve: (v: number) => void; reject: (e: unknown) => void }> = [];
  const tasks = Array.from({ length: count }, (_, i) => () => {
    started.push(i);
    inFlight += 1;
    peak = Math.max(peak, inFlight);
    return new Promise<number>((resolve, reject) => {
      gates[i] = {
        resolve: (v) => {
          inFlight -= 1;
          resolve(v);
        },
        reject: (e) => {
          inFlight -= 1;
          reject(e);
        },
      };
    });
  });
  return { tasks, gates, started, peak: () => peak, inFlight: () => inFlight };
}

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('runLimited', () => {
  it('Should never run more than the limit at once and start tasks in order as slots free up', async () => {
    const g = gatedTasks(10);
    const all = runLimited(g.tasks, 4);
    await flush();
    expect(g.started).toEqual([0, 1, 2, 3]);
    g.gates[2]!.resolve(2);
    await flush();
    expect(g.started).toEqual([0, 1, 2, 3, 4]);
    for (let i = 0; i < 10; i++) {
      g.gates[i]?.resolve(i);
      await flush();
    }
    const outcomes = await all;
    expect(g.peak()).toBe(4);
    expect(outcomes).toEqual(Array.from({ length: 10 }, (_, i) => ({ status: 'fulfilled', value: i })));
  });

  it('Should keep going after a task fails and report the failure in its place', async () => {
    const boom = new Error('boom');
    const outcomes = await runLimited(
      [async () => 1, async () => Promise.reject(boom), () => { throw boom; }, async () => 4],
      2,
    );
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 1 },
      { status: 'rejected', reason: boom },
      { status: 'rejected', reason: boom },
      { status: 'fulfilled', value: 4 },
    ]);
  });

  it('Should skip tasks not yet started once aborted, letting running ones finish', async () => {
    const g = gatedTasks(6);
    const controller = new AbortController();
    const all = runLimited(g.tasks, 2, controller.signal);
    await flush();
    controller.abort();
    g.gates[0]!.resolve(0);
    g.gates[1]!.resolve(1);
    const outcomes = await all;
    expect(g.started).toEqual([0, 1]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'skipped', 'skipped', 'skipped', 'skipped']);
  });

  it('Should handle fewer tasks than the limit and no tasks at all', async () => {
    expect(await runLimited([async () => 'a'], 4)).toEqual([{ status: 'fulfilled', value: 'a' }]);
    expect(await runLimited([], 4)).toEqual([]);
  });

  it('Should refuse a limit that is not a positive integer', async () => {
    await expect(runLimited([], 0)).rejects.toThrow(RangeError);
    await expect(runLimited([], 1.5)).rejects.toThrow(RangeError);
  });
});
