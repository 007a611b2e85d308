/**
 * Test doubles for the visualize modules (imported by *.test.ts only): the HTTP API faked at
 * its boundary, a manual clock whose sleeps advance time instantly, and in-memory storage.
 */
import { ApiError } from '../../lib/api';
import type { CheckResult, GenerateBody, GenerateResult, VisualizeApi } from './api';
import type { StorageLike } from './persist';
import type { RunClock } from './run';

type Step<A, T> = T | Error | ((arg: A, signal: AbortSignal) => T | Promise<T>);

/** Answers calls with `steps` in order; an unexpected extra call fails the test loudly. */
export function sequence<A, T>(name: string, steps: Array<Step<A, T>>) {
  let i = 0;
  return async (arg: A, signal: AbortSignal): Promise<T> => {
    if (i >= steps.length) throw new Error(`unexpected ${name} call #${i + 1}`);
    const step = steps[i++]!;
    if (step instanceof Error) throw step;
    if (typeof step === 'function') return (step as (a: A, s: AbortSignal) => T | Promise<T>)(arg, signal);
    return step;
  };
}

export const generates = (steps: Array<Step<GenerateBody, GenerateResult>>) => sequence('generate', steps);
export const checks = (steps: Array<Step<string, CheckResult>>) => sequence('check', steps);
export const feedbacks = (steps: Array<Step<string, void>>) => sequence('feedback', steps);

export interface FakeHandlers {
  generate?: (body: GenerateBody, signal: AbortSignal) => Promise<GenerateResult>;
  check?: (hash: string, signal: AbortSignal) => Promise<CheckResult>;
  feedback?: (hash: string, signal: AbortSignal) => Promise<void>;
}

export function fakeApi(handlers: FakeHandlers) {
  const calls: string[] = [];
  const bodies: GenerateBody[] = [];
  const missing = (name: string) => () => Promise.reject(new Error(`unexpected ${name} call`));
  const api: VisualizeApi = {
    generate(body, signal) {
      calls.push(`generate ${body.stepPhotoId}`);
      bodies.push(body);
      return (handlers.generate ?? missing('generate'))(body, signal);
    },
    check(hash, signal) {
      calls.push(`check ${hash}`);
      return (handlers.check ?? missing('check'))(hash, signal);
    },
    feedback(hash, signal) {
      calls.push(`feedback ${hash}`);
      return (handlers.feedback ?? missing('feedback'))(hash, signal);
    },
  };
  return { api, calls, bodies };
}

/** Time advances only through `sleep`, which returns at once (after a microtask). */
export function fakeClock(start = 1_000_000) {
  let t = start;
  const sleeps: number[] = [];
  const clock: RunClock = {
    now: () => t,
    async sleep(ms, signal) {
      if (signal.aborted) throw signal.reason;
      sleeps.push(ms);
      t += ms;
      await Promise.resolve();
      if (signal.aborted) throw signal.reason;
    },
  };
  return { clock, sleeps, advance: (ms: number) => (t += ms) };
}

export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
    key: (i) => [...data.keys()][i] ?? null,
    get length() {
      return data.size;
    },
  };
}

export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Rejects like fetch does when `signal` aborts (so a hanging request can be abandoned). */
export function untilAborted<T>(signal: AbortSignal): Promise<T> {
  return new Promise<T>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

export const apiError = (status: number, code = `http_${status}`, message = `HTTP ${status}`) => new ApiError(status, code, message);

/** Lets queued promise callbacks run. */
export async function flush(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}
