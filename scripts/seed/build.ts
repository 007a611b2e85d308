/**
 * Turns `demo-data.ts` into insert-ready rows for every seeded table, plus the R2 objects
 * (swatches and room photos) those rows point at.
 *
 * Runs in workerd as well as Node: only WebCrypto and plain JS here (no fs, Buffer or
 * process). The image renderer is imported lazily, only when `withImages` is set, so
 * callers that only need rows never load it.
 */
import type {
  costItems,
  categories,
  floorplans,
  optionFloorplanPricing,
  optionFloorplans,
  optionRules,
  options,
  organizations,
  orgUsers,
  PhotoSurface,
  projects,
  rooms,
  sceneElements,
  scenes,
  StepSection,
  stepPhotos,
  steps,
  subcategories,
  users,
  Vec3,
} from '../../worker/db/schema';
import { hashPassword } from '../../worker/lib/password';
import {
  COST_ITEMS,
  DEMO_PASSWORD,
  DEMO_PROJECT,
  DEMO_USERS,
  TENANTS,
  type CostItemRef,
  type Point,
  type ProjectSeed,
  type SubcategorySeed,
  type TenantSeed,
} from './demo-data';
import type { RoomKind, SwatchSpec } from './images/index';

type ImagesModule = typeof import('./images/index');

export interface SeedMedia {
  key: string;
  contentType: string;
  body: Uint8Array;
}

export interface DemoSeed {
  organizations: Array<typeof organizations.$inferInsert>;
  users: Array<typeof users.$inferInsert>;
  orgUsers: Array<typeof orgUsers.$inferInsert>;
  floorplans: Array<typeof floorplans.$inferInsert>;
  categories: Array<typeof categories.$inferInsert>;
  subcategories: Array<typeof subcategories.$inferInsert>;
  options: Array<typeof options.$inferInsert>;
  optionFloorplans: Array<typeof optionFloorplans.$inferInsert>;
  optionRules: Array<typeof optionRules.$inferInsert>;
  optionFloorplanPricing: Array<typeof optionFloorplanPricing.$inferInsert>;
  steps: Array<typeof steps.$inferInsert>;
  stepPhotos: Array<typeof stepPhotos.$inferInsert>;
  costItems: Array<typeof costItems.$inferInsert>;
  projects: Array<typeof projects.$inferInsert>;
  scenes: Array<typeof scenes.$inferInsert>;
  sceneElements: Array<typeof sceneElements.$inferInsert>;
  rooms: Array<typeof rooms.$inferInsert>;
  /** R2 objects to put before the rows that reference them. Empty when `withImages` is false. */
  media: SeedMedia[];
}

export interface BuildDemoSeedOptions {
  /** Render swatches and room photos (slow-ish, pure JS). Off: no media, swatchKey null, photo surfaces []. */
  withImages: boolean;
  /** Timestamp for every createdAt/updatedAt (epoch ms); defaults to Date.now(). */
  now?: number;
}

/** Room photos are rendered at (and, without images, declared as) 3:2, 1536 x 1024. */
export const ROOM_PHOTO_WIDTH = 1536;
export const ROOM_PHOTO_HEIGHT = 1024;

const uuid = (): string => crypto.randomUUID();

/** FNV-1a: a stable 31-bit render seed from a slug, so swatches look the same on every seed. */
function seedFromString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

function lookup<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo seed: unknown ${what} "${key}"`);
  return value;
}

const round = (n: number): number => Math.round(n * 10_000) / 10_000;

export async function buildDemoSeed(opts: BuildDemoSeedOptions): Promise<DemoSeed> {
  const now = opts.now ?? Date.now();
  const images: ImagesModule | null = opts.withImages ? await import('./images/index') : null;

  const seed: DemoSeed = {
    organizations: [],
    users: [],
    orgUsers: [],
    floorplans: [],
    categories: [],
    subcategories: [],
    options: [],
    optionFloorplans: [],
    optionRules: [],
    optionFloorplanPricing: [],
    steps: [],
    stepPhotos: [],
    costItems: [],
    projects: [],
    scenes: [],
    sceneElements: [],
    rooms: [],
    media: [],
  };

  const orgIds = new Map<string, string>();
  for (const tenant of TENANTS) {
    const orgId = uuid();
    orgIds.set(tenant.slug, orgId);
    seed.organizations.push({
      id: orgId,
      slug: tenant.slug,
      name: tenant.name,
      primaryColor: tenant.primaryColor,
      secondaryColor: tenant.secondaryColor,
      accentColor: tenant.accentColor,
      logoKey: null,
      customDomain: null,
      catalogVersion: 1,
      createdAt: now,
    });
  }

  // One hash per user; PBKDF2 at 100k iterations is the slow part of a seed without images.
  const userIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    const userId = uuid();
    userIds.set(user.email, userId);
    seed.users.push({ id: userId, email: user.email, name: user.name, passwordHash: await hashPassword(DEMO_PASSWORD), createdAt: now });
    for (const m of user.memberships) {
      seed.orgUsers.push({ orgId: lookup(orgIds, m.org, 'org'), userId, role: m.role, createdAt: now });
    }
  }

  for (const tenant of TENANTS) {
    buildCatalog(seed, tenant, lookup(orgIds, tenant.slug, 'org'), now, images);
  }

  const costItemIds = new Map<string, string>();
  for (const item of COST_ITEMS) {
    const id = uuid();
    costItemIds.set(costKey(item), id);
    seed.costItems.push({
      id,
      orgId: null,
      category: item.category,
      item: item.item,
      description: item.description,
      unit: item.unit,
      unitCostCents: item.unitCostCents,
      laborHours: item.laborHours,
      region: item.region,
      updatedAt: now,
    });
  }

  buildProject(seed, DEMO_PROJECT, lookup(orgIds, DEMO_PROJECT.org, 'org'), lookup(userIds, DEMO_PROJECT.createdBy, 'user'), costItemIds, now);
  return seed;
}

// ---------------------------------------------------------------- catalog

type RenderedRoom = ReturnType<ImagesModule['renderRoomPhoto']>;

function buildCatalog(seed: DemoSeed, tenant: TenantSeed, orgId: string, now: number, images: ImagesModule | null): void {
  const floorplanIds = new Map<string, string>();
  tenant.floorplans.forEach((fp, i) => {
    const id = uuid();
    floorplanIds.set(fp.slug, id);
    seed.floorplans.push({
      id,
      orgId,
      slug: fp.slug,
      name: fp.name,
      description: fp.description,
      bedrooms: fp.bedrooms,
      bathrooms: fp.bathrooms,
      squareFeet: fp.squareFeet,
      basePriceCents: fp.basePriceCents,
      isActive: true,
      sortOrder: i,
      createdAt: now,
    });
  });

  const subcategoryIds = new Map<string, string>();
  const optionIds = new Map<string, string>();
  /** `${roomKind}:${surfaceKey}` -> subcategory id, for mapping photo surfaces. */
  const surfaceOwners = new Map<string, string>();

  tenant.categories.forEach((category, ci) => {
    const categoryId = uuid();
    seed.categories.push({ id: categoryId, orgId, slug: category.slug, name: category.name, sortOrder: ci, createdAt: now });

    category.subcategories.forEach((sub, si) => {
      const subcategoryId = uuid();
      subcategoryIds.set(sub.slug, subcategoryId);
      if (sub.surface) for (const room of sub.surface.rooms) surfaceOwners.set(`${room}:${sub.surface.key}`, subcategoryId);
      seed.subcategories.push({
        id: subcategoryId,
        orgId,
        categoryId,
        slug: sub.slug,
        name: sub.name,
        sortOrder: si,
        isVisual: sub.isVisual ?? false,
        isAdditive: sub.isAdditive ?? false,
        maxQuantity: sub.maxQuantity ?? 1,
        unitLabel: sub.unitLabel ?? null,
        promptDescriptor: sub.promptDescriptor ?? null,
        createdAt: now,
      });
      buildOptions(seed, sub, orgId, subcategoryId, floorplanIds, optionIds, now, images);
    });
  });

  for (const rule of tenant.rules) {
    seed.optionRules.push({
      id: uuid(),
      orgId,
      optionId: lookup(optionIds, rule.option, 'option'),
      kind: rule.kind,
      targetOptionId: lookup(optionIds, rule.target, 'option'),
      message: rule.message,
      createdAt: now,
    });
  }

  for (const o of tenant.priceOverrides) {
    seed.optionFloorplanPricing.push({
      orgId,
      optionId: lookup(optionIds, o.option, 'option'),
      floorplanId: lookup(floorplanIds, o.floorplan, 'floorplan'),
      priceCents: o.priceCents,
    });
  }

  // Each room kind is rendered once per org; every step showing it gets its own key (and object).
  const rendered = new Map<RoomKind, RenderedRoom>();
  const renderOnce = (kind: RoomKind, imgs: ImagesModule): RenderedRoom => {
    let room = rendered.get(kind);
    if (!room) {
      room = imgs.renderRoomPhoto(kind, { width: ROOM_PHOTO_WIDTH, height: ROOM_PHOTO_HEIGHT, seed: seedFromString(`${tenant.slug}:${kind}`) });
      rendered.set(kind, room);
    }
    return room;
  };

  for (const fp of tenant.floorplans) {
    const floorplanId = lookup(floorplanIds, fp.slug, 'floorplan');
    tenant.steps.forEach((step, i) => {
      const stepId = uuid();
      const sections: StepSection[] = step.sections.map((s) => ({
        title: s.title,
        subcategoryIds: s.subcategorySlugs.map((slug) => lookup(subcategoryIds, slug, 'subcategory')),
      }));
      seed.steps.push({ id: stepId, orgId, floorplanId, slug: step.slug, name: step.name, subtitle: step.subtitle, sortOrder: i, sections, createdAt: now });
      if (!step.photo) return;

      const imageKey = `${orgId}/rooms/${stepId}/${uuid()}.jpg`;
      const row: typeof stepPhotos.$inferInsert = {
        id: uuid(),
        orgId,
        stepId,
        imageKey,
        width: ROOM_PHOTO_WIDTH,
        height: ROOM_PHOTO_HEIGHT,
        isHero: true,
        sortOrder: 0,
        alt: step.photo.alt,
        surfaces: [],
        spatialHint: null,
        createdAt: now,
      };
      if (images) {
        const room = renderOnce(step.photo.kind, images);
        const kind = step.photo.kind;
        row.width = room.width;
        row.height = room.height;
        row.spatialHint = room.spatialHint;
        row.surfaces = room.surfaces.map((s): PhotoSurface => ({
          key: s.key,
          label: s.label,
          subcategoryId: surfaceOwners.get(`${kind}:${s.key}`) ?? null,
          polygons: s.polygons,
          tileScale: s.tileScale,
        }));
        seed.media.push({ key: imageKey, contentType: 'image/jpeg', body: room.jpeg });
      }
      seed.stepPhotos.push(row);
    });
  }
}

function buildOptions(
  seed: DemoSeed,
  sub: SubcategorySeed,
  orgId: string,
  subcategoryId: string,
  floorplanIds: ReadonlyMap<string, string>,
  optionIds: Map<string, string>,
  now: number,
  images: ImagesModule | null,
): void {
  sub.options.forEach((opt, i) => {
    const optionId = uuid();
    optionIds.set(opt.slug, optionId);
    let swatchKey: string | null = null;
    if (opt.swatch && images) {
      const spec: SwatchSpec = { ...opt.swatch, seed: seedFromString(opt.slug) };
      swatchKey = `${orgId}/swatches/${subcategoryId}/${uuid()}.png`;
      seed.media.push({ key: swatchKey, contentType: 'image/png', body: images.renderSwatch(spec) });
    }
    seed.options.push({
      id: optionId,
      orgId,
      subcategoryId,
      slug: opt.slug,
      name: opt.name,
      description: opt.description ?? null,
      priceCents: opt.priceCents,
      isDefault: opt.isDefault ?? false,
      sortOrder: i,
      swatchKey,
      swatchColor: opt.swatch?.color ?? null,
      promptDescriptor: opt.promptDescriptor ?? null,
      isActive: true,
      createdAt: now,
    });
    for (const fp of opt.floorplans ?? []) {
      seed.optionFloorplans.push({ orgId, optionId, floorplanId: lookup(floorplanIds, fp, 'floorplan') });
    }
  });
}

// ---------------------------------------------------------------- 3D project

const costKey = (ref: CostItemRef): string => `${ref.category}/${ref.item}`;

const ONE: Vec3 = { x: 1, y: 1, z: 1 };

/**
 * Rotation about +Y that turns an element's local +X onto the plan direction (dx, dz);
 * the same convention in Babylon.js and three.js (local +X maps to (cos θ, 0, -sin θ)).
 */
const yaw = (dx: number, dz: number): number => round(Math.atan2(0 - dz, dx)); // 0 - dz: no -0, so a westward wall is +π

function buildProject(
  seed: DemoSeed,
  project: ProjectSeed,
  orgId: string,
  createdBy: string,
  costItemIds: ReadonlyMap<string, string>,
  now: number,
): void {
  const projectId = uuid();
  const sceneId = uuid();
  seed.projects.push({
    id: projectId,
    orgId,
    name: project.name,
    projectType: project.projectType,
    status: 'draft',
    address: project.address,
    region: project.region,
    createdBy,
    metadata: project.metadata,
    createdAt: now,
    updatedAt: now,
  });
  seed.scenes.push({ id: sceneId, orgId, projectId, environment: project.environment, cameraPresets: project.cameraPresets, version: 1, updatedAt: now });

  const costItemId = (ref: CostItemRef | null): string | null => (ref ? lookup(costItemIds, costKey(ref), 'cost item') : null);
  const element = (e: Omit<typeof sceneElements.$inferInsert, 'id' | 'orgId' | 'sceneId' | 'scale' | 'materialId' | 'assetId' | 'visible' | 'createdAt' | 'updatedAt'>): string => {
    const id = uuid();
    seed.sceneElements.push({ id, orgId, sceneId, scale: ONE, materialId: null, assetId: null, visible: true, createdAt: now, updatedAt: now, ...e });
    return id;
  };

  const walls = new Map<string, { id: string; start: Point; end: Point }>();
  for (const w of project.walls) {
    const dx = w.end.x - w.start.x;
    const dz = w.end.z - w.start.z;
    const id = element({
      type: 'wall',
      phase: w.phase,
      status: w.status,
      position: { x: round(w.start.x + dx / 2), y: 0, z: round(w.start.z + dz / 2) },
      rotation: { x: 0, y: yaw(dx, dz), z: 0 },
      properties: { start: w.start, end: w.end, height: w.height, thickness: w.thickness },
      costItemId: costItemId(w.costItem),
      notes: w.notes ?? null,
    });
    walls.set(w.key, { id, start: w.start, end: w.end });
  }

  for (const o of project.openings) {
    const wall = lookup(walls, o.wall, 'wall');
    const dx = wall.end.x - wall.start.x;
    const dz = wall.end.z - wall.start.z;
    const length = Math.hypot(dx, dz);
    const along = (o.offset + o.width / 2) / length;
    const sillHeight = o.type === 'window' ? (o.sillHeight ?? 0) : 0;
    element({
      type: o.type,
      phase: o.phase,
      status: o.status,
      // Centre of the opening's bottom edge, on the wall's centreline.
      position: { x: round(wall.start.x + dx * along), y: sillHeight, z: round(wall.start.z + dz * along) },
      rotation: { x: 0, y: yaw(dx, dz), z: 0 },
      properties: {
        wallId: wall.id,
        offset: o.offset,
        width: o.width,
        height: o.height,
        ...(o.type === 'window' ? { sillHeight } : {}),
        kind: o.kind,
      },
      costItemId: costItemId(o.costItem),
      notes: o.notes ?? null,
    });
  }

  for (const f of project.fixtures) {
    element({
      type: 'fixture',
      phase: f.phase,
      status: f.status,
      position: { x: f.position.x, y: 0, z: f.position.z },
      rotation: { x: 0, y: round(f.rotationY), z: 0 },
      properties: { kind: f.kind, width: f.width, depth: f.depth, height: f.height },
      costItemId: costItemId(f.costItem),
      notes: f.notes ?? null,
    });
  }

  for (const r of project.rooms) {
    const xs = r.bounds.map(([x]) => x);
    const zs = r.bounds.map(([, z]) => z);
    seed.rooms.push({
      id: uuid(),
      orgId,
      projectId,
      name: r.name,
      roomType: r.roomType,
      widthM: round(Math.max(...xs) - Math.min(...xs)),
      depthM: round(Math.max(...zs) - Math.min(...zs)),
      heightM: r.heightM,
      bounds: r.bounds,
      createdAt: now,
    });
  }
}
