import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { httpVisualizeApi, parseCheckResult, parseGenerateResult } from './api';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('visualize api', () => {
  it('Should read a cache hit and a queued job from generate', () => {
    expect(parseGenerateResult({ status: 'complete', hash: 'h', url: '/media/x.png', cacheHit: true })).toEqual({ status: 'complete', hash: 'h', url: '/media/x.png' });
    expect(parseGenerateResult({ status: 'pending', hash: 'h' })).toEqual({ status: 'pending', hash: 'h' });
    expect(parseGenerateResult({ status: 'failed', hash: 'h', error: 'Too slow' })).toEqual({ status: 'failed', hash: 'h', error: 'Too slow' });
  });

  it('Should refuse generate answers that break the contract', () => {
    for (const body of [null, 'x', {}, { status: 'pending' }, { status: 'complete', hash: 'h' }, { status: 'queued', hash: 'h' }]) {
      expect(() => parseGenerateResult(body)).toThrow(ApiError);
    }
  });

  it('Should read every check status and refuse unknown ones', () => {
    expect(parseCheckResult({ status: 'complete', url: '/u' })).toEqual({ status: 'complete', url: '/u' });
    expect(parseCheckResult({ status: 'pending' })).toEqual({ status: 'pending' });
    expect(parseCheckResult({ status: 'failed', error: 'why' })).toEqual({ status: 'failed', error: 'why' });
    expect(parseCheckResult({ status: 'failed' })).toEqual({ status: 'failed', error: null });
    expect(parseCheckResult({ status: 'not_found' })).toEqual({ status: 'not_found' });
    expect(() => parseCheckResult({ status: 'complete' })).toThrow(ApiError);
    expect(() => parseCheckResult({ status: 'error' })).toThrow(ApiError);
  });

  it('Should POST the contract bodies and surface a 429 as an ApiError', async () => {
    const fetchMock = vi.fn(async (url: string, _init?: RequestInit) =>
      url === '/api/generate/photo' ? json(429, { error: { code: 'rate_limited', message: 'Slow down' } }) : json(200, { status: 'pending' }),
    );
    vi.stubGlobal('fetch', fetchMock);
    const signal = new AbortController().signal;
    const body = { floorplanSlug: 'kinkade', stepPhotoId: 'p1', selections: { a: 'b' }, sessionId: 's1' };
    await expect(httpVisualizeApi.generate(body, signal)).rejects.toMatchObject({ status: 429, code: 'rate_limited' });
    await expect(httpVisualizeApi.check('h1', signal)).resolves.toEqual({ status: 'pending' });
    await httpVisualizeApi.feedback('h1', signal);
    const sent = fetchMock.mock.calls.map(([url, init]) => [url, init?.method, JSON.parse(String(init?.body))]);
    expect(sent).toEqual([
      ['/api/generate/photo', 'POST', body],
      ['/api/generate/photo/check', 'POST', { hash: 'h1' }],
      ['/api/generate/photo/feedback', 'POST', { hash: 'h1' }],
    ]);
  });
});
