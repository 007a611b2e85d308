/**
 * Scene elements → axis-aligned boxes (before yaw), in metres.
 *
 * Pure and Babylon-free so it can be unit-tested. Conventions:
 * - Y is up; the floor is y = 0.
 * - A box is `size.width` along its local X, `size.height` along Y and
 *   `size.depth` along local Z, centred on `center`.
 * - `yaw` is the rotation about +Y in Babylon's default left-handed system:
 *   local +X ends up pointing along `directionFromYaw(yaw)` = (cos yaw, 0, −sin yaw).
 *   So a wall running along +X has yaw 0 and one running along +Z has yaw −π/2.
 */
import type { ElementStatus, ElementType, SceneElement, Vec3 } from './types';

export interface Box {
  id: string;
  type: ElementType;
  status: ElementStatus;
  center: Vec3;
  size: { width: number; height: number; depth: number };
  yaw: number;
}

export interface SkippedElement {
  id: string;
  type: ElementType;
  reason: string;
}

export interface SceneLayout {
  boxes: Box[];
  skipped: SkippedElement[];
}

/** Defaults for optional properties (metres). */
export const DEFAULTS = {
  wallHeight: 2.7,
  wallThickness: 0.15,
  doorWidth: 0.9,
  doorHeight: 2.03,
  windowWidth: 1.2,
  windowHeight: 1.2,
  windowSill: 0.9,
  objectSize: 0.5,
  /** Openings stick out of each face of their wall by this much so they are visible. */
  openingProud: 0.02,
} as const;

/** Unit vector (x, z) that local +X points along after rotating by `yaw` about +Y. */
export function directionFromYaw(yaw: number): { x: number; z: number } {
  return { x: clean(Math.cos(yaw)), z: clean(-Math.sin(yaw)) };
}

/** Yaw that turns local +X to point along (dx, dz). */
export function yawFromDirection(dx: number, dz: number): number {
  return clean(-Math.atan2(dz, dx));
}

function clean(n: number): number {
  // Avoid -0 and 6e-17 noise in outputs (and test snapshots).
  return Math.abs(n) < 1e-12 ? 0 : n;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function positive(value: unknown, fallback: number): number {
  const n = num(value);
  return n !== null && n > 0 ? n : fallback;
}

function point2(value: unknown): { x: number; z: number } | null {
  if (!value || typeof value !== 'object') return null;
  const { x, z } = value as { x?: unknown; z?: unknown };
  const px = num(x);
  const pz = num(z);
  return px === null || pz === null ? null : { x: px, z: pz };
}

type Result = { box: Box } | { reason: string };

/** A wall: a box from `start` to `end`, standing on the floor. */
export function wallBox(el: SceneElement): Result {
  const start = point2(el.properties.start);
  const end = point2(el.properties.end);
  if (!start || !end) return { reason: 'wall needs start and end points' };
  const dx = end.x - start.x;
  const dz = end.z - start.z;
  const length = Math.hypot(dx, dz);
  if (length === 0) return { reason: 'wall has zero length' };
  const height = positive(el.properties.height, DEFAULTS.wallHeight);
  const thickness = positive(el.properties.thickness, DEFAULTS.wallThickness);
  return {
    box: {
      id: el.id,
      type: el.type,
      status: el.status,
      center: { x: (start.x + end.x) / 2, y: height / 2, z: (start.z + end.z) / 2 },
      size: { width: length, height, depth: thickness },
      yaw: yawFromDirection(dx, dz),
    },
  };
}

/**
 * A door or window: a box in the plane of its host wall. `offset` is measured
 * along the wall from its start to the opening's near edge (the seed data's
 * convention), so the centre is at `offset + width / 2`. The bottom sits at
 * `sillHeight` (doors default to 0).
 * It is slightly thicker than the wall so it shows on both faces.
 */
export function openingBox(el: SceneElement, wall: SceneElement | undefined): Result {
  if (!wall || wall.type !== 'wall') return { reason: 'host wall not found' };
  const host = wallBox(wall);
  if (!('box' in host)) return { reason: `host wall is invalid (${host.reason})` };
  const offset = num(el.properties.offset);
  if (offset === null) return { reason: `${el.type} needs an offset along its wall` };

  const isDoor = el.type === 'door';
  const width = positive(el.properties.width, isDoor ? DEFAULTS.doorWidth : DEFAULTS.windowWidth);
  const height = positive(el.properties.height, isDoor ? DEFAULTS.doorHeight : DEFAULTS.windowHeight);
  const sill = num(el.properties.sillHeight) ?? (isDoor ? 0 : DEFAULTS.windowSill);

  const start = point2(wall.properties.start)!;
  const dir = directionFromYaw(host.box.yaw);
  const along = offset + width / 2;
  return {
    box: {
      id: el.id,
      type: el.type,
      status: el.status,
      center: { x: start.x + dir.x * along, y: sill + height / 2, z: start.z + dir.z * along },
      size: { width, height, depth: host.box.size.depth + 2 * DEFAULTS.openingProud },
      yaw: host.box.yaw,
    },
  };
}

/**
 * Furniture / fixtures: a placeholder box whose footprint is centred on
 * `position` (x, z), standing on `position.y`, turned by `rotation.y`.
 * Size from `properties.width/depth/height` when present.
 */
export function objectBox(el: SceneElement): Result {
  const x = num(el.position?.x);
  const y = num(el.position?.y) ?? 0;
  const z = num(el.position?.z);
  if (x === null || z === null) return { reason: `${el.type} needs a position` };
  const width = positive(el.properties.width, DEFAULTS.objectSize);
  const height = positive(el.properties.height, DEFAULTS.objectSize);
  const depth = positive(el.properties.depth, DEFAULTS.objectSize);
  return {
    box: {
      id: el.id,
      type: el.type,
      status: el.status,
      center: { x, y: y + height / 2, z },
      size: { width, height, depth },
      yaw: clean(num(el.rotation?.y) ?? 0),
    },
  };
}

/** Every element that can be placed, plus the ones that could not (with why). */
export function layoutScene(elements: readonly SceneElement[]): SceneLayout {
  const byId = new Map(elements.map((el) => [el.id, el]));
  const boxes: Box[] = [];
  const skipped: SkippedElement[] = [];
  for (const el of elements) {
    let result: Result;
    switch (el.type) {
      case 'wall':
        result = wallBox(el);
        break;
      case 'door':
      case 'window': {
        const wallId = el.properties.wallId;
        result = openingBox(el, typeof wallId === 'string' ? byId.get(wallId) : undefined);
        break;
      }
      case 'furniture':
      case 'fixture':
        result = objectBox(el);
        break;
      default:
        result = { reason: `unknown element type "${String((el as { type: unknown }).type)}"` };
    }
    if ('box' in result) boxes.push(result.box);
    else skipped.push({ id: el.id, type: el.type, reason: result.reason });
  }
  return { boxes, skipped };
}

/** Centre and radius of a sphere around all boxes (for framing the camera). */
export function sceneBounds(boxes: readonly Box[]): { center: Vec3; radius: number } {
  if (boxes.length === 0) return { center: { x: 0, y: 0, z: 0 }, radius: 5 };
  const min = { x: Infinity, y: Infinity, z: Infinity };
  const max = { x: -Infinity, y: -Infinity, z: -Infinity };
  for (const b of boxes) {
    // Conservative: use the box's half-diagonal regardless of yaw.
    const r = Math.hypot(b.size.width, b.size.height, b.size.depth) / 2;
    min.x = Math.min(min.x, b.center.x - r);
    min.y = Math.min(min.y, b.center.y - r);
    min.z = Math.min(min.z, b.center.z - r);
    max.x = Math.max(max.x, b.center.x + r);
    max.y = Math.max(max.y, b.center.y + r);
    max.z = Math.max(max.z, b.center.z + r);
  }
  const center = { x: (min.x + max.x) / 2, y: (min.y + max.y) / 2, z: (min.z + max.z) / 2 };
  const radius = Math.max(1, Math.hypot(max.x - min.x, max.y - min.y, max.z - min.z) / 2);
  return { center, radius };
}

export interface BoxStyle {
  /** `#rrggbb` */
  color: string;
  /** 0..1 */
  alpha: number;
}

/** Existing = greys, demo = translucent red, new = white (walls) / blue. */
export function boxStyle(status: ElementStatus, type: ElementType): BoxStyle {
  if (status === 'demo') return { color: '#d93a3a', alpha: 0.35 };
  const glass = type === 'window' ? 0.7 : 1;
  if (status === 'existing') {
    const color = type === 'wall' ? '#b8bcc2' : type === 'door' ? '#6b717a' : type === 'window' ? '#9aa4b0' : '#858b94';
    return { color, alpha: glass };
  }
  const color = type === 'wall' ? '#f4f7ff' : type === 'door' ? '#2f6fde' : type === 'window' ? '#6fa8ff' : '#4b82e6';
  return { color, alpha: glass };
}

/** Legend swatches (wall colours, demo shown opaque for legibility). */
export const STATUS_LEGEND: ReadonlyArray<{ status: ElementStatus; label: string; color: string }> = [
  { status: 'existing', label: 'Existing', color: '#b8bcc2' },
  { status: 'demo', label: 'Demolition', color: '#d93a3a' },
  { status: 'new', label: 'New', color: '#2f6fde' },
];
