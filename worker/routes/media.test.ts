import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, createTenant, type TestTenant } from '../../test/fixtures';

let summit: TestTenant;
let harbor: TestTenant;
let key: string;
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);

beforeAll(async () => {
  summit = await createTenant('summit');
  harbor = await createTenant('harbor');
  key = `${summit.orgId}/swatches/${crypto.randomUUID()}/${crypto.randomUUID()}.png`;
  await env.MEDIA.put(key, png, { httpMetadata: { contentType: 'image/png' } });
});

describe('GET /media/*', () => {
  it('Should serve an object with its type, an ETag and immutable caching', async () => {
    const res = await call(summit.host, `/media/${key}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(png);
  });

  it('Should answer 304 when the ETag still matches', async () => {
    const first = await call(summit.host, `/media/${key}`);
    await first.arrayBuffer();
    const res = await call(summit.host, `/media/${key}`, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(res.status).toBe(304);
    expect(await res.text()).toBe('');
  });

  it('Should answer HEAD without a body', async () => {
    const res = await call(summit.host, `/media/${key}`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(png.byteLength));
  });

  it('Should not serve one tenant media on another tenant host', async () => {
    const res = await call(harbor.host, `/media/${key}`);
    expect(res.status).toBe(404);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('not_found');
  });

  it('Should not list a folder or follow traversal', async () => {
    for (const path of [`/media/${summit.orgId}/`, `/media/${summit.orgId}/swatches`, `/media/${summit.orgId}/../${harbor.orgId}/x.png`, `/media/${summit.orgId}/%2e%2e/x`]) {
      const res = await call(summit.host, path);
      expect(res.status, path).toBe(404);
    }
  });

  it('Should 404 a missing key', async () => {
    const res = await call(summit.host, `/media/${summit.orgId}/swatches/none.png`);
    expect(res.status).toBe(404);
  });
});
