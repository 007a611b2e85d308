import { describe, expect, it } from 'vitest';
import { boxStyle, directionFromYaw, layoutScene, openingBox, sceneBounds, wallBox, type Box } from './geometry';
import type { SceneElement } from './types';

function element(partial: Partial<SceneElement> & Pick<SceneElement, 'id' | 'type' | 'properties'>): SceneElement {
  return {
    status: 'existing',
    phase: 3,
    position: { x: 0, y: 0, z: 0 },
    rotation: { x: 0, y: 0, z: 0 },
    ...partial,
  };
}

function boxOf(result: ReturnType<typeof wallBox>): Box {
  if (!('box' in result)) throw new Error(`expected a box, got: ${result.reason}`);
  return result.box;
}

const wallAlongX = element({
  id: 'w1',
  type: 'wall',
  properties: { start: { x: 0, z: 0 }, end: { x: 4, z: 0 }, height: 2.5, thickness: 0.2 },
});

const wallAlongZ = element({
  id: 'w2',
  type: 'wall',
  properties: { start: { x: 1, z: 2 }, end: { x: 1, z: 8 }, height: 3, thickness: 0.1 },
});

describe('wallBox', () => {
  it('Should centre a wall along x between its ends with yaw 0', () => {
    const box = boxOf(wallBox(wallAlongX));
    expect(box.center).toEqual({ x: 2, y: 1.25, z: 0 });
    expect(box.size).toEqual({ width: 4, height: 2.5, depth: 0.2 });
    expect(box.yaw).toBe(0);
  });

  it('Should turn a wall along z by -90° so its length runs along +z', () => {
    const box = boxOf(wallBox(wallAlongZ));
    expect(box.center).toEqual({ x: 1, y: 1.5, z: 5 });
    expect(box.size).toEqual({ width: 6, height: 3, depth: 0.1 });
    expect(box.yaw).toBeCloseTo(-Math.PI / 2, 12);
    expect(directionFromYaw(box.yaw)).toEqual({ x: 0, z: 1 });
  });

  it('Should point the yaw direction from start to end for a diagonal wall', () => {
    const box = boxOf(
      wallBox(element({ id: 'w3', type: 'wall', properties: { start: { x: 0, z: 0 }, end: { x: -3, z: -4 }, height: 2, thickness: 0.1 } })),
    );
    expect(box.size.width).toBeCloseTo(5, 12);
    const dir = directionFromYaw(box.yaw);
    expect(dir.x).toBeCloseTo(-0.6, 12);
    expect(dir.z).toBeCloseTo(-0.8, 12);
  });

  it('Should refuse a wall without end points or with zero length', () => {
    expect(wallBox(element({ id: 'bad', type: 'wall', properties: { start: { x: 0, z: 0 } } }))).toHaveProperty('reason');
    expect(
      wallBox(element({ id: 'dot', type: 'wall', properties: { start: { x: 1, z: 1 }, end: { x: 1, z: 1 } } })),
    ).toHaveProperty('reason');
  });
});

describe('openingBox', () => {
  it('Should place a door with its near edge offset metres from the start of a wall along x', () => {
    const door = element({ id: 'd1', type: 'door', status: 'new', properties: { wallId: 'w1', offset: 1.5, width: 0.9, height: 2.1 } });
    const box = boxOf(openingBox(door, wallAlongX));
    // near edge at x = 1.5, far edge at 2.4 → centre 1.95
    expect(box.center.x).toBeCloseTo(1.95, 12);
    expect(box.center.y).toBeCloseTo(1.05, 12);
    expect(box.center.z).toBeCloseTo(0, 12);
    expect(box.size.width).toBe(0.9);
    expect(box.size.height).toBe(2.1);
    expect(box.size.depth).toBeGreaterThan(0.2);
    expect(box.yaw).toBe(0);
  });

  it('Should place a window along a wall along z at its sill height', () => {
    const win = element({
      id: 'win1',
      type: 'window',
      properties: { wallId: 'w2', offset: 2, width: 1.2, height: 1, sillHeight: 0.8 },
    });
    const box = boxOf(openingBox(win, wallAlongZ));
    // wall starts at z = 2; near edge at z = 4, centre at 4 + 1.2 / 2
    expect(box.center.x).toBeCloseTo(1, 12);
    expect(box.center.z).toBeCloseTo(4.6, 12);
    expect(box.center.y).toBeCloseTo(1.3, 12);
    expect(box.yaw).toBeCloseTo(-Math.PI / 2, 12);
  });

  it('Should measure the offset from the wall start, not its lower coordinate, on a reversed wall', () => {
    const reversed = element({
      id: 'w4',
      type: 'wall',
      properties: { start: { x: 5, z: 0 }, end: { x: 0, z: 0 }, height: 2.7, thickness: 0.15 },
    });
    const door = element({ id: 'd3', type: 'door', properties: { wallId: 'w4', offset: 1, width: 1, height: 2 } });
    const box = boxOf(openingBox(door, reversed));
    expect(box.center.x).toBeCloseTo(3.5, 12);
    expect(box.center.z).toBeCloseTo(0, 12);
    expect(Math.abs(box.yaw)).toBeCloseTo(Math.PI, 12);
  });

  it('Should refuse an opening whose host wall is missing', () => {
    const door = element({ id: 'd2', type: 'door', properties: { wallId: 'nope', offset: 1 } });
    expect(openingBox(door, undefined)).toEqual({ reason: 'host wall not found' });
  });
});

describe('layoutScene', () => {
  it('Should lay out walls, openings and objects and report what it skipped', () => {
    const layout = layoutScene([
      wallAlongX,
      element({ id: 'd1', type: 'door', properties: { wallId: 'w1', offset: 1 } }),
      element({ id: 'd2', type: 'door', properties: { wallId: 'missing', offset: 1 } }),
      element({ id: 'sofa', type: 'furniture', position: { x: 2, y: 0, z: 2 }, rotation: { x: 0, y: 0.5, z: 0 }, properties: { width: 2, depth: 0.9, height: 0.8 } }),
    ]);
    expect(layout.boxes.map((b) => b.id)).toEqual(['w1', 'd1', 'sofa']);
    expect(layout.skipped).toEqual([{ id: 'd2', type: 'door', reason: 'host wall not found' }]);
    const sofa = layout.boxes[2]!;
    expect(sofa.center).toEqual({ x: 2, y: 0.4, z: 2 });
    expect(sofa.yaw).toBe(0.5);
  });

  it('Should frame all boxes in the scene bounds', () => {
    const { boxes } = layoutScene([wallAlongX, wallAlongZ]);
    const { center, radius } = sceneBounds(boxes);
    for (const b of boxes) {
      const d = Math.hypot(b.center.x - center.x, b.center.y - center.y, b.center.z - center.z);
      expect(d).toBeLessThanOrEqual(radius);
    }
  });
});

describe('boxStyle', () => {
  it('Should colour by status: existing grey, demo translucent red, new white/blue', () => {
    expect(boxStyle('existing', 'wall')).toEqual({ color: '#b8bcc2', alpha: 1 });
    expect(boxStyle('demo', 'wall').alpha).toBeLessThan(1);
    expect(boxStyle('demo', 'door').color).toBe('#d93a3a');
    expect(boxStyle('new', 'wall').color).toBe('#f4f7ff');
    expect(boxStyle('new', 'door').color).toBe('#2f6fde');
  });
});
