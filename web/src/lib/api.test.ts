import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, parseApiError, postJson } from './api';

describe('parseApiError', () => {
  it('Should read code and message from the error envelope', () => {
    const error = parseApiError(404, JSON.stringify({ error: { code: 'tenant_not_found', message: 'No builder lives here.' } }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'tenant_not_found', message: 'No builder lives here.' });
  });

  it('Should map a non-JSON 500 to a synthetic http_500 error', () => {
    const error = parseApiError(500, '<html><body>Internal Server Error</body></html>', 'Internal Server Error');
    expect(error).toMatchObject({ status: 500, code: 'http_500' });
    expect(error.message).toContain('HTTP 500');
  });

  it('Should map an empty body to a synthetic error', () => {
    expect(parseApiError(502, '')).toMatchObject({ status: 502, code: 'http_502' });
  });

  it('Should ignore JSON that is not the envelope', () => {
    expect(parseApiError(400, JSON.stringify({ message: 'nope' }))).toMatchObject({ code: 'http_400' });
    expect(parseApiError(400, JSON.stringify({ error: 'nope' }))).toMatchObject({ code: 'http_400' });
    expect(parseApiError(400, 'null')).toMatchObject({ code: 'http_400' });
  });

  it('Should keep the envelope code but use a fallback message when the message is missing', () => {
    const error = parseApiError(429, JSON.stringify({ error: { code: 'rate_limited' } }));
    expect(error.code).toBe('rate_limited');
    expect(error.message).toContain('HTTP 429');
  });
});

describe('apiFetch', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('Should resolve with the parsed JSON of a 2xx response', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: true }), { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiFetch('/api/x')).resolves.toEqual({ ok: true });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).get('accept')).toBe('application/json');
  });

  it('Should reject with the ApiError of an error envelope', async () => {
    vi.stubGlobal('fetch', async () =>
      new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'Sign in first.' } }), { status: 401 }),
    );
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ status: 401, code: 'unauthorized', message: 'Sign in first.' });
  });

  it('Should reject with a synthetic ApiError for a non-JSON 500', async () => {
    vi.stubGlobal('fetch', async () => new Response('upstream exploded', { status: 500 }));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ status: 500, code: 'http_500' });
  });

  it('Should reject with invalid_response when a 2xx body is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('<!doctype html>', { status: 200 }));
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ code: 'invalid_response' });
  });

  it('Should report a network failure as status 0', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(apiFetch('/api/x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('Should send JSON with postJson', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(postJson('/api/admin/login', { email: 'a@b.c', password: 'pw' })).resolves.toBeUndefined();
    const [path, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(path).toBe('/api/admin/login');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(JSON.parse(String(init.body))).toEqual({ email: 'a@b.c', password: 'pw' });
  });
});
