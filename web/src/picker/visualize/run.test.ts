import { describe, expect, it } from 'vitest';
import type { CheckResult, GenerateBody, GenerateResult } from './api';
import type { VisualizationEvent } from './machine';
import { DEFAULT_RUN_OPTIONS, MESSAGES, errorMessage, runVisualization, type RunOptions, type RunPlan } from './run';
import { apiError, fakeApi, fakeClock, generates, checks, feedbacks, untilAborted, type FakeHandlers } from './test-fakes';

const body: GenerateBody = { floorplanSlug: 'kinkade', stepPhotoId: 'photo-1', selections: { counter: 'quartz' }, sessionId: 's1' };
const options: RunOptions = { ...DEFAULT_RUN_OPTIONS, pollMs: 2500, maxWaitMs: 60_000, maxCheckErrors: 3, rateLimitBackoffMs: [1000, 2000] };
const pending = (hash: string): GenerateResult => ({ status: 'pending', hash });
const hit = (hash: string, url = `/media/${hash}.png`): GenerateResult => ({ status: 'complete', hash, url });
const done = (url: string): CheckResult => ({ status: 'complete', url });
const still: CheckResult = { status: 'pending' };
const notFound: CheckResult = { status: 'not_found' };

async function go(handlers: FakeHandlers, plan: RunPlan = { kind: 'generate', body, feedbackHash: null }, signal = new AbortController().signal) {
  const { api, calls } = fakeApi(handlers);
  const { clock, sleeps } = fakeClock();
  const events: VisualizationEvent[] = [];
  await runVisualization(api, clock, options, plan, (e) => events.push(e), signal);
  return { calls, sleeps, events };
}

describe('runVisualization', () => {
  it('Should show a cache hit at once without polling', async () => {
    const r = await go({ generate: generates([hit('h1', '/media/o/h1.png')]) });
    expect(r.calls).toEqual(['generate photo-1']);
    expect(r.events).toEqual([{ type: 'completed', hash: 'h1', url: '/media/o/h1.png' }]);
  });

  it('Should poll check every poll interval after a 202 until the image is complete', async () => {
    const r = await go({
      generate: generates([pending('h1')]),
      check: checks([still, still, done('/media/h1.png')]),
    });
    expect(r.calls).toEqual(['generate photo-1', 'check h1', 'check h1', 'check h1']);
    expect(r.sleeps).toEqual([2500, 2500, 2500]);
    expect(r.events).toEqual([
      { type: 'accepted', hash: 'h1' },
      { type: 'completed', hash: 'h1', url: '/media/h1.png' },
    ]);
  });

  it('Should report a failed job with the server reason when it is a sentence for people', async () => {
    const r = await go({ generate: generates([pending('h1')]), check: checks([{ status: 'failed', error: 'The image took too long to make' }]) });
    expect(r.events.at(-1)).toEqual({ type: 'failed', message: 'The image took too long to make.', hash: 'h1' });
    const raw = await go({ generate: generates([pending('h1')]), check: checks([{ status: 'failed', error: 'Error: fetch https://x failed {"code":500}' }]) });
    expect(raw.events.at(-1)).toEqual({ type: 'failed', message: MESSAGES.failed, hash: 'h1' });
  });

  it('Should show a recent failure the generate answers with, without polling', async () => {
    const r = await go({ generate: generates([{ status: 'failed', hash: 'h1', error: null }]) });
    expect(r.calls).toEqual(['generate photo-1']);
    expect(r.events).toEqual([{ type: 'failed', message: MESSAGES.failed, hash: 'h1' }]);
  });

  it('Should re-issue generate once when the job is not found while polling', async () => {
    const r = await go({
      generate: generates([pending('h1'), pending('h2')]),
      check: checks([notFound, still, done('/media/h2.png')]),
    });
    expect(r.calls).toEqual(['generate photo-1', 'check h1', 'generate photo-1', 'check h2', 'check h2']);
    expect(r.events).toEqual([
      { type: 'accepted', hash: 'h1' },
      { type: 'accepted', hash: 'h2' },
      { type: 'completed', hash: 'h2', url: '/media/h2.png' },
    ]);
  });

  it('Should give up when the job is lost a second time', async () => {
    const r = await go({ generate: generates([pending('h1'), pending('h1')]), check: checks([notFound, notFound]) });
    expect(r.calls.filter((c) => c.startsWith('generate'))).toHaveLength(2);
    expect(r.events.at(-1)).toEqual({ type: 'failed', message: MESSAGES.lost, hash: 'h1' });
  });

  it('Should call feedback before generating again on a retry', async () => {
    const r = await go(
      { feedback: feedbacks([undefined]), generate: generates([hit('h1')]) },
      { kind: 'generate', body, feedbackHash: 'h1' },
    );
    expect(r.calls).toEqual(['feedback h1', 'generate photo-1']);
    expect(r.events).toEqual([{ type: 'completed', hash: 'h1', url: '/media/h1.png' }]);
  });

  it('Should still generate when the feedback call fails', async () => {
    const r = await go(
      { feedback: feedbacks([apiError(500)]), generate: generates([hit('h1')]) },
      { kind: 'generate', body, feedbackHash: 'h1' },
    );
    expect(r.calls).toEqual(['feedback h1', 'generate photo-1']);
    expect(r.events.at(-1)?.type).toBe('completed');
  });

  it('Should back off and resend when rate-limited, then fail with a clear message when it persists', async () => {
    const ok = await go({ generate: generates([apiError(429), hit('h1')]) });
    expect(ok.sleeps).toEqual([1000]);
    expect(ok.events.at(-1)?.type).toBe('completed');

    const busy = await go({ generate: generates([apiError(429), apiError(429), apiError(429)]) });
    expect(busy.sleeps).toEqual([1000, 2000]);
    expect(busy.events).toEqual([{ type: 'failed', message: MESSAGES.busy }]);
  });

  it('Should fail with the server message on bad input and not retry it', async () => {
    const r = await go({ generate: generates([apiError(400, 'validation_failed', 'Unknown option for Countertops')]) });
    expect(r.calls).toEqual(['generate photo-1']);
    expect(r.events).toEqual([{ type: 'failed', message: 'Unknown option for Countertops' }]);
  });

  it('Should ride out transient check errors, and fail after too many in a row', async () => {
    const ok = await go({
      generate: generates([pending('h1')]),
      check: checks([apiError(0, 'network_error', 'offline'), apiError(503), done('/media/h1.png')]),
    });
    expect(ok.events.at(-1)).toEqual({ type: 'completed', hash: 'h1', url: '/media/h1.png' });

    const down = await go({ generate: generates([pending('h1')]), check: checks([apiError(502), apiError(502), apiError(502)]) });
    expect(down.events.at(-1)).toEqual({ type: 'failed', message: MESSAGES.offline, hash: 'h1' });
  });

  it('Should stop waiting for a job pending longer than the limit', async () => {
    const script = Array.from({ length: 30 }, () => still);
    const r = await go({ generate: generates([pending('h1')]), check: checks(script) });
    expect(r.events.at(-1)).toEqual({ type: 'failed', message: MESSAGES.slow, hash: 'h1' });
    // 60 s at one check per 2.5 s: it gave up on time, not at the end of the script.
    expect(r.calls.filter((c) => c.startsWith('check')).length).toBe(24);
  });

  it('Should resume a remembered job with an immediate check', async () => {
    const r = await go({ check: checks([still, done('/media/h1.png')]) }, { kind: 'resume', hash: 'h1', startedAt: 1_000_000, restoring: true, body: null });
    expect(r.calls).toEqual(['check h1', 'check h1']);
    expect(r.events).toEqual([{ type: 'resumed' }, { type: 'completed', hash: 'h1', url: '/media/h1.png' }]);
  });

  it('Should let a remembered image that no longer exists vanish without generating', async () => {
    const r = await go({ check: checks([notFound]) }, { kind: 'resume', hash: 'h1', startedAt: 0, restoring: true, body });
    expect(r.calls).toEqual(['check h1']);
    expect(r.events).toEqual([{ type: 'vanished' }]);

    const refused = await go({ check: checks([apiError(400)]) }, { kind: 'resume', hash: 'bad', startedAt: 0, restoring: true, body: null });
    expect(refused.events).toEqual([{ type: 'vanished' }]);
  });

  it('Should stop quietly when aborted mid-poll', async () => {
    const controller = new AbortController();
    const r = await go(
      {
        generate: generates([pending('h1')]),
        check: checks([
          still,
          (_hash: string, signal: AbortSignal) => {
            controller.abort();
            return untilAborted<CheckResult>(signal);
          },
        ]),
      },
      { kind: 'generate', body, feedbackHash: null },
      controller.signal,
    );
    expect(r.calls).toEqual(['generate photo-1', 'check h1', 'check h1']);
    expect(r.events).toEqual([{ type: 'accepted', hash: 'h1' }]);
  });
});

describe('errorMessage', () => {
  it('Should never surface a server error text for 5xx or unknown errors', () => {
    expect(errorMessage(apiError(500, 'internal', 'stack at line 3'))).toBe(MESSAGES.server);
    expect(errorMessage(new Error('TypeError: x is undefined'))).toBe(MESSAGES.failed);
    expect(errorMessage(apiError(404))).toBe(MESSAGES.missingPhoto);
    expect(errorMessage(apiError(0, 'network_error', 'Could not reach the server.'))).toBe('Could not reach the server.');
  });
});
