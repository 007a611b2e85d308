import { encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRoomPixels, renderSwatch } from '../../scripts/seed/images/index';
import type { PhotoSurface } from '../domain/surfaces';
import { decodeImage, encodeImage, sniffImageType, type RgbaImage } from './codec';
import { createCompositor } from './compositor';
import { PermanentGenerationError, type GenerationItem, type GenerationRequest, type ImageBytes, type ScratchStore } from './provider';

const WIDTH = 1536;
const HEIGHT = 1024;

const scratch: ScratchStore = {
  async put() {},
  async get() {
    return null;
  },
};

interface Room {
  jpeg: Uint8Array;
  /** The JPEG as this codec decodes it: what "unchanged" pixels must equal. */
  decoded: RgbaImage;
  surfaces: PhotoSurface[];
  /** 1 + index into `surfaces` of the surface the renderer painted at each pixel, 0 for none. */
  owner: Uint8Array;
}

let kitchen: Room;

beforeAll(async () => {
  // A real seed photo at the seeded size, with the renderer's own per-pixel surface map.
  const pixels = renderRoomPixels('kitchen', { width: WIDTH, height: HEIGHT, seed: 11 });
  const { data } = jpeg.encode({ data: pixels.rgba, width: pixels.width, height: pixels.height }, 90);
  const bytes = new Uint8Array(data);
  kitchen = {
    jpeg: bytes,
    decoded: await decodeImage(bytes),
    // Subcategory ids are the surface keys here: floor, walls, cabinets, countertop, backsplash.
    surfaces: pixels.surfaces.map((s) => ({ key: s.key, label: s.label, subcategoryId: s.key, polygons: s.polygons, tileScale: s.tileScale })),
    owner: pixels.paintedMask,
  };
});

function item(subcategoryId: string, swatch: ImageBytes | null, swatchColor: string | null = null): GenerationItem {
  return { subcategoryId, subcategoryName: subcategoryId, optionId: `${subcategoryId}-option`, optionName: subcategoryId, descriptor: null, swatch, swatchColor };
}

const png = (bytes: Uint8Array): ImageBytes => ({ bytes, mimeType: 'image/png' });

function request(room: Room, items: GenerationItem[], photo: ImageBytes = { bytes: room.jpeg, mimeType: 'image/jpeg' }): GenerationRequest {
  return {
    hash: 'test-hash',
    model: 'compositor',
    photo: { ...photo, width: WIDTH, height: HEIGHT },
    surfaces: room.surfaces,
    spatialHint: null,
    policy: null,
    items,
    scratch,
  };
}

const surfaceIndex = (room: Room, key: string) => room.surfaces.findIndex((s) => s.key === key) + 1;

/** Per owner label: how many pixels differ from the decoded photo, and how many there are. */
function diffByOwner(room: Room, out: RgbaImage): { changed: number[]; total: number[] } {
  const changed = new Array<number>(room.surfaces.length + 1).fill(0);
  const total = new Array<number>(room.surfaces.length + 1).fill(0);
  const a = room.decoded.data;
  const b = out.data;
  for (let i = 0; i < room.owner.length; i++) {
    const label = room.owner[i]!;
    total[label]!++;
    const p = i * 4;
    if (a[p] !== b[p] || a[p + 1] !== b[p + 1] || a[p + 2] !== b[p + 2] || a[p + 3] !== b[p + 3]) changed[label]!++;
  }
  return { changed, total };
}

function meanColour(room: Room, out: RgbaImage, label: number): [number, number, number] {
  const sum = [0, 0, 0];
  let n = 0;
  for (let i = 0; i < room.owner.length; i++) {
    if (room.owner[i] !== label) continue;
    for (let c = 0; c < 3; c++) sum[c]! += out.data[i * 4 + c]!;
    n++;
  }
  return [sum[0]! / n, sum[1]! / n, sum[2]! / n];
}

describe('compositor provider', () => {
  it('Should paint chosen swatches into their surfaces and leave every other pixel bit-identical', async () => {
    const floor = renderSwatch({ material: 'wood', color: '#8c5f3c', accent: '#5e3d25', seed: 1 });
    const walls = renderSwatch({ material: 'paint', color: '#cdd3c8', seed: 2 });
    const backsplash = renderSwatch({ material: 'tile', color: '#2f6f8f', seed: 3 });
    const result = await createCompositor().generate(
      request(kitchen, [
        item('floor', png(floor)),
        item('walls', png(walls)),
        item('backsplash', png(backsplash)),
        item('not-in-this-photo', png(walls)),
      ]),
    );

    expect(result.passes).toBe(1);
    expect(result.estimatedCostMicros).toBe(0);
    expect(result.swatchCount).toBe(3);
    expect(result.image.mimeType).toBe('image/webp');
    expect(sniffImageType(result.image.bytes)).toBe('image/webp');

    const out = await decodeImage(result.image.bytes);
    expect([out.width, out.height]).toEqual([WIDTH, HEIGHT]);

    const { changed, total } = diffByOwner(kitchen, out);
    for (const key of ['floor', 'walls', 'backsplash']) {
      const label = surfaceIndex(kitchen, key);
      expect(total[label], key).toBeGreaterThan(1000);
      expect(changed[label]! / total[label]!, key).toBeGreaterThan(0.9);
    }
    // Unpainted surfaces (cabinets, countertop: no item) and pixels of no surface are untouched, bit for bit.
    expect(changed[surfaceIndex(kitchen, 'cabinets')]).toBe(0);
    expect(changed[surfaceIndex(kitchen, 'countertop')]).toBe(0);
    expect(changed[0]).toBe(0);
    expect(total[0]).toBeGreaterThan(100_000);

    // The blue tile reads as blue on the backsplash that was white-ish before.
    const [r, , b] = meanColour(kitchen, out, surfaceIndex(kitchen, 'backsplash'));
    const [r0, , b0] = meanColour(kitchen, kitchen.decoded, surfaceIndex(kitchen, 'backsplash'));
    expect(b - r).toBeGreaterThan(30);
    expect(b0 - r0).toBeLessThan(15);
  });

  it('Should keep the photo shading inside a painted surface', async () => {
    const result = await createCompositor().generate(request(kitchen, [item('walls', null, '#cdd3c8')]));
    const out = await decodeImage(result.image.bytes);
    const label = surfaceIndex(kitchen, 'walls');
    // A flat colour comes out darker where the photo's wall was darker: luma order is kept.
    const samples: Array<[number, number]> = [];
    for (let i = 0; i < kitchen.owner.length; i += 97) {
      if (kitchen.owner[i] !== label) continue;
      const p = i * 4;
      const before = kitchen.decoded.data[p]! + kitchen.decoded.data[p + 1]! + kitchen.decoded.data[p + 2]!;
      const after = out.data[p]! + out.data[p + 1]! + out.data[p + 2]!;
      samples.push([before, after]);
    }
    samples.sort((x, y) => x[0] - y[0]);
    const darkest = samples.slice(0, samples.length / 10);
    const brightest = samples.slice((samples.length * 9) / 10);
    const mean = (s: Array<[number, number]>) => s.reduce((a, [, v]) => a + v, 0) / s.length;
    expect(mean(brightest) - mean(darkest)).toBeGreaterThan(60);
  });

  it('Should paint the flat swatch colour when an option has no swatch image, and skip one with neither', async () => {
    const result = await createCompositor().generate(request(kitchen, [item('cabinets', null, '#2e3c4f'), item('floor', null, null)]));
    expect(result.swatchCount).toBe(1);
    const out = await decodeImage(result.image.bytes);
    const { changed, total } = diffByOwner(kitchen, out);
    const cabinets = surfaceIndex(kitchen, 'cabinets');
    expect(changed[cabinets]! / total[cabinets]!).toBeGreaterThan(0.9);
    expect(changed[surfaceIndex(kitchen, 'floor')]).toBe(0);
    const [r, g, b] = meanColour(kitchen, out, cabinets);
    expect(b).toBeGreaterThan(r + 10); // navy, from near-white cabinets
    expect(b).toBeGreaterThan(g);
    expect(r + g + b).toBeLessThan(3 * 110);
  });

  it('Should fall back to the swatch colour when the swatch image is unreadable, and fail for good without one', async () => {
    const broken = png(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const result = await createCompositor().generate(request(kitchen, [item('walls', broken, '#804020')]));
    expect(result.swatchCount).toBe(1);
    const out = await decodeImage(result.image.bytes);
    const [r, , b] = meanColour(kitchen, out, surfaceIndex(kitchen, 'walls'));
    expect(r).toBeGreaterThan(b + 30);

    await expect(createCompositor().generate(request(kitchen, [item('walls', broken, null)]))).rejects.toBeInstanceOf(PermanentGenerationError);
  });

  it('Should give a PermanentGenerationError for a photo it cannot decode', async () => {
    const truncated = kitchen.jpeg.slice(0, kitchen.jpeg.length / 3);
    const notAnImage = new TextEncoder().encode('<html>not a photo</html>');
    for (const bytes of [truncated, notAnImage, new Uint8Array()]) {
      const error = await createCompositor()
        .generate(request(kitchen, [item('walls', null, '#ffffff')], { bytes, mimeType: 'image/jpeg' }))
        .then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(PermanentGenerationError);
      expect((error as Error).message).toMatch(/^Room photo cannot be decoded/);
    }
  });

  it('Should accept PNG and WebP photos and write PNG when asked', async () => {
    const pngPhoto = encodePng({ width: WIDTH, height: HEIGHT, data: kitchen.decoded.data, channels: 4 });
    const webpPhoto = (await encodeImage(kitchen.decoded, 'webp')).bytes;
    const compositor = createCompositor({ format: 'png' });
    for (const bytes of [pngPhoto, webpPhoto]) {
      // The declared type is wrong on purpose: the bytes decide.
      const result = await compositor.generate(request(kitchen, [item('countertop', null, '#101010')], { bytes, mimeType: 'image/jpeg' }));
      expect(result.image.mimeType).toBe('image/png');
      expect(sniffImageType(result.image.bytes)).toBe('image/png');
      const out = await decodeImage(result.image.bytes);
      const { changed, total } = diffByOwner(kitchen, out);
      const countertop = surfaceIndex(kitchen, 'countertop');
      expect(changed[countertop]! / total[countertop]!).toBeGreaterThan(0.9);
      expect(changed.reduce((a, n) => a + n, 0)).toBe(changed[countertop]);
    }
  });
});

describe('compositor provider on overlapping surfaces', () => {
  /** 40x20 grey photo; a wall over the whole image, then a cabinet (no pick) over its right half. */
  async function overlapRoom(): Promise<Room> {
    const data = new Uint8Array(40 * 20 * 4);
    for (let i = 0; i < data.length; i += 4) data.set([120 + ((i / 4) % 40), 120, 120, 255], i);
    const bytes = encodePng({ width: 40, height: 20, data, channels: 4 });
    const surfaces: PhotoSurface[] = [
      { key: 'walls', label: 'Walls', subcategoryId: 'walls', polygons: [[[0, 0], [1, 0], [1, 1], [0, 1]]], tileScale: 0.5 },
      { key: 'cabinets', label: 'Cabinets', subcategoryId: 'cabinets', polygons: [[[0.5, 0], [1, 0], [1, 1], [0.5, 1]]], tileScale: 0.5 },
      { key: 'unmapped', label: 'Unmapped', subcategoryId: null, polygons: [[[0, 0.5], [0.25, 0.5], [0.25, 1], [0, 1]]], tileScale: 0.5 },
    ];
    return { jpeg: bytes, decoded: await decodeImage(bytes), surfaces, owner: new Uint8Array() };
  }

  it('Should not paint through a later surface that has no pick, nor a surface mapped to no subcategory', async () => {
    const room = await overlapRoom();
    const result = await createCompositor().generate({
      ...request(room, [item('walls', null, '#0000ff')], { bytes: room.jpeg, mimeType: 'image/png' }),
      photo: { bytes: room.jpeg, mimeType: 'image/png', width: 40, height: 20 },
    });
    const out = await decodeImage(result.image.bytes);
    expect([out.width, out.height]).toEqual([40, 20]);
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 40; x++) {
        const p = (y * 40 + x) * 4;
        const same = [0, 1, 2, 3].every((c) => out.data[p + c] === room.decoded.data[p + c]);
        const expectPainted = x < 20 && !(x < 10 && y >= 10);
        expect(same, `pixel ${x},${y}`).toBe(!expectPainted);
        if (expectPainted) expect(out.data[p + 2]).toBeGreaterThan(out.data[p]!);
      }
    }
  });
});
