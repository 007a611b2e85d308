import { describe, expect, it } from 'vitest';
import { closesDraft, hitSurface, nearestVertex, normalizePoint, nudge, pixelDistance, pointInPolygon, polygonArea, roundPoint, toPixels, type Point2 } from './geometry';

const square: Point2[] = [
  [0.2, 0.2],
  [0.6, 0.2],
  [0.6, 0.6],
  [0.2, 0.6],
];
// An L shape: the notch at the top right is outside.
const ell: Point2[] = [
  [0, 0],
  [0.5, 0],
  [0.5, 0.5],
  [1, 0.5],
  [1, 1],
  [0, 1],
];

describe('normalizePoint', () => {
  it('Should map client pixels on the photo to 0..1 and clamp outside points', () => {
    const rect = { left: 100, top: 50, width: 800, height: 400 };
    expect(normalizePoint(100, 50, rect)).toEqual([0, 0]);
    expect(normalizePoint(900, 450, rect)).toEqual([1, 1]);
    expect(normalizePoint(500, 150, rect)).toEqual([0.5, 0.25]);
    expect(normalizePoint(0, 1000, rect)).toEqual([0, 1]);
  });

  it('Should not divide by zero for a photo that has not laid out yet', () => {
    expect(normalizePoint(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual([0, 0]);
  });

  it('Should round-trip through toPixels', () => {
    const size = { width: 1600, height: 1200 };
    const p: Point2 = [0.3125, 0.75];
    const [x, y] = toPixels(p, size);
    expect(normalizePoint(x, y, { left: 0, top: 0, ...size })).toEqual(p);
  });
});

describe('roundPoint', () => {
  it('Should keep five decimals and stay inside 0..1', () => {
    expect(roundPoint([0.123456789, 0.987654321])).toEqual([0.12346, 0.98765]);
    expect(roundPoint([-0.2, 1.3])).toEqual([0, 1]);
  });
});

describe('pointInPolygon', () => {
  it('Should find points inside a convex polygon and not outside', () => {
    expect(pointInPolygon([0.4, 0.4], square)).toBe(true);
    expect(pointInPolygon([0.1, 0.4], square)).toBe(false);
    expect(pointInPolygon([0.4, 0.7], square)).toBe(false);
  });

  it('Should treat the notch of a concave polygon as outside', () => {
    expect(pointInPolygon([0.25, 0.25], ell)).toBe(true);
    expect(pointInPolygon([0.75, 0.75], ell)).toBe(true);
    expect(pointInPolygon([0.75, 0.25], ell)).toBe(false);
  });

  it('Should never hit a degenerate polygon', () => {
    expect(pointInPolygon([0.5, 0.5], [[0, 0], [1, 1]])).toBe(false);
    expect(pointInPolygon([0.5, 0.5], [])).toBe(false);
  });
});

describe('polygonArea', () => {
  it('Should measure area regardless of winding', () => {
    expect(polygonArea(square)).toBeCloseTo(0.16, 10);
    expect(polygonArea([...square].reverse())).toBeCloseTo(0.16, 10);
    expect(polygonArea(ell)).toBeCloseTo(0.75, 10);
    expect(polygonArea([[0, 0], [0.5, 0.5], [1, 1]])).toBe(0);
  });
});

describe('nearestVertex', () => {
  const surfaces = [{ polygons: [square] }, { polygons: [ell] }];
  const size = { width: 1000, height: 500 };

  it('Should find the closest vertex within the pixel radius', () => {
    const hit = nearestVertex([0.205, 0.21], surfaces, size, 10);
    expect(hit).toMatchObject({ surface: 0, polygon: 0, vertex: 0 });
    expect(hit!.distance).toBeCloseTo(pixelDistance([0.205, 0.21], [0.2, 0.2], size), 10);
  });

  it('Should measure in display pixels, not normalized units', () => {
    // 0.012 of the width is 12 px on a 1000 px display, but 0.012 of the height is only 6 px.
    expect(nearestVertex([0.212, 0.2], [{ polygons: [square] }], size, 10)).toBeNull();
    expect(nearestVertex([0.2, 0.212], [{ polygons: [square] }], size, 10)).toMatchObject({ vertex: 0 });
  });

  it('Should prefer the surface drawn on top when vertices coincide', () => {
    const twin = [{ polygons: [square] }, { polygons: [square] }];
    expect(nearestVertex([0.6, 0.6], twin, size, 5)).toMatchObject({ surface: 1, vertex: 2 });
  });

  it('Should return null when nothing is near', () => {
    expect(nearestVertex([0.4, 0.4], surfaces, size, 10)).toBeNull();
  });
});

describe('hitSurface', () => {
  it('Should pick the topmost surface polygon under the point', () => {
    const surfaces = [{ polygons: [ell] }, { polygons: [[[0.9, 0.9], [0.95, 0.9], [0.95, 0.95]] as Point2[], square] }];
    expect(hitSurface([0.4, 0.4], surfaces)).toEqual({ surface: 1, polygon: 1 });
    expect(hitSurface([0.1, 0.9], surfaces)).toEqual({ surface: 0, polygon: 0 });
    expect(hitSurface([0.75, 0.25], surfaces)).toBeNull();
  });
});

describe('closesDraft', () => {
  const size = { width: 800, height: 600 };
  it('Should close on a click near the first point once there are three points', () => {
    const draft: Point2[] = [[0.1, 0.1], [0.5, 0.1], [0.5, 0.5]];
    expect(closesDraft(draft, [0.105, 0.105], size, 12)).toBe(true);
    expect(closesDraft(draft, [0.2, 0.2], size, 12)).toBe(false);
    expect(closesDraft(draft.slice(0, 2), [0.1, 0.1], size, 12)).toBe(false);
  });
});

describe('nudge', () => {
  it('Should move by display pixels and stay on the photo', () => {
    const size = { width: 1000, height: 500 };
    expect(nudge([0.5, 0.5], 10, -5, size)).toEqual([0.51, 0.49]);
    expect(nudge([0.999, 0], 10, -10, size)).toEqual([1, 0]);
  });
});
