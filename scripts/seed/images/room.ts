/**
 * Procedural "builder base" interior photos for seeding, with the exact
 * screen regions of every selectable surface.
 *
 * Each room is a handful of boxes and wall decals in metres, seen by a level
 * camera facing the back wall (one-point perspective), lit by windows, the
 * sun, lamps and ambient occlusion, then developed like a photo (auto
 * exposure, filmic curve, bloom, vignette, sensor noise) and JPEG-encoded.
 */
import jpeg from 'jpeg-js';
import type { RGB } from './raster';
import { hexToLinear } from './raster';
import type { Axis, BoxSide, Material, Vec3 } from './scene';
import { Scene, develop, makeCamera, renderScene } from './scene';
import {
  artPrint,
  brushedMetal,
  cabinet,
  cabinetLayout,
  emissive,
  fabric,
  firebox,
  flat,
  mirrorSilver,
  paint,
  porcelainBasin,
  quartz,
  stainlessSink,
  stoneTile,
  tile,
  windowGlass,
  woodFloor,
} from './materials';
import type { CabinetStyle } from './materials';
import { cylinder, downlight, ellipseDecal } from './fixtures';

export const ROOM_KINDS = ['great-room', 'kitchen', 'primary-bath', 'secondary-bath'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/**
 * A selectable surface in a room photo.
 *
 * `polygons` are convex, non-overlapping pieces in normalised image
 * coordinates (0..1 of width/height, x right, y down) that together cover
 * exactly the pixels painted with this surface's material and still visible
 * in the photo: anything drawn in front of it (cabinets over walls, the
 * mirror over the wall, faucets over the counter) is already cut out. A pixel
 * belongs to a surface when its centre lies inside one of the pieces, so a
 * compositor can fill them in any order, as one path or piece by piece.
 * Surfaces are listed back-to-front (the order they were painted).
 */
export interface Surface {
  key: string;
  label: string;
  polygons: Array<Array<[number, number]>>;
  /** Approximate fraction of the image width one swatch tile should span on this surface. */
  tileScale: number;
}

export interface RoomPhoto {
  jpeg: Uint8Array;
  width: number;
  height: number;
  surfaces: Surface[];
  /** One sentence describing camera and layout, for prompts and alt text. */
  spatialHint: string;
}

export interface RoomPhotoOptions {
  width?: number;
  height?: number;
  seed?: number;
}

export interface RoomPixels extends Omit<RoomPhoto, 'jpeg'> {
  /** Developed RGBA pixels before JPEG compression. */
  rgba: Uint8ClampedArray;
  /**
   * Per pixel: 1 + index into `surfaces` of the surface whose material was
   * actually painted there (from the renderer's ownership buffer, not from the
   * polygons), 0 for none. Lets tests check the polygons against the pixels.
   */
  paintedMask: Uint8Array;
}

const LABELS: Record<string, string> = {
  floor: 'Flooring',
  walls: 'Wall paint',
  fireplace: 'Fireplace surround',
  trim: 'Trim',
  cabinets: 'Cabinets',
  countertop: 'Countertops',
  backsplash: 'Backsplash',
  vanity: 'Vanity cabinet',
  'vanity-top': 'Vanity top',
  'shower-tile': 'Shower tile',
  mirror: 'Mirror',
};

/**
 * Real-world size (metres) one swatch tile represents on each surface; turned
 * into an on-screen fraction using the surface's average depth.
 */
const SWATCH_METRES: Record<string, number> = {
  floor: 0.9,
  walls: 2,
  fireplace: 1.2,
  trim: 0.6,
  cabinets: 0.9,
  countertop: 1.2,
  backsplash: 0.6,
  vanity: 0.8,
  'vanity-top': 0.9,
  'shower-tile': 0.8,
  mirror: 1.5,
};

const JPEG_QUALITY = 90;

export function renderRoomPhoto(kind: RoomKind, opts: RoomPhotoOptions = {}): RoomPhoto {
  const { rgba, width, height, surfaces, spatialHint } = renderRoomPixels(kind, opts);
  const encoded = encodeJpeg(rgba, width, height);
  return { jpeg: encoded, width, height, surfaces, spatialHint };
}

/** Same render as `renderRoomPhoto`, uncompressed, plus a per-pixel surface map (for tests and tooling). */
export function renderRoomPixels(kind: RoomKind, opts: RoomPhotoOptions = {}): RoomPixels {
  const layout = LAYOUTS[kind];
  if (!layout) throw new Error(`Unknown room kind "${String(kind)}"`);
  const width = Math.round(opts.width ?? 1536);
  const height = Math.round(opts.height ?? 1024);
  if (!(width >= 64 && height >= 64 && width <= 8192 && height <= 8192)) {
    throw new Error(`Unsupported room photo size ${width}x${height}`);
  }
  const seed = (opts.seed ?? 1) | 0;

  const scene = layout.build(width, height, seed);
  const out = renderScene(scene);
  const regions = out.regions;
  const rgba = develop(out.hdr, width, height, { key: layout.key, seed });

  const surfaces: Surface[] = regions.map((r) => ({
    key: r.key,
    label: LABELS[r.key] ?? r.key,
    polygons: r.polygons.map((poly) => poly.map(([x, y]) => [round9(x / width), round9(y / height)] as [number, number])),
    tileScale: round3(Math.min(1, ((SWATCH_METRES[r.key] ?? 1) * scene.camera.f * r.meanInvDepth) / width)),
  }));

  const indexOfKey = new Map(surfaces.map((s, i) => [s.key, i + 1]));
  const drawSurface = scene.draws.map((d) => indexOfKey.get(('face' in d ? d.face.surface : d.sprite.surface) ?? '') ?? 0);
  const paintedMask = new Uint8Array(width * height);
  for (let i = 0; i < paintedMask.length; i++) {
    const o = out.owner[i]!;
    if (o >= 0) paintedMask[i] = drawSurface[o]!;
  }
  return { rgba, width, height, surfaces, spatialHint: layout.hint, paintedMask };
}

function encodeJpeg(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  // jpeg-js returns `Buffer.from(...)` whenever `module` exists, which is the
  // case once bundled as CommonJS. Workers without nodejs_compat have no
  // Buffer, so lend it a minimal one for the duration of this synchronous call.
  const g = globalThis as { Buffer?: unknown };
  const lent = g.Buffer === undefined;
  if (lent) g.Buffer = { from: (a: ArrayLike<number>) => Uint8Array.from(a) };
  try {
    const { data } = jpeg.encode({ data: rgba, width, height }, JPEG_QUALITY);
    const bytes = data as unknown as Uint8Array;
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    if (lent) delete g.Buffer;
  }
}

// 1e-9 of the image is ~1e-6 px: compact JSON without moving any pixel centre across an edge.
const round9 = (v: number): number => Math.round(v * 1e9) / 1e9;
const round3 = (v: number): number => Math.round(v * 1e3) / 1e3;

// ---------------------------------------------------------------------------
// Building blocks

type Wall = 'back' | 'left' | 'right' | 'floor' | 'ceiling';

interface Placement {
  material: Material;
  surface?: string;
  kind?: 'opaque' | 'glass' | 'mirror';
  /** Distance in front of the wall, so decals layer predictably. */
  offset?: number;
}

/**
 * A rectangle on a wall. `a` is the horizontal axis along the wall (x on the
 * back wall, floor and ceiling; z on side walls), `b` the other one (y on
 * walls, z on floor and ceiling).
 */
function onWall(s: Scene, wall: Wall, a0: number, a1: number, b0: number, b1: number, p: Placement): void {
  const r = s.room;
  const off = p.offset ?? 0.002;
  let axis: Axis;
  let sign: 1 | -1;
  let lo: Vec3;
  let hi: Vec3;
  switch (wall) {
    case 'back':
      [axis, sign] = [2, -1];
      lo = [a0, b0, r.z1 - off];
      hi = [a1, b1, r.z1 - off];
      break;
    case 'left':
      [axis, sign] = [0, 1];
      lo = [r.x0 + off, b0, a0];
      hi = [r.x0 + off, b1, a1];
      break;
    case 'right':
      [axis, sign] = [0, -1];
      lo = [r.x1 - off, b0, a0];
      hi = [r.x1 - off, b1, a1];
      break;
    case 'floor':
      [axis, sign] = [1, 1];
      lo = [a0, off, b0];
      hi = [a1, off, b1];
      break;
    case 'ceiling':
      [axis, sign] = [1, -1];
      lo = [a0, r.height - off, b0];
      hi = [a1, r.height - off, b1];
      break;
  }
  const face: Parameters<Scene['face']>[0] = { axis, sign, lo, hi, material: p.material };
  if (p.surface) face.surface = p.surface;
  if (p.kind) face.kind = p.kind;
  s.face(face);
}

function shell(
  s: Scene,
  m: { walls: Material; floor: Material; ceiling: Material },
  surf: { walls?: string; floor?: string } = { walls: 'walls', floor: 'floor' },
): void {
  const { x0, x1, height: h, z0, z1 } = s.room;
  const wall = (face: Parameters<Scene['face']>[0]): void => {
    if (surf.walls) face.surface = surf.walls;
    s.face(face);
  };
  // Behind the camera: never on screen, but mirrors reflect it, so it gets a door.
  s.face({ axis: 2, sign: 1, lo: [x0, 0, z0], hi: [x1, h, z0], material: m.walls });
  const door = x0 + (x1 - x0) * 0.62;
  s.face({ axis: 2, sign: 1, lo: [door - 0.5, 0, z0 + 0.01], hi: [door + 0.5, 2.1, z0 + 0.01], material: doorMaterial() });
  s.face({ axis: 1, sign: -1, lo: [x0, h, z0], hi: [x1, h, z1], material: m.ceiling });
  wall({ axis: 2, sign: -1, lo: [x0, 0, z1], hi: [x1, h, z1], material: m.walls });
  wall({ axis: 0, sign: 1, lo: [x0, 0, z0], hi: [x0, h, z1], material: m.walls });
  wall({ axis: 0, sign: -1, lo: [x1, 0, z0], hi: [x1, h, z1], material: m.walls });
  const floor: Parameters<Scene['face']>[0] = { axis: 1, sign: 1, lo: [x0, 0, z0], hi: [x1, 0, z1], material: m.floor };
  if (surf.floor) floor.surface = surf.floor;
  s.face(floor);
}

interface WindowSpec {
  wall: 'back' | 'left' | 'right';
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  radiance: RGB;
  glass: Material;
  casing?: { material: Material; surface?: string; width?: number };
}

function addWindow(s: Scene, w: WindowSpec): void {
  onWall(s, w.wall, w.a0, w.a1, w.b0, w.b1, { material: w.glass, offset: 0.003 });
  const r = s.room;
  const at = w.wall === 'back' ? r.z1 : w.wall === 'left' ? r.x0 : r.x1;
  const axis: Axis = w.wall === 'back' ? 2 : 0;
  const sign: 1 | -1 = w.wall === 'left' ? 1 : -1;
  const lo: Vec3 = axis === 2 ? [w.a0, w.b0, at] : [at, w.b0, w.a0];
  const hi: Vec3 = axis === 2 ? [w.a1, w.b1, at] : [at, w.b1, w.a1];
  s.window({ axis, sign, lo, hi, radiance: w.radiance });
  if (w.casing) {
    const c = w.casing.width ?? 0.07;
    const p: Placement = { material: w.casing.material, offset: 0.006 };
    if (w.casing.surface) p.surface = w.casing.surface;
    onWall(s, w.wall, w.a0 - c, w.a1 + c, w.b1, w.b1 + c, p);
    onWall(s, w.wall, w.a0 - c, w.a1 + c, w.b0 - c * 1.3, w.b0, p);
    onWall(s, w.wall, w.a0 - c, w.a0, w.b0, w.b1, p);
    onWall(s, w.wall, w.a1, w.a1 + c, w.b0, w.b1, p);
  }
}

const HANDLE = flat('#8d8b86', 0.5, 0.05);

/**
 * A cabinet box whose `front` side carries doors and drawers (with pulls);
 * the other visible sides are plain painted panels of the same surface.
 */
function cabinetBox(
  s: Scene,
  lo: Vec3,
  hi: Vec3,
  o: { front: 'front' | 'right'; style: CabinetStyle; color: string; seed: number; surface: string; toeKick?: number },
): void {
  const toe = o.toeKick ?? (o.style === 'upper' ? 0 : 0.1);
  const frontMat = cabinet(o.color, o.style, o.seed, toe);
  const sideMat = cabinet(o.color, 'panel', o.seed, toe);
  const all = { material: sideMat, surface: o.surface };
  const faces: Partial<Record<BoxSide, { material: Material; surface?: string }>> = {
    [o.front]: { material: frontMat, surface: o.surface },
    top: { material: flat(o.color), surface: o.surface },
    bottom: { material: flat(o.color), surface: o.surface },
  };
  s.box(lo, hi, all, faces);

  // Pulls sit proud of the doors and are not part of the cabinet finish.
  const alongZ = o.front === 'right';
  const su = alongZ ? hi[2] - lo[2] : hi[0] - lo[0];
  const sv = hi[1] - lo[1];
  const u0 = alongZ ? lo[2] : lo[0];
  const panels = cabinetLayout(su, sv, o.style, toe);
  let door = 0;
  for (const p of panels) {
    let a0: number;
    let a1: number;
    let b0: number;
    let b1: number;
    if (p.kind === 'drawer') {
      const mid = (p.u0 + p.u1) / 2;
      const len = Math.min(0.16, (p.u1 - p.u0) * 0.4);
      const vm = (p.v0 + p.v1) / 2;
      [a0, a1, b0, b1] = [mid - len / 2, mid + len / 2, vm - 0.006, vm + 0.006];
    } else {
      if (o.style === 'panel') continue;
      // Doors open in pairs, so pulls sit at the meeting edges.
      const ua = door++ % 2 === 0 ? p.u1 - 0.05 : p.u0 + 0.05;
      const len = 0.12;
      b0 = o.style === 'upper' ? p.v0 + 0.07 : p.v1 - 0.07 - len;
      b1 = b0 + len;
      [a0, a1] = [ua - 0.006, ua + 0.006];
    }
    const depth = 0.028;
    if (alongZ) {
      s.box([hi[0], lo[1] + b0, u0 + a0], [hi[0] + depth, lo[1] + b1, u0 + a1], { material: HANDLE }, {}, { occludes: false });
    } else {
      s.box([u0 + a0, lo[1] + b0, lo[2] - depth], [u0 + a1, lo[1] + b1, lo[2]], { material: HANDLE }, {}, { occludes: false });
    }
  }
}

function slab(s: Scene, lo: Vec3, hi: Vec3, material: Material, surface?: string): void {
  s.box(lo, hi, surface ? { material, surface } : { material });
}

/** Faucet post plus a spout reaching towards -z (camera) or +x (into the room from the left wall). */
function faucet(s: Scene, x: number, y: number, z: number, height: number, reach: number, toward: 'camera' | 'right' = 'camera'): void {
  const chrome: RGB = [0.55, 0.56, 0.57];
  cylinder(s, { x, z, y0: y, y1: y + height, r0: 0.016, r1: 0.014, side: chrome, chrome: true, top: chrome });
  const top = y + height;
  const spout = { material: flat('#9c9ea0', 0.6, 0.02) };
  if (toward === 'camera') s.box([x - 0.011, top - 0.022, z - reach], [x + 0.011, top, z], spout, {}, { occludes: false });
  else s.box([x, top - 0.022, z - 0.011], [x + reach, top, z + 0.011], spout, {}, { occludes: false });
}

function baseboard(s: Scene, wall: 'back' | 'left' | 'right', a0: number, a1: number, material: Material, surface?: string): void {
  const r = s.room;
  const h = 0.11;
  const t = 0.014;
  const spec = surface ? { material, surface } : { material };
  if (wall === 'back') s.box([a0, 0, r.z1 - t], [a1, h, r.z1], spec, {}, { occludes: false });
  else if (wall === 'left') s.box([r.x0, 0, a0], [r.x0 + t, h, a1], spec, {}, { occludes: false });
  else s.box([r.x1 - t, 0, a0], [r.x1, h, a1], spec, {}, { occludes: false });
}

// Shared palette: neutral "builder base" finishes.
const DAYLIGHT: RGB = [2.6, 2.6, 2.62];
const LAMP: RGB = [1, 0.78, 0.52];
const scaleRgb = (c: RGB, k: number): RGB => [c[0] * k, c[1] * k, c[2] * k];

interface Layout {
  hint: string;
  /** Photographic key for auto exposure: brighter rooms want a higher key. */
  key: number;
  build: (width: number, height: number, seed: number) => Scene;
}

// ---------------------------------------------------------------------------
// Rooms

const greatRoom: Layout = {
  hint:
    'Camera faces the back wall from near the room centre; a full-height stone fireplace with a wood mantel is centred on the back wall, two tall windows on the left wall let sunlight fall across the wood floor, and a framed print hangs on the right wall.',
  key: 0.2,
  build(width, height, seed) {
    const room = { x0: -2.9, x1: 2.9, height: 2.75, z0: -0.6, z1: 7.2 };
    const s = new Scene(makeCamera(width, height, [-0.2, 1.35, 0], 72), room);
    const trim = flat('#f3f1ec', 0.12, 0.1);
    shell(s, {
      walls: paint('#d9cfbf', seed),
      ceiling: paint('#f1efea', seed + 1),
      floor: woodFloor({ light: '#cdb08c', dark: '#97775a', seed, along: 'v' }),
    });
    const glass = windowGlass({ strength: 5, frame: '#f4f2ee', seed, horizon: 1.2 });
    for (const [a0, a1] of [
      [4.2, 5.35],
      [5.8, 6.95],
    ] as const) {
      addWindow(s, { wall: 'left', a0, a1, b0: 0.55, b1: 2.3, radiance: DAYLIGHT, glass, casing: { material: trim, surface: 'trim' } });
    }
    s.sun = { dir: norm([-0.72, 0.52, -0.3]), radiance: [7.5, 6.9, 5.8] };
    onWall(s, 'right', 5.0, 6.2, 1.15, 1.95, { material: artPrint(seed), offset: 0.02 });
    baseboard(s, 'left', room.z0, room.z1, trim, 'trim');
    baseboard(s, 'right', room.z0, room.z1, trim, 'trim');
    baseboard(s, 'back', room.x0, -1.0, trim, 'trim');
    baseboard(s, 'back', 1.0, room.x1, trim, 'trim');

    const stone = stoneTile('#8f8b85', seed);
    slab(s, [-1.0, 0, 6.85], [1.0, room.height, room.z1], stone, 'fireplace');
    onWall(s, 'back', -0.7, 0.7, 0.42, 0.9, { material: firebox(seed), offset: 0.353 });
    slab(s, [-1.2, 0, 6.45], [1.2, 0.18, 6.85], stoneTile('#77736d', seed + 1), 'fireplace');
    s.box([-1.15, 1.32, 6.62], [1.15, 1.42, 6.85], { material: woodFloor({ light: '#6e4e35', dark: '#4a3322', seed: seed + 2, along: 'u' }) });

    cylinder(s, { x: -0.2, z: 4.4, y0: room.height - 0.13, y1: room.height, r0: 0.24, r1: 0.24, side: [0.8, 0.8, 0.78], bottomEmit: [9, 7.6, 5.6] });
    s.light({ pos: [-0.2, room.height - 0.2, 4.4], intensity: scaleRgb(LAMP, 1.3), down: 1 });
    s.ambient = [0.21, 0.205, 0.19];
    return s;
  },
};

const kitchen: Layout = {
  hint:
    'Camera faces the back wall; base and upper cabinets run along the back wall and turn along the left wall, the sink sits under the back-wall window with the range, hood and refrigerator to its right, and an island with two pendant lights is in the foreground.',
  key: 0.22,
  build(width, height, seed) {
    const room = { x0: -2.7, x1: 2.7, height: 2.7, z0: -0.6, z1: 6.3 };
    const s = new Scene(makeCamera(width, height, [0.25, 1.5, 0], 74), room);
    const z1 = room.z1;
    const cab = '#efeeea';
    shell(s, {
      walls: paint('#d6cdbf', seed),
      ceiling: paint('#f1efea', seed + 1),
      floor: woodFloor({ light: '#cfb28e', dark: '#9a7a58', seed, along: 'v' }),
    });
    const splash = tile({ face: '#f1f0ec', grout: '#cbc8c1', tw: 0.15, th: 0.075, bond: 0.5, groutW: 0.003, gloss: 0.35, seed, bevel: true });
    onWall(s, 'back', room.x0, 1.8, 0.92, 1.42, { material: splash, surface: 'backsplash' });
    onWall(s, 'back', 0.5, 1.26, 1.42, 1.62, { material: splash, surface: 'backsplash' });
    onWall(s, 'left', 3.47, z1, 0.92, 1.42, { material: splash, surface: 'backsplash' });
    const frame = flat('#f3f1ec', 0.1);
    addWindow(s, {
      wall: 'back',
      a0: -1.15,
      a1: -0.15,
      b0: 1.05,
      b1: 2.15,
      radiance: DAYLIGHT,
      glass: windowGlass({ strength: 5, frame: '#f4f2ee', seed, horizon: 1.6 }),
      casing: { material: frame, width: 0.06 },
    });
    addWindow(s, {
      wall: 'right',
      a0: 3.4,
      a1: 5.1,
      b0: 0.9,
      b1: 2.2,
      radiance: scaleRgb(DAYLIGHT, 0.9),
      glass: windowGlass({ strength: 4.5, frame: '#f4f2ee', seed: seed + 1, horizon: 1.4 }),
      casing: { material: frame, width: 0.06 },
    });
    for (const x of [-1.4, 1.4]) for (const z of [3.1, 5.0]) downlight(s, x, z, [9, 7.8, 6]);
    const trim = flat('#f3f1ec', 0.1);
    baseboard(s, 'right', room.z0, 5.55, trim);
    baseboard(s, 'left', room.z0, 3.5, trim);

    const cabinets = (lo: Vec3, hi: Vec3, front: 'front' | 'right', style: CabinetStyle, k: number): void =>
      cabinetBox(s, lo, hi, { front, style, color: cab, seed: seed + k, surface: 'cabinets' });
    const counter = quartz('#e8e6e1', '#b5b1aa', seed);

    // Left run first: it fills the corner, and the back run butts into its face.
    cabinets([room.x0, 0, 3.5], [-2.08, 0.88, z1], 'right', 'base', 1);
    slab(s, [room.x0, 0.88, 3.47], [-2.05, 0.92, z1], counter, 'countertop');
    cabinets([room.x0, 1.42, 3.7], [-2.36, 2.3, z1], 'right', 'upper', 2);

    // Refrigerator and the cabinet above it.
    const steel = brushedMetal('#b9bbbc', seed);
    s.box([1.8, 0, 5.55], [room.x1, 1.85, z1], { material: steel }, { front: { material: fridgeDoors(seed) } });
    cabinets([1.8, 1.9, 5.68], [room.x1, 2.35, z1], 'front', 'upper', 3);
    cabinets([-2.36, 1.42, 5.96], [-1.25, 2.3, z1], 'front', 'upper', 4);
    cabinets([-0.05, 1.42, 5.96], [0.45, 2.3, z1], 'front', 'upper', 5);
    cabinets([1.31, 1.42, 5.96], [1.78, 2.3, z1], 'front', 'upper', 6);
    // Chimney hood over the range.
    s.box([0.72, 1.78, 6.05], [1.04, room.height, z1], { material: steel });
    s.box([0.5, 1.62, 5.8], [1.26, 1.78, z1], { material: steel }, { bottom: { material: flat('#3a3b3c', 0.2) } });

    cabinets([-2.08, 0, 5.68], [0.5, 0.88, z1], 'front', 'base', 7);
    s.box([0.5, 0, 5.66], [1.26, 0.9, z1], { material: steel }, { front: { material: rangeFront(seed) }, top: { material: cooktop() } });
    cabinets([1.26, 0, 5.68], [1.78, 0.88, z1], 'front', 'base', 8);
    slab(s, [-2.05, 0.88, 5.65], [0.5, 0.92, z1], counter, 'countertop');
    slab(s, [1.26, 0.88, 5.65], [1.8, 0.92, z1], counter, 'countertop');
    onWall(s, 'floor', -1.05, -0.25, 5.72, 6.15, { material: stainlessSink(), offset: 0.9205 });
    faucet(s, -0.65, 0.92, 6.2, 0.34, 0.2);

    // Island: seating overhang faces the camera.
    cabinetBox(s, [-1.25, 0, 3.45], [1.05, 0.88, 4.35], { front: 'front', style: 'panel', color: cab, seed: seed + 9, surface: 'cabinets' });
    slab(s, [-1.3, 0.88, 3.2], [1.1, 0.92, 4.38], counter, 'countertop');

    for (const x of [-0.6, 0.4]) {
      s.box([x - 0.004, 2.02, 3.85 - 0.004], [x + 0.004, room.height, 3.85 + 0.004], { material: flat('#222222') }, {}, { occludes: false });
      cylinder(s, { x, z: 3.85, y0: 1.8, y1: 2.02, r0: 0.17, r1: 0.06, side: [0.06, 0.06, 0.065], bottomEmit: [10, 8, 5.6] });
      s.light({ pos: [x, 1.76, 3.85], intensity: scaleRgb(LAMP, 0.35), down: 2 });
    }
    for (const x of [-1.4, 1.4]) for (const z of [3.1, 5.0]) s.light({ pos: [x, room.height - 0.05, z], intensity: scaleRgb(LAMP, 0.45), down: 3 });
    s.ambient = [0.2, 0.195, 0.185];
    return s;
  },
};

const primaryBath: Layout = {
  hint:
    'Camera faces the back wall; a double vanity with a wide mirror and light bar fills the left part of the back wall, a frameless glass shower with tiled walls occupies the back-right corner, and a frosted window sits high on the left wall.',
  key: 0.22,
  build(width, height, seed) {
    const room = { x0: -2.3, x1: 2.3, height: 2.7, z0: -0.6, z1: 4.8 };
    const showerFront = 3.4;
    const s = new Scene(makeCamera(width, height, [-0.1, 1.5, 0], 72), room);
    const z1 = room.z1;
    shell(s, {
      walls: paint('#d8d3c9', seed),
      ceiling: paint('#f1efea', seed + 1),
      floor: tile({ face: '#b4b1ab', grout: '#8e8b85', tw: 0.6, th: 0.3, bond: 0.5, groutW: 0.003, gloss: 0.3, seed, vary: 0.06 }),
    });
    const showerTile = tile({ face: '#e5e3de', grout: '#c6c3bc', tw: 0.6, th: 0.3, bond: 0.5, groutW: 0.003, gloss: 0.4, seed: seed + 1, vary: 0.03 });
    onWall(s, 'back', 0.85, room.x1, 0, 2.35, { material: showerTile, surface: 'shower-tile' });
    onWall(s, 'right', showerFront, z1, 0, 2.35, { material: showerTile, surface: 'shower-tile' });
    onWall(s, 'floor', 0.85, room.x1, showerFront, z1, {
      material: tile({ face: '#9c9993', grout: '#7d7a75', tw: 0.05, th: 0.05, groutW: 0.002, gloss: 0.2, seed: seed + 2, vary: 0.1 }),
    });
    addWindow(s, {
      wall: 'left',
      a0: 3.15,
      a1: 4.05,
      b0: 1.45,
      b1: 2.25,
      radiance: DAYLIGHT,
      glass: windowGlass({ strength: 4.5, frosted: true, frame: '#f4f2ee', seed, horizon: 0 }),
      casing: { material: flat('#f3f1ec', 0.1), width: 0.06 },
    });
    baseboard(s, 'left', room.z0, z1, flat('#f3f1ec', 0.1));
    baseboard(s, 'back', room.x0, -2.0, flat('#f3f1ec', 0.1));

    // Shower fittings on the back wall, behind the glass.
    const chromeMat = flat('#b8babc', 0.7, 0.02);
    s.box([1.5, 1.95, z1 - 0.25], [1.53, 1.98, z1], { material: chromeMat }, {}, { occludes: false });
    cylinder(s, { x: 1.515, z: z1 - 0.27, y0: 1.9, y1: 1.95, r0: 0.1, r1: 0.1, side: [0.6, 0.6, 0.6], chrome: true, bottomEmit: [0.15, 0.15, 0.15] });
    s.box([1.44, 1.0, z1 - 0.02], [1.59, 1.15, z1 - 0.003], { material: chromeMat }, {}, { occludes: false });

    // Double vanity, mirror and light bar.
    const vanityColor = '#cbccc8';
    cabinetBox(s, [-2.0, 0, z1 - 0.56], [0.55, 0.86, z1], { front: 'front', style: 'base', color: vanityColor, seed, surface: 'vanity' });
    slab(s, [-2.03, 0.86, z1 - 0.58], [0.58, 0.89, z1], quartz('#eeece7', '#c2bfb8', seed + 3), 'vanity-top');
    onWall(s, 'back', -1.9, 0.45, 1.05, 2.0, { material: mirrorSilver(), kind: 'mirror', surface: 'mirror', offset: 0.008 });
    s.box([-1.4, 2.08, z1 - 0.1], [-0.05, 2.16, z1], { material: flat('#8d8b86', 0.4) }, { front: { material: emissive('#fff4e2', 6) } });
    s.light({ pos: [-0.72, 2.05, z1 - 0.3], intensity: scaleRgb(LAMP, 0.7), down: 0 });
    for (const x of [-1.35, -0.1]) {
      ellipseDecal(s, { x, y: 0.8905, z: z1 - 0.3, rx: 0.21, rz: 0.15 }, basinShader(s, seed));
      faucet(s, x, 0.89, z1 - 0.06, 0.2, 0.13);
    }

    // Frameless glass: a front panel and a return, with a slim header and post.
    s.face({ axis: 2, sign: -1, lo: [0.85, 0.0, showerFront], hi: [room.x1, 2.0, showerFront], material: flat('#ffffff'), kind: 'glass' });
    s.face({ axis: 0, sign: -1, lo: [0.85, 0.0, showerFront], hi: [0.85, 2.0, z1], material: flat('#ffffff'), kind: 'glass' });
    s.box([0.84, 1.99, showerFront], [0.86, 2.01, z1], { material: chromeMat }, {}, { occludes: false });
    s.box([0.84, 1.99, showerFront - 0.01], [room.x1, 2.01, showerFront + 0.01], { material: chromeMat }, {}, { occludes: false });
    s.box([0.835, 0, showerFront - 0.015], [0.865, 2.01, showerFront + 0.015], { material: chromeMat }, {}, { occludes: false });
    s.box([1.52, 0.9, showerFront - 0.04], [1.535, 1.3, showerFront - 0.02], { material: chromeMat }, {}, { occludes: false });

    downlight(s, -0.7, 2.8, [9, 7.8, 6]);
    downlight(s, 1.5, 4.1, [9, 7.8, 6]);
    s.light({ pos: [-0.7, room.height - 0.05, 2.8], intensity: scaleRgb(LAMP, 0.5), down: 3 });
    s.light({ pos: [1.5, room.height - 0.05, 4.1], intensity: scaleRgb(LAMP, 0.4), down: 3 });
    s.ambient = [0.17, 0.165, 0.16];
    return s;
  },
};

const secondaryBath: Layout = {
  hint:
    'Camera looks down a narrow bathroom at a tub/shower alcove across the back wall, tiled on three sides; the vanity and mirror are on the left wall and a towel shelf is on the right wall.',
  key: 0.21,
  build(width, height, seed) {
    const room = { x0: -1.3, x1: 1.4, height: 2.5, z0: -0.6, z1: 4.6 };
    const s = new Scene(makeCamera(width, height, [0.05, 1.45, 0], 76), room);
    const z1 = room.z1;
    const tubFront = z1 - 0.76;
    shell(s, {
      walls: paint('#dcd6ca', seed),
      ceiling: paint('#f1efea', seed + 1),
      floor: tile({ face: '#c2bdb4', grout: '#9b968d', tw: 0.3, th: 0.3, groutW: 0.003, gloss: 0.25, seed, vary: 0.06 }),
    });
    const subway = tile({ face: '#f2f1ed', grout: '#cfccc5', tw: 0.15, th: 0.075, bond: 0.5, groutW: 0.003, gloss: 0.4, seed: seed + 1, bevel: true });
    onWall(s, 'back', room.x0, room.x1, 0.5, 2.1, { material: subway, surface: 'shower-tile' });
    onWall(s, 'left', tubFront, z1, 0.5, 2.1, { material: subway, surface: 'shower-tile' });
    onWall(s, 'right', tubFront, z1, 0.5, 2.1, { material: subway, surface: 'shower-tile' });
    const trim = flat('#f3f1ec', 0.1);
    baseboard(s, 'left', room.z0, tubFront, trim);
    baseboard(s, 'right', room.z0, tubFront, trim);

    // Tub fittings on the back wall.
    const chromeMat = flat('#b8babc', 0.7, 0.02);
    s.box([-0.86, 1.0, z1 - 0.02], [-0.7, 1.16, z1 - 0.003], { material: chromeMat }, {}, { occludes: false });
    s.box([-0.81, 0.66, z1 - 0.14], [-0.75, 0.7, z1], { material: chromeMat }, {}, { occludes: false });
    s.box([-0.8, 1.85, z1 - 0.2], [-0.77, 1.88, z1], { material: chromeMat }, {}, { occludes: false });
    cylinder(s, { x: -0.785, z: z1 - 0.22, y0: 1.8, y1: 1.86, r0: 0.06, r1: 0.05, side: [0.6, 0.6, 0.6], chrome: true });

    s.box([room.x0, 0, tubFront], [room.x1, 0.5, z1], { material: flat('#f4f3f0', 0.35, 0.03) }, { top: { material: tubTop(tubFront, z1, room.x0, room.x1) } });
    // Curtain rod and a bunched curtain at the right end.
    s.box([room.x0, 1.97, tubFront + 0.03], [room.x1, 1.99, tubFront + 0.05], { material: chromeMat }, {}, { occludes: false });
    s.box([1.02, 0.55, tubFront - 0.02], [room.x1, 1.96, tubFront + 0.08], { material: fabric('#e9e6df', seed, 60) });

    // Shelf with folded towels on the right wall.
    const shelf = flat('#f3f1ec', 0.1);
    // Below eye level, so the lit tops of the towels show.
    s.box([room.x1 - 0.26, 1.17, 2.2], [room.x1, 1.2, 3.1], { material: shelf });
    s.box([room.x1 - 0.24, 1.2, 2.35], [room.x1 - 0.02, 1.31, 2.62], { material: towels('#e8eef0', seed + 2) }, { top: { material: fabric('#e8eef0', seed + 2) } });
    s.box([room.x1 - 0.24, 1.2, 2.7], [room.x1 - 0.02, 1.35, 2.97], { material: towels('#faf8f3', seed + 3) }, { top: { material: fabric('#faf8f3', seed + 3) } });

    // Vanity on the left wall, mirror and light above.
    cabinetBox(s, [room.x0, 0, 2.55], [-0.78, 0.84, 3.65], { front: 'right', style: 'base', color: '#f0efeb', seed, surface: 'vanity' });
    slab(s, [room.x0, 0.84, 2.53], [-0.76, 0.87, 3.67], quartz('#efede8', '#c4c1ba', seed + 4));
    ellipseDecal(s, { x: -1.02, y: 0.8705, z: 3.1, rx: 0.14, rz: 0.2 }, basinShader(s, seed));
    faucet(s, -1.24, 0.87, 3.1, 0.18, 0.13, 'right');
    onWall(s, 'left', 2.65, 3.55, 1.05, 1.85, { material: mirrorSilver(), kind: 'mirror', offset: 0.008 });
    s.box([room.x0, 1.92, 2.75], [room.x0 + 0.08, 1.99, 3.45], { material: flat('#8d8b86', 0.4) }, { right: { material: emissive('#fff4e2', 6) } });
    s.light({ pos: [room.x0 + 0.3, 1.9, 3.1], intensity: scaleRgb(LAMP, 0.55), down: 0 });

    cylinder(s, { x: 0.05, z: 3.1, y0: room.height - 0.11, y1: room.height, r0: 0.2, r1: 0.2, side: [0.8, 0.8, 0.78], bottomEmit: [9, 7.6, 5.6] });
    s.light({ pos: [0.05, room.height - 0.18, 3.1], intensity: scaleRgb(LAMP, 0.9), down: 1 });
    s.ambient = [0.15, 0.145, 0.14];
    return s;
  },
};

const LAYOUTS: Record<RoomKind, Layout> = {
  'great-room': greatRoom,
  kitchen,
  'primary-bath': primaryBath,
  'secondary-bath': secondaryBath,
};

// ---------------------------------------------------------------------------
// One-off materials

function norm(v: Vec3): Vec3 {
  const l = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / l, v[1] / l, v[2] / l];
}

function doorMaterial(): Material {
  const white = hexToLinear('#f3f1ec');
  return (h) => {
    const e = Math.min(h.lu, h.su - h.lu, h.lv, h.sv - h.lv);
    if (e < 0.07) return { albedo: white };
    // Two-panel door: a shadow line around each recessed panel.
    const mid = Math.abs(h.lv - h.sv * 0.55);
    const k = mid < 0.06 ? 1 : Math.min(e, mid) < 0.09 ? 0.8 : 0.97;
    return { albedo: [white[0] * k, white[1] * k, white[2] * k] };
  };
}

function towels(hex: string, seed: number): Material {
  const base = fabric(hex, seed);
  return (h) => {
    // Folded edges every few centimetres read as a stack of towels.
    const m = base(h);
    const f = (h.lv % 0.035) / 0.035;
    const k = 0.75 + 0.25 * Math.sin(f * Math.PI);
    return { albedo: [m.albedo[0] * k, m.albedo[1] * k, m.albedo[2] * k] };
  };
}

function fridgeDoors(seed: number): Material {
  const steel = brushedMetal('#b9bbbc', seed);
  return (h) => {
    const m = steel(h);
    const split = Math.abs(h.lu - h.su / 2);
    const drawer = Math.abs(h.lv - 0.62);
    const gap = split < 0.004 && h.lv > 0.64 ? 0.25 : drawer < 0.004 ? 0.25 : 1;
    const handle = (Math.abs(split - 0.05) < 0.012 && h.lv > 0.9 && h.lv < 1.6) || (drawer > 0.05 && drawer < 0.07 && h.lv > 0.62 && Math.abs(h.lu - h.su / 2) < 0.25);
    const k = handle ? 1.25 : gap;
    return { ...m, albedo: [m.albedo[0] * k, m.albedo[1] * k, m.albedo[2] * k] };
  };
}

function rangeFront(seed: number): Material {
  const steel = brushedMetal('#b9bbbc', seed);
  return (h) => {
    const m = steel(h);
    const inWindow = h.lu > 0.12 && h.lu < h.su - 0.12 && h.lv > 0.25 && h.lv < 0.62;
    const handle = h.lv > 0.7 && h.lv < 0.725 && h.lu > 0.06 && h.lu < h.su - 0.06;
    const panel = h.lv > 0.78;
    if (inWindow) return { albedo: [0.015, 0.015, 0.017], gloss: 0.5, rough: 0.01 };
    if (panel) return { albedo: [0.05, 0.05, 0.055], gloss: 0.3 };
    if (handle) return { ...m, albedo: [m.albedo[0] * 1.3, m.albedo[1] * 1.3, m.albedo[2] * 1.3] };
    if (h.lv < 0.1) return { albedo: [0.03, 0.03, 0.03] };
    return m;
  };
}

function cooktop(): Material {
  return (h) => {
    // Black glass with four faint burner rings.
    const cx = h.lu < h.su / 2 ? h.su * 0.27 : h.su * 0.73;
    const cz = h.lv < h.sv / 2 ? h.sv * 0.3 : h.sv * 0.7;
    const d = Math.hypot(h.lu - cx, h.lv - cz);
    const ring = Math.abs(d - 0.09) < 0.004 ? 2.5 : 1;
    return { albedo: [0.02 * ring, 0.02 * ring, 0.022 * ring], gloss: 0.6, rough: 0.01 };
  };
}

function tubTop(front: number, back: number, x0: number, x1: number): Material {
  const white = hexToLinear('#f4f3f0');
  return (h) => {
    const rim = 0.09;
    const ex = Math.min(h.p[0] - x0, x1 - h.p[0]);
    const ez = Math.min(h.p[2] - front, back - h.p[2]);
    const e = Math.min(ex, ez);
    if (e < rim) return { albedo: white, gloss: 0.3, rough: 0.03 };
    // Inside the basin: the curved walls fall into shade towards the bottom.
    const depth = Math.min(1, (e - rim) / 0.12);
    const k = 0.85 - 0.35 * depth + 0.15 * ((h.p[2] - front) / (back - front));
    return { albedo: [white[0] * k, white[1] * k, white[2] * k], gloss: 0.2, rough: 0.05 };
  };
}

function basinShader(s: Scene, seed: number): (nx: number, nz: number, p: Vec3) => RGB {
  const mat = porcelainBasin(seed);
  return (nx, nz, p) => {
    const d = Math.hypot(nx, nz);
    const m = mat({ p, n: [0, 1, 0], u: p[0], v: p[2], lu: (nx + 1) / 2, lv: (nz + 1) / 2, su: 1, sv: 1, fp: 0.002 });
    const lit = s.litColor(p, [0, 1, 0], m.albedo);
    // Rim shadow where the counter edge overhangs the bowl.
    const lip = d > 0.9 ? 0.7 : 1;
    return [lit[0] * lip, lit[1] * lip, lit[2] * lip];
  };
}
