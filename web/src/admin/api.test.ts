import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, parseApiError } from '../lib/api';
import { acceptInvite, adminErrorMessage, changeRole, isUnauthorized, listBuyerSessions, listImages, listOutbox, login, queryString } from './api';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status });

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubFetch(response: () => Response) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fetchMock);
  const call = (i = 0) => {
    const [url, init] = fetchMock.mock.calls[i]!;
    return { url, method: init?.method ?? 'GET', body: init?.body ? JSON.parse(String(init.body)) : undefined };
  };
  return { fetchMock, call };
}

describe('queryString', () => {
  it('Should leave out empty values and encode the rest', () => {
    expect(queryString({ a: '', b: null, c: undefined })).toBe('');
    expect(queryString({ email: 'a+b@x.test', limit: 5 })).toBe('?email=a%2Bb%40x.test&limit=5');
  });
});

describe('admin api calls', () => {
  it('Should sign in with a JSON body and surface a 401 as an ApiError', async () => {
    const { call } = stubFetch(() => json(401, { error: { code: 'unauthorized', message: 'Email or password is incorrect' } }));
    const error = await login('a@b.test', 'pw').catch((e: unknown) => e);
    expect(call()).toEqual({ url: '/api/admin/login', method: 'POST', body: { email: 'a@b.test', password: 'pw' } });
    expect(isUnauthorized(error)).toBe(true);
  });

  it('Should send only the filters that are set and map the page', async () => {
    const row = { id: 's1', email: null, totalCents: 0, selectionCount: 0, lastActiveAt: 1, createdAt: 1, floorplan: { id: 'f', slug: 'k', name: 'K' } };
    const { call } = stubFetch(() => json(200, { sessions: [row], nextCursor: '1_x' }));
    const page = await listBuyerSessions({ email: 'jo', cursor: null, limit: 25 });
    expect(call().url).toBe('/api/admin/buyer-sessions?email=jo&limit=25');
    expect(page).toEqual({ items: [row], nextCursor: '1_x' });
  });

  it('Should pass the image status and the outbox flag through', async () => {
    const { call } = stubFetch(() => json(200, { images: [], messages: [], linksHidden: true, nextCursor: null }));
    await listImages({ status: 'failed', cursor: 'c' });
    expect(call().url).toBe('/api/admin/images?status=failed&cursor=c');
    await expect(listOutbox({})).resolves.toEqual({ items: [], nextCursor: null, linksHidden: true });
  });

  it('Should PATCH a role and leave the name out of an invite acceptance when absent', async () => {
    const { call } = stubFetch(() => json(200, { member: { userId: 'u1', role: 'viewer' } }));
    await changeRole('u1', 'viewer');
    expect(call()).toEqual({ url: '/api/admin/users/u1', method: 'PATCH', body: { role: 'viewer' } });
    await acceptInvite('tok', 'pw');
    expect(call(1).body).toEqual({ token: 'tok', password: 'pw' });
    await acceptInvite('tok', 'pw', 'Jo');
    expect(call(2).body).toEqual({ token: 'tok', password: 'pw', name: 'Jo' });
  });
});

describe('adminErrorMessage', () => {
  it('Should prefer the field messages of a validation error', () => {
    const error = parseApiError(
      400,
      JSON.stringify({ error: { code: 'validation_failed', message: 'Invalid json', details: [{ path: 'email', message: 'Invalid email address' }, { path: 'x', message: 'Invalid email address' }] } }),
    );
    expect(adminErrorMessage(error)).toBe('Invalid email address');
  });

  it("Should use the server's message for conflicts and forbidden writes", () => {
    expect(adminErrorMessage(new ApiError(409, 'conflict', 'An organization needs at least one admin'))).toBe('An organization needs at least one admin');
    expect(adminErrorMessage(new ApiError(403, 'forbidden', ''))).toMatch(/view but not change/);
    expect(adminErrorMessage(new ApiError(429, 'rate_limited', ''))).toMatch(/Too many/);
    expect(adminErrorMessage('nope')).toBe('Something went wrong. Please try again.');
  });
});
