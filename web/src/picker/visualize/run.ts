/**
 * The asynchronous life of one visualization request: generate (after a feedback call on a
 * retry), then poll `check` until the image is ready, failed, or lost. Clock, sleep and the
 * HTTP API are injected, so every branch runs in unit tests without timers or a server.
 * The runner only reports events; the store owns the state (see store.ts).
 */
import { ApiError } from '../../lib/api';
import type { GenerateBody, GenerateResult, VisualizeApi } from './api';
import type { VisualizationEvent } from './machine';

export interface RunClock {
  now(): number;
  /** Resolves after `ms`, rejects as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface RunOptions {
  /** Between two `check` calls (the issue asks for every 2–3 s). */
  pollMs: number;
  /** A backstop: the server itself reports a job failed once its claim is 5 min old. */
  maxWaitMs: number;
  /** Consecutive transport errors on `check` before giving up (a blip must not fail the image). */
  maxCheckErrors: number;
  /** Waits before re-sending a generate the server rate-limited (429); one entry per retry. */
  rateLimitBackoffMs: readonly number[];
}

export const DEFAULT_RUN_OPTIONS: RunOptions = {
  pollMs: 2500,
  maxWaitMs: 6 * 60_000,
  maxCheckErrors: 5,
  rateLimitBackoffMs: [3000, 6000, 12_000],
};

export type RunPlan =
  | { kind: 'generate'; body: GenerateBody; feedbackHash: string | null }
  /**
   * Poll a job the server already has. `restoring`: remembered from an earlier visit, so a
   * missing job means the image is gone (not an error). `body` lets a lost live job be
   * re-issued once.
   */
  | { kind: 'resume'; hash: string; startedAt: number; restoring: boolean; body: GenerateBody | null };

export const MESSAGES = {
  failed: 'We could not create this image.',
  lost: 'The image request was lost on the way.',
  slow: 'This is taking much longer than usual.',
  offline: 'We lost touch with the server while the image was being made.',
  busy: 'Lots of rooms are being visualized right now. Please try again in a minute.',
  missingPhoto: 'This room photo is no longer available.',
  server: 'Something went wrong on our side.',
} as const;

/** A message safe to show for a failed request (the server's own text only for a 4xx it wrote). */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return MESSAGES.failed;
  if (error.status === 429) return MESSAGES.busy;
  if (error.status === 404) return MESSAGES.missingPhoto;
  if (error.status === 0) return error.message;
  if (error.status >= 500 || error.code === 'invalid_response') return MESSAGES.server;
  return error.message || MESSAGES.failed;
}

/**
 * The server's reason for a failed job when it reads like a sentence for people (its reasons
 * are a fixed, buyer-facing set); anything else gets the generic message.
 */
export function failureReason(reason: string | null | undefined): string {
  if (!reason || reason.length > 160 || /[\n{}<>]|https?:|error:/i.test(reason)) return MESSAGES.failed;
  return /[.!?]$/.test(reason) ? reason : `${reason}.`;
}

function isTransient(error: unknown): boolean {
  return !(error instanceof ApiError) || error.status === 0 || error.status === 429 || error.status >= 500;
}

export async function runVisualization(
  api: VisualizeApi,
  clock: RunClock,
  options: RunOptions,
  plan: RunPlan,
  emit: (event: VisualizationEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  async function generate(body: GenerateBody): Promise<GenerateResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.generate(body, signal);
      } catch (error) {
        const wait = options.rateLimitBackoffMs[attempt];
        if (!(error instanceof ApiError && error.status === 429) || wait === undefined || signal.aborted) throw error;
        await clock.sleep(wait, signal);
      }
    }
  }

  /** Generate; the hash to poll, or null when the answer is final (a cache hit or a recent failure). */
  async function request(body: GenerateBody): Promise<string | null> {
    const result = await generate(body);
    if (result.status === 'complete') {
      emit({ type: 'completed', hash: result.hash, url: result.url });
      return null;
    }
    if (result.status === 'failed') {
      emit({ type: 'failed', message: failureReason(result.error), hash: result.hash });
      return null;
    }
    emit({ type: 'accepted', hash: result.hash });
    return result.hash;
  }

  try {
    let hash: string;
    let startedAt: number;
    let restoring = false;
    let body: GenerateBody | null;
    if (plan.kind === 'generate') {
      body = plan.body;
      startedAt = clock.now();
      if (plan.feedbackHash) {
        try {
          await api.feedback(plan.feedbackHash, signal);
        } catch (error) {
          // The generate below reports what matters; a failed clean-up only risks a cache hit.
          if (signal.aborted) throw error;
        }
      }
      const accepted = await request(body);
      if (accepted === null) return;
      hash = accepted;
      await clock.sleep(options.pollMs, signal);
    } else {
      ({ hash, startedAt, restoring, body } = plan);
    }

    let reissued = false;
    let errors = 0;
    for (;;) {
      let result;
      try {
        result = await api.check(hash, signal);
        errors = 0;
      } catch (error) {
        if (signal.aborted) throw error;
        errors += 1;
        if (!isTransient(error)) {
          // A remembered hash the server refuses (e.g. after a cache-version change) is simply gone.
          emit(restoring ? { type: 'vanished' } : { type: 'failed', message: errorMessage(error), hash });
          return;
        }
        if (errors >= options.maxCheckErrors) {
          emit({ type: 'failed', message: MESSAGES.offline, hash });
          return;
        }
        await clock.sleep(options.pollMs, signal);
        continue;
      }

      switch (result.status) {
        case 'complete':
          emit({ type: 'completed', hash, url: result.url });
          return;
        case 'failed':
          emit({ type: 'failed', message: failureReason(result.error), hash });
          return;
        case 'not_found': {
          if (restoring) {
            emit({ type: 'vanished' });
            return;
          }
          if (reissued || !body) {
            emit({ type: 'failed', message: MESSAGES.lost, hash });
            return;
          }
          // The pending row can disappear (reclaimed, or cleared by a retry elsewhere): ask once more.
          reissued = true;
          const again = await request(body);
          if (again === null) return;
          hash = again;
          break;
        }
        case 'pending':
          if (restoring) {
            restoring = false;
            emit({ type: 'resumed' });
          }
          if (clock.now() - startedAt >= options.maxWaitMs) {
            emit({ type: 'failed', message: MESSAGES.slow, hash });
            return;
          }
          break;
      }
      await clock.sleep(options.pollMs, signal);
    }
  } catch (error) {
    if (signal.aborted) return;
    emit({ type: 'failed', message: errorMessage(error) });
  }
}

/** setTimeout-based sleep for the browser. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal.reason);
    }
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const realClock: RunClock = { now: () => Date.now(), sleep };
