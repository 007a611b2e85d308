import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../worker/lib/password';
import { buildDemoSeed, ROOM_PHOTO_HEIGHT, ROOM_PHOTO_WIDTH, type DemoSeed } from './build';
import {
  COST_ITEMS,
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_PROJECT,
  DEMO_USERS,
  HARBOR,
  ROOM_SURFACE_KEYS,
  SUMMIT,
  TENANTS,
  type OptionSeed,
  type SubcategorySeed,
  type TenantSeed,
} from './demo-data';

const subcategoriesOf = (t: TenantSeed): SubcategorySeed[] => t.categories.flatMap((c) => c.subcategories);
const optionsOf = (t: TenantSeed): OptionSeed[] => subcategoriesOf(t).flatMap((s) => s.options);
const isNonNegativeInt = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;
const HEX = /^#[0-9a-f]{6}$/;

/** The option a fresh buyer session starts on: the isDefault one, else the first $0 one. */
function startingOption(sub: SubcategorySeed): OptionSeed | undefined {
  return sub.options.find((o) => o.isDefault) ?? sub.options.find((o) => o.priceCents === 0);
}

describe('demo data', () => {
  it('Should meet the minimum catalog sizes for Summit', () => {
    expect(SUMMIT.categories.length).toBeGreaterThanOrEqual(12);
    expect(subcategoriesOf(SUMMIT).length).toBeGreaterThanOrEqual(28);
    expect(optionsOf(SUMMIT).length).toBeGreaterThanOrEqual(130);
    expect(SUMMIT.rules.length).toBeGreaterThanOrEqual(4);
    expect(SUMMIT.priceOverrides.length).toBeGreaterThanOrEqual(6);
    expect(SUMMIT.floorplans.length).toBeGreaterThanOrEqual(2);
    expect(optionsOf(SUMMIT).filter((o) => o.floorplans?.length === 1).length).toBeGreaterThanOrEqual(2);
    expect(SUMMIT.steps.map((s) => s.slug)).toEqual(['style', 'kitchen', 'primary-bath', 'secondary', 'finishing']);
    expect(subcategoriesOf(SUMMIT).filter((s) => s.isAdditive).length).toBeGreaterThanOrEqual(3);
  });

  it('Should give Harbor a smaller but complete catalog', () => {
    expect(HARBOR.floorplans.map((f) => f.slug)).toEqual(['bayview']);
    expect(HARBOR.steps.length).toBe(2);
    expect(HARBOR.categories.length).toBe(3);
    expect(subcategoriesOf(HARBOR).length).toBeGreaterThanOrEqual(6);
    expect(optionsOf(HARBOR).length).toBeGreaterThanOrEqual(15);
    expect(HARBOR.primaryColor).not.toBe(SUMMIT.primaryColor);
  });

  it('Should share some slugs between tenants at different prices so isolation is observable', () => {
    const summitPrices = new Map(optionsOf(SUMMIT).map((o) => [o.slug, o.priceCents]));
    const shared = optionsOf(HARBOR).filter((o) => summitPrices.has(o.slug) && summitPrices.get(o.slug) !== o.priceCents);
    expect(shared.length).toBeGreaterThanOrEqual(1);
  });

  it('Should define the demo users and their roles', () => {
    const roles = DEMO_USERS.flatMap((u) => u.memberships.map((m) => `${u.email}:${m.org}:${m.role}`));
    expect(roles).toEqual(expect.arrayContaining(['admin@summit.test:summit:admin', 'viewer@summit.test:summit:viewer', 'admin@harbor.test:harbor:admin']));
    const orgs = new Set(TENANTS.map((t) => t.slug));
    for (const u of DEMO_USERS) for (const m of u.memberships) expect(orgs.has(m.org)).toBe(true);
    expect(DEMO_PASSWORD).toBe('finch-demo-1234');
    expect(DEMO_LOGINS.map((l) => `${l.email}:${l.org}:${l.role}`).sort()).toEqual([...roles].sort());
    for (const l of DEMO_LOGINS) expect(l.password).toBe(DEMO_PASSWORD);
  });

  describe.each(TENANTS)('tenant $slug', (tenant) => {
    const subs = subcategoriesOf(tenant);
    const opts = optionsOf(tenant);
    const optionBySlug = new Map(opts.map((o) => [o.slug, o]));
    const subOfOption = new Map(subs.flatMap((s) => s.options.map((o) => [o.slug, s.slug] as const)));
    const floorplanSlugs = new Set(tenant.floorplans.map((f) => f.slug));

    it('Should use unique slugs per org', () => {
      const unique = (xs: string[]): void => expect(new Set(xs).size).toBe(xs.length);
      unique(tenant.categories.map((c) => c.slug));
      unique(subs.map((s) => s.slug));
      unique(opts.map((o) => o.slug));
      unique(tenant.floorplans.map((f) => f.slug));
      unique(tenant.steps.map((s) => s.slug));
    });

    it('Should give every subcategory exactly one default or a $0 option to fall back to', () => {
      for (const sub of subs) {
        const defaults = sub.options.filter((o) => o.isDefault);
        expect(defaults.length, sub.slug).toBeLessThanOrEqual(1);
        if (defaults.length === 0) expect(sub.options.some((o) => o.priceCents === 0), sub.slug).toBe(true);
      }
    });

    it('Should use non-negative integer cents for every price', () => {
      for (const o of opts) expect(isNonNegativeInt(o.priceCents), o.slug).toBe(true);
      for (const o of tenant.priceOverrides) expect(isNonNegativeInt(o.priceCents), o.option).toBe(true);
      for (const f of tenant.floorplans) expect(isNonNegativeInt(f.basePriceCents), f.slug).toBe(true);
    });

    it('Should resolve every rule, price override, floorplan scope and section reference', () => {
      for (const r of tenant.rules) {
        expect(optionBySlug.has(r.option), r.option).toBe(true);
        expect(optionBySlug.has(r.target), r.target).toBe(true);
        // Both sides in one subcategory could never be selected together anyway.
        expect(subOfOption.get(r.option)).not.toBe(subOfOption.get(r.target));
        expect(r.message.length).toBeGreaterThan(10);
      }
      const ruleKeys = tenant.rules.map((r) => `${r.option}|${r.kind}|${r.target}`);
      expect(new Set(ruleKeys).size).toBe(ruleKeys.length);

      const overrideKeys = new Set<string>();
      for (const o of tenant.priceOverrides) {
        const option = optionBySlug.get(o.option);
        expect(option, o.option).toBeDefined();
        expect(floorplanSlugs.has(o.floorplan), o.floorplan).toBe(true);
        expect(!option?.floorplans || option.floorplans.includes(o.floorplan), `${o.option} is not offered on ${o.floorplan}`).toBe(true);
        expect(o.priceCents).not.toBe(option?.priceCents);
        overrideKeys.add(`${o.option}|${o.floorplan}`);
      }
      expect(overrideKeys.size).toBe(tenant.priceOverrides.length);

      for (const o of opts) {
        for (const fp of o.floorplans ?? []) expect(floorplanSlugs.has(fp), `${o.slug} -> ${fp}`).toBe(true);
        // Scoped options are upgrades; every floorplan must still have a base option to start on.
        if (o.floorplans) expect(o.isDefault ?? false).toBe(false);
      }

      const subSlugs = new Set(subs.map((s) => s.slug));
      const placed = tenant.steps.flatMap((st) => st.sections.flatMap((sec) => sec.subcategorySlugs));
      for (const slug of placed) expect(subSlugs.has(slug), slug).toBe(true);
      // Every subcategory appears in exactly one section of the wizard.
      expect([...placed].sort()).toEqual([...subSlugs].sort());
    });

    it('Should start every buyer on a combination that breaks no rule', () => {
      const starting = new Set(subs.map((s) => startingOption(s)?.slug));
      for (const r of tenant.rules) {
        if (!starting.has(r.option)) continue;
        if (r.kind === 'requires') expect(starting.has(r.target), `${r.option} requires ${r.target}`).toBe(true);
        else expect(starting.has(r.target), `${r.option} excludes ${r.target}`).toBe(false);
      }
    });

    it('Should map each visual subcategory to a surface its rooms actually have, one owner per surface', () => {
      const owners = new Map<string, string>();
      for (const sub of subs) {
        if (!sub.isVisual) {
          expect(sub.surface, sub.slug).toBeUndefined();
          for (const o of sub.options) expect(o.swatch, o.slug).toBeUndefined();
          continue;
        }
        expect(sub.promptDescriptor, sub.slug).toBeTruthy();
        expect(sub.surface, sub.slug).toBeDefined();
        expect(sub.surface!.rooms.length).toBeGreaterThan(0);
        for (const room of sub.surface!.rooms) {
          expect(ROOM_SURFACE_KEYS[room], `${sub.slug}: ${room}`).toContain(sub.surface!.key);
          const key = `${room}:${sub.surface!.key}`;
          expect(owners.get(key), `${key} claimed twice`).toBeUndefined();
          owners.set(key, sub.slug);
        }
        for (const o of sub.options) {
          expect(o.swatch, o.slug).toBeDefined();
          expect(o.swatch!.color, o.slug).toMatch(HEX);
          if (o.swatch!.accent) expect(o.swatch!.accent, o.slug).toMatch(HEX);
          expect(o.promptDescriptor, o.slug).toBeTruthy();
        }
      }
      // Each room photo shown by a step has at least its floor and walls mapped.
      for (const step of tenant.steps) {
        if (!step.photo) continue;
        expect(owners.has(`${step.photo.kind}:floor`), `${step.slug} floor`).toBe(true);
        expect(owners.has(`${step.photo.kind}:walls`), `${step.slug} walls`).toBe(true);
      }
    });

    it('Should configure additive subcategories with a quantity limit and a unit', () => {
      for (const sub of subs) {
        if (sub.isAdditive) {
          expect(sub.maxQuantity ?? 1, sub.slug).toBeGreaterThan(1);
          expect(sub.unitLabel, sub.slug).toBeTruthy();
          expect(sub.isVisual ?? false).toBe(false);
        } else {
          expect(sub.maxQuantity, sub.slug).toBeUndefined();
          expect(sub.unitLabel, sub.slug).toBeUndefined();
        }
      }
    });
  });

  it('Should leave a few Summit subcategories without an isDefault flag to exercise the $0 fallback', () => {
    const withoutDefault = subcategoriesOf(SUMMIT).filter((s) => !s.options.some((o) => o.isDefault));
    expect(withoutDefault.length).toBeGreaterThanOrEqual(3);
    // And one where the flagged default is not the first $0 option.
    const paint = subcategoriesOf(SUMMIT).find((s) => s.slug === 'interior-paint')!;
    expect(startingOption(paint)?.slug).not.toBe(paint.options.find((o) => o.priceCents === 0)?.slug);
  });

  it('Should give Summit room photos on the first four steps only', () => {
    expect(SUMMIT.steps.map((s) => s.photo?.kind ?? null)).toEqual(['great-room', 'kitchen', 'primary-bath', 'secondary-bath', null]);
  });

  it('Should include every cost item row of the reference table as integer cents', () => {
    expect(COST_ITEMS.length).toBe(39);
    const keys = COST_ITEMS.map((c) => `${c.category}/${c.item}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(COST_ITEMS.map((c) => c.category))).toEqual(new Set(['demo', 'framing', 'doors', 'windows', 'finishes', 'electrical', 'plumbing']));
    for (const c of COST_ITEMS) {
      expect(isNonNegativeInt(c.unitCostCents), c.item).toBe(true);
      expect(['LF', 'SF', 'EA']).toContain(c.unit);
      expect(c.region).toBe('bay_area');
    }
    expect(COST_ITEMS.find((c) => c.category === 'electrical' && c.item === 'panel_upgrade')?.unitCostCents).toBe(280_000);
    expect(COST_ITEMS.find((c) => c.category === 'finishes' && c.item === 'flooring_sf')).toBeUndefined();
    expect(COST_ITEMS.find((c) => c.category === 'demo' && c.item === 'flooring_sf')?.unitCostCents).toBe(250);
  });

  it('Should describe a buildable remodel scene', () => {
    const costKeys = new Set(COST_ITEMS.map((c) => `${c.category}/${c.item}`));
    const walls = new Map(DEMO_PROJECT.walls.map((w) => [w.key, w]));
    expect(walls.size).toBe(DEMO_PROJECT.walls.length);
    expect(DEMO_PROJECT.walls.filter((w) => w.status === 'demo' && w.phase === 1).length).toBe(1);
    expect(DEMO_PROJECT.openings.filter((o) => o.type === 'door').length).toBe(2);
    expect(DEMO_PROJECT.openings.filter((o) => o.type === 'window').length).toBe(3);
    expect(DEMO_PROJECT.rooms.length).toBe(2);
    for (const w of DEMO_PROJECT.walls) if (w.costItem) expect(costKeys.has(`${w.costItem.category}/${w.costItem.item}`)).toBe(true);
    for (const f of DEMO_PROJECT.fixtures) if (f.costItem) expect(costKeys.has(`${f.costItem.category}/${f.costItem.item}`)).toBe(true);
    for (const o of DEMO_PROJECT.openings) {
      const wall = walls.get(o.wall);
      expect(wall, o.key).toBeDefined();
      const length = Math.hypot(wall!.end.x - wall!.start.x, wall!.end.z - wall!.start.z);
      expect(o.offset, o.key).toBeGreaterThanOrEqual(0);
      expect(o.offset + o.width, o.key).toBeLessThanOrEqual(length);
      expect((o.sillHeight ?? 0) + o.height, o.key).toBeLessThan(wall!.height);
      expect(costKeys.has(`${o.costItem.category}/${o.costItem.item}`), o.key).toBe(true);
      expect(o.costItem.category).toBe(o.type === 'door' ? 'doors' : 'windows');
      expect(o.costItem.item).toBe(o.kind);
    }
  });
});

describe('buildDemoSeed({ withImages: false })', () => {
  const NOW = 1_767_225_600_000;
  let seed: DemoSeed;

  beforeAll(async () => {
    seed = await buildDemoSeed({ withImages: false, now: NOW });
  });

  it('Should produce rows whose foreign keys all resolve', () => {
    const ids = <T extends { id: string }>(rows: T[]): Set<string> => new Set(rows.map((r) => r.id));
    const orgs = ids(seed.organizations);
    const users = ids(seed.users);
    const floorplans = new Map(seed.floorplans.map((r) => [r.id, r]));
    const categories = new Map(seed.categories.map((r) => [r.id, r]));
    const subcategories = new Map(seed.subcategories.map((r) => [r.id, r]));
    const options = new Map(seed.options.map((r) => [r.id, r]));
    const steps = new Map(seed.steps.map((r) => [r.id, r]));
    const costItems = ids(seed.costItems);
    const projects = ids(seed.projects);
    const scenes = ids(seed.scenes);

    for (const m of seed.orgUsers) {
      expect(orgs.has(m.orgId)).toBe(true);
      expect(users.has(m.userId)).toBe(true);
    }
    for (const f of seed.floorplans) expect(orgs.has(f.orgId)).toBe(true);
    for (const c of seed.categories) expect(orgs.has(c.orgId)).toBe(true);
    for (const s of seed.subcategories) expect(categories.get(s.categoryId)?.orgId).toBe(s.orgId);
    for (const o of seed.options) expect(subcategories.get(o.subcategoryId)?.orgId).toBe(o.orgId);
    for (const of of seed.optionFloorplans) {
      expect(options.get(of.optionId)?.orgId).toBe(of.orgId);
      expect(floorplans.get(of.floorplanId)?.orgId).toBe(of.orgId);
    }
    for (const r of seed.optionRules) {
      expect(options.get(r.optionId)?.orgId).toBe(r.orgId);
      expect(options.get(r.targetOptionId)?.orgId).toBe(r.orgId);
    }
    for (const p of seed.optionFloorplanPricing) {
      expect(options.get(p.optionId)?.orgId).toBe(p.orgId);
      expect(floorplans.get(p.floorplanId)?.orgId).toBe(p.orgId);
    }
    for (const st of seed.steps) {
      expect(floorplans.get(st.floorplanId)?.orgId).toBe(st.orgId);
      for (const section of st.sections ?? []) {
        for (const id of section.subcategoryIds) expect(subcategories.get(id)?.orgId).toBe(st.orgId);
      }
    }
    for (const ph of seed.stepPhotos) expect(steps.get(ph.stepId)?.orgId).toBe(ph.orgId);
    for (const c of seed.costItems) expect(c.orgId).toBeNull();
    for (const p of seed.projects) {
      expect(orgs.has(p.orgId)).toBe(true);
      expect(users.has(p.createdBy!)).toBe(true);
    }
    for (const s of seed.scenes) expect(projects.has(s.projectId)).toBe(true);
    for (const r of seed.rooms) expect(projects.has(r.projectId)).toBe(true);

    const elements = new Map(seed.sceneElements.map((e) => [e.id, e]));
    for (const e of seed.sceneElements) {
      expect(scenes.has(e.sceneId)).toBe(true);
      if (e.costItemId) expect(costItems.has(e.costItemId)).toBe(true);
      if (e.type === 'door' || e.type === 'window') {
        const host = elements.get(e.properties.wallId as string);
        expect(host?.type).toBe('wall');
        expect(host?.sceneId).toBe(e.sceneId);
        expect(e.costItemId).toBeTruthy();
      }
    }

    // Every id is a fresh UUID, unique across the whole seed.
    const all = [seed.organizations, seed.users, seed.floorplans, seed.categories, seed.subcategories, seed.options, seed.optionRules, seed.steps, seed.stepPhotos, seed.costItems, seed.projects, seed.scenes, seed.sceneElements, seed.rooms].flatMap((rows) => rows.map((r) => r.id));
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('Should mirror the data counts in the rows', () => {
    expect(seed.organizations.map((o) => o.slug)).toEqual(['summit', 'harbor']);
    expect(seed.categories.length).toBe(SUMMIT.categories.length + HARBOR.categories.length);
    expect(seed.options.length).toBe(optionsOf(SUMMIT).length + optionsOf(HARBOR).length);
    expect(seed.steps.length).toBe(SUMMIT.steps.length * SUMMIT.floorplans.length + HARBOR.steps.length * HARBOR.floorplans.length);
    expect(seed.stepPhotos.length).toBe(4 * SUMMIT.floorplans.length + 2);
    expect(seed.optionRules.length).toBe(SUMMIT.rules.length + HARBOR.rules.length);
    expect(seed.optionFloorplanPricing.length).toBe(SUMMIT.priceOverrides.length);
    expect(seed.costItems.length).toBe(COST_ITEMS.length);
    expect(seed.sceneElements.length).toBe(DEMO_PROJECT.walls.length + DEMO_PROJECT.openings.length + DEMO_PROJECT.fixtures.length);
    for (const row of [...seed.organizations, ...seed.options, ...seed.steps]) expect(row.createdAt).toBe(NOW);
  });

  it('Should leave media empty and give photos placeholder keys, a 1536x1024 size and no surfaces', () => {
    expect(seed.media).toEqual([]);
    for (const o of seed.options) expect(o.swatchKey).toBeNull();
    const visualSubs = new Set(seed.subcategories.filter((s) => s.isVisual).map((s) => s.id));
    for (const o of seed.options) {
      if (visualSubs.has(o.subcategoryId)) expect(o.swatchColor).toMatch(HEX);
      else expect(o.swatchColor).toBeNull();
    }
    for (const ph of seed.stepPhotos) {
      expect(ph.imageKey.startsWith(`${ph.orgId}/rooms/${ph.stepId}/`)).toBe(true);
      expect(ph.imageKey.endsWith('.jpg')).toBe(true);
      expect([ph.width, ph.height]).toEqual([ROOM_PHOTO_WIDTH, ROOM_PHOTO_HEIGHT]);
      expect(ph.surfaces).toEqual([]);
      expect(ph.isHero).toBe(true);
    }
  });

  it('Should give each floorplan its own steps with the same sections', () => {
    const summit = seed.organizations.find((o) => o.slug === 'summit')!;
    const fps = seed.floorplans.filter((f) => f.orgId === summit.id);
    const stepSlugs = fps.map((fp) => seed.steps.filter((s) => s.floorplanId === fp.id).map((s) => s.slug));
    expect(stepSlugs).toEqual(fps.map(() => SUMMIT.steps.map((s) => s.slug)));
    const [a, b] = fps.map((fp) => seed.steps.filter((s) => s.floorplanId === fp.id).map((s) => s.sections));
    expect(a).toEqual(b);
  });

  it('Should hash the demo password so that it verifies and a wrong one does not', async () => {
    expect(seed.users.map((u) => u.email).sort()).toEqual(DEMO_USERS.map((u) => u.email).sort());
    for (const u of seed.users) {
      expect(u.passwordHash).toMatch(/^pbkdf2-sha256\$/);
      expect(u.passwordHash).not.toContain(DEMO_PASSWORD);
    }
    const hash = seed.users[0]!.passwordHash!;
    expect(await verifyPassword(DEMO_PASSWORD, hash)).toBe(true);
    expect(await verifyPassword('finch-demo-12345', hash)).toBe(false);
  });

  it('Should place openings on their host wall and resolve wall ids', () => {
    const walls = seed.sceneElements.filter((e) => e.type === 'wall');
    const doors = seed.sceneElements.filter((e) => e.type === 'door');
    const windows = seed.sceneElements.filter((e) => e.type === 'window');
    expect([walls.length, doors.length, windows.length]).toEqual([DEMO_PROJECT.walls.length, 2, 3]);
    const demo = walls.filter((w) => w.status === 'demo');
    expect(demo.map((w) => w.phase)).toEqual([1]);
    for (const w of windows) expect(w.position.y).toBe(w.properties.sillHeight);
    const sinkWindow = windows.find((w) => w.properties.kind === 'double_hung')!;
    expect(sinkWindow.position).toEqual({ x: 2.4, y: 1.05, z: 0 });
  });
});
