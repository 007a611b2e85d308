/**
 * Round fixtures (lamps, faucets, basins, downlights) as screen-space sprites.
 * The renderer only knows axis-aligned rectangles; these small round objects
 * are drawn as their exact projected outline and shaded analytically.
 */
import type { Point, RGB } from './raster';
import { convexHull, smoothstep } from './raster';
import type { Scene, Vec3 } from './scene';
import { project } from './scene';

const RIM_STEPS = 28;

function rim(scene: Scene, x: number, y: number, z: number, rx: number, rz: number): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < RIM_STEPS; i++) {
    const a = (i / RIM_STEPS) * Math.PI * 2;
    pts.push(project(scene.camera, [x + Math.cos(a) * rx, y, z + Math.sin(a) * rz]));
  }
  return pts;
}

export interface CylinderSpec {
  x: number;
  z: number;
  /** Bottom and top heights. */
  y0: number;
  y1: number;
  /** Bottom and top radii (unequal for a lamp shade cone). */
  r0: number;
  r1: number;
  side: RGB;
  /** Polished metal: adds a fake environment highlight stripe. */
  chrome?: boolean;
  /** Radiance of the bottom opening/diffuser when seen from below. */
  bottomEmit?: RGB;
  /** Albedo of the top cap when seen from above. */
  top?: RGB;
}

/** A vertical cylinder or cone frustum. */
export function cylinder(scene: Scene, c: CylinderSpec): void {
  const cam = scene.camera.pos;
  const poly = convexHull([...rim(scene, c.x, c.y0, c.z, c.r0, c.r0), ...rim(scene, c.x, c.y1, c.z, c.r1, c.r1)]);
  const white: RGB = [1, 1, 1];
  scene.sprite({
    poly,
    shade: (px, py) => {
      if (cam[1] < c.y0 && c.bottomEmit) {
        const p = scene.unproject(px, py, 1, c.y0);
        const d = Math.hypot(p[0] - c.x, p[2] - c.z) / c.r0;
        if (d <= 1) {
          // Bright bulb at the centre fading to the rim of the diffuser.
          const k = 0.55 + 0.45 * (1 - d * d);
          return [c.bottomEmit[0] * k, c.bottomEmit[1] * k, c.bottomEmit[2] * k];
        }
      }
      if (cam[1] > c.y1 && c.top) {
        const p = scene.unproject(px, py, 1, c.y1);
        if (Math.hypot(p[0] - c.x, p[2] - c.z) <= c.r1) return scene.litColor(p, [0, 1, 0], c.top);
      }
      // Side wall: intersect the vertical plane through the axis facing the camera.
      const p = scene.unproject(px, py, 2, c.z);
      const f = Math.min(1, Math.max(0, (p[1] - c.y0) / (c.y1 - c.y0)));
      const r = c.r0 + (c.r1 - c.r0) * f;
      const s = Math.max(-1, Math.min(1, (p[0] - c.x) / r));
      const nz = -Math.sqrt(1 - s * s);
      const pos: Vec3 = [c.x + s * r, p[1], c.z + nz * r];
      const lit = scene.litColor(pos, [s, 0, nz], c.side);
      if (!c.chrome) return lit;
      const ref = scene.litColor(pos, [0, 1, 0], white);
      const band = Math.exp(-(((s + 0.35) / 0.18) ** 2)) + 0.5 * Math.exp(-(((s - 0.55) / 0.1) ** 2));
      const k = 0.35 + 1.8 * band;
      return [lit[0] * 0.3 + ref[0] * k * 0.5, lit[1] * 0.3 + ref[1] * k * 0.5, lit[2] * 0.3 + ref[2] * k * 0.5];
    },
  });
}

/** An elliptical decal lying on a horizontal plane (basins, downlights). */
export function ellipseDecal(
  scene: Scene,
  e: { x: number; y: number; z: number; rx: number; rz: number },
  shade: (nx: number, nz: number, p: Vec3) => RGB,
  surface?: string,
): void {
  const poly = convexHull(rim(scene, e.x, e.y, e.z, e.rx, e.rz));
  const sprite = {
    poly,
    shade: (px: number, py: number): RGB => {
      const p = scene.unproject(px, py, 1, e.y);
      return shade((p[0] - e.x) / e.rx, (p[2] - e.z) / e.rz, p);
    },
  };
  scene.sprite(surface ? { ...sprite, surface } : sprite);
}

/** Recessed ceiling downlight: glowing lens inside a white trim ring. */
export function downlight(scene: Scene, x: number, z: number, glow: RGB): void {
  const h = scene.room.height - 0.001;
  ellipseDecal(scene, { x, y: h, z, rx: 0.08, rz: 0.08 }, (nx, nz, p) => {
    const d = Math.hypot(nx, nz);
    if (d > 0.7) return scene.litColor(p, [0, -1, 0], [0.85, 0.85, 0.84]);
    const k = smoothstep(0.7, 0.2, d);
    return [glow[0] * (0.5 + k), glow[1] * (0.5 + k), glow[2] * (0.5 + k)];
  });
}
