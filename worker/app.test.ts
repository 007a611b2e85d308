import { env } from 'cloudflare:test';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createAdmin, loginAs } from '../test/admin-fixtures';
import { call, createTenant, type TestTenant } from '../test/fixtures';
import { handleError } from './lib/errors';

let summit: TestTenant;
let harbor: TestTenant;

beforeAll(async () => {
  summit = await createTenant('summit', { floorplans: ['kinkade', 'aspen'] });
  harbor = await createTenant('harbor', { floorplans: ['bayview'] });
});

describe('tenant resolution', () => {
  it('Should list only the host tenant floorplans', async () => {
    const res = await call(summit.host, '/api/floorplans');
    expect(res.status).toBe(200);
    const body = await res.json<{ org: { slug: string }; floorplans: { slug: string }[] }>();
    expect(body.org.slug).toBe('summit');
    expect(body.floorplans.map((f) => f.slug)).toEqual(['kinkade', 'aspen']);

    const other = await (await call(harbor.host, '/api/floorplans')).json<{ floorplans: { slug: string }[] }>();
    expect(other.floorplans.map((f) => f.slug)).toEqual(['bayview']);
  });

  it('Should answer an unknown tenant with a JSON 404', async () => {
    const res = await call('nobody.localhost:8787', '/api/floorplans');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(await res.json()).toEqual({ error: { code: 'tenant_not_found', message: expect.any(String) } });
  });

  it('Should not serve tenant APIs on the bare product domain', async () => {
    const res = await call('localhost:8787', '/api/floorplans');
    expect(res.status).toBe(404);
  });

  it('Should resolve a tenant by its custom domain', async () => {
    await env.DB.prepare('UPDATE organizations SET custom_domain = ? WHERE id = ?').bind('homes.summit.test', summit.orgId).run();
    const res = await call('homes.summit.test', '/api/floorplans');
    expect(res.status).toBe(200);
    expect((await res.json<{ org: { slug: string } }>()).org.slug).toBe('summit');
  });

  it('Should take the host from the URL when the Host header is absent', async () => {
    const res = await call(summit.host, '/api/floorplans');
    expect(res.status).toBe(200);
  });

  it('Should not let a body or query choose the tenant', async () => {
    const res = await call(harbor.host, '/api/floorplans?org=summit', { headers: { 'x-org': 'summit' } });
    expect((await res.json<{ org: { slug: string } }>()).org.slug).toBe('harbor');
  });
});

describe('errors', () => {
  it('Should answer unknown API routes with the error envelope', async () => {
    const res = await call(summit.host, '/api/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such route' } });
  });

  it('Should reject a malformed id with 400 and not echo it', async () => {
    const evil = '<script>alert(1)</script>';
    const viewer = await createAdmin(summit, 'viewer');
    const cookie = await loginAs(summit.host, viewer.email, viewer.password);
    const res = await call(summit.host, `/api/projects/${encodeURIComponent(evil)}/scene`, { headers: { cookie } });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).not.toContain('script');
    const body = JSON.parse(text);
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details[0].path).toBe('id');
  });

  it('Should turn an unexpected exception into a bare 500 without stack or message', async () => {
    const app = new Hono().onError(handleError).get('/boom', () => {
      throw new Error('db password is hunter2');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    // The operator still gets the real error in the log.
    expect(String(logged.mock.calls[0]?.[1])).toContain('hunter2');
    logged.mockRestore();
    const text = await res.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toMatch(/at .*\.ts/);
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
  });

  it('Should mark API answers as not cacheable', async () => {
    const res = await call(summit.host, '/api/floorplans');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('health', () => {
  it('Should exercise every binding and report each as ok', async () => {
    const res = await call('localhost:8787', '/api/health');
    expect(res.status).toBe(200);
    const body = await res.json<{ status: string; checks: Record<string, { ok: boolean }> }>();
    expect(body.status).toBe('ok');
    expect(Object.keys(body.checks).sort()).toEqual(['d1', 'durableObject', 'queue', 'r2']);
    for (const check of Object.values(body.checks)) expect(check.ok).toBe(true);
  });
});
