/**
 * Procedural "builder base" materials for the room renderer. Albedos are
 * linear; coordinates come from `Hit` in metres, so patterns keep a real-world
 * scale regardless of distance, and `fp` (pixel footprint) band-limits lines.
 */
import type { RGB } from './raster';
import { fbm, hash2, hexToLinear, lineCoverage, smoothstep, valueNoise } from './raster';
import type { Hit, Material, Surfacing } from './scene';

const mul = (c: RGB, k: number): RGB => [c[0] * k, c[1] * k, c[2] * k];
const lerp = (a: RGB, b: RGB, t: number): RGB => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Distance from x to the nearest multiple of `period`. */
function gridDist(x: number, period: number): number {
  const f = x / period - Math.floor(x / period);
  return Math.min(f, 1 - f) * period;
}

export function paint(hex: string, seed = 1): Material {
  const base = hexToLinear(hex);
  return (h) => {
    // Very low-frequency unevenness: real drywall never reads perfectly flat.
    const k = 1 + 0.035 * (valueNoise(h.u * 0.8, h.v * 0.8, seed) - 0.5);
    return { albedo: mul(base, k) };
  };
}

export function flat(hex: string, gloss = 0, rough = 0.1): Material {
  const albedo = hexToLinear(hex);
  const s: Surfacing = { albedo, gloss, rough };
  return () => s;
}

export function emissive(hex: string, strength: number): Material {
  const c = mul(hexToLinear(hex), strength);
  const s: Surfacing = { albedo: [0, 0, 0], emit: c };
  return () => s;
}

/**
 * Engineered wood planks running along `along` ('u' or 'v' of the face).
 * Seams and end joints are box-filtered so the far floor does not shimmer.
 */
export function woodFloor(opts: { light: string; dark: string; seed: number; along?: 'u' | 'v'; width?: number }): Material {
  const light = hexToLinear(opts.light);
  const dark = hexToLinear(opts.dark);
  const w = opts.width ?? 0.19;
  const seed = opts.seed;
  return (h) => {
    const across = opts.along === 'u' ? h.v : h.u;
    const along = opts.along === 'u' ? h.u : h.v;
    const col = Math.floor(across / w);
    const len = 1.1 + 0.9 * hash2(col, 7, seed);
    const shift = hash2(col, 3, seed) * len;
    const row = Math.floor((along + shift) / len);
    const plank = hash2(col, row, seed);
    const grain = fbm(across * 38, along * 2.2 + plank * 40, seed + 5, 3);
    const fine = valueNoise(across * 260, along * 6, seed + 9);
    let c = lerp(light, dark, 0.15 + 0.33 * plank + 0.5 * (grain - 0.5) + 0.15 * (fine - 0.5));
    const seam = lineCoverage(gridDist(across, w), 0.0012, h.fp);
    const joint = lineCoverage(gridDist(along + shift, len), 0.0012, h.fp);
    c = mul(c, 1 - 0.55 * Math.max(seam, joint));
    return { albedo: c, gloss: 0.2, rough: 0.12 };
  };
}

/** Rectangular tile with grout; `bond` 0.5 gives a running bond along u. */
export function tile(opts: {
  face: string;
  grout: string;
  tw: number;
  th: number;
  bond?: number;
  groutW?: number;
  gloss?: number;
  seed: number;
  vary?: number;
  bevel?: boolean;
}): Material {
  const face = hexToLinear(opts.face);
  const grout = hexToLinear(opts.grout);
  const gw = (opts.groutW ?? 0.003) / 2;
  const vary = opts.vary ?? 0.05;
  return (h) => {
    const row = Math.floor(h.v / opts.th);
    const u = h.u + (opts.bond ?? 0) * opts.tw * (row & 1);
    const colI = Math.floor(u / opts.tw);
    const du = gridDist(u, opts.tw);
    const dv = gridDist(h.v, opts.th);
    const g = Math.max(lineCoverage(du, gw, h.fp), lineCoverage(dv, gw, h.fp));
    const tint = 1 + vary * (hash2(colI, row, opts.seed) - 0.5) * 2;
    const cloud = 1 + 0.05 * (fbm(h.u * 5, h.v * 5, opts.seed + 3, 3) - 0.5);
    let c = mul(face, tint * cloud);
    if (opts.bevel) {
      // Glazed tile edges curve away: a darker lip just inside the grout.
      const edge = Math.min(du, dv);
      c = mul(c, 0.88 + 0.12 * smoothstep(gw, gw + 0.006 + h.fp, edge));
    }
    const a = lerp(c, grout, g);
    return { albedo: a, gloss: (opts.gloss ?? 0.25) * (1 - g), rough: 0.02 };
  };
}

/** Quartz / cultured-marble counter: near-uniform with fine aggregate and faint veins. */
export function quartz(hex: string, veinHex: string, seed: number): Material {
  const base = hexToLinear(hex);
  const vein = hexToLinear(veinHex);
  return (h) => {
    const turb = fbm(h.u * 1.3, h.v * 1.3, seed, 4);
    const s = Math.abs(Math.sin((h.u * 2.1 + h.v * 1.2) * 3 + turb * 6));
    const v = (1 - smoothstep(0, 0.06, s)) * 0.45;
    const speck = hash2(Math.floor(h.u * 700), Math.floor(h.v * 700), seed + 1);
    let c = lerp(base, vein, v + (speck < 0.08 ? 0.25 : 0));
    c = mul(c, 1 + 0.03 * (fbm(h.u * 4, h.v * 4, seed + 2, 2) - 0.5));
    return { albedo: c, gloss: 0.45, rough: 0.015 };
  };
}

export function brushedMetal(hex: string, seed: number, along: 'u' | 'v' = 'v'): Material {
  const base = hexToLinear(hex);
  return (h) => {
    const a = along === 'u' ? h.u : h.v;
    const b = along === 'u' ? h.v : h.u;
    const streak = valueNoise(b * 400, a * 3, seed);
    const sheen = valueNoise(b * 2, a * 1.5, seed + 1);
    return { albedo: mul(base, 0.85 + 0.15 * streak + 0.15 * sheen), gloss: 0.5, rough: 0.08 };
  };
}

export function fabric(hex: string, seed: number, folds = 0): Material {
  const base = hexToLinear(hex);
  return (h) => {
    const weave = 0.94 + 0.06 * valueNoise(h.u * 300, h.v * 300, seed);
    const fold = folds > 0 ? 0.8 + 0.2 * Math.sin(h.u * folds + 2 * fbm(h.u, h.v * 2, seed, 2)) : 1;
    return { albedo: mul(base, weave * fold) };
  };
}

/** View out of a window: bright sky over blurred greenery, split by mullions. */
export function windowGlass(opts: { strength: number; frosted?: boolean; frame: string; seed: number; horizon: number }): Material {
  const frame = hexToLinear(opts.frame);
  const sky: RGB = [0.82, 0.9, 1.05];
  const green: RGB = [0.32, 0.42, 0.3];
  return (h) => {
    const cu = h.su / 2;
    const cv = h.sv * 0.62;
    const bar = 0.025;
    const border = 0.035;
    const inFrame =
      h.lu < border || h.lu > h.su - border || h.lv < border || h.lv > h.sv - border || Math.abs(h.lu - cu) < bar || Math.abs(h.lv - cv) < bar;
    if (inFrame) return { albedo: frame, gloss: 0.1 };
    if (opts.frosted) {
      const k = 0.9 + 0.1 * (h.lv / h.sv);
      return { albedo: [0, 0, 0], emit: mul([1, 1, 1.02], opts.strength * k) };
    }
    // Trees on the horizon, with a soft ragged top edge.
    const treeTop = opts.horizon + 0.5 * fbm(h.u * 1.6, 0.5, opts.seed, 3);
    const inTree = smoothstep(treeTop + 0.08, treeTop - 0.08, h.v);
    const lift = 0.75 + 0.25 * smoothstep(opts.horizon, opts.horizon + 1.5, h.v);
    const leaf = 0.75 + 0.35 * fbm(h.u * 6, h.v * 6, opts.seed + 1, 3);
    const c = lerp(mul(sky, lift), mul(green, leaf), inTree * 0.7);
    return { albedo: [0, 0, 0], emit: mul(c, opts.strength) };
  };
}

// ---------------------------------------------------------------------------
// Cabinetry

export interface Panel {
  u0: number;
  u1: number;
  v0: number;
  v1: number;
  kind: 'door' | 'drawer';
}

export type CabinetStyle = 'base' | 'upper' | 'panel';

/** Door and drawer fronts for a cabinet face of size su x sv (metres). */
export function cabinetLayout(su: number, sv: number, style: CabinetStyle, toeKick = 0.1): Panel[] {
  // Panels (island backs, end panels) are wider than doors.
  const cols = Math.max(1, Math.round(su / (style === 'panel' ? 0.75 : 0.58)));
  const cw = su / cols;
  const panels: Panel[] = [];
  for (let i = 0; i < cols; i++) {
    const u0 = i * cw;
    const u1 = (i + 1) * cw;
    if (style !== 'base') {
      panels.push({ u0, u1, v0: toeKick, v1: sv, kind: 'door' });
    } else {
      const drawer = Math.min(0.18, sv * 0.25);
      panels.push({ u0, u1, v0: toeKick, v1: sv - drawer, kind: 'door' });
      panels.push({ u0, u1, v0: sv - drawer, v1: sv, kind: 'drawer' });
    }
  }
  return panels;
}

/**
 * Painted shaker fronts: reveals between doors, a recessed centre panel with
 * shadowed upper edges, and a dark toe kick for base cabinets.
 */
export function cabinet(hex: string, style: CabinetStyle, seed: number, toeKick = 0.1): Material {
  const base = hexToLinear(hex);
  const cache = new Map<string, Panel[]>();
  return (h) => {
    const key = `${h.su.toFixed(3)}x${h.sv.toFixed(3)}`;
    let panels = cache.get(key);
    if (!panels) {
      panels = cabinetLayout(h.su, h.sv, style, toeKick);
      cache.set(key, panels);
    }
    const grainK = 1 + 0.02 * (valueNoise(h.u * 3, h.v * 40, seed) - 0.5);
    if (h.lv < toeKick) return { albedo: mul(base, 0.22) };
    let k = grainK;
    const fp = h.fp;
    for (const p of panels) {
      if (h.lu < p.u0 || h.lu > p.u1 || h.lv < p.v0 || h.lv > p.v1) continue;
      const du = Math.min(h.lu - p.u0, p.u1 - h.lu);
      const dv = Math.min(h.lv - p.v0, p.v1 - h.lv);
      const reveal = Math.max(lineCoverage(du, 0.0015, fp), lineCoverage(dv, 0.0015, fp));
      k *= 1 - 0.7 * reveal;
      const inset = p.kind === 'drawer' ? 0.045 : 0.065;
      const iu = h.lu - p.u0 - inset;
      const iu2 = p.u1 - inset - h.lu;
      const iv = h.lv - p.v0 - inset;
      const iv2 = p.v1 - inset - h.lv;
      if (iu > 0 && iu2 > 0 && iv > 0 && iv2 > 0) {
        // Inside the recessed panel: the top rail throws a thin shadow, the
        // bottom rail catches light.
        const top = lineCoverage(iv2, 0.005, fp);
        const bottom = lineCoverage(iv, 0.004, fp);
        const side = Math.max(lineCoverage(iu, 0.004, fp), lineCoverage(iu2, 0.004, fp));
        k *= (1 - 0.28 * top) * (1 + 0.08 * bottom) * (1 - 0.12 * side) * 0.985;
      }
      break;
    }
    return { albedo: mul(base, k) };
  };
}

/** Fireplace surround: large-format stone-look tile in a stacked layout. */
export function stoneTile(hex: string, seed: number): Material {
  const t = tile({ face: hex, grout: '#8a857e', tw: 0.6, th: 0.3, groutW: 0.003, seed, vary: 0.08, gloss: 0.12 });
  return (h) => {
    const s = t(h);
    const mottle = 0.9 + 0.2 * fbm(h.u * 3, h.v * 3, seed + 11, 4);
    return { ...s, albedo: mul(s.albedo, mottle) };
  };
}

export function porcelainBasin(seed: number): Material {
  const base = hexToLinear('#f2f1ee');
  return (h) => {
    // Shade the bowl as if curved: darker towards the far rim and the centre drain.
    const x = (h.lu / h.su) * 2 - 1;
    const y = (h.lv / h.sv) * 2 - 1;
    const r = Math.min(1, Math.sqrt(x * x + y * y));
    const drain = r < 0.08 ? 0.3 : 1;
    const k = (0.55 + 0.35 * r + 0.1 * y) * drain;
    return { albedo: mul(base, k * (1 + 0.01 * (hash2(Math.floor(h.u * 500), 0, seed) - 0.5))), gloss: 0.3, rough: 0.05 };
  };
}

export function stainlessSink(): Material {
  const base = hexToLinear('#9a9c9e');
  return (h) => {
    const y = h.lv / h.sv;
    const x = h.lu / h.su;
    const edge = Math.min(x, 1 - x, y, 1 - y);
    const k = 0.35 + 0.5 * smoothstep(0, 0.25, edge) * (0.6 + 0.4 * y);
    return { albedo: mul(base, k), gloss: 0.35, rough: 0.1 };
  };
}

/** Silvered glass: multiplies the traced reflection; the polished bevel reads as the edge. */
export function mirrorSilver(): Material {
  const tint: RGB = [0.86, 0.9, 0.9];
  const edge: RGB = mul(tint, 0.75);
  return (h) => ({ albedo: Math.min(h.lu, h.su - h.lu, h.lv, h.sv - h.lv) < 0.012 ? edge : tint });
}

/** Framed abstract print for a wall; keeps the room from reading as a CG box. */
export function artPrint(seed: number): Material {
  const a = hexToLinear('#c9b79c');
  const b = hexToLinear('#5f7481');
  const c = hexToLinear('#e9e4da');
  const frameC = hexToLinear('#2b2825');
  return (h) => {
    const e = Math.min(h.lu, h.su - h.lu, h.lv, h.sv - h.lv);
    if (e < 0.025) return { albedo: frameC, gloss: 0.05 };
    if (e < 0.08) return { albedo: c };
    const n = fbm(h.lu * 1.5, h.lv * 1.5, seed, 4);
    const band = smoothstep(0.35, 0.65, n + 0.3 * (h.lv / h.sv - 0.5));
    return { albedo: lerp(lerp(a, b, band), c, 0.25 * smoothstep(0.6, 0.8, n)) };
  };
}

/** Linear gas fireplace opening: dark glass over a bed of stones with low flames. */
export function firebox(seed: number): Material {
  return (h) => {
    const e = Math.min(h.lu, h.su - h.lu, h.lv, h.sv - h.lv);
    if (e < 0.02) return { albedo: [0.025, 0.025, 0.025], gloss: 0.2 };
    const y = (h.lv - 0.02) / (h.sv - 0.04);
    // Individual tongues: narrow in u, tall, flickering heights.
    const tongue = valueNoise(h.lu * 28, 0.3, seed);
    const flicker = fbm(h.lu * 9, h.lv * 6, seed + 1, 3);
    const top = 0.18 + 0.38 * tongue * tongue + 0.12 * flicker;
    const body = y < top ? Math.pow(1 - y / top, 1.5) : 0;
    const stones = y < 0.12 ? 0.25 + 0.5 * hash2(Math.floor(h.lu * 40), Math.floor(h.lv * 40), seed) : 0;
    const k = Math.max(body * (0.5 + flicker), stones * 0.5);
    const back = 0.012 + 0.02 * (1 - y);
    return { albedo: [back, back, back], emit: [k * 2.4, k * 1.05 * (0.6 + 0.4 * body), k * 0.3 * body] };
  };
}
