import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, parseApiError } from '../lib/api';
import { fetchCurrentSession, isRejection, resumeOnce, saveErrorMessage, saveSession, startSession } from './api';

const session = { id: 's1', floorplanSlug: 'kinkade', selections: {}, quantities: {}, totalCents: 0, email: null, updatedAt: 1 };
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });
const notFound = () => json(404, { error: { code: 'not_found', message: 'Session not found' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('session api', () => {
  it('Should answer null when the cookie points at no session', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => notFound()));
    await expect(fetchCurrentSession('kinkade')).resolves.toBeNull();
  });

  it('Should create a session when there is none, once for concurrent callers', async () => {
    const fetchMock = vi.fn(async (url: string, init?: RequestInit) =>
      url.startsWith('/api/sessions/current') ? notFound() : init?.method === 'POST' ? json(201, session) : json(500, {}),
    );
    vi.stubGlobal('fetch', fetchMock);
    const [a, b] = await Promise.all([startSession('kinkade'), startSession('kinkade')]);
    expect(a).toEqual(session);
    expect(b).toBe(a);
    expect(fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${url}`)).toEqual([
      'GET /api/sessions/current?floorplanSlug=kinkade',
      'POST /api/sessions',
    ]);
    expect(JSON.parse(String(fetchMock.mock.calls[1]![1]!.body))).toEqual({ floorplanSlug: 'kinkade' });
  });

  it('Should reuse the cookie session without creating one', async () => {
    const fetchMock = vi.fn(async () => json(200, session));
    vi.stubGlobal('fetch', fetchMock);
    await expect(startSession('kinkade')).resolves.toEqual(session);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('Should PUT the selections, with keepalive when flushing', async () => {
    const fetchMock = vi.fn(async () => json(200, session));
    vi.stubGlobal('fetch', fetchMock);
    await saveSession('s1', { selections: { a: 'b' }, quantities: {} }, { keepalive: true });
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/sessions/s1');
    expect(init).toMatchObject({ method: 'PUT', keepalive: true });
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ selections: { a: 'b' }, quantities: {} });
  });

  it('Should resume a token only once while the request is in flight', async () => {
    const fetchMock = vi.fn(async (_url: string) => json(200, session));
    vi.stubGlobal('fetch', fetchMock);
    await Promise.all([resumeOnce('tok_12345678901234567890'), resumeOnce('tok_12345678901234567890')]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/sessions/resume/tok_12345678901234567890');
  });
});

describe('save errors', () => {
  it('Should keep the envelope details and read the rule messages from them', () => {
    const error = parseApiError(
      422,
      JSON.stringify({
        error: {
          code: 'rule_conflict',
          message: 'These selections cannot be combined',
          details: [
            { kind: 'requires', optionId: 'a', targetOptionId: 'b', message: 'A pot filler needs the gas range' },
            { kind: 'requires', optionId: 'a', targetOptionId: 'b', message: 'A pot filler needs the gas range' },
          ],
        },
      }),
    );
    expect(error.details).toHaveLength(2);
    expect(isRejection(error)).toBe(true);
    expect(saveErrorMessage(error)).toBe('These selections cannot be combined: A pot filler needs the gas range');
  });

  it('Should fall back to the error message and not treat network errors as rejections', () => {
    const error = new ApiError(0, 'network_error', 'Could not reach the server.');
    expect(isRejection(error)).toBe(false);
    expect(saveErrorMessage(error)).toBe('Could not reach the server.');
    expect(saveErrorMessage(new Error('x'))).toBe('Your last change could not be saved.');
  });
});
