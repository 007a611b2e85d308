/**
 * A very small "3D" renderer for one-point-perspective interior shots.
 *
 * The scene is a list of axis-aligned rectangles (room shell, box faces,
 * decals on walls) plus a few screen-space sprites (lamps, faucets), painted
 * back-to-front. Because every face is planar and axis-aligned, each pixel can
 * be un-projected onto its face analytically, which gives the world position
 * needed for physically-flavoured lighting (window area lights, sun patch,
 * point lights, SDF ambient occlusion, glossy window reflections) without a
 * general ray tracer.
 *
 * The painted polygon of every face is known exactly, so the visible region of
 * each named surface is that polygon minus everything painted after it.
 */
import type { Point, Polygon, RGB } from './raster';
import { clipToRect, clockwise, mulberry32, scanPolygons, signedArea, subtractConvex } from './raster';

export type Vec3 = [number, number, number];
export type Axis = 0 | 1 | 2;

export interface Camera {
  pos: Vec3;
  /** Focal length in pixels. */
  f: number;
  cx: number;
  cy: number;
  width: number;
  height: number;
}

/** What a material reports for one shading point. Colours are linear. */
export interface Surfacing {
  albedo: RGB;
  /** Strength of mirror-like window/lamp reflections, 0..1. */
  gloss?: number;
  /** Blur of those reflections, in metres of window edge softness per metre travelled. */
  rough?: number;
  /** Self-emitted radiance (window glass, lamp diffusers). */
  emit?: RGB;
}

export interface Hit {
  p: Vec3;
  n: Vec3;
  /** World coordinates along the face's two in-plane axes (see `planeAxes`). */
  u: number;
  v: number;
  /** Same, relative to the face's low corner. */
  lu: number;
  lv: number;
  /** Face extent along u and v. */
  su: number;
  sv: number;
  /** Approximate size of one pixel on the face, in metres (for anti-aliasing). */
  fp: number;
}

/** The `Hit` is reused from pixel to pixel: read it, never keep it. */
export type Material = (h: Hit) => Surfacing;

export type FaceKind = 'opaque' | 'glass' | 'mirror';

export interface Face {
  axis: Axis;
  /** Direction of the normal along `axis`. */
  sign: 1 | -1;
  lo: Vec3;
  hi: Vec3;
  material: Material;
  surface?: string;
  kind: FaceKind;
}

export interface Box {
  lo: Vec3;
  hi: Vec3;
}

export interface Sprite {
  /** Convex polygon in pixels. */
  poly: Point[];
  /** Linear radiance at a pixel. */
  shade: (x: number, y: number) => RGB;
  surface?: string;
}

export interface WindowLight {
  axis: Axis;
  sign: 1 | -1;
  lo: Vec3;
  hi: Vec3;
  /** Radiance flowing into the room (already divided by pi). */
  radiance: RGB;
}

export interface PointLight {
  pos: Vec3;
  intensity: RGB;
  /** Cosine exponent of a downward cone; 0 = omnidirectional. */
  down: number;
}

export interface Sun {
  /** Unit vector pointing towards the sun. */
  dir: Vec3;
  radiance: RGB;
}

type DrawItem = { face: Face } | { sprite: Sprite };

export class Scene {
  readonly draws: DrawItem[] = [];
  /** Every face, including ones turned away from the camera: mirrors trace against these. */
  readonly traceFaces: Face[] = [];
  readonly boxes: Box[] = [];
  readonly windows: WindowLight[] = [];
  readonly points: PointLight[] = [];
  sun: Sun | null = null;
  ambient: RGB = [0.05, 0.05, 0.05];
  private rig: LightRig | null = null;

  constructor(
    readonly camera: Camera,
    /** Interior of the room shell: x0..x1, 0..height, z0 (behind the camera)..z1 (back wall). */
    readonly room: { x0: number; x1: number; height: number; z0: number; z1: number },
  ) {}

  /** Adds a face in painter's order (call back-to-front). Faces turned away from the camera are only traced. */
  face(face: Omit<Face, 'kind'> & { kind?: FaceKind }): Face {
    const f: Face = { kind: 'opaque', ...face };
    if (f.kind !== 'glass') this.traceFaces.push(f);
    const a = f.axis;
    if (f.sign * (this.camera.pos[a] - f.lo[a]) > 0) this.draws.push({ face: f });
    return f;
  }

  /**
   * Adds an axis-aligned box. `faces` picks material/surface per side; sides
   * without an entry use `all`. Returns the box for layout maths.
   */
  box(
    lo: Vec3,
    hi: Vec3,
    all: { material: Material; surface?: string },
    faces: Partial<Record<BoxSide, { material: Material; surface?: string } | null>> = {},
    opts: { occludes?: boolean } = {},
  ): Box {
    const b = { lo, hi };
    if (opts.occludes !== false) this.boxes.push(b);
    for (const side of BOX_SIDES) {
      const spec = side in faces ? faces[side] : all;
      if (spec === null || spec === undefined) continue;
      const { axis, sign } = SIDE_AXIS[side];
      const at = sign > 0 ? hi[axis] : lo[axis];
      const flo: Vec3 = [...lo];
      const fhi: Vec3 = [...hi];
      flo[axis] = at;
      fhi[axis] = at;
      const face: Omit<Face, 'kind'> = { axis, sign, lo: flo, hi: fhi, material: spec.material };
      if (spec.surface !== undefined) face.surface = spec.surface;
      this.face(face);
    }
    return b;
  }

  sprite(s: Sprite): void {
    if (s.poly.length >= 3) this.draws.push({ sprite: s });
  }

  window(w: WindowLight): void {
    this.windows.push(w);
  }

  light(p: PointLight): void {
    this.points.push(p);
  }

  /** Lit diffuse colour of a point, for sprites that shade themselves. Valid once the scene is complete. */
  litColor(p: Vec3, n: Vec3, albedo: RGB): RGB {
    this.rig ??= buildRig(this);
    const e: RGB = [0, 0, 0];
    irradiance(this.rig, p, n, this.boxes, e);
    return [albedo[0] * e[0], albedo[1] * e[1], albedo[2] * e[2]];
  }

  /** World point where the ray through pixel (x, y) meets the plane p[axis] = at. */
  unproject(x: number, y: number, axis: Axis, at: number): Vec3 {
    const c = this.camera;
    const d: Vec3 = [(x - c.cx) / c.f, -(y - c.cy) / c.f, 1];
    const t = (at - c.pos[axis]) / d[axis];
    return [c.pos[0] + d[0] * t, c.pos[1] + d[1] * t, c.pos[2] + d[2] * t];
  }
}

export type BoxSide = 'left' | 'right' | 'bottom' | 'top' | 'front' | 'back';
const BOX_SIDES: BoxSide[] = ['back', 'left', 'right', 'bottom', 'top', 'front'];
const SIDE_AXIS: Record<BoxSide, { axis: Axis; sign: 1 | -1 }> = {
  left: { axis: 0, sign: -1 },
  right: { axis: 0, sign: 1 },
  bottom: { axis: 1, sign: -1 },
  top: { axis: 1, sign: 1 },
  front: { axis: 2, sign: -1 },
  back: { axis: 2, sign: 1 },
};

/** In-plane axes of a face perpendicular to `axis`: u is horizontal where possible. */
export function planeAxes(axis: Axis): [Axis, Axis] {
  return axis === 0 ? [2, 1] : axis === 1 ? [0, 2] : [0, 1];
}

export function makeCamera(width: number, height: number, pos: Vec3, hfovDeg: number): Camera {
  const f = width / 2 / Math.tan((hfovDeg * Math.PI) / 360);
  // A sub-pixel, deliberately odd principal-point offset: with round room
  // dimensions, edges otherwise run exactly through pixel centres, where the
  // inside/outside decision hinges on the last bit of float rounding.
  return { pos, f, cx: width / 2 + 0.01379, cy: height / 2 + 0.02173, width, height };
}

export function project(cam: Camera, p: Vec3): Point {
  const z = p[2] - cam.pos[2];
  return [cam.cx + (cam.f * (p[0] - cam.pos[0])) / z, cam.cy - (cam.f * (p[1] - cam.pos[1])) / z];
}

const NEAR = 0.05;

/** Projects a planar 3D polygon, clipped against the near plane and the image. */
export function projectPolygon(cam: Camera, pts: Vec3[]): Point[] {
  const clipped: Vec3[] = [];
  const zn = cam.pos[2] + NEAR;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i]!;
    const b = pts[(i + 1) % pts.length]!;
    const ina = a[2] >= zn;
    const inb = b[2] >= zn;
    if (ina) clipped.push(a);
    if (ina !== inb) {
      const t = (zn - a[2]) / (b[2] - a[2]);
      clipped.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), zn]);
    }
  }
  if (clipped.length < 3) return [];
  const screen = clipToRect(
    clipped.map((p) => project(cam, p)),
    0,
    0,
    cam.width,
    cam.height,
  );
  return screen.length >= 3 && Math.abs(signedArea(screen)) > 1e-6 ? clockwise(screen) : [];
}

function faceCorners(f: Face): Vec3[] {
  const [ua, va] = planeAxes(f.axis);
  const c = (u: number, v: number): Vec3 => {
    const p: Vec3 = [0, 0, 0];
    p[f.axis] = f.lo[f.axis];
    p[ua] = u;
    p[va] = v;
    return p;
  };
  return [c(f.lo[ua], f.lo[va]), c(f.hi[ua], f.lo[va]), c(f.hi[ua], f.hi[va]), c(f.lo[ua], f.hi[va])];
}

// ---------------------------------------------------------------------------
// Lighting

/** Signed distance from inside the room shell to its walls, floor and ceiling. */
function roomSdf(room: Scene['room'], x: number, y: number, z: number): number {
  return Math.min(x - room.x0, room.x1 - x, y, room.height - y, room.z1 - z);
}

function boxSdf(b: Box, x: number, y: number, z: number): number {
  const cx = (b.lo[0] + b.hi[0]) / 2;
  const cy = (b.lo[1] + b.hi[1]) / 2;
  const cz = (b.lo[2] + b.hi[2]) / 2;
  const qx = Math.abs(x - cx) - (b.hi[0] - b.lo[0]) / 2;
  const qy = Math.abs(y - cy) - (b.hi[1] - b.lo[1]) / 2;
  const qz = Math.abs(z - cz) - (b.hi[2] - b.lo[2]) / 2;
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  const oz = Math.max(qz, 0);
  return Math.sqrt(ox * ox + oy * oy + oz * oz) + Math.min(Math.max(qx, qy, qz), 0);
}

const AO_STEPS = [0.03, 0.1, 0.2, 0.34];
const AO_REACH = 0.4;

interface LightRig {
  scene: Scene;
  /**
   * Window area lights as patches: x, y, z, area-weighted radiance r, g, b,
   * normal axis, normal sign. Patch 0 of each window is the whole window at
   * its centre; patches 1..WINDOW_SPLIT^2 subdivide it.
   */
  patches: Float64Array;
  /** Per window: squared distance beyond which the single centre patch is accurate enough. */
  farSq: Float64Array;
}

const WINDOW_SPLIT = 3;
const PATCH_STRIDE = 8;
const PATCHES_PER_WINDOW = 1 + WINDOW_SPLIT * WINDOW_SPLIT;

function buildRig(scene: Scene): LightRig {
  const patches: number[] = [];
  const farSq: number[] = [];
  for (const w of scene.windows) {
    const [ua, va] = planeAxes(w.axis);
    const su = w.hi[ua] - w.lo[ua];
    const sv = w.hi[va] - w.lo[va];
    const push = (u0: number, v0: number, du: number, dv: number): void => {
      const p: Vec3 = [0, 0, 0];
      p[w.axis] = w.lo[w.axis];
      p[ua] = u0 + du / 2;
      p[va] = v0 + dv / 2;
      const area = du * dv;
      patches.push(p[0], p[1], p[2], w.radiance[0] * area, w.radiance[1] * area, w.radiance[2] * area, w.axis, w.sign);
    };
    push(w.lo[ua], w.lo[va], su, sv);
    for (let i = 0; i < WINDOW_SPLIT; i++) {
      for (let j = 0; j < WINDOW_SPLIT; j++) {
        push(w.lo[ua] + (i * su) / WINDOW_SPLIT, w.lo[va] + (j * sv) / WINDOW_SPLIT, su / WINDOW_SPLIT, sv / WINDOW_SPLIT);
      }
    }
    // A point-source approximation of a rectangle is good to a few percent past ~2.5 diagonals.
    farSq.push(6.25 * (su * su + sv * sv));
  }
  return { scene, patches: Float64Array.from(patches), farSq: Float64Array.from(farSq) };
}

/**
 * Irradiance (already divided by pi) arriving at p with normal n, from the
 * windows, the sun through the windows, point lights and occluded ambient.
 */
function irradiance(rig: LightRig, p: Vec3, n: Vec3, boxes: Box[], out: RGB): void {
  const { scene } = rig;
  let r = 0;
  let g = 0;
  let b = 0;
  const ws = rig.patches;
  for (let w = 0; w < rig.farSq.length; w++) {
    const base = w * PATCHES_PER_WINDOW;
    const c = base * PATCH_STRIDE;
    const dx = ws[c]! - p[0];
    const dy = ws[c + 1]! - p[1];
    const dz = ws[c + 2]! - p[2];
    const far = dx * dx + dy * dy + dz * dz > rig.farSq[w]!;
    const first = far ? base : base + 1;
    const last = far ? base + 1 : base + PATCHES_PER_WINDOW;
    for (let k = first; k < last; k++) {
      const o = k * PATCH_STRIDE;
      const lx = ws[o]! - p[0];
      const ly = ws[o + 1]! - p[1];
      const lz = ws[o + 2]! - p[2];
      const d2 = lx * lx + ly * ly + lz * lz + 0.02;
      const inv = 1 / Math.sqrt(d2);
      const cosR = (n[0] * lx + n[1] * ly + n[2] * lz) * inv;
      if (cosR <= 0) continue;
      const axis = ws[o + 6]!;
      const cosW = -(axis === 0 ? lx : axis === 1 ? ly : lz) * ws[o + 7]! * inv;
      if (cosW <= 0) continue;
      const k2 = (cosR * cosW) / d2;
      r += ws[o + 3]! * k2;
      g += ws[o + 4]! * k2;
      b += ws[o + 5]! * k2;
    }
  }

  const sun = scene.sun;
  if (sun) {
    const cosS = n[0] * sun.dir[0] + n[1] * sun.dir[1] + n[2] * sun.dir[2];
    if (cosS > 0) {
      const lit = sunThroughWindows(scene, p, sun.dir);
      if (lit > 0) {
        r += sun.radiance[0] * cosS * lit;
        g += sun.radiance[1] * cosS * lit;
        b += sun.radiance[2] * cosS * lit;
      }
    }
  }

  for (const L of scene.points) {
    const lx = L.pos[0] - p[0];
    const ly = L.pos[1] - p[1];
    const lz = L.pos[2] - p[2];
    const d2 = lx * lx + ly * ly + lz * lz + 0.01;
    const inv = 1 / Math.sqrt(d2);
    const cosR = (n[0] * lx + n[1] * ly + n[2] * lz) * inv;
    if (cosR <= 0) continue;
    let k2 = cosR / d2;
    if (L.down > 0) {
      const c = Math.max(0, -ly * inv);
      let cone = c;
      for (let e = 1; e < L.down; e++) cone *= c;
      k2 *= 0.15 + 0.85 * cone;
    }
    r += L.intensity[0] * k2;
    g += L.intensity[1] * k2;
    b += L.intensity[2] * k2;
  }

  const ao = ambientOcclusion(scene, p, n, boxes);
  // Light bounced off the floor keeps the lower half of the room a touch warmer.
  const bounce = 1 + 0.25 * Math.max(0, 1 - p[1] / scene.room.height);
  out[0] = r * (0.55 + 0.45 * ao) + scene.ambient[0] * ao * bounce;
  out[1] = g * (0.55 + 0.45 * ao) + scene.ambient[1] * ao * bounce;
  out[2] = b * (0.55 + 0.45 * ao) + scene.ambient[2] * ao * (0.9 + 0.1 * bounce);
}

function ambientOcclusion(scene: Scene, p: Vec3, n: Vec3, boxes: Box[]): number {
  let occ = 0;
  let w = 1;
  for (const h of AO_STEPS) {
    const x = p[0] + n[0] * h;
    const y = p[1] + n[1] * h;
    const z = p[2] + n[2] * h;
    let d = roomSdf(scene.room, x, y, z);
    for (const b of boxes) {
      const bd = boxSdf(b, x, y, z);
      if (bd < d) d = bd;
    }
    occ += (h - Math.max(d, 0)) * w;
    w *= 0.7;
  }
  const ao = 1 - 2.2 * occ;
  return ao < 0.08 ? 0.08 : ao > 1 ? 1 : ao;
}

/** Fraction of the sun visible from p through any window (soft-edged). */
function sunThroughWindows(scene: Scene, p: Vec3, s: Vec3): number {
  let best = 0;
  for (const w of scene.windows) {
    const a = w.axis;
    if (s[a] * w.sign >= 0) continue; // the sun must shine in through the window
    const t = (w.lo[a] - p[a]) / s[a];
    if (t <= 0.01) continue;
    const [ua, va] = planeAxes(a);
    const qu = p[ua] + s[ua] * t;
    const qv = p[va] + s[va] * t;
    // Penumbra grows with distance from the opening, like a real sun patch.
    const soft = 0.01 + 0.012 * t;
    const mu = edgeMask(qu, w.lo[ua], w.hi[ua], soft);
    const mv = edgeMask(qv, w.lo[va], w.hi[va], soft);
    const m = mu * mv * mullionMask(qu, qv, w, ua, va, soft);
    if (m > best) best = m;
  }
  return best;
}

function edgeMask(q: number, lo: number, hi: number, soft: number): number {
  const d = Math.min(q - lo, hi - q);
  const t = d / soft + 0.5;
  return t <= 0 ? 0 : t >= 1 ? 1 : t * t * (3 - 2 * t);
}

/** Mullion layout shared by the window glass material and the sun patch. */
export function mullionMask(qu: number, qv: number, w: { lo: Vec3; hi: Vec3 }, ua: Axis, va: Axis, soft: number): number {
  const cu = (w.lo[ua] + w.hi[ua]) / 2;
  const half = 0.025;
  const du = Math.abs(qu - cu) - half;
  const tu = du / soft + 0.5;
  const mu = tu <= 0 ? 0 : tu >= 1 ? 1 : tu;
  const cv = w.lo[va] + (w.hi[va] - w.lo[va]) * 0.62;
  const dv = Math.abs(qv - cv) - half;
  const tv = dv / soft + 0.5;
  const mv = tv <= 0 ? 0 : tv >= 1 ? 1 : tv;
  return mu * mv;
}

/** Window radiance seen along a reflected ray (glossy floors, counters, glass). */
function reflectWindows(scene: Scene, p: Vec3, r: Vec3, rough: number, out: RGB): void {
  let rr = 0;
  let rg = 0;
  let rb = 0;
  for (const w of scene.windows) {
    const a = w.axis;
    if (r[a] * w.sign >= 0) continue;
    const t = (w.lo[a] - p[a]) / r[a];
    if (t <= 0.01) continue;
    const [ua, va] = planeAxes(a);
    const qu = p[ua] + r[ua] * t;
    const qv = p[va] + r[va] * t;
    const soft = 0.02 + rough * t;
    const m = edgeMask(qu, w.lo[ua], w.hi[ua], soft) * edgeMask(qv, w.lo[va], w.hi[va], soft);
    if (m <= 0) continue;
    const k = m * mullionMask(qu, qv, w, ua, va, soft);
    rr += w.radiance[0] * 2.2 * k;
    rg += w.radiance[1] * 2.2 * k;
    rb += w.radiance[2] * 2.2 * k;
  }
  for (const L of scene.points) {
    const lx = L.pos[0] - p[0];
    const ly = L.pos[1] - p[1];
    const lz = L.pos[2] - p[2];
    const d = Math.sqrt(lx * lx + ly * ly + lz * lz);
    const c = (r[0] * lx + r[1] * ly + r[2] * lz) / d;
    const spread = 0.004 + rough * 0.6;
    if (c > 1 - spread * 6) {
      const k = Math.exp(-(1 - c) / spread) / (d * d);
      rr += L.intensity[0] * k * 0.35;
      rg += L.intensity[1] * k * 0.35;
      rb += L.intensity[2] * k * 0.35;
    }
  }
  out[0] = rr;
  out[1] = rg;
  out[2] = rb;
}

// ---------------------------------------------------------------------------
// Rendering

export interface RenderOutput {
  /** Linear HDR radiance, 3 floats per pixel. */
  hdr: Float32Array;
  /** Distance along the view axis for each pixel (for tile-scale estimation). */
  depth: Float32Array;
  /** Index into `draws` of the opaque item owning each pixel, -1 for none. */
  owner: Int32Array;
  /** Projected, clipped screen polygon per draw item (empty when off-screen). */
  polys: Point[][];
  /** Visible region of every named surface, in paint order of first appearance. */
  regions: SurfaceRegion[];
}

interface Shading {
  rig: LightRig;
  faces: Map<Face, FaceInfo>;
}

export function renderScene(scene: Scene): RenderOutput {
  const cam = scene.camera;
  const { width, height } = cam;
  const n = width * height;
  const hdr = new Float32Array(n * 3);
  const depth = new Float32Array(n);
  const owner = new Int32Array(n).fill(-1);
  // One glass layer per pixel is enough for these rooms; the last one painted wins.
  const glass = new Int32Array(n).fill(-1);
  const rig = buildRig(scene);
  const ctx: Shading = { rig, faces: new Map() };

  // Pass 1: painter's algorithm on ownership only, so every pixel is shaded once.
  const polys: Point[][] = scene.draws.map((item, index) => {
    const poly =
      'sprite' in item ? clockwiseOrEmpty(clipToRect(item.sprite.poly, 0, 0, width, height)) : projectPolygon(cam, faceCorners(item.face));
    if (poly.length < 3) return [];
    const target = 'face' in item && item.face.kind === 'glass' ? glass : owner;
    scanPolygons([poly], width, height, (x, y) => {
      target[y * width + x] = index;
    });
    return poly;
  });
  const pieces = visiblePieces(scene, polys);
  snapOwnership(scene, polys, pieces, owner, width, height);

  // Pass 2: shade each pixel once. Irradiance is smooth, so it is computed on
  // a 2x2 grid and shared by the block wherever the block lies on one face.
  const dir: Vec3 = [0, 0, 0];
  const col: RGB = [0, 0, 0];
  const E: RGB = [0, 0, 0];
  const anchorE = new Float32Array(width * 3);
  const anchorOwner = new Int32Array(width).fill(-1);
  const origin = cam.pos;
  const faces = scene.draws.map((d) => ('face' in d ? d.face : null));
  const infos = faces.map((f) => (f ? faceInfo(scene, ctx, f) : null));
  for (let y = 0; y < height; y++) {
    const oddRow = (y & 1) === 1;
    let prev = -1;
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const o = owner[i]!;
      if (!oddRow && (x & 1) === 0) anchorOwner[x] = -1;
      if (o < 0) {
        prev = -1;
        continue;
      }
      dir[0] = (x + 0.5 - cam.cx) / cam.f;
      dir[1] = -(y + 0.5 - cam.cy) / cam.f;
      dir[2] = 1;
      const face = faces[o]!;
      const reusable = face !== null && face.kind !== 'mirror';
      if (!face) {
        const c = (scene.draws[o] as { sprite: Sprite }).sprite.shade(x + 0.5, y + 0.5);
        col[0] = c[0];
        col[1] = c[1];
        col[2] = c[2];
        prev = -1;
      } else {
        const a = face.axis;
        const t = (face.lo[a] - origin[a]) / dir[a];
        const ax = x & ~1;
        let reuse = false;
        if (reusable && oddRow && anchorOwner[ax] === o) {
          E[0] = anchorE[ax * 3]!;
          E[1] = anchorE[ax * 3 + 1]!;
          E[2] = anchorE[ax * 3 + 2]!;
          reuse = true;
        } else if (reusable && (x & 1) === 1 && prev === o) {
          reuse = true;
        }
        shadeFace(scene, ctx, face, infos[o]!, t, dir, 0, col, origin, E, reuse);
        if (reusable && !oddRow && (x & 1) === 0) {
          anchorE[x * 3] = E[0];
          anchorE[x * 3 + 1] = E[1];
          anchorE[x * 3 + 2] = E[2];
          anchorOwner[x] = o;
        }
        depth[i] = t;
        prev = reusable ? o : -1;
      }
      hdr[i * 3] = col[0];
      hdr[i * 3 + 1] = col[1];
      hdr[i * 3 + 2] = col[2];
      const g = glass[i]!;
      if (g > o) {
        const gf = (scene.draws[g] as { face: Face }).face;
        glassOver(scene, gf, (gf.lo[gf.axis] - origin[gf.axis]) / dir[gf.axis], dir, hdr, i * 3);
      }
    }
  }
  return { hdr, depth, owner, polys, regions: groupRegions(scene, pieces, owner, depth) };
}

function clockwiseOrEmpty(poly: Point[]): Point[] {
  return poly.length >= 3 && Math.abs(signedArea(poly)) > 1e-6 ? clockwise(poly) : [];
}

function nearbyBoxes(scene: Scene, face: Face): Box[] {
  return scene.boxes.filter((b) => {
    let d2 = 0;
    for (let k = 0; k < 3; k++) {
      const gap = Math.max(b.lo[k]! - face.hi[k]!, face.lo[k]! - b.hi[k]!, 0);
      d2 += gap * gap;
    }
    return d2 < (AO_REACH + 0.05) ** 2;
  });
}

interface FaceInfo {
  n: Vec3;
  ua: Axis;
  va: Axis;
  boxes: Box[];
}

function faceInfo(scene: Scene, ctx: Shading, face: Face): FaceInfo {
  let info = ctx.faces.get(face);
  if (!info) {
    const n: Vec3 = [0, 0, 0];
    n[face.axis] = face.sign;
    const [ua, va] = planeAxes(face.axis);
    info = { n, ua, va, boxes: nearbyBoxes(scene, face) };
    ctx.faces.set(face, info);
  }
  return info;
}

// One Hit per bounce level, reused for every pixel: materials must not keep it.
const HITS: Hit[] = [0, 1].map(() => ({ p: [0, 0, 0], n: [0, 0, 0], u: 0, v: 0, lu: 0, lv: 0, su: 0, sv: 0, fp: 0 }));
const bounceE: RGB = [0, 0, 0];
const reflE: RGB = [0, 0, 0];
const mirrorDir: Vec3 = [0, 0, 0];

/**
 * Radiance leaving `face` towards the viewer along ray `origin + t * dir`.
 * `E` receives the irradiance at the point, or supplies it when `reuseE`.
 */
function shadeFace(
  scene: Scene,
  ctx: Shading,
  face: Face,
  info: FaceInfo,
  t: number,
  dir: Vec3,
  bounce: 0 | 1,
  out: RGB,
  origin: Vec3,
  E: RGB,
  reuseE: boolean,
): void {
  const hit = HITS[bounce]!;
  const p = hit.p;
  p[0] = origin[0] + dir[0] * t;
  p[1] = origin[1] + dir[1] * t;
  p[2] = origin[2] + dir[2] * t;
  hit.n = info.n;
  const { ua, va } = info;
  const a = face.axis;
  const len = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
  const cos = Math.abs(dir[a]) / len;
  hit.u = p[ua];
  hit.v = p[va];
  hit.lu = p[ua] - face.lo[ua];
  hit.lv = p[va] - face.lo[va];
  hit.su = face.hi[ua] - face.lo[ua];
  hit.sv = face.hi[va] - face.lo[va];
  hit.fp = (t * len) / scene.camera.f / Math.max(cos, 0.2);
  const m = face.material(hit);

  if (face.kind === 'mirror' && bounce === 0) {
    mirrorDir[0] = dir[0] / len;
    mirrorDir[1] = dir[1] / len;
    mirrorDir[2] = dir[2] / len;
    mirrorDir[a] = -mirrorDir[a];
    const mp: Vec3 = [p[0], p[1], p[2]];
    traceRay(scene, ctx, mp, mirrorDir, out);
    // Silvered glass: a slightly dark, tinted reflection plus any frame colour.
    out[0] = out[0] * m.albedo[0] + (m.emit?.[0] ?? 0);
    out[1] = out[1] * m.albedo[1] + (m.emit?.[1] ?? 0);
    out[2] = out[2] * m.albedo[2] + (m.emit?.[2] ?? 0);
    return;
  }

  if (!reuseE) irradiance(ctx.rig, p, info.n, info.boxes, E);
  out[0] = m.albedo[0] * E[0];
  out[1] = m.albedo[1] * E[1];
  out[2] = m.albedo[2] * E[2];
  if (m.emit) {
    out[0] += m.emit[0];
    out[1] += m.emit[1];
    out[2] += m.emit[2];
  }
  if (m.gloss) {
    const r: Vec3 = [dir[0] / len, dir[1] / len, dir[2] / len];
    r[a] = -r[a];
    // Schlick-style: reflections strengthen at grazing angles, as on a real floor.
    const c = 1 - cos;
    const fres = m.gloss * (0.25 + 0.75 * c * c * c * c);
    reflectWindows(scene, p, r, m.rough ?? 0.05, reflE);
    out[0] += reflE[0] * fres;
    out[1] += reflE[1] * fres;
    out[2] += reflE[2] * fres;
  }
}

/** Nearest opaque face hit along a ray, shaded without further mirror bounces. */
function traceRay(scene: Scene, ctx: Shading, o: Vec3, r: Vec3, out: RGB): void {
  let best: Face | null = null;
  let bestT = Infinity;
  for (const f of scene.traceFaces) {
    const a = f.axis;
    if (r[a] * f.sign >= 0) continue;
    const t = (f.lo[a] - o[a]) / r[a];
    if (t <= 1e-3 || t >= bestT) continue;
    const [ua, va] = planeAxes(a);
    const qu = o[ua] + r[ua] * t;
    const qv = o[va] + r[va] * t;
    if (qu < f.lo[ua] || qu > f.hi[ua] || qv < f.lo[va] || qv > f.hi[va]) continue;
    best = f;
    bestT = t;
  }
  if (!best) {
    out[0] = out[1] = out[2] = 0.02;
    return;
  }
  shadeFace(scene, ctx, best, faceInfo(scene, ctx, best), bestT, r, 1, out, o, bounceE, false);
}

/** Clear glass: tints what is behind it and adds a soft window reflection. */
function glassOver(scene: Scene, face: Face, t: number, dir: Vec3, hdr: Float32Array, i: number): void {
  const len = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
  const p: Vec3 = [scene.camera.pos[0] + dir[0] * t, scene.camera.pos[1] + dir[1] * t, scene.camera.pos[2] + dir[2] * t];
  const r: Vec3 = [dir[0] / len, dir[1] / len, dir[2] / len];
  r[face.axis] = -r[face.axis];
  const cos = Math.abs(dir[face.axis]) / len;
  const refl: RGB = [0, 0, 0];
  reflectWindows(scene, p, r, 0.01, refl);
  const fres = 0.05 + 0.5 * Math.pow(1 - cos, 5);
  const [ua, va] = planeAxes(face.axis);
  // Faint diagonal streaks keep glass readable when nothing bright reflects in it.
  const streak = 0.5 + 0.5 * Math.sin((p[ua] + p[va]) * 9);
  const haze = 0.012 * streak;
  hdr[i] = hdr[i]! * 0.9 + refl[0] * fres + haze;
  hdr[i + 1] = hdr[i + 1]! * 0.94 + refl[1] * fres + haze;
  hdr[i + 2] = hdr[i + 2]! * 0.93 + refl[2] * fres + haze;
}

// ---------------------------------------------------------------------------
// Post-processing

export interface DevelopOptions {
  /** Target log-average scene luminance after exposure (photographic "key"). */
  key: number;
  seed: number;
  /** Sensor noise, in 8-bit levels. */
  noise?: number;
}

/** Auto-exposure, bloom, filmic tone curve, vignette, sensor noise -> RGBA bytes. */
export function develop(hdr: Float32Array, width: number, height: number, opts: DevelopOptions): Uint8ClampedArray {
  const n = width * height;
  let logSum = 0;
  for (let i = 0; i < n; i++) {
    const l = 0.2126 * hdr[i * 3]! + 0.7152 * hdr[i * 3 + 1]! + 0.0722 * hdr[i * 3 + 2]!;
    logSum += Math.log(l + 1e-4);
  }
  const exposure = opts.key / Math.exp(logSum / n);

  const glow = bloom(hdr, width, height, exposure);
  const lut = toneLut();
  const out = new Uint8ClampedArray(n * 4);
  // xorshift32 straight into bytes: ~6M noise draws per photo, so no float PRNG calls.
  let state = (mulberry32(opts.seed ^ 0x5eed)() * 4294967296) >>> 0 || 1;
  const sigma = opts.noise ?? 1.6;
  const lumaK = (sigma * 1.2) / 255;
  const chromaK = sigma / 255;
  const gw = Math.ceil(width / 4);
  const toLut = (LUT_SIZE - 1) / LUT_MAX;
  for (let y = 0; y < height; y++) {
    const vy = (y + 0.5) / height - 0.5;
    const growBase = (y >> 2) * gw;
    for (let x = 0; x < width; x++) {
      const vx = (x + 0.5) / width - 0.5;
      const vig = 1 - 0.55 * (vx * vx + vy * vy);
      const i = y * width + x;
      const gi = (growBase + (x >> 2)) * 3;
      const k = exposure * vig;
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const r1 = state >>> 0;
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const r2 = state >>> 0;
      // Luma noise shared by the channels plus a little chroma noise, like a sensor.
      const luma = ((r1 & 255) + ((r1 >>> 8) & 255) - 255) * lumaK;
      for (let c = 0; c < 3; c++) {
        const v = hdr[i * 3 + c]! * k + glow[gi + c]!;
        const idx = v <= 0 ? 0 : v >= LUT_MAX ? LUT_SIZE - 1 : (v * toLut) | 0;
        const chroma = (((c === 0 ? r1 >>> 16 : c === 1 ? r1 >>> 24 : r2) & 255) - 127.5) * chromaK;
        out[i * 4 + c] = lut[idx]! + luma + chroma;
      }
      out[i * 4 + 3] = 255;
    }
  }
  return out;
}

const LUT_SIZE = 1 << 14;
const LUT_MAX = 12;
let cachedLut: Float32Array | null = null;

function toneLut(): Float32Array {
  if (cachedLut) return cachedLut;
  const lut = new Float32Array(LUT_SIZE);
  for (let i = 0; i < LUT_SIZE; i++) {
    const x = (i / (LUT_SIZE - 1)) * LUT_MAX;
    // Narkowicz's ACES fit: soft shoulder so windows roll off instead of clipping hard.
    const y = (x * (2.51 * x + 0.03)) / (x * (2.43 * x + 0.59) + 0.14);
    const c = Math.min(1, Math.max(0, y));
    lut[i] = 255 * (c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055);
  }
  cachedLut = lut;
  return lut;
}

/** Quarter-resolution glow around over-exposed areas (windows, lamps). */
function bloom(hdr: Float32Array, width: number, height: number, exposure: number): Float32Array {
  const gw = Math.ceil(width / 4);
  const gh = Math.ceil(height / 4);
  const buf = new Float32Array(gw * gh * 3);
  for (let y = 0; y < height; y++) {
    const row = (y >> 2) * gw;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const g = (row + (x >> 2)) * 3;
      for (let c = 0; c < 3; c++) {
        const v = hdr[i + c]! * exposure - 1.2;
        if (v > 0) buf[g + c] = buf[g + c]! + Math.min(v, 6) / 16;
      }
    }
  }
  const tmp = new Float32Array(buf.length);
  for (let pass = 0; pass < 3; pass++) {
    boxBlur(buf, tmp, gw, gh, 6, true);
    boxBlur(tmp, buf, gw, gh, 6, false);
  }
  for (let i = 0; i < buf.length; i++) buf[i] = buf[i]! * 0.22;
  return buf;
}

function boxBlur(src: Float32Array, dst: Float32Array, w: number, h: number, r: number, horizontal: boolean): void {
  const len = horizontal ? w : h;
  const lines = horizontal ? h : w;
  const norm = 1 / (2 * r + 1);
  for (let line = 0; line < lines; line++) {
    for (let c = 0; c < 3; c++) {
      const at = (k: number): number => {
        const kk = k < 0 ? 0 : k >= len ? len - 1 : k;
        return horizontal ? (line * w + kk) * 3 + c : (kk * w + line) * 3 + c;
      };
      let acc = 0;
      for (let k = -r; k <= r; k++) acc += src[at(k)]!;
      for (let k = 0; k < len; k++) {
        dst[at(k)] = acc * norm;
        acc += src[at(k + r + 1)]! - src[at(k - r)]!;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Surfaces

export interface SurfaceRegion {
  key: string;
  /** Convex, non-overlapping pieces in pixels, back-to-front. */
  polygons: Point[][];
  /** Mean of 1/depth over the pixels this surface owns (for tile scale). */
  meanInvDepth: number;
}

interface Piece {
  key: string;
  /** Draw item the piece was cut from. */
  source: number;
  poly: Point[];
}

function surfaceKey(item: DrawItem): string | undefined {
  return 'face' in item ? item.face.surface : item.sprite.surface;
}

/**
 * Visible part of every named surface: each item's polygon minus every
 * opaque item painted after it. Glass is see-through, so it cuts nothing.
 */
function visiblePieces(scene: Scene, polys: Point[][]): Piece[] {
  const cutters: Array<{ index: number; poly: Polygon }> = [];
  scene.draws.forEach((item, index) => {
    const poly = polys[index]!;
    if (poly.length >= 3 && !('face' in item && item.face.kind === 'glass')) cutters.push({ index, poly });
  });
  const out: Piece[] = [];
  scene.draws.forEach((item, index) => {
    const key = surfaceKey(item);
    const poly = polys[index]!;
    if (!key || poly.length < 3) return;
    let pieces: Point[][] = [poly];
    for (const c of cutters) {
      if (c.index <= index) continue;
      const next: Point[][] = [];
      for (const piece of pieces) next.push(...subtractConvex(piece, c.poly, 1e-7));
      pieces = next;
      if (pieces.length === 0) break;
    }
    for (const p of pieces) out.push({ key, source: index, poly: clockwise(p) });
  });
  return out;
}

/**
 * Makes pixel ownership agree with the exported pieces. Piece edges come from
 * clipping, so a pixel centre lying exactly on a shared edge can land on the
 * other side than in the painter's pass; the pieces are the contract, so they
 * win. A surface pixel outside every piece goes to whichever non-surface item
 * the painter's algorithm would have shown there.
 */
function snapOwnership(scene: Scene, polys: Point[][], pieces: Piece[], owner: Int32Array, width: number, height: number): void {
  const claimed = new Int32Array(owner.length).fill(-1);
  for (const p of pieces) {
    scanPolygons([p.poly], width, height, (x, y) => {
      claimed[y * width + x] = p.source;
    });
  }
  const plain = new Int32Array(owner.length).fill(-1);
  scene.draws.forEach((item, index) => {
    if (surfaceKey(item) || ('face' in item && item.face.kind === 'glass') || polys[index]!.length < 3) return;
    scanPolygons([polys[index]!], width, height, (x, y) => {
      plain[y * width + x] = index;
    });
  });
  const named = scene.draws.map((d) => surfaceKey(d) !== undefined);
  for (let i = 0; i < owner.length; i++) {
    const c = claimed[i]!;
    if (c >= 0) owner[i] = c;
    else if (owner[i]! >= 0 && named[owner[i]!] && plain[i]! >= 0) owner[i] = plain[i]!;
  }
}

function groupRegions(scene: Scene, pieces: Piece[], owner: Int32Array, depth: Float32Array): SurfaceRegion[] {
  const byKey = new Map<string, SurfaceRegion>();
  for (const p of pieces) {
    let region = byKey.get(p.key);
    if (!region) {
      region = { key: p.key, polygons: [], meanInvDepth: 0 };
      byKey.set(p.key, region);
    }
    region.polygons.push(p.poly);
  }
  // 1/depth averaged over owned pixels: a swatch tile's on-screen size scales with it.
  const sums = new Map<string, { s: number; n: number }>();
  const keys = scene.draws.map(surfaceKey);
  for (let i = 0; i < owner.length; i++) {
    const o = owner[i]!;
    if (o < 0) continue;
    const key = keys[o];
    const d = depth[i]!;
    if (!key || !(d > 0)) continue;
    let acc = sums.get(key);
    if (!acc) {
      acc = { s: 0, n: 0 };
      sums.set(key, acc);
    }
    acc.s += 1 / d;
    acc.n++;
  }
  for (const region of byKey.values()) {
    const acc = sums.get(region.key);
    region.meanInvDepth = acc && acc.n > 0 ? acc.s / acc.n : 0;
  }
  return [...byKey.values()];
}
