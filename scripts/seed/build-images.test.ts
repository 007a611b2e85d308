/**
 * The seed with real renders: media keys, swatch and photo references, and the mapping
 * of rendered photo surfaces onto subcategories. Slower than the data tests (it renders
 * every swatch and four rooms per org), so it lives in its own file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemoSeed, type DemoSeed } from './build';
import { ROOM_SURFACE_KEYS, TENANTS } from './demo-data';
import { renderRoomPhoto, type RoomKind } from './images/index';

describe('room photo contract', () => {
  it('Should render exactly the surface keys the demo data maps', () => {
    for (const kind of Object.keys(ROOM_SURFACE_KEYS) as RoomKind[]) {
      const photo = renderRoomPhoto(kind, { width: 240, height: 160, seed: 1 });
      expect(photo.surfaces.map((s) => s.key).sort(), kind).toEqual([...ROOM_SURFACE_KEYS[kind]].sort());
    }
  });
});

describe('buildDemoSeed({ withImages: true })', () => {
  let seed: DemoSeed;

  beforeAll(async () => {
    seed = await buildDemoSeed({ withImages: true });
  }, 120_000);

  it('Should upload one PNG swatch per visual option under its org and subcategory', () => {
    const media = new Map(seed.media.map((m) => [m.key, m]));
    expect(media.size).toBe(seed.media.length);
    const visualSubs = new Set(seed.subcategories.filter((s) => s.isVisual).map((s) => s.id));
    for (const o of seed.options) {
      if (!visualSubs.has(o.subcategoryId)) {
        expect(o.swatchKey, o.slug).toBeNull();
        continue;
      }
      expect(o.swatchKey, o.slug).toMatch(new RegExp(`^${o.orgId}/swatches/${o.subcategoryId}/[0-9a-f-]{36}\\.png$`));
      const obj = media.get(o.swatchKey!);
      expect(obj?.contentType).toBe('image/png');
      expect([...obj!.body.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
  });

  it('Should upload a JPEG per step photo, rendering each room kind once per org', () => {
    const media = new Map(seed.media.map((m) => [m.key, m]));
    const stepKinds = new Map<string, RoomKind>();
    for (const tenant of TENANTS) {
      const org = seed.organizations.find((o) => o.slug === tenant.slug)!;
      for (const step of seed.steps.filter((s) => s.orgId === org.id)) {
        const kind = tenant.steps.find((s) => s.slug === step.slug)?.photo?.kind;
        if (kind) stepKinds.set(step.id, kind);
      }
    }
    const bodiesByOrgKind = new Map<string, Set<Uint8Array>>();
    for (const ph of seed.stepPhotos) {
      expect(ph.imageKey).toMatch(new RegExp(`^${ph.orgId}/rooms/${ph.stepId}/[0-9a-f-]{36}\\.jpg$`));
      const obj = media.get(ph.imageKey);
      expect(obj?.contentType).toBe('image/jpeg');
      expect([...obj!.body.subarray(0, 2)]).toEqual([0xff, 0xd8]);
      expect(ph.spatialHint).toBeTruthy();
      const k = `${ph.orgId}:${stepKinds.get(ph.stepId)}`;
      bodiesByOrgKind.set(k, (bodiesByOrgKind.get(k) ?? new Set()).add(obj!.body));
    }
    // Same bytes for every floorplan's copy of a room (one render per org and kind).
    for (const [k, bodies] of bodiesByOrgKind) expect(bodies.size, k).toBe(1);
    const summit = seed.organizations.find((o) => o.slug === 'summit')!;
    expect([...bodiesByOrgKind.keys()].filter((k) => k.startsWith(summit.id)).length).toBe(4);
    expect(seed.media.length).toBe(seed.options.filter((o) => o.swatchKey).length + seed.stepPhotos.length);
  });

  it('Should map photo surfaces to the subcategory that paints them, or null', () => {
    const subs = new Map(seed.subcategories.map((s) => [s.id, s]));
    for (const ph of seed.stepPhotos) {
      expect(ph.surfaces?.length).toBeGreaterThan(0);
      for (const surface of ph.surfaces ?? []) {
        if (surface.subcategoryId === null) continue;
        const sub = subs.get(surface.subcategoryId);
        expect(sub?.orgId).toBe(ph.orgId);
        expect(sub?.isVisual).toBe(true);
      }
    }
    const summit = seed.organizations.find((o) => o.slug === 'summit')!;
    const harbor = seed.organizations.find((o) => o.slug === 'harbor')!;
    // Summit maps every surface of every photo; Harbor has no backsplash, fireplace or trim options.
    for (const ph of seed.stepPhotos.filter((p) => p.orgId === summit.id)) {
      for (const s of ph.surfaces ?? []) expect(s.subcategoryId, `${ph.alt}: ${s.key}`).not.toBeNull();
    }
    const harborNull = seed.stepPhotos.filter((p) => p.orgId === harbor.id).flatMap((p) => (p.surfaces ?? []).filter((s) => s.subcategoryId === null).map((s) => s.key));
    expect(harborNull.sort()).toEqual(['backsplash', 'fireplace', 'trim']);
    // Main flooring paints the floor in both the great room and the kitchen.
    const flooring = seed.subcategories.find((s) => s.orgId === summit.id && s.slug === 'main-flooring')!;
    const floorOwners = seed.stepPhotos.filter((p) => p.orgId === summit.id).flatMap((p) => (p.surfaces ?? []).filter((s) => s.subcategoryId === flooring.id));
    expect(floorOwners.length).toBe(2 * 2); // 2 photos x 2 floorplans
  });
});
