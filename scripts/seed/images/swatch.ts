/**
 * Procedural material swatches (256x256 PNG) for seeding the option catalogue.
 *
 * Every pattern is periodic over the swatch, so a compositor can tile it
 * across a surface without visible seams.
 */
import { encode } from 'fast-png';
import type { RGB } from './raster';
import { clamp, hash2, hexToRgb, mix, periodicFbm, periodicNoise, scale, smoothstep } from './raster';

export const SWATCH_MATERIALS = [
  'wood',
  'stone',
  'quartz',
  'tile',
  'paint',
  'metal',
  'carpet',
  'laminate',
  'concrete',
] as const;

export type SwatchMaterial = (typeof SWATCH_MATERIALS)[number];

export interface SwatchSpec {
  material: SwatchMaterial;
  /** Base colour, '#rrggbb'. */
  color: string;
  /** Vein / grain / grout colour, '#rrggbb'. Derived from `color` when omitted. */
  accent?: string;
  seed: number;
}

export const SWATCH_SIZE = 256;

type Painter = (u: number, v: number, x: number, y: number) => RGB;

const TAU = Math.PI * 2;

export function renderSwatch(spec: SwatchSpec): Uint8Array {
  const make = PAINTERS[spec.material];
  if (!make) throw new Error(`Unknown swatch material "${String(spec.material)}"`);
  const base = hexToRgb(spec.color);
  const accent = spec.accent ? hexToRgb(spec.accent) : defaultAccent(spec.material, base);
  const seed = spec.seed | 0;
  const paint = make(base, accent, seed);

  const size = SWATCH_SIZE;
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = paint((x + 0.5) / size, (y + 0.5) / size, x, y);
      const i = (y * size + x) * 3;
      data[i] = clamp(Math.round(c[0]), 0, 255);
      data[i + 1] = clamp(Math.round(c[1]), 0, 255);
      data[i + 2] = clamp(Math.round(c[2]), 0, 255);
    }
  }
  return encode({ width: size, height: size, data, channels: 3, depth: 8 });
}

function defaultAccent(material: SwatchMaterial, base: RGB): RGB {
  switch (material) {
    case 'wood':
    case 'laminate':
      return scale(base, 0.62);
    case 'stone':
      return mix(base, [70, 70, 74], 0.7);
    case 'quartz':
      return mix(base, [130, 130, 134], 0.5);
    case 'tile':
      return [204, 201, 195];
    case 'metal':
      return mix(base, [255, 255, 255], 0.35);
    case 'carpet':
      return scale(base, 0.78);
    case 'concrete':
      return scale(base, 0.72);
    case 'paint':
      return base;
  }
}

/** Pixel hash in [-0.5, 0.5): per-pixel grit that is trivially tileable. */
function grit(x: number, y: number, seed: number): number {
  return hash2(x, y, seed) - 0.5;
}

/** Thin, wandering vein mask in [0, 1]: 1 on the vein centre line. */
function vein(u: number, v: number, kx: number, ky: number, turb: number, width: number): number {
  // Integer kx/ky keep the sine periodic over the swatch; turbulence bends it.
  const s = Math.abs(Math.sin(TAU * (kx * u + ky * v) / 2 + turb));
  return 1 - smoothstep(0, width, s);
}

const PAINTERS: Record<SwatchMaterial, (base: RGB, accent: RGB, seed: number) => Painter> = {
  wood: (base, accent, seed) => (u, v, x, y) => {
    // Growth rings cut at a shallow angle: long bands along the board that
    // drift slowly across it.
    const warp = periodicFbm(u, v, 1, 3, seed, 3);
    const t = 11 * v + 2.4 * warp + 0.4 * periodicFbm(u, v, 2, 8, seed + 7, 3);
    const ring = t - Math.floor(t);
    const late = smoothstep(0.62, 0.9, ring) * (1 - smoothstep(0.9, 1, ring));
    const fibres = periodicFbm(u, v, 2, 128, seed + 11, 2);
    const tone = periodicFbm(u, v, 1, 2, seed + 13, 2);
    let c = mix(base, accent, 0.5 * late + 0.5 * (fibres - 0.5) + 0.4 * (tone - 0.5) + 0.1);
    c = scale(c, 1 + 0.03 * grit(x, y, seed));
    return c;
  },

  stone: (base, accent, seed) => (u, v, x, y) => {
    const turb = 4 * periodicFbm(u, v, 2, 2, seed, 5);
    const mottle = periodicFbm(u, v, 4, 4, seed + 3, 4);
    const main = vein(u, v, 1, 2, turb, 0.07) + 0.25 * vein(u, v, 1, 2, turb, 0.4);
    const minor = vein(u, v, 3, -1, 0.6 * turb + 1.5 * periodicFbm(u, v, 3, 3, seed + 5, 4), 0.03);
    let c = mix(base, scale(base, 0.88), mottle);
    c = mix(c, accent, 0.85 * main + 0.45 * minor);
    return scale(c, 1 + 0.025 * grit(x, y, seed));
  },

  quartz: (base, accent, seed) => (u, v, x, y) => {
    const turb = 5 * periodicFbm(u, v, 2, 2, seed, 4);
    const cloud = periodicFbm(u, v, 6, 6, seed + 9, 3);
    const soft = vein(u, v, 1, 1, turb, 0.05);
    let c = mix(base, scale(base, 0.95), cloud);
    c = mix(c, accent, 0.28 * soft);
    // Engineered quartz reads as fine, evenly scattered aggregate.
    const h = hash2(x, y, seed + 17);
    if (h < 0.05) c = mix(c, accent, 0.35 + 4 * h);
    else if (h > 0.985) c = mix(c, [255, 255, 255], 0.5);
    return c;
  },

  tile: (base, accent, seed) => {
    const perSide = 2;
    const grout = 0.018;
    return (u, v, x, y) => {
      const tu = u * perSide;
      const tv = v * perSide;
      const iu = Math.floor(tu);
      const iv = Math.floor(tv);
      const fu = tu - iu;
      const fv = tv - iv;
      const du = Math.min(fu, 1 - fu) / perSide;
      const dv = Math.min(fv, 1 - fv) / perSide;
      const edge = Math.min(du, dv);
      if (edge < grout / 2) return scale(accent, 1 + 0.08 * grit(x, y, seed));
      const tint = 1 + 0.05 * (hash2(iu, iv, seed) - 0.5);
      let c = scale(base, tint * (0.97 + 0.06 * periodicFbm(u, v, 8, 8, seed + 1, 3)));
      // A soft bevel lit from the top-left sells the tile as a raised object.
      const bevel = 1 - smoothstep(grout / 2, grout / 2 + 0.012, edge);
      const facing = dv < du ? (fv < 0.5 ? 1 : -1) : fu < 0.5 ? 1 : -1;
      c = scale(c, 1 + 0.07 * bevel * facing);
      return scale(c, 1 + 0.015 * grit(x, y, seed));
    };
  },

  paint: (base, _accent, seed) => (u, v, x, y) => {
    const peel = periodicFbm(u, v, 32, 32, seed, 2) - 0.5;
    return scale(base, 1 + 0.018 * peel + 0.008 * grit(x, y, seed));
  },

  metal: (base, accent, seed) => (u, v, x, y) => {
    // Brushing: noise stretched hard along x, plus per-row scratches.
    const streak = periodicFbm(u, v, 2, 128, seed, 3);
    const row = hash2(0, y, seed + 3) - 0.5;
    const sheen = periodicNoise(u * 2, v * 2, 2, 2, seed + 5);
    let c = mix(base, accent, 0.35 * sheen + 0.5 * (streak - 0.5));
    c = scale(c, 1 + 0.06 * row + 0.02 * grit(x, y, seed));
    return c;
  },

  carpet: (base, accent, seed) => (u, v, x, y) => {
    const tufts = periodicFbm(u, v, 64, 64, seed, 2);
    const mottle = periodicFbm(u, v, 6, 6, seed + 1, 3);
    const speck = hash2(x, y, seed + 2);
    let c = mix(base, accent, 0.5 * tufts + 0.3 * mottle);
    c = scale(c, 1 + 0.22 * (speck - 0.5));
    return c;
  },

  laminate: (base, accent, seed) => {
    const rows = 5;
    const planksPerRow = 1;
    return (u, v, x, y) => {
      const rv = v * rows;
      const row = Math.floor(rv);
      const fv = rv - row;
      const offset = hash2(row, 0, seed + 1);
      const pu = (u + offset) * planksPerRow;
      const plank = ((Math.floor(pu) % planksPerRow) + planksPerRow) % planksPerRow;
      const fu = pu - Math.floor(pu);
      // Printed décor: straighter grain than real wood, repeated per plank.
      const grain = periodicFbm(u, v, 2, 48, seed + 7 + plank * 31 + row * 131, 3);
      const band = periodicNoise(u * 4, v * 16, 4, 16, seed + 9 + row);
      const tone = hash2(row, plank, seed + 3) - 0.5;
      let c = mix(base, accent, 0.5 * (grain - 0.5) + 0.35 * band + 0.3 * tone + 0.05);
      const seamV = Math.min(fv, 1 - fv) * (SWATCH_SIZE / rows);
      const seamU = Math.min(fu, 1 - fu) * (SWATCH_SIZE / planksPerRow);
      const seam = Math.min(seamV, seamU);
      if (seam < 0.8) c = scale(c, 0.7);
      else if (seam < 2) c = scale(c, 0.93);
      return scale(c, 1 + 0.02 * grit(x, y, seed));
    };
  },

  concrete: (base, accent, seed) => (u, v, x, y) => {
    const blotch = periodicFbm(u, v, 3, 3, seed, 5);
    const fine = periodicFbm(u, v, 24, 24, seed + 1, 2);
    let c = mix(base, accent, clamp(1.4 * (blotch - 0.5) + 0.5) * 0.7 + 0.2 * (fine - 0.5));
    const pore = hash2(x, y, seed + 2);
    if (pore < 0.012) c = scale(c, 0.65);
    return scale(c, 1 + 0.04 * grit(x, y, seed));
  },
};
