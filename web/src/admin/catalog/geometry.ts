/**
 * Geometry for the surface editor. Pure: no DOM.
 *
 * Surfaces are stored in normalized photo coordinates (0..1 on both axes; see
 * worker/domain/surfaces.ts), so the same polygon fits the photo at any display size.
 * Distances that a person perceives (snap radius, "click near the first point") are
 * measured in pixels of the displayed photo, because a normalized unit is wider than it
 * is tall on a landscape photo.
 */
import type { Point2 } from '../../../../worker/domain/surfaces';

export type { Point2 };

export interface Size {
  width: number;
  height: number;
}

export interface Rect extends Size {
  left: number;
  top: number;
}

/** Decimal places kept on save: 1/100000 of a 4000 px photo is well under a pixel. */
const PRECISION = 1e5;

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** A pointer position (client pixels) on an element at `rect` -> normalized, clamped to the photo. */
export function normalizePoint(clientX: number, clientY: number, rect: Rect): Point2 {
  if (!(rect.width > 0) || !(rect.height > 0)) return [0, 0];
  return [clamp01((clientX - rect.left) / rect.width), clamp01((clientY - rect.top) / rect.height)];
}

/** Normalized -> pixels of an element of `size`. */
export function toPixels(p: Point2, size: Size): Point2 {
  return [p[0] * size.width, p[1] * size.height];
}

/** Rounded to a fixed precision and clamped, so saved JSON stays small and within 0..1. */
export function roundPoint(p: Point2): Point2 {
  return [Math.round(clamp01(p[0]) * PRECISION) / PRECISION, Math.round(clamp01(p[1]) * PRECISION) / PRECISION];
}

/** Distance between two normalized points, in pixels of a display of `size`. */
export function pixelDistance(a: Point2, b: Point2, size: Size): number {
  return Math.hypot((a[0] - b[0]) * size.width, (a[1] - b[1]) * size.height);
}

/**
 * Even-odd ray casting: is `p` inside the polygon? Points exactly on an edge may go either
 * way, which is fine for picking what was clicked.
 */
export function pointInPolygon(p: Point2, polygon: readonly Point2[]): boolean {
  if (polygon.length < 3) return false;
  const [x, y] = p;
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Shoelace area in normalized units squared (always positive). */
export function polygonArea(polygon: readonly Point2[]): number {
  let sum = 0;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    sum += polygon[j]![0] * polygon[i]![1] - polygon[i]![0] * polygon[j]![1];
  }
  return Math.abs(sum) / 2;
}

export interface VertexHit {
  surface: number;
  polygon: number;
  vertex: number;
  /** Pixels. */
  distance: number;
}

/**
 * The vertex nearest to `p` within `maxPixels` on a display of `size`, across every
 * surface's polygons; null when none is that close. Ties go to the later surface (drawn on
 * top).
 */
export function nearestVertex(
  p: Point2,
  surfaces: ReadonlyArray<{ polygons: readonly (readonly Point2[])[] }>,
  size: Size,
  maxPixels: number,
): VertexHit | null {
  let best: VertexHit | null = null;
  surfaces.forEach((surface, s) => {
    surface.polygons.forEach((polygon, g) => {
      polygon.forEach((vertex, v) => {
        const distance = pixelDistance(p, vertex, size);
        if (distance <= maxPixels && (!best || distance <= best.distance)) best = { surface: s, polygon: g, vertex: v, distance };
      });
    });
  });
  return best;
}

/** The topmost (last drawn) surface polygon containing `p`, or null. */
export function hitSurface(
  p: Point2,
  surfaces: ReadonlyArray<{ polygons: readonly (readonly Point2[])[] }>,
): { surface: number; polygon: number } | null {
  for (let s = surfaces.length - 1; s >= 0; s--) {
    const polygons = surfaces[s]!.polygons;
    for (let g = polygons.length - 1; g >= 0; g--) {
      if (pointInPolygon(p, polygons[g]!)) return { surface: s, polygon: g };
    }
  }
  return null;
}

/** A click this close to the first point of a draft of 3+ points closes it. */
export function closesDraft(draft: readonly Point2[], p: Point2, size: Size, maxPixels: number): boolean {
  return draft.length >= 3 && pixelDistance(p, draft[0]!, size) <= maxPixels;
}

/** Moves a point by whole display pixels (keyboard nudging), clamped to the photo. */
export function nudge(p: Point2, dxPixels: number, dyPixels: number, size: Size): Point2 {
  if (!(size.width > 0) || !(size.height > 0)) return p;
  return [clamp01(p[0] + dxPixels / size.width), clamp01(p[1] + dyPixels / size.height)];
}
