import { describe, expect, it } from 'vitest';
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RoomKind } from './index';
import { ROOM_KINDS, SWATCH_MATERIALS, renderRoomPhoto, renderRoomPixels, renderSwatch } from './index';
import { scanPolygons } from './raster';

const EXPECTED_SURFACES: Record<RoomKind, string[]> = {
  'great-room': ['floor', 'walls', 'fireplace', 'trim'],
  kitchen: ['floor', 'walls', 'cabinets', 'countertop', 'backsplash'],
  'primary-bath': ['floor', 'walls', 'vanity', 'vanity-top', 'shower-tile', 'mirror'],
  'secondary-bath': ['floor', 'walls', 'vanity', 'shower-tile'],
};

// Small renders keep the suite quick; geometry is resolution-independent.
const SMALL = { width: 480, height: 320 };

function luminance(rgba: ArrayLike<number>, i: number): number {
  return 0.2126 * rgba[i * 4]! + 0.7152 * rgba[i * 4 + 1]! + 0.0722 * rgba[i * 4 + 2]!;
}

function polygonMask(polygons: Array<Array<[number, number]>>, width: number, height: number): Uint8Array {
  const mask = new Uint8Array(width * height);
  const pixels = polygons.map((p) => p.map(([x, y]) => [x * width, y * height] as const));
  scanPolygons(pixels, width, height, (x, y) => {
    mask[y * width + x] = 1;
  });
  return mask;
}

describe('seed room photos', () => {
  it('Should render a room photo that decodes to the declared size', () => {
    const photo = renderRoomPhoto('great-room');
    expect(photo.width).toBe(1536);
    expect(photo.height).toBe(1024);
    expect(photo.jpeg).toBeInstanceOf(Uint8Array);
    expect([photo.jpeg[0], photo.jpeg[1]]).toEqual([0xff, 0xd8]);
    const decoded = jpeg.decode(photo.jpeg, { useTArray: true });
    expect(decoded.width).toBe(1536);
    expect(decoded.height).toBe(1024);
    expect(decoded.data.length).toBe(1536 * 1024 * 4);
  });

  it('Should honour a custom size', () => {
    const photo = renderRoomPhoto('kitchen', { width: 300, height: 200 });
    const decoded = jpeg.decode(photo.jpeg, { useTArray: true });
    expect([decoded.width, decoded.height]).toEqual([300, 200]);
  });

  it('Should render byte-identical photos for the same seed', () => {
    const a = renderRoomPhoto('kitchen', { ...SMALL, seed: 42 });
    const b = renderRoomPhoto('kitchen', { ...SMALL, seed: 42 });
    expect(b.jpeg).toEqual(a.jpeg);
    expect(b.surfaces).toEqual(a.surfaces);
    const c = renderRoomPhoto('kitchen', { ...SMALL, seed: 43 });
    expect(c.jpeg).not.toEqual(a.jpeg);
  });

  it('Should expose the expected surface keys with polygons inside [0, 1] for every room kind', () => {
    for (const kind of ROOM_KINDS) {
      const photo = renderRoomPhoto(kind, SMALL);
      expect(photo.surfaces.map((s) => s.key).sort(), kind).toEqual([...EXPECTED_SURFACES[kind]].sort());
      expect(photo.spatialHint.length).toBeGreaterThan(20);
      for (const s of photo.surfaces) {
        expect(s.label.length).toBeGreaterThan(0);
        expect(s.tileScale).toBeGreaterThan(0);
        expect(s.tileScale).toBeLessThanOrEqual(1);
        expect(s.polygons.length).toBeGreaterThan(0);
        for (const poly of s.polygons) {
          expect(poly.length).toBeGreaterThanOrEqual(3);
          for (const [x, y] of poly) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1);
            expect(y).toBeGreaterThanOrEqual(0);
            expect(y).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });

  it('Should make surface polygons cover exactly the pixels painted with that surface', () => {
    for (const kind of ROOM_KINDS) {
      const { width, height, surfaces, paintedMask } = renderRoomPixels(kind, SMALL);
      surfaces.forEach((s, index) => {
        const mask = polygonMask(s.polygons, width, height);
        let painted = 0;
        let mismatched = 0;
        for (let i = 0; i < mask.length; i++) {
          const isPainted = paintedMask[i] === index + 1;
          if (isPainted) painted++;
          if (isPainted !== (mask[i] === 1)) mismatched++;
        }
        expect(painted, `${kind}/${s.key}`).toBeGreaterThan(0);
        expect(mismatched, `${kind}/${s.key}`).toBe(0);
      });
    }
  });

  it('Should shade the floor instead of filling it flat', () => {
    for (const kind of ROOM_KINDS) {
      const photo = renderRoomPhoto(kind, { width: 768, height: 512 });
      const { data, width, height } = jpeg.decode(photo.jpeg, { useTArray: true });
      const floor = photo.surfaces.find((s) => s.key === 'floor')!;
      const mask = polygonMask(floor.polygons, width, height);
      const halves = [
        { sum: 0, n: 0 },
        { sum: 0, n: 0 },
      ];
      let sum = 0;
      let sq = 0;
      let n = 0;
      for (let i = 0; i < mask.length; i++) {
        if (!mask[i]) continue;
        const l = luminance(data, i);
        sum += l;
        sq += l * l;
        n++;
        const half = halves[(i % width) < width / 2 ? 0 : 1]!;
        half.sum += l;
        half.n++;
      }
      const mean = sum / n;
      const std = Math.sqrt(sq / n - mean * mean);
      expect(n, kind).toBeGreaterThan(width * height * 0.03);
      expect(std, kind).toBeGreaterThan(6);
      const [left, right] = halves.map((h) => h.sum / h.n);
      expect(Math.abs(left! - right!), kind).toBeGreaterThan(1);
    }
  });

  it('Should reject an unknown room kind', () => {
    expect(() => renderRoomPhoto('attic' as RoomKind)).toThrow(/Unknown room kind/);
  });
});

describe('seed swatches', () => {
  function meanAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
    let d = 0;
    for (let i = 0; i < a.length; i++) d += Math.abs(a[i]! - b[i]!);
    return d / a.length;
  }

  it('Should encode every material as a 256x256 PNG, distinct per material', () => {
    const decoded = SWATCH_MATERIALS.map((material) => {
      const png = renderSwatch({ material, color: '#a08060', seed: 3 });
      expect([...png.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const img = decodePng(png);
      expect([img.width, img.height], material).toEqual([256, 256]);
      return img.data;
    });
    for (let i = 0; i < decoded.length; i++) {
      for (let j = i + 1; j < decoded.length; j++) {
        expect(meanAbsDiff(decoded[i]!, decoded[j]!), `${SWATCH_MATERIALS[i]} vs ${SWATCH_MATERIALS[j]}`).toBeGreaterThan(1);
      }
    }
  });

  it('Should follow the requested colour', () => {
    const dark = decodePng(renderSwatch({ material: 'paint', color: '#303a44', seed: 1 })).data;
    const light = decodePng(renderSwatch({ material: 'paint', color: '#e8e0d0', seed: 1 })).data;
    expect(meanAbsDiff(dark, light)).toBeGreaterThan(100);
    expect(Math.abs(dark[0]! - 0x30)).toBeLessThan(6);
    expect(Math.abs(light[2]! - 0xd0)).toBeLessThan(6);
  });

  it('Should render identical swatches for the same spec', () => {
    const spec = { material: 'stone', color: '#e6e4e0', accent: '#555555', seed: 9 } as const;
    expect(renderSwatch(spec)).toEqual(renderSwatch(spec));
    expect(renderSwatch({ ...spec, seed: 10 })).not.toEqual(renderSwatch(spec));
  });

  it('Should tile seamlessly', () => {
    for (const material of ['wood', 'stone', 'laminate', 'concrete', 'metal'] as const) {
      const { data } = decodePng(renderSwatch({ material, color: '#9a8670', seed: 5 }));
      const column = (x: number): number[] => Array.from({ length: 256 }, (_, y) => data[(y * 256 + x) * 3 + 1]!);
      const inner = meanAbsDiff(column(127), column(128));
      const seam = meanAbsDiff(column(255), column(0));
      expect(seam, material).toBeLessThan(inner * 3 + 4);
    }
  });

  it('Should reject an unknown material or a malformed colour', () => {
    expect(() => renderSwatch({ material: 'velvet' as 'paint', color: '#ffffff', seed: 1 })).toThrow(/Unknown swatch material/);
    expect(() => renderSwatch({ material: 'paint', color: 'blue', seed: 1 })).toThrow(/Invalid colour/);
  });
});
