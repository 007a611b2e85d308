import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, json } from '../../../test/fixtures';
import type { Catalog } from '../../domain/catalog';
import { glb, realJpeg, realPng, vp8lWebp } from '../../lib/upload-sniff.fixture';
import { api, bigPng, seedOrg, snapshot, upload, type OrgFixture } from './catalog/fixture';
import { IMAGE_MAX_BYTES, MODEL_MAX_BYTES } from './uploads';

const enc = new TextEncoder();
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

let A: OrgFixture;
let n = 0;
const fresh = () => seedOrg(`up-${++n}`);

beforeAll(async () => {
  A = await seedOrg('up-a');
});

/** A valid PNG padded with an ancillary chunk to exactly `size` bytes. */
function pngOfSize(size: number): Uint8Array {
  const png = realPng(8, 8);
  const iend = png.subarray(png.length - 12);
  const dataLength = size - png.length - 12;
  const out = new Uint8Array(size);
  out.set(png.subarray(0, png.length - 12), 0);
  const view = new DataView(out.buffer);
  let pos = png.length - 12;
  view.setUint32(pos, dataLength);
  out.set(enc.encode('zpAd'), pos + 4);
  pos += 8 + dataLength + 4; // data left as zeros; ancillary chunk CRCs are not checked
  out.set(iend, pos);
  return out;
}

/** Multipart bytes streamed with no Content-Length, so only the streamed count can catch the size. */
function streamedUpload(host: string, cookie: string, path: string, file: Uint8Array): Promise<Response> {
  const boundary = `----finch${crypto.randomUUID()}`;
  const head = enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n`);
  const tail = enc.encode(`\r\n--${boundary}--\r\n`);
  const chunk = 1024 * 1024;
  let sent = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent < 0) controller.enqueue(head);
      else if (sent < file.length) controller.enqueue(file.subarray(sent, sent + chunk));
      else {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      sent = sent < 0 ? 0 : sent + chunk;
    },
  });
  return call(host, `/api/admin${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: 'half',
  } as RequestInit);
}

const objectExists = async (key: string) => (await env.MEDIA.head(key)) !== null;

describe('POST /api/admin/uploads/swatch', () => {
  it('Should store a real PNG named .jpg and sent as image/jpeg as a PNG, under a generated key', async () => {
    const bytes = realPng(64, 48);
    const res = await upload(A.host, A.admin, `/uploads/swatch?subcategoryId=${A.subcategoryId}`, bytes, { filename: 'walnut.jpg', type: 'image/jpeg' });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.key).toMatch(new RegExp(`^${A.orgId}/swatches/${A.subcategoryId}/${UUID}\\.png$`));
    expect(body).toMatchObject({ url: `/media/${body.key}`, contentType: 'image/png', width: 64, height: 48, optionId: null });
    const stored = await env.MEDIA.get(body.key);
    expect(stored!.httpMetadata!.contentType).toBe('image/png');
    expect(new Uint8Array(await stored!.arrayBuffer())).toEqual(bytes);
    const served = await call(A.host, body.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
  });

  it('Should attach the swatch to an option, delete the old object and show it to buyers', async () => {
    const o = await fresh();
    const res = await upload(o.host, o.admin, `/uploads/swatch?subcategoryId=${o.subcategoryId}&optionId=${o.optionId}`, realJpeg(32, 32), { filename: 'a.png', type: 'image/png' });
    expect(res.status).toBe(201);
    const { key, url } = await json(res);
    expect(key).toMatch(/\.jpg$/);
    expect(await objectExists(o.swatchKey)).toBe(false);
    const catalog = await json<Catalog>(await call(o.host, `/api/catalog/${o.floorplanSlug}`));
    const option = catalog.categories.flatMap((c) => c.subcategories.flatMap((s) => s.options)).find((x) => x.id === o.optionId)!;
    expect(option.swatchUrl).toBe(url);
  });

  it('Should refuse an option of another subcategory without storing anything', async () => {
    const before = await snapshot();
    const res = await upload(A.host, A.admin, `/uploads/swatch?subcategoryId=${A.subcategoryId}&optionId=${A.option2Id}`, realPng(8, 8));
    expect(res.status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('Should refuse SVG, HTML, GIF, empty and truncated files with 415, store nothing and echo nothing', async () => {
    const png = realPng(16, 16);
    const jpg = realJpeg(16, 16);
    const files: Array<[string, Uint8Array, string]> = [
      ['svg', enc.encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>'), 'image/svg+xml'],
      ['svg named png', enc.encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png'],
      ['html', enc.encode('<!doctype html><html><script>alert(1)</script></html>'), 'image/png'],
      ['gif', Uint8Array.from([...enc.encode('GIF89a'), 1, 0, 1, 0, 0, 0, 0, 0x3b]), 'image/gif'],
      ['empty', new Uint8Array(0), 'image/png'],
      ['png signature only', png.subarray(0, 8), 'image/png'],
      ['png without IEND', png.subarray(0, png.length - 12), 'image/png'],
      ['png cut in half', png.subarray(0, png.length >> 1), 'image/png'],
      ['jpeg cut off', jpg.subarray(0, jpg.length - 40), 'image/jpeg'],
      ['jpeg without SOF', Uint8Array.from([0xff, 0xd8, 0xff, 0xfe, 0x00, 0x04, 0x68, 0x69, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0xff, 0xd9]), 'image/jpeg'],
      ['webp cut off', vp8lWebp(64, 64).subarray(0, 20), 'image/webp'],
    ];
    const before = await snapshot();
    for (const [name, bytes, type] of files) {
      for (const path of [`/uploads/swatch?subcategoryId=${A.subcategoryId}`, `/uploads/room-photo?stepId=${A.stepId}`]) {
        const res = await upload(A.host, A.admin, path, bytes, { filename: `x.${name.split(' ')[0]}`, type });
        expect(res.status, `${name} ${path}`).toBe(415);
        const text = await res.text();
        expect(JSON.parse(text).error.code).toBe('unsupported_media_type');
        expect(text).not.toMatch(/svg|script|alert/i);
      }
    }
    expect(await snapshot()).toEqual(before);
  });

  it('Should refuse an image over 20 MB with 413, declared or streamed, and accept one of exactly 20 MB', async () => {
    const before = await snapshot();
    const over = pngOfSize(IMAGE_MAX_BYTES + 1);
    const res = await upload(A.host, A.admin, `/uploads/swatch?subcategoryId=${A.subcategoryId}`, over);
    expect(res.status).toBe(413);
    expect((await json(res)).error.code).toBe('payload_too_large');
    // Past the limit plus multipart overhead: refused from Content-Length before the body is read.
    expect((await upload(A.host, A.admin, `/uploads/swatch?subcategoryId=${A.subcategoryId}`, pngOfSize(IMAGE_MAX_BYTES + 100 * 1024))).status).toBe(413);
    const streamed = await streamedUpload(A.host, A.admin, `/uploads/swatch?subcategoryId=${A.subcategoryId}`, pngOfSize(IMAGE_MAX_BYTES + 200 * 1024));
    expect(streamed.status).toBe(413);
    expect(await snapshot()).toEqual(before);

    const exact = await upload(A.host, A.admin, `/uploads/swatch?subcategoryId=${A.subcategoryId}`, pngOfSize(IMAGE_MAX_BYTES));
    expect(exact.status).toBe(201);
    expect((await env.MEDIA.head((await json(exact)).key))!.size).toBe(IMAGE_MAX_BYTES);
  });
});

describe('POST /api/admin/uploads/room-photo', () => {
  it('Should create the photo row with the size read from the file, the first photo of a step as hero', async () => {
    const o = await fresh();
    const step = await json(await api(o.host, o.admin, 'POST', '/api/admin/steps', { floorplanId: o.floorplanId, name: 'Primary bath' }));
    const first = await upload(o.host, o.admin, `/uploads/room-photo?stepId=${step.id}`, bigPng(), { filename: 'bath.webp', type: 'image/webp' });
    expect(first.status).toBe(201);
    const a = await json(first);
    expect(a.key).toMatch(new RegExp(`^${o.orgId}/rooms/${step.id}/${UUID}\\.png$`));
    expect(a.photo).toMatchObject({ stepId: step.id, imageKey: a.key, url: a.url, width: 1024, height: 1024, isHero: true, sortOrder: 0, surfaces: [] });

    const second = await json(await upload(o.host, o.admin, `/uploads/room-photo?stepId=${step.id}`, realJpeg(1280, 1024)));
    expect(second.key).toMatch(/\.jpg$/);
    expect(second.photo).toMatchObject({ width: 1280, height: 1024, isHero: false, sortOrder: 1 });
    const third = await json(await upload(o.host, o.admin, `/uploads/room-photo?stepId=${step.id}`, vp8lWebp(1536, 1024)));
    expect(third.photo).toMatchObject({ width: 1536, height: 1024, isHero: false, sortOrder: 2 });
    expect(third.key).toMatch(/\.webp$/);

    const detail = await json(await api(o.host, o.admin, 'GET', `/api/admin/steps/${step.id}`));
    expect(detail.photos.map((p: { id: string }) => p.id)).toEqual([a.photo.id, second.photo.id, third.photo.id]);
  });

  it('Should refuse a room photo under 1024 x 1024 with 422 and store nothing', async () => {
    const before = await snapshot();
    for (const bytes of [realPng(1023, 1024), realPng(1024, 600), vp8lWebp(4000, 1000)]) {
      const res = await upload(A.host, A.admin, `/uploads/room-photo?stepId=${A.stepId}`, bytes);
      expect(res.status).toBe(422);
      expect((await json(res)).error.code).toBe('unprocessable');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('Should have the object in R2 after upload and gone after deleting the row', async () => {
    const o = await fresh();
    const { key, photo } = await json(await upload(o.host, o.admin, `/uploads/room-photo?stepId=${o.stepId}`, bigPng()));
    expect(await objectExists(key)).toBe(true);
    expect(photo.isHero).toBe(false); // the step already had one
    expect((await api(o.host, o.admin, 'DELETE', `/api/admin/step-photos/${photo.id}`)).status).toBe(204);
    expect(await objectExists(key)).toBe(false);
    expect((await api(o.host, o.admin, 'GET', `/api/admin/step-photos/${photo.id}`)).status).toBe(404);
  });
});

describe('POST /api/admin/uploads/model', () => {
  it('Should store a GLB and its asset catalog row', async () => {
    const bytes = glb({ bin: new Uint8Array(64) });
    const res = await upload(A.host, A.admin, '/uploads/model', bytes, { filename: 'sofa.obj', type: 'text/plain', fields: { name: 'Sofa', category: 'furniture' } });
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.key).toMatch(new RegExp(`^${A.orgId}/models/${UUID}\\.glb$`));
    expect(body.asset).toMatchObject({ name: 'Sofa', category: 'furniture' });
    const row = await env.DB.prepare('SELECT org_id AS orgId, model_key AS modelKey FROM asset_catalog WHERE id = ?').bind(body.asset.id).first();
    expect(row).toEqual({ orgId: A.orgId, modelKey: body.key });
    expect((await env.MEDIA.head(body.key))!.httpMetadata!.contentType).toBe('model/gltf-binary');
  });

  it('Should refuse a bad magic, version 1, a wrong declared length and an image with 415', async () => {
    const before = await snapshot();
    for (const bytes of [glb({ magic: 'glTf' }), glb({ version: 1 }), glb({ lengthDelta: 8 }), glb({ lengthDelta: -8 }), realPng(8, 8), enc.encode('{"asset":{"version":"2.0"}}')]) {
      const res = await upload(A.host, A.admin, '/uploads/model', bytes, { filename: 'x.glb', type: 'model/gltf-binary' });
      expect(res.status).toBe(415);
    }
    expect((await upload(A.host, A.admin, '/uploads/model', glb(), { fields: { category: '<b>Bad</b>' } })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('Should refuse a model over 50 MB with 413', async () => {
    const before = await snapshot();
    const res = await upload(A.host, A.admin, '/uploads/model', glb({ bin: new Uint8Array(MODEL_MAX_BYTES) }));
    expect(res.status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });
});

describe('upload requests', () => {
  it('Should refuse a body that is not multipart, has no file or has two', async () => {
    const before = await snapshot();
    const path = `/api/admin/uploads/swatch?subcategoryId=${A.subcategoryId}`;
    const raw = await call(A.host, path, { method: 'POST', headers: { cookie: A.admin, 'content-type': 'image/png' }, body: realPng(8, 8) });
    expect(raw.status).toBe(415);
    const none = new FormData();
    none.append('other', 'x');
    expect((await call(A.host, path, { method: 'POST', headers: { cookie: A.admin }, body: none })).status).toBe(400);
    const two = new FormData();
    two.append('file', new File([realPng(8, 8)], 'a.png'));
    two.append('file', new File([realPng(8, 8)], 'b.png'));
    expect((await call(A.host, path, { method: 'POST', headers: { cookie: A.admin }, body: two })).status).toBe(400);
    const text = new FormData();
    text.append('file', 'not a file');
    expect((await call(A.host, path, { method: 'POST', headers: { cookie: A.admin }, body: text })).status).toBe(400);
    expect((await upload(A.host, A.admin, '/uploads/swatch?subcategoryId=nope', realPng(8, 8))).status).toBe(400);
    expect(await snapshot()).toEqual(before);
  });
});
