/**
 * The compositor's pixel work on plain RGBA buffers: no codec, no I/O, no bindings.
 *
 * - Coverage: a pixel belongs to a polygon when its centre lies inside it (even-odd within
 *   one polygon, half-open spans), the same rule the seed renderer uses to export surfaces,
 *   so re-filling the seed's polygons hits exactly the pixels it painted and pieces sharing
 *   an edge never both claim a pixel. Surfaces are labelled back to front: a later surface
 *   owns any pixel it overlaps, whether or not it is painted, so an unpainted surface in
 *   front (a cabinet with no pick) still hides the painted wall behind it.
 * - Tiling: the swatch is resampled once to the tile's size in photo pixels (a periodic
 *   triangle filter that widens when shrinking, so grout lines do not alias) and repeated
 *   from the photo's origin, so the pieces of one surface share one continuous texture.
 * - Shading: each painted pixel is the swatch colour times gain = L / L_ref, where L is the
 *   photo's luma there (Rec. 709 weights on the sRGB values) and L_ref the 90th percentile
 *   of the luma over the surface's own pixels. So the best-lit tenth of a surface shows the
 *   swatch at (or above) its own colour and the rest is darker in the same proportion as in
 *   the photo: shadows, falloff and sun patches carry over and the room keeps its exposure.
 *   (Normalising by the mean instead put the average pixel at the swatch's colour, which left
 *   no headroom: a light paint in a sunlit room clipped to a white blob.) Light is
 *   multiplicative, so a plain multiply is right until a channel clips; past that the pixel
 *   keeps its luma and loses chroma, so highlights go toward white instead of shifting hue.
 *   L_ref is floored so a near-black surface renders dark instead of amplifying noise. The
 *   photo's fine texture (old grout lines, grain) also carries over, faintly: no attempt is
 *   made to separate it from shading. Swatch alpha blends over the photo; photo alpha is kept.
 */
import type { RgbaImage } from './codec';

/** A point in pixels (x right, y down). */
export type PixelPoint = readonly [number, number];
/** A point in 0..1 of the photo's width and height. */
export type NormalizedPoint = readonly [number, number];

/** Which of a surface's photo lumas shows the swatch at exactly its own colour (see the header). */
export const REFERENCE_PERCENTILE = 0.9;
/** A reference luma (0..255) below this counts as this, so a near-black surface does not amplify noise. */
export const MIN_REFERENCE_LUMA = 16;
/** Largest tile side in pixels (a tall swatch at a wide tileScale must not allocate without bound). */
export const MAX_TILE_SIDE = 4096;

export const luma = (r: number, g: number, b: number): number => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/**
 * Sets `label` on every pixel whose centre lies inside `polygon` (pixel coordinates, even-odd
 * rule). Returns how many pixels it set. Polygons with fewer than 3 points or a non-finite
 * coordinate cover nothing.
 */
export function fillPolygon(mask: Uint16Array, width: number, height: number, polygon: ReadonlyArray<PixelPoint>, label: number): number {
  const n = polygon.length;
  if (n < 3 || mask.length !== width * height) return 0;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const p = polygon[i]!;
    const x = p[0];
    const y = p[1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return 0;
    px[i] = x;
    py[i] = y;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const yStart = Math.max(0, Math.ceil(minY - 0.5));
  const yEnd = Math.min(height - 1, Math.floor(maxY - 0.5));
  const xs = new Float64Array(n);
  let filled = 0;
  for (let y = yStart; y <= yEnd; y++) {
    const sy = y + 0.5;
    let count = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ay = py[j]!;
      const by = py[i]!;
      // Half-open in y: a vertex exactly on the scanline counts for one of its two edges only.
      if (ay <= sy ? sy < by : by <= sy) {
        const ax = px[j]!;
        const x = ax + ((sy - ay) * (px[i]! - ax)) / (by - ay);
        // Insertion sort: a row crosses a handful of edges.
        let k = count++;
        while (k > 0 && xs[k - 1]! > x) {
          xs[k] = xs[k - 1]!;
          k--;
        }
        xs[k] = x;
      }
    }
    const row = y * width;
    for (let k = 0; k + 1 < count; k += 2) {
      const x0 = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const x1 = Math.min(width, Math.ceil(xs[k + 1]! - 0.5));
      if (x1 > x0) {
        mask.fill(label, row + x0, row + x1);
        filled += x1 - x0;
      }
    }
  }
  return filled;
}

/**
 * One label per pixel: 0 for none, else 1 + the index of the last surface (back to front)
 * with a polygon covering the pixel's centre. Polygons are in 0..1 of the photo's size.
 */
export function labelSurfaces(
  surfaces: ReadonlyArray<{ polygons: ReadonlyArray<ReadonlyArray<NormalizedPoint>> }>,
  width: number,
  height: number,
): Uint16Array {
  if (surfaces.length > 0xffff) throw new RangeError('Too many surfaces');
  const mask = new Uint16Array(width * height);
  surfaces.forEach((surface, index) => {
    for (const polygon of surface.polygons) {
      fillPolygon(mask, width, height, polygon.map(([x, y]) => [x * width, y * height] as const), index + 1);
    }
  });
  return mask;
}

/**
 * The tile's size in photo pixels: `tileScale` of the photo's width, the swatch's aspect
 * kept. A missing or nonsensical scale falls back to a quarter of the width.
 */
export function tileSize(tileScale: number, photoWidth: number, swatchWidth: number, swatchHeight: number): { width: number; height: number } {
  const scale = Number.isFinite(tileScale) && tileScale > 0 ? Math.min(tileScale, MAX_TILE_SIDE / photoWidth) : 0.25;
  const width = clampInt(Math.round(scale * photoWidth), 1, MAX_TILE_SIDE);
  const height = clampInt(Math.round((width * swatchHeight) / swatchWidth), 1, MAX_TILE_SIDE);
  return { width, height };
}

/**
 * Resamples a periodic RGBA image to `width` x `height`, wrapping around its edges so the
 * result still tiles seamlessly. Triangle filter; when shrinking its support widens by the
 * scale factor (area-like averaging), when enlarging it is plain bilinear.
 */
export function resampleTile(src: RgbaImage, width: number, height: number): RgbaImage {
  if (src.width === width && src.height === height) return src;
  const h = filterTaps(src.width, width);
  const v = filterTaps(src.height, height);
  const data = src.data;
  // Horizontal pass into floats: src.height rows of `width` pixels.
  const mid = new Float32Array(src.height * width * 4);
  for (let y = 0; y < src.height; y++) {
    const rowIn = y * src.width * 4;
    let o = y * width * 4;
    for (let x = 0; x < width; x++, o += 4) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let t = x * h.count, end = t + h.count; t < end; t++) {
        const w = h.weight[t]!;
        if (w === 0) continue;
        const i = rowIn + h.index[t]! * 4;
        r += data[i]! * w;
        g += data[i + 1]! * w;
        b += data[i + 2]! * w;
        a += data[i + 3]! * w;
      }
      mid[o] = r;
      mid[o + 1] = g;
      mid[o + 2] = b;
      mid[o + 3] = a;
    }
  }
  // Vertical pass: whole rows at a time, so memory is read in order.
  const stride = width * 4;
  const out = new Uint8Array(height * stride);
  const acc = new Float32Array(stride);
  for (let y = 0; y < height; y++) {
    acc.fill(0);
    for (let t = y * v.count, end = t + v.count; t < end; t++) {
      const w = v.weight[t]!;
      if (w === 0) continue;
      const rowIn = v.index[t]! * stride;
      for (let c = 0; c < stride; c++) acc[c]! += mid[rowIn + c]! * w;
    }
    const rowOut = y * stride;
    for (let c = 0; c < stride; c++) {
      const value = acc[c]!;
      out[rowOut + c] = value <= 0 ? 0 : value >= 255 ? 255 : (value + 0.5) | 0;
    }
  }
  return { width, height, data: out };
}

/** `count` taps per destination sample, flattened; unused taps have weight 0. */
interface Taps {
  count: number;
  index: Int32Array;
  weight: Float32Array;
}

function filterTaps(srcSize: number, dstSize: number): Taps {
  const scale = srcSize / dstSize;
  const support = Math.max(1, scale);
  const count = Math.ceil(support) * 2 + 1;
  const index = new Int32Array(dstSize * count);
  const weight = new Float32Array(dstSize * count);
  for (let d = 0; d < dstSize; d++) {
    const centre = (d + 0.5) * scale - 0.5;
    const first = Math.ceil(centre - support);
    let total = 0;
    for (let k = 0; k < count; k++) {
      const s = first + k;
      const w = Math.max(0, 1 - Math.abs(s - centre) / support);
      index[d * count + k] = ((s % srcSize) + srcSize) % srcSize;
      weight[d * count + k] = w;
      total += w;
    }
    for (let k = 0; k < count; k++) weight[d * count + k]! /= total;
  }
  return { count, index, weight };
}

/** A 1x1 opaque tile of `#rrggbb` (or `#rgb`), or null when the string is not such a colour. */
export function solidTile(hex: string): RgbaImage | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  let digits = m[1]!;
  if (digits.length === 3) digits = digits.replace(/./g, (c) => c + c);
  const n = Number.parseInt(digits, 16);
  return { width: 1, height: 1, data: new Uint8Array([(n >> 16) & 255, (n >> 8) & 255, n & 255, 255]) };
}

/**
 * Writes the shaded colour of swatch (r, g, b) under `gain` into out[at..at+2]: multiply,
 * then if a channel would clip, keep the multiplied luma and pull the chroma in just enough
 * to fit (pure white once the luma itself reaches 255).
 */
export function shadeInto(out: Uint8Array | Uint8ClampedArray, at: number, r: number, g: number, b: number, gain: number): void {
  let sr = r * gain;
  let sg = g * gain;
  let sb = b * gain;
  const max = sr > sg ? (sr > sb ? sr : sb) : sg > sb ? sg : sb;
  if (max > 255) {
    const y = luma(sr, sg, sb);
    if (y >= 255) {
      sr = sg = sb = 255;
    } else {
      // Largest t with y + t * (c - y) <= 255 for every channel c.
      const t = (255 - y) / (max - y);
      sr = y + t * (sr - y);
      sg = y + t * (sg - y);
      sb = y + t * (sb - y);
    }
  }
  out[at] = clamp255(sr);
  out[at + 1] = clamp255(sg);
  out[at + 2] = clamp255(sb);
}

/** What to paint for one label of the mask. */
export interface SurfaceLayer {
  tile: RgbaImage;
}

export interface PaintStats {
  /** Pixels of each label that were painted (index = label; fully transparent tile pixels count too). */
  painted: Uint32Array;
  /** The luma each painted label was shaded against (NaN where nothing was painted). */
  referenceLuma: Float64Array;
}

/**
 * Paints, in place, every pixel whose label has a layer: the layer's tile (repeated from the
 * photo's origin) shaded by the photo's luma at that pixel over the label's reference luma
 * (its `percentile`, see the header). Pixels with label 0 or a label without a layer are not
 * touched. `layers` is indexed by label.
 */
export function paintSurfaces(
  photo: RgbaImage,
  mask: Uint16Array,
  layers: ReadonlyArray<SurfaceLayer | null | undefined>,
  percentile = REFERENCE_PERCENTILE,
): PaintStats {
  const { width, height, data } = photo;
  if (mask.length !== width * height || data.length !== width * height * 4) throw new RangeError('Mask, photo and size disagree');
  const labels = layers.length;
  const active = new Uint8Array(labels);
  for (let l = 1; l < labels; l++) {
    const tile = layers[l]?.tile;
    if (!tile) continue;
    if (!(tile.width > 0 && tile.height > 0) || tile.data.length !== tile.width * tile.height * 4) throw new RangeError(`Tile of label ${l} disagrees with its size`);
    active[l] = 1;
  }

  // Per-label histogram of luma in whole steps (integer weights summing to 256), for the reference percentile.
  const histogram = new Uint32Array(labels * 256);
  const painted = new Uint32Array(labels);
  for (let i = 0, p = 0; i < mask.length; i++, p += 4) {
    const label = mask[i]!;
    if (label >= labels || active[label] === 0) continue;
    histogram[(label << 8) | ((54 * data[p]! + 183 * data[p + 1]! + 19 * data[p + 2]! + 128) >> 8)]!++;
    painted[label]!++;
  }
  const referenceLuma = new Float64Array(labels).fill(Number.NaN);
  const inverseReference = new Float64Array(labels);
  for (let l = 1; l < labels; l++) {
    const n = painted[l]!;
    if (n === 0) continue;
    const rank = Math.max(1, Math.ceil(percentile * n));
    let seen = 0;
    let bin = 0;
    for (; bin < 256; bin++) {
      seen += histogram[l * 256 + bin]!;
      if (seen >= rank) break;
    }
    referenceLuma[l] = bin;
    inverseReference[l] = 1 / Math.max(bin, MIN_REFERENCE_LUMA);
  }

  const tileData: Uint8Array[] = [];
  const tileWidth = new Int32Array(labels);
  const tileHeight = new Int32Array(labels);
  const tileRow = new Int32Array(labels);
  for (let l = 0; l < labels; l++) {
    const tile = active[l] ? layers[l]!.tile : null;
    tileData.push(tile ? tile.data : EMPTY);
    tileWidth[l] = tile ? tile.width : 1;
    tileHeight[l] = tile ? tile.height : 1;
  }
  const shaded = new Uint8Array(3);
  for (let y = 0; y < height; y++) {
    for (let l = 1; l < labels; l++) if (active[l]) tileRow[l] = (y % tileHeight[l]!) * tileWidth[l]! * 4;
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const label = mask[row + x]!;
      if (label >= labels || active[label] === 0) continue;
      const td = tileData[label]!;
      const t = tileRow[label]! + (x % tileWidth[label]!) * 4;
      const p = (row + x) * 4;
      const r0 = data[p]!;
      const g0 = data[p + 1]!;
      const b0 = data[p + 2]!;
      const gain = (0.2126 * r0 + 0.7152 * g0 + 0.0722 * b0) * inverseReference[label]!;
      const alpha = td[t + 3]!;
      if (alpha === 255) {
        shadeInto(data, p, td[t]!, td[t + 1]!, td[t + 2]!, gain);
      } else if (alpha > 0) {
        shadeInto(shaded, 0, td[t]!, td[t + 1]!, td[t + 2]!, gain);
        const k = alpha / 255;
        data[p] = Math.round(r0 + (shaded[0]! - r0) * k);
        data[p + 1] = Math.round(g0 + (shaded[1]! - g0) * k);
        data[p + 2] = Math.round(b0 + (shaded[2]! - b0) * k);
      }
    }
  }
  return { painted, referenceLuma };
}

const clamp255 = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : (v + 0.5) | 0);
const EMPTY = new Uint8Array(4);
const clampInt = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
