/**
 * Writes every room kind to /tmp/finch-preview/<kind>.jpg, the same decoded
 * to <kind>.png (for viewers without JPEG support), <kind>.overlay.png
 * (surface polygons tinted and outlined), a swatch sheet, and prints render
 * timings.
 *
 *   npx tsx scripts/seed/images/preview.ts [runs-per-room]
 *
 * The only file here that touches Node APIs.
 */
/// <reference types="node" />
import { mkdirSync, writeFileSync } from 'node:fs';
import { decode as decodePng, encode as encodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { RGB } from './raster';
import { createRaster, fillPolygon } from './raster';
import { ROOM_KINDS, renderRoomPhoto } from './room';
import { SWATCH_MATERIALS, SWATCH_SIZE, renderSwatch } from './swatch';
import type { SwatchMaterial } from './swatch';

const OUT = '/tmp/finch-preview';
const runs = Math.max(1, Number(process.argv[2] ?? 3));
mkdirSync(OUT, { recursive: true });

const PALETTE: RGB[] = [
  [255, 64, 64],
  [64, 200, 255],
  [255, 210, 0],
  [120, 255, 90],
  [255, 90, 255],
  [255, 150, 40],
  [40, 255, 200],
  [160, 120, 255],
];

for (const kind of ROOM_KINDS) {
  const times: number[] = [];
  let photo = renderRoomPhoto(kind, { seed: 1 });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    photo = renderRoomPhoto(kind, { seed: 1 });
    times.push(performance.now() - t0);
  }
  writeFileSync(`${OUT}/${kind}.jpg`, photo.jpeg);

  const { width, height } = photo;
  const decoded = jpeg.decode(photo.jpeg, { useTArray: true });
  const tint = createRaster(width, height);
  const base = createRaster(width, height);
  base.data.set(decoded.data);
  tint.data.set(decoded.data);
  photo.surfaces.forEach((s, i) => {
    const c = PALETTE[i % PALETTE.length]!;
    const polys = s.polygons.map((p) => p.map(([x, y]) => [x * width, y * height] as const));
    fillPolygon(tint, polys, c);
  });
  const plain = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) for (let c = 0; c < 3; c++) plain[i * 3 + c] = decoded.data[i * 4 + c]!;
  writeFileSync(`${OUT}/${kind}.png`, encodePng({ width, height, data: plain, channels: 3, depth: 8 }));

  // 40% tint over the photo, then solid outlines on top.
  const over = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    for (let c = 0; c < 3; c++) {
      const b = base.data[i * 4 + c]!;
      const t = tint.data[i * 4 + c]!;
      over[i * 3 + c] = b === t ? b : Math.round(b * 0.6 + t * 0.4);
    }
  }
  photo.surfaces.forEach((s, i) => {
    const c = PALETTE[i % PALETTE.length]!;
    for (const poly of s.polygons) {
      for (let k = 0; k < poly.length; k++) {
        const a = poly[k]!;
        const b = poly[(k + 1) % poly.length]!;
        line(over, width, height, a[0] * width, a[1] * height, b[0] * width, b[1] * height, c);
      }
    }
  });
  writeFileSync(`${OUT}/${kind}.overlay.png`, encodePng({ width, height, data: over, channels: 3, depth: 8 }));

  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const legend = photo.surfaces
    .map((s, i) => `${s.key}(${PALETTE[i % PALETTE.length]!.join(',')}) pieces=${s.polygons.length} tile=${s.tileScale}`)
    .join('; ');
  console.log(`${kind}: ${mean.toFixed(0)} ms/photo (min ${Math.min(...times).toFixed(0)}), ${photo.jpeg.length} bytes`);
  console.log(`  ${legend}`);
  console.log(`  ${photo.spatialHint}`);
}

// Swatch sheet: every material tiled 2x2 at half scale, so seams would show.
const SWATCH_COLORS: Record<SwatchMaterial, string> = {
  wood: '#b08250',
  stone: '#e8e6e2',
  quartz: '#ecebe7',
  tile: '#8f8a84',
  paint: '#a9b7c4',
  metal: '#b4b6b8',
  carpet: '#8a8275',
  laminate: '#9c7b5c',
  concrete: '#9d9b97',
};
const cell = SWATCH_SIZE;
const sheetW = cell * SWATCH_MATERIALS.length;
const sheet = new Uint8Array(sheetW * cell * 3);
SWATCH_MATERIALS.forEach((material, m) => {
  const png = decodePng(renderSwatch({ material, color: SWATCH_COLORS[material], seed: 7 }));
  for (let y = 0; y < cell; y++) {
    for (let x = 0; x < cell; x++) {
      const sx = (x * 2) % cell;
      const sy = (y * 2) % cell;
      for (let c = 0; c < 3; c++) sheet[(y * sheetW + m * cell + x) * 3 + c] = png.data[(sy * cell + sx) * 3 + c]!;
    }
  }
});
writeFileSync(`${OUT}/swatches.png`, encodePng({ width: sheetW, height: cell, data: sheet, channels: 3, depth: 8 }));
console.log(`wrote ${OUT}`);

function line(buf: Uint8Array, w: number, h: number, x0: number, y0: number, x1: number, y1: number, c: RGB): void {
  const steps = Math.ceil(Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0))) + 1;
  for (let i = 0; i <= steps; i++) {
    const x = Math.floor(x0 + ((x1 - x0) * i) / steps);
    const y = Math.floor(y0 + ((y1 - y0) * i) / steps);
    if (x < 0 || y < 0 || x >= w || y >= h) continue;
    const k = (y * w + x) * 3;
    buf[k] = c[0];
    buf[k + 1] = c[1];
    buf[k + 2] = c[2];
  }
}
