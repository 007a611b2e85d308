/**
 * Tiny software rasterizer and procedural helpers for seed images.
 *
 * Pure TypeScript over typed arrays: no Node APIs, so it runs unchanged in
 * Node (seed scripts, tests) and inside workerd.
 */

export type RGB = [number, number, number];
export type Point = readonly [number, number];
export type Polygon = ReadonlyArray<Point>;

export interface Raster {
  width: number;
  height: number;
  /** RGBA, row-major, 4 bytes per pixel. */
  data: Uint8ClampedArray;
}

export type Shader = (x: number, y: number) => RGB;

export function createRaster(width: number, height: number, fill: RGB = [0, 0, 0]): Raster {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = fill[0];
    data[i + 1] = fill[1];
    data[i + 2] = fill[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

/**
 * Calls `visit(x, y)` for every pixel whose centre lies inside the polygon
 * set, using the even-odd rule (so an inner ring punches a hole).
 *
 * Sampling at pixel centres with half-open edge spans means two polygons that
 * share an edge never both claim a pixel, which is what lets a compositor
 * re-fill the exported surface polygons and hit exactly the painted pixels.
 */
export function scanPolygons(
  polygons: ReadonlyArray<Polygon>,
  width: number,
  height: number,
  visit: (x: number, y: number) => void,
): void {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const poly of polygons) {
    for (const [, y] of poly) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (!(minY < maxY)) return;
  const yStart = Math.max(0, Math.ceil(minY - 0.5));
  const yEnd = Math.min(height - 1, Math.floor(maxY - 0.5));
  const xs: number[] = [];
  for (let y = yStart; y <= yEnd; y++) {
    const sy = y + 0.5;
    xs.length = 0;
    for (const poly of polygons) {
      const n = poly.length;
      for (let i = 0; i < n; i++) {
        const a = poly[i]!;
        const b = poly[(i + 1) % n]!;
        const lo = a[1] < b[1] ? a : b;
        const hi = a[1] < b[1] ? b : a;
        if (sy >= lo[1] && sy < hi[1]) {
          xs.push(lo[0] + ((sy - lo[1]) * (hi[0] - lo[0])) / (hi[1] - lo[1]));
        }
      }
    }
    if (xs.length < 2) continue;
    xs.sort((p, q) => p - q);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const x0 = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const x1 = Math.min(width, Math.ceil(xs[k + 1]! - 0.5));
      for (let x = x0; x < x1; x++) visit(x, y);
    }
  }
}

/** Fills one polygon (or an even-odd polygon set) with a flat colour or a per-pixel shader. */
export function fillPolygon(raster: Raster, polygon: Polygon | ReadonlyArray<Polygon>, paint: RGB | Shader): void {
  const polys = isPolygonSet(polygon) ? polygon : [polygon as Polygon];
  const { data, width, height } = raster;
  scanPolygons(polys, width, height, (x, y) => {
    const c = typeof paint === 'function' ? paint(x, y) : paint;
    const i = (y * width + x) * 4;
    data[i] = c[0];
    data[i + 1] = c[1];
    data[i + 2] = c[2];
    data[i + 3] = 255;
  });
}

function isPolygonSet(p: Polygon | ReadonlyArray<Polygon>): p is ReadonlyArray<Polygon> {
  return p.length > 0 && Array.isArray(p[0]) && Array.isArray((p[0] as unknown[])[0]);
}

// ---------------------------------------------------------------------------
// Convex polygon clipping. Everything the room renderer projects is convex, so
// Sutherland–Hodgman against half-planes is all the geometry we need.

/** Keeps the part of `poly` where `a*x + b*y + c >= 0`. */
export function clipHalfPlane(poly: Polygon, a: number, b: number, c: number): Point[] {
  const out: Point[] = [];
  const n = poly.length;
  for (let i = 0; i < n; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % n]!;
    const dp = a * p[0] + b * p[1] + c;
    const dq = a * q[0] + b * q[1] + c;
    if (dp >= 0) out.push(p);
    if (dp >= 0 !== dq >= 0) {
      const t = dp / (dp - dq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

export function clipToRect(poly: Polygon, x0: number, y0: number, x1: number, y1: number): Point[] {
  let p: Point[] = [...poly];
  p = clipHalfPlane(p, 1, 0, -x0);
  p = clipHalfPlane(p, -1, 0, x1);
  p = clipHalfPlane(p, 0, 1, -y0);
  p = clipHalfPlane(p, 0, -1, y1);
  return p;
}

/** Signed area; positive when the vertices run clockwise on screen (y down). */
export function signedArea(poly: Polygon): number {
  let s = 0;
  for (let i = 0; i < poly.length; i++) {
    const p = poly[i]!;
    const q = poly[(i + 1) % poly.length]!;
    s += p[0] * q[1] - q[0] * p[1];
  }
  return s / 2;
}

/** Returns the polygon with clockwise (screen) winding. */
export function clockwise(poly: Polygon): Point[] {
  return signedArea(poly) < 0 ? [...poly].reverse() : [...poly];
}

/**
 * `subject \ cutter` for convex polygons, as a list of disjoint convex pieces.
 * Each cutter edge slices off the part of the subject lying outside it; what
 * survives all edges is the intersection, which is dropped.
 */
export function subtractConvex(subject: Polygon, cutter: Polygon, minArea = 1e-6): Point[][] {
  if (!bboxOverlap(subject, cutter)) return [[...subject]];
  const c = clockwise(cutter);
  let inside: Point[] = [...subject];
  const pieces: Point[][] = [];
  for (let i = 0; i < c.length && inside.length >= 3; i++) {
    const p = c[i]!;
    const q = c[(i + 1) % c.length]!;
    // With positive signed area the interior is where cross(q - p, r - p) > 0,
    // i.e. where a*x + b*y + k >= 0.
    const a = -(q[1] - p[1]);
    const b = q[0] - p[0];
    const k = -(a * p[0] + b * p[1]);
    const outside = clipHalfPlane(inside, -a, -b, -k);
    if (outside.length >= 3 && Math.abs(signedArea(outside)) > minArea) pieces.push(outside);
    inside = clipHalfPlane(inside, a, b, k);
  }
  if (inside.length < 3 || Math.abs(signedArea(inside)) <= minArea) return [[...subject]];
  return pieces;
}

/** Convex hull (Andrew's monotone chain), clockwise on screen. */
export function convexHull(points: Polygon): Point[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const cross = (o: Point, a: Point, b: Point): number => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Point[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Point[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i]!;
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, p) <= 0) upper.pop();
    upper.push(p);
  }
  return clockwise([...lower.slice(0, -1), ...upper.slice(0, -1)]);
}

function bboxOverlap(a: Polygon, b: Polygon): boolean {
  const ba = bbox(a);
  const bb = bbox(b);
  return ba[0] < bb[2] && bb[0] < ba[2] && ba[1] < bb[3] && bb[1] < ba[3];
}

function bbox(p: Polygon): [number, number, number, number] {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of p) {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

// ---------------------------------------------------------------------------
// Randomness and noise. Everything is seeded so renders are byte-identical.

/** mulberry32: tiny, fast, good-enough PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Hash of an integer lattice point to [0, 1). */
export function hash2(ix: number, iy: number, seed: number): number {
  let h = Math.imul(ix | 0, 0x27d4eb2d) ^ Math.imul(iy | 0, 0x165667b1) ^ Math.imul(seed | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

/** Smoothly interpolated value noise in [0, 1). */
export function valueNoise(x: number, y: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const ux = fx * fx * (3 - 2 * fx);
  const uy = fy * fy * (3 - 2 * fy);
  const a = hash2(ix, iy, seed);
  const b = hash2(ix + 1, iy, seed);
  const c = hash2(ix, iy + 1, seed);
  const d = hash2(ix + 1, iy + 1, seed);
  return a + (b - a) * ux + (c - a) * uy + (a - b - c + d) * ux * uy;
}

/** Fractal sum of value noise, normalised to roughly [0, 1). */
export function fbm(x: number, y: number, seed: number, octaves = 4): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  for (let o = 0; o < octaves; o++) {
    sum += amp * valueNoise(x, y, seed + o * 1013);
    norm += amp;
    // Rotating between octaves hides the lattice's axis alignment.
    const nx = 1.6 * x + 1.2 * y;
    y = -1.2 * x + 1.6 * y;
    x = nx;
    amp *= 0.5;
  }
  return sum / norm;
}

/**
 * Value noise that repeats every `px` / `py` lattice cells, so swatches built
 * from it tile seamlessly.
 */
export function periodicNoise(x: number, y: number, px: number, py: number, seed: number): number {
  const ix = Math.floor(x);
  const iy = Math.floor(y);
  const fx = x - ix;
  const fy = y - iy;
  const ux = fx * fx * (3 - 2 * fx);
  const uy = fy * fy * (3 - 2 * fy);
  const x0 = mod(ix, px);
  const y0 = mod(iy, py);
  const x1 = mod(ix + 1, px);
  const y1 = mod(iy + 1, py);
  const a = hash2(x0, y0, seed);
  const b = hash2(x1, y0, seed);
  const c = hash2(x0, y1, seed);
  const d = hash2(x1, y1, seed);
  return a + (b - a) * ux + (c - a) * uy + (a - b - c + d) * ux * uy;
}

/**
 * Tileable fbm: `u, v` in [0, 1) span one period of `cellsX` x `cellsY`
 * lattice cells (unequal counts stretch the noise); octaves double the lattice.
 */
export function periodicFbm(u: number, v: number, cellsX: number, cellsY: number, seed: number, octaves = 4): number {
  let sum = 0;
  let amp = 0.5;
  let norm = 0;
  let cx = cellsX;
  let cy = cellsY;
  for (let o = 0; o < octaves; o++) {
    sum += amp * periodicNoise(u * cx, v * cy, cx, cy, seed + o * 1013);
    norm += amp;
    cx *= 2;
    cy *= 2;
    amp *= 0.5;
  }
  return sum / norm;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

// ---------------------------------------------------------------------------
// Colour and scalar helpers.

export function hexToRgb(hex: string): RGB {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new Error(`Invalid colour "${hex}", expected #rrggbb`);
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function mix(a: RGB, b: RGB, t: number): RGB {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

export function scale(c: RGB, k: number): RGB {
  return [c[0] * k, c[1] * k, c[2] * k];
}

export function clamp(v: number, lo = 0, hi = 1): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function smoothstep(e0: number, e1: number, x: number): number {
  const t = clamp((x - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
}

/** sRGB byte -> linear [0, 1]. Lighting maths happens in linear space. */
export function srgbToLinear(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

/** Linear [0, 1] -> sRGB byte. */
export function linearToSrgb(v: number): number {
  const c = v <= 0 ? 0 : v >= 1 ? 1 : v;
  return 255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);
}

export function hexToLinear(hex: string): RGB {
  const [r, g, b] = hexToRgb(hex);
  return [srgbToLinear(r), srgbToLinear(g), srgbToLinear(b)];
}

/**
 * Box-filtered coverage of a line of half-width `hw` at distance `d` from the
 * pixel centre, for a pixel `fp` wide. Keeps grout and seams from aliasing into
 * moiré once they get thinner than a pixel.
 */
export function lineCoverage(d: number, hw: number, fp: number): number {
  const lo = Math.max(d - fp / 2, -hw);
  const hi = Math.min(d + fp / 2, hw);
  return hi > lo ? Math.min(1, (hi - lo) / fp) : 0;
}
