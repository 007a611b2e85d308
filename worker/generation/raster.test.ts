import { describe, expect, it } from 'vitest';
import { renderRoomPixels } from '../../scripts/seed/images/index';
import type { RgbaImage } from './codec';
import {
  MAX_TILE_SIDE,
  MIN_REFERENCE_LUMA,
  fillPolygon,
  labelSurfaces,
  luma,
  paintSurfaces,
  resampleTile,
  shadeInto,
  solidTile,
  tileSize,
  type PixelPoint,
} from './raster';

/** Reference point-in-polygon (crossing number) at a pixel centre, written independently of fillPolygon. */
function insideEvenOdd(polygon: ReadonlyArray<PixelPoint>, x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < xj + ((y - yj) * (xi - xj)) / (yi - yj)) inside = !inside;
  }
  return inside;
}

function maskOf(polygon: ReadonlyArray<PixelPoint>, width: number, height: number): Uint16Array {
  const mask = new Uint16Array(width * height);
  fillPolygon(mask, width, height, polygon, 1);
  return mask;
}

function pixelsSet(mask: Uint16Array, width: number, label = 1): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  mask.forEach((v, i) => {
    if (v === label) out.push([i % width, Math.floor(i / width)]);
  });
  return out;
}

function solidImage(width: number, height: number, rgba: [number, number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

describe('fillPolygon', () => {
  it('Should cover exactly the pixels whose centres are inside, counting left/top edges and not right/bottom ones', () => {
    // Edges run through pixel centres: x = 0.5 and y = 0.5 are in, x = 2.5 and y = 2.5 are out.
    const mask = maskOf([[0.5, 0.5], [2.5, 0.5], [2.5, 2.5], [0.5, 2.5]], 5, 5);
    expect(pixelsSet(mask, 5)).toEqual([[0, 0], [1, 0], [0, 1], [1, 1]]);

    const n = fillPolygon(new Uint16Array(20), 5, 4, [[1, 1], [4, 1], [4, 3], [1, 3]], 1);
    expect(n).toBe(6);
  });

  it('Should give a pixel to exactly one of two polygons that share an edge', () => {
    const width = 40;
    const height = 30;
    const mask = new Uint16Array(width * height);
    // A quad split along a slanted diagonal.
    const a: PixelPoint[] = [[3.2, 2.7], [35.9, 4.1], [20.3, 27.6]];
    const b: PixelPoint[] = [[3.2, 2.7], [20.3, 27.6], [1.4, 26.2]];
    const na = fillPolygon(mask, width, height, a, 1);
    const nb = fillPolygon(mask, width, height, b, 2);
    expect(pixelsSet(mask, width, 1).length).toBe(na); // b overwrote none of a's pixels
    const union = maskOf([[3.2, 2.7], [35.9, 4.1], [20.3, 27.6], [1.4, 26.2]], width, height);
    expect(na + nb).toBe(pixelsSet(union, width).length);
    mask.forEach((v, i) => expect(v !== 0).toBe(union[i] === 1));
  });

  it('Should fill concave and self-intersecting polygons like an even-odd point-in-polygon test', () => {
    const width = 64;
    const height = 48;
    const shapes: Record<string, PixelPoint[]> = {
      'U shape': [[5, 5], [20, 5], [20, 35], [40, 35], [40, 5], [55, 5], [55, 44], [5, 44]],
      'arrow (reflex vertex on a scanline)': [[4, 24], [30, 4], [30, 16.5], [60, 16.5], [60, 31.5], [30, 31.5], [30, 44]],
      'five-point star (self-intersecting)': Array.from({ length: 5 }, (_, k) => {
        const a = (k * 4 * Math.PI) / 5 - Math.PI / 2;
        return [32 + 20 * Math.cos(a), 24 + 20 * Math.sin(a)] as PixelPoint;
      }),
      'comb with vertices exactly on pixel centres': [[2.5, 2.5], [10.5, 2.5], [10.5, 20.5], [14.5, 20.5], [14.5, 2.5], [22.5, 2.5], [22.5, 30.5], [2.5, 30.5]],
    };
    for (const [name, polygon] of Object.entries(shapes)) {
      const mask = maskOf(polygon, width, height);
      let mismatches = 0;
      let inside = 0;
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const expected = insideEvenOdd(polygon, x + 0.5, y + 0.5);
          if (expected) inside++;
          if (expected !== (mask[y * width + x] === 1)) mismatches++;
        }
      }
      expect(inside, name).toBeGreaterThan(50);
      expect(mismatches, name).toBe(0);
    }
    // The U's notch stays empty, its legs are filled.
    const u = maskOf(shapes['U shape']!, width, height);
    expect(u[20 * width + 30]).toBe(0);
    expect(u[20 * width + 10]).toBe(1);
    expect(u[40 * width + 30]).toBe(1);
  });

  it('Should clip to the image and ignore degenerate polygons', () => {
    const mask = new Uint16Array(10 * 10);
    expect(fillPolygon(mask, 10, 10, [[-50, -50], [5, -50], [5, 5], [-50, 5]], 1)).toBe(25);
    expect(fillPolygon(mask, 10, 10, [[20, 20], [30, 20], [30, 30]], 2)).toBe(0);
    expect(fillPolygon(mask, 10, 10, [[0, 0], [10, 10]], 3)).toBe(0);
    expect(fillPolygon(mask, 10, 10, [[0, 0], [10, 0], [Number.NaN, 10]], 4)).toBe(0);
    expect(fillPolygon(mask, 10, 10, [[0, 0], [10, 0], [10, 0]], 5)).toBe(0); // zero area
    expect(Array.from(new Set(mask)).sort()).toEqual([0, 1]);
  });
});

describe('labelSurfaces', () => {
  it('Should let a later surface own the pixels it overlaps', () => {
    const mask = labelSurfaces(
      [
        { polygons: [[[0, 0], [1, 0], [1, 1], [0, 1]]] },
        { polygons: [[[0.5, 0], [1, 0], [1, 1], [0.5, 1]]] },
      ],
      8,
      2,
    );
    expect(Array.from(mask)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it("Should reproduce the seed renderer's own surface pixels exactly from its normalised polygons", () => {
    for (const kind of ['kitchen', 'primary-bath'] as const) {
      const { width, height, surfaces, paintedMask } = renderRoomPixels(kind, { width: 240, height: 160, seed: 5 });
      const mask = labelSurfaces(surfaces, width, height);
      let mismatches = 0;
      for (let i = 0; i < mask.length; i++) if (mask[i] !== paintedMask[i]) mismatches++;
      expect(mismatches, kind).toBe(0);
      expect(new Set(mask).size).toBe(surfaces.length + 1);
    }
  });
});

describe('tileSize', () => {
  it('Should span tileScale of the photo width and keep the swatch aspect', () => {
    expect(tileSize(0.25, 1536, 256, 256)).toEqual({ width: 384, height: 384 });
    expect(tileSize(0.071, 1536, 256, 128)).toEqual({ width: 109, height: 55 });
    expect(tileSize(0.0001, 1536, 256, 256)).toEqual({ width: 1, height: 1 });
  });

  it('Should fall back to a quarter of the width for a missing or nonsensical scale and cap the size', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) expect(tileSize(bad, 1000, 10, 10)).toEqual({ width: 250, height: 250 });
    expect(tileSize(50, 8000, 10, 10)).toEqual({ width: MAX_TILE_SIDE, height: MAX_TILE_SIDE });
    expect(tileSize(1, 1000, 1, 100)).toEqual({ width: 1000, height: MAX_TILE_SIDE });
  });
});

describe('resampleTile', () => {
  it('Should return the same image at the same size and keep a flat colour flat at any size', () => {
    const flat = solidImage(16, 8, [10, 120, 250, 255]);
    expect(resampleTile(flat, 16, 8)).toBe(flat);
    for (const [w, h] of [[5, 3], [37, 61], [1, 1]] as const) {
      const out = resampleTile(flat, w, h);
      expect(out.data.length).toBe(w * h * 4);
      for (let i = 0; i < out.data.length; i += 4) expect(Array.from(out.data.subarray(i, i + 4))).toEqual([10, 120, 250, 255]);
    }
  });

  it('Should average fine detail when shrinking instead of aliasing it', () => {
    // One-pixel black/white columns shrunk 4x: every output pixel is a mix, none is pure black or white.
    const stripes = solidImage(16, 4, [0, 0, 0, 255]);
    for (let y = 0; y < 4; y++) for (let x = 1; x < 16; x += 2) stripes.data.set([255, 255, 255, 255], (y * 16 + x) * 4);
    const out = resampleTile(stripes, 4, 1);
    for (let x = 0; x < 4; x++) expect(Math.abs(out.data[x * 4]! - 128)).toBeLessThanOrEqual(16);
  });

  it('Should wrap around the edges so the tile stays seamless', () => {
    // Black left half, white right half, enlarged 4x: both ends of the output blend with the opposite edge.
    const src = solidImage(2, 1, [0, 0, 0, 255]);
    src.data.set([255, 255, 255, 255], 4);
    const out = resampleTile(src, 8, 1);
    const reds = Array.from({ length: 8 }, (_, x) => out.data[x * 4]!);
    expect(reds[0]).toBeGreaterThan(0);
    expect(reds[7]).toBeLessThan(255);
    expect(reds[0]! + reds[7]!).toBe(255);
    expect(reds[3]! + reds[4]!).toBe(255);
  });
});

describe('shadeInto', () => {
  const shade = (r: number, g: number, b: number, gain: number) => {
    const out = new Uint8Array(3);
    shadeInto(out, 0, r, g, b, gain);
    return Array.from(out);
  };

  it('Should multiply by the gain while no channel clips', () => {
    expect(shade(200, 100, 50, 1)).toEqual([200, 100, 50]);
    expect(shade(200, 100, 50, 0.5)).toEqual([100, 50, 25]);
    expect(shade(200, 100, 50, 1.2)).toEqual([240, 120, 60]);
    expect(shade(200, 100, 50, 0)).toEqual([0, 0, 0]);
  });

  it('Should keep the luma and give up chroma once a channel would clip, up to pure white', () => {
    const [r, g, b] = shade(200, 100, 50, 2);
    expect(r).toBe(255);
    expect(g).toBeGreaterThan(200);
    expect(b).toBeGreaterThan(100);
    expect(r).toBeGreaterThanOrEqual(g!);
    expect(g).toBeGreaterThanOrEqual(b!);
    expect(Math.abs(luma(r!, g!, b!) - luma(400, 200, 100))).toBeLessThan(1);
    expect(shade(200, 100, 50, 10)).toEqual([255, 255, 255]);
    expect(shade(0, 0, 0, 1000)).toEqual([0, 0, 0]);
  });

  it('Should never write outside 0..255', () => {
    for (const gain of [0, 0.3, 1, 1.7, 3, 100]) {
      for (const c of [0, 1, 128, 254, 255]) {
        for (const v of shade(c, 255 - c, (c * 7) % 256, gain)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(255);
        }
      }
    }
  });
});

describe('solidTile', () => {
  it('Should parse #rrggbb and #rgb and refuse anything else', () => {
    expect(Array.from(solidTile('#2E3c4f')!.data)).toEqual([0x2e, 0x3c, 0x4f, 255]);
    expect(Array.from(solidTile('#abc')!.data)).toEqual([0xaa, 0xbb, 0xcc, 255]);
    for (const bad of ['', '2e3c4f', '#2e3c4', '#2e3c4fff', 'red', '#gggggg', 'url(x)']) expect(solidTile(bad), bad).toBeNull();
  });
});

describe('paintSurfaces', () => {
  /** 8x4 photo: label 1 on the left half (luma 100 on top rows, 50 below), label 2 on the right, row 3 unlabelled. */
  function scene() {
    const photo = solidImage(8, 4, [100, 100, 100, 200]);
    for (let y = 2; y < 4; y++) for (let x = 0; x < 4; x++) photo.data.set([50, 50, 50, 200], (y * 8 + x) * 4);
    const mask = new Uint16Array(32);
    for (let y = 0; y < 3; y++) for (let x = 0; x < 8; x++) mask[y * 8 + x] = x < 4 ? 1 : 2;
    return { photo, mask, before: photo.data.slice() };
  }
  const px = (img: RgbaImage, x: number, y: number) => Array.from(img.data.subarray((y * img.width + x) * 4, (y * img.width + x) * 4 + 4));

  it('Should paint a label with its tile shaded against the surface and leave every other pixel alone', () => {
    const { photo, mask, before } = scene();
    const stats = paintSurfaces(photo, mask, [null, { tile: solidImage(1, 1, [200, 160, 40, 255]) }, null]);
    // The brighter rows are the surface's reference: the tile's own colour; the darker row is half of it.
    expect(px(photo, 0, 0)).toEqual([200, 160, 40, 200]);
    expect(px(photo, 3, 1)).toEqual([200, 160, 40, 200]);
    expect(px(photo, 1, 2)).toEqual([100, 80, 20, 200]);
    expect(stats.painted[1]).toBe(12);
    expect(stats.painted[2]).toBe(0);
    expect(stats.referenceLuma[1]).toBe(100);
    // Label 2 (no layer), row 3 (label 0) and every alpha byte are untouched.
    for (let i = 0; i < 32; i++) {
      const x = i % 8;
      const y = Math.floor(i / 8);
      if (x < 4 && y < 3) continue;
      expect(px(photo, x, y)).toEqual(Array.from(before.subarray(i * 4, i * 4 + 4)));
    }
  });

  it('Should repeat the tile from the photo origin', () => {
    const { photo, mask } = scene();
    const tile: RgbaImage = { width: 2, height: 2, data: new Uint8Array([10, 0, 0, 255, 20, 0, 0, 255, 30, 0, 0, 255, 40, 0, 0, 255]) };
    paintSurfaces(photo, mask, [null, null, { tile }]);
    expect([4, 5, 6, 7].map((x) => photo.data[(0 * 8 + x) * 4])).toEqual([10, 20, 10, 20]);
    expect([4, 5, 6, 7].map((x) => photo.data[(1 * 8 + x) * 4])).toEqual([30, 40, 30, 40]);
    expect([4, 5, 6, 7].map((x) => photo.data[(2 * 8 + x) * 4])).toEqual([10, 20, 10, 20]);
  });

  it('Should blend by the tile alpha', () => {
    const { photo, mask } = scene();
    const tile: RgbaImage = { width: 2, height: 1, data: new Uint8Array([200, 200, 200, 0, 200, 200, 200, 128]) };
    paintSurfaces(photo, mask, [null, null, { tile }]);
    expect(px(photo, 4, 0)).toEqual([100, 100, 100, 200]);
    expect(px(photo, 5, 0)).toEqual([150, 150, 150, 200]);
  });

  it('Should floor the reference for a near-black surface so noise is not blown up', () => {
    const photo = solidImage(4, 1, [2, 2, 2, 255]);
    photo.data.set([4, 4, 4, 255], 0);
    const mask = new Uint16Array([1, 1, 1, 1]);
    const stats = paintSurfaces(photo, mask, [null, { tile: solidImage(1, 1, [240, 240, 240, 255]) }]);
    expect(stats.referenceLuma[1]).toBeLessThan(MIN_REFERENCE_LUMA);
    expect(px(photo, 0, 0)).toEqual([60, 60, 60, 255]); // 240 * 4 / 16
    expect(px(photo, 1, 0)).toEqual([30, 30, 30, 255]);
  });

  it('Should refuse a mask that does not match the photo, or a tile that does not match its size', () => {
    const { photo } = scene();
    expect(() => paintSurfaces(photo, new Uint16Array(31), [null])).toThrow(RangeError);
    expect(() => paintSurfaces(photo, new Uint16Array(32), [null, { tile: { width: 2, height: 2, data: new Uint8Array(15) } }])).toThrow(RangeError);
  });
});
