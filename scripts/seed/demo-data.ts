/**
 * Demo data for local development, tests and the public demo: two builders, their
 * catalogs, wizard steps, rules, per-floorplan prices, the shared cost table and one
 * 3D remodel project.
 *
 * Pure data: no I/O and no ids. `build.ts` turns this into typed rows (ids, password
 * hashes, swatches, room photos). Everything is referenced by slug (options, subcategories,
 * floorplans), by email (users) or by a local key (scene walls), and `demo-data.test.ts`
 * checks that every reference resolves.
 *
 * Money is integer cents (write `usd(1250)` for $1,250.00); lengths are metres.
 */
import type { ElementStatus, Role } from '../../worker/db/schema';
import type { RoomKind, SwatchSpec } from './images/index';

/** Dollars to integer cents, so the tables below stay readable. */
export const usd = (dollars: number): number => Math.round(dollars * 100);

/** Every demo user signs in with this password (local and preview environments only). */
export const DEMO_PASSWORD = 'finch-demo-1234';

/**
 * The surface keys each rendered room photo exposes (the contract of `images/index.ts`).
 * Kept here as plain names, not geometry, so the data can be validated without rendering.
 */
export const ROOM_SURFACE_KEYS: Readonly<Record<RoomKind, readonly string[]>> = {
  'great-room': ['floor', 'walls', 'fireplace', 'trim'],
  kitchen: ['floor', 'walls', 'cabinets', 'countertop', 'backsplash'],
  'primary-bath': ['floor', 'walls', 'vanity', 'vanity-top', 'shower-tile', 'mirror'],
  'secondary-bath': ['floor', 'walls', 'vanity', 'shower-tile'],
};

// ---------------------------------------------------------------- types

/** A swatch to render for a visual option; build.ts derives the render seed from the option slug. */
export type SwatchSeed = Omit<SwatchSpec, 'seed'>;

export interface OptionSeed {
  /** Unique within the org (option slugs share one namespace per org). */
  slug: string;
  name: string;
  description?: string;
  priceCents: number;
  isDefault?: boolean;
  /** Required on options of visual subcategories. */
  swatch?: SwatchSeed;
  /** Required on options of visual subcategories: how the generator should describe the pick. */
  promptDescriptor?: string;
  /** Floorplan slugs this option is limited to; omitted = offered on every floorplan. */
  floorplans?: string[];
}

export interface SubcategorySeed {
  slug: string;
  name: string;
  isVisual?: boolean;
  isAdditive?: boolean;
  /** Additive subcategories only: the quantity stepper's upper bound. */
  maxQuantity?: number;
  /** Additive subcategories only: what one unit is called ("light", "outlet", "run"). */
  unitLabel?: string;
  promptDescriptor?: string;
  /**
   * Visual subcategories only: which room-photo surface this subcategory paints and in
   * which room kinds (e.g. main flooring paints `floor` in the great room and the kitchen).
   */
  surface?: { key: string; rooms: RoomKind[] };
  options: OptionSeed[];
}

export interface CategorySeed {
  slug: string;
  name: string;
  subcategories: SubcategorySeed[];
}

export interface FloorplanSeed {
  slug: string;
  name: string;
  description: string;
  bedrooms: number;
  bathrooms: number;
  squareFeet: number;
  basePriceCents: number;
}

export interface StepSeed {
  slug: string;
  name: string;
  subtitle: string;
  sections: Array<{ title: string; subcategorySlugs: string[] }>;
  /** The step's hero room photo; rendered once per org and room kind. */
  photo?: { kind: RoomKind; alt: string };
}

export interface RuleSeed {
  option: string;
  kind: 'requires' | 'excludes';
  target: string;
  message: string;
}

export interface PriceOverrideSeed {
  option: string;
  floorplan: string;
  priceCents: number;
}

export interface TenantSeed {
  slug: string;
  name: string;
  primaryColor: string;
  secondaryColor: string;
  accentColor: string;
  floorplans: FloorplanSeed[];
  categories: CategorySeed[];
  /** Every floorplan of the org gets this same step list. */
  steps: StepSeed[];
  rules: RuleSeed[];
  priceOverrides: PriceOverrideSeed[];
}

export interface UserSeed {
  email: string;
  name: string;
  memberships: Array<{ org: string; role: Role }>;
}

export interface CostItemSeed {
  category: string;
  item: string;
  description: string;
  unit: 'LF' | 'SF' | 'EA';
  unitCostCents: number;
  laborHours: number;
  region: string;
}

/** A cost_items row named by its natural key; build.ts resolves it to the row's id. */
export interface CostItemRef {
  category: string;
  item: string;
}

export interface Point {
  x: number;
  z: number;
}

export interface WallSeed {
  key: string;
  start: Point;
  end: Point;
  height: number;
  thickness: number;
  status: ElementStatus;
  phase: number;
  costItem: CostItemRef | null;
  notes?: string;
}

export interface OpeningSeed {
  key: string;
  type: 'door' | 'window';
  /** Local key of the host wall. */
  wall: string;
  /** Metres along the wall from its start to the opening's near edge. */
  offset: number;
  width: number;
  height: number;
  /** Windows only: floor to the bottom of the opening. */
  sillHeight?: number;
  kind: 'interior_single' | 'exterior_single' | 'double_hung' | 'casement' | 'picture';
  status: ElementStatus;
  phase: number;
  costItem: CostItemRef;
  notes?: string;
}

export interface FixtureSeed {
  key: string;
  kind: 'kitchen_sink' | 'range';
  /** Centre of the footprint on the floor. */
  position: Point;
  /** Radians about +Y; 0 = the fixture's back faces -Z. */
  rotationY: number;
  width: number;
  depth: number;
  height: number;
  status: ElementStatus;
  phase: number;
  costItem: CostItemRef | null;
  notes?: string;
}

export interface RoomSeed {
  name: string;
  roomType: string;
  heightM: number;
  /** Outline in plan as [x, z] corners in metres, in order, without repeating the first. */
  bounds: Array<[number, number]>;
}

export interface ProjectSeed {
  org: string;
  createdBy: string;
  name: string;
  projectType: string;
  address: string;
  region: string;
  metadata: Record<string, unknown>;
  environment: Record<string, unknown>;
  cameraPresets: unknown[];
  walls: WallSeed[];
  openings: OpeningSeed[];
  fixtures: FixtureSeed[];
  rooms: RoomSeed[];
}

// ---------------------------------------------------------------- users

export const DEMO_USERS: UserSeed[] = [
  { email: 'admin@summit.test', name: 'Sam Whitfield', memberships: [{ org: 'summit', role: 'admin' }] },
  { email: 'viewer@summit.test', name: 'Vera Lindqvist', memberships: [{ org: 'summit', role: 'viewer' }] },
  { email: 'admin@harbor.test', name: 'Hank Morales', memberships: [{ org: 'harbor', role: 'admin' }] },
];

/** One line per (user, org) for printing local sign-in hints. */
export const DEMO_LOGINS: ReadonlyArray<{ email: string; password: string; role: Role; org: string }> = DEMO_USERS.flatMap((u) =>
  u.memberships.map((m) => ({ email: u.email, password: DEMO_PASSWORD, role: m.role, org: m.org })),
);

// ---------------------------------------------------------------- Summit Homes

const KINKADE = 'kinkade';
const ASPEN = 'aspen';

const SUMMIT_CATEGORIES: CategorySeed[] = [
  {
    slug: 'flooring',
    name: 'Flooring',
    subcategories: [
      {
        slug: 'main-flooring',
        name: 'Main Living Flooring',
        isVisual: true,
        promptDescriptor: 'main-level flooring running through the great room and kitchen',
        surface: { key: 'floor', rooms: ['great-room', 'kitchen'] },
        options: [
          { slug: 'flooring-lvp-harbor-oak', name: 'Luxury Vinyl Plank — Harbor Oak', description: '7" wide, 12 mil wear layer', priceCents: 0, isDefault: true, swatch: { material: 'laminate', color: '#b08d62', accent: '#8a6a45' }, promptDescriptor: 'mid-tone oak-look luxury vinyl plank, 7-inch planks, matte finish' },
          { slug: 'flooring-lvp-weathered-ash', name: 'Wide-Plank LVP — Weathered Ash', description: '9" wide, 20 mil wear layer', priceCents: usd(1850), swatch: { material: 'laminate', color: '#b7aa98', accent: '#8f8373' }, promptDescriptor: 'pale grey-beige weathered ash luxury vinyl plank, 9-inch wide planks, matte' },
          { slug: 'flooring-engineered-white-oak', name: 'Engineered Hardwood — White Oak, Natural', description: '7½" wide, wire-brushed, matte sealer', priceCents: usd(9800), swatch: { material: 'wood', color: '#c8a979', accent: '#a88a5c' }, promptDescriptor: 'natural white oak engineered hardwood, wide planks, wire-brushed matte finish' },
          { slug: 'flooring-engineered-hickory', name: 'Engineered Hardwood — Hickory, Saddle', description: '6½" wide, hand-scraped', priceCents: usd(8900), swatch: { material: 'wood', color: '#8c5f3c', accent: '#5e3d25' }, promptDescriptor: 'saddle-brown hand-scraped hickory hardwood with strong grain variation' },
          { slug: 'flooring-porcelain-ashwood', name: 'Wood-Look Porcelain Plank — Ashwood Grey', description: '8×48 porcelain, ⅛" grout joints', priceCents: usd(7600), swatch: { material: 'tile', color: '#a39a8e', accent: '#7d756b' }, promptDescriptor: 'grey wood-look porcelain plank tile, 8x48 inch, tight grout lines' },
          { slug: 'flooring-site-finished-oak', name: 'Site-Finished Red Oak — Jacobean', description: '3¼" solid oak, sanded and stained on site', priceCents: usd(12400), swatch: { material: 'wood', color: '#4a3123', accent: '#2f1e15' }, promptDescriptor: 'dark Jacobean-stained solid red oak strip flooring, satin finish' },
        ],
      },
      {
        slug: 'bedroom-carpet',
        name: 'Bedroom Flooring',
        // No isDefault flag here: the buyer UI falls back to the first $0 option.
        options: [
          { slug: 'carpet-tideline-beige', name: 'Builder Carpet — Tideline Beige', description: '6 lb pad', priceCents: 0 },
          { slug: 'carpet-plush-cobblestone', name: 'Plush Carpet — Cobblestone', description: 'Stain-resistant nylon, 8 lb pad', priceCents: usd(1450) },
          { slug: 'carpet-wool-berber', name: 'Wool-Blend Berber — Oatmeal', priceCents: usd(3200) },
          { slug: 'carpet-lvp-bedrooms', name: 'LVP in All Bedrooms — Harbor Oak', description: 'Replaces carpet in every bedroom and closet', priceCents: usd(4600) },
        ],
      },
    ],
  },
  {
    slug: 'paint-trim',
    name: 'Paint & Trim',
    subcategories: [
      {
        slug: 'interior-paint',
        name: 'Interior Paint',
        isVisual: true,
        promptDescriptor: 'interior wall paint colour',
        surface: { key: 'walls', rooms: ['great-room', 'kitchen', 'primary-bath', 'secondary-bath'] },
        // Several $0 colours and the default is not the first of them: isDefault wins over the fallback.
        options: [
          { slug: 'paint-alabaster', name: 'Sherwin-Williams Alabaster (SW 7008)', priceCents: 0, swatch: { material: 'paint', color: '#ece7da' }, promptDescriptor: 'warm white walls (Sherwin-Williams Alabaster), eggshell finish' },
          { slug: 'paint-agreeable-gray', name: 'Sherwin-Williams Agreeable Gray (SW 7029)', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#d1cbc0' }, promptDescriptor: 'soft greige walls (Sherwin-Williams Agreeable Gray), eggshell finish' },
          { slug: 'paint-repose-gray', name: 'Sherwin-Williams Repose Gray (SW 7015)', priceCents: 0, swatch: { material: 'paint', color: '#c2bfb7' }, promptDescriptor: 'light cool grey walls (Sherwin-Williams Repose Gray), eggshell finish' },
          { slug: 'paint-sea-salt', name: 'Sherwin-Williams Sea Salt (SW 6204)', priceCents: 0, swatch: { material: 'paint', color: '#cdd3c8' }, promptDescriptor: 'pale green-grey walls (Sherwin-Williams Sea Salt), eggshell finish' },
          { slug: 'paint-pale-oak-premium', name: 'Benjamin Moore Pale Oak (OC-20), Scuff-Resistant', description: 'Premium washable finish, whole home', priceCents: usd(1200), swatch: { material: 'paint', color: '#ddd5c9' }, promptDescriptor: 'warm pale taupe walls (Benjamin Moore Pale Oak), low-sheen washable finish' },
        ],
      },
      {
        slug: 'interior-trim',
        name: 'Trim Package',
        isVisual: true,
        promptDescriptor: 'baseboards, door and window casings',
        surface: { key: 'trim', rooms: ['great-room'] },
        options: [
          { slug: 'trim-colonial-white', name: 'Colonial Trim, Painted White', description: '3¼" colonial base, 2¼" casing', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#f4f2ec' }, promptDescriptor: 'standard colonial-profile baseboards and casings painted bright white, semi-gloss' },
          { slug: 'trim-craftsman', name: 'Craftsman Trim Package', description: '5¼" flat base, 3½" casing with header cap', priceCents: usd(2400), swatch: { material: 'paint', color: '#f3f1ea', accent: '#e2ddd2' }, promptDescriptor: 'tall craftsman flat-stock baseboards and thick header casings painted white, semi-gloss' },
          { slug: 'trim-modern-black', name: 'Modern Flat-Stock Trim — Tricorn Black', priceCents: usd(2900), swatch: { material: 'paint', color: '#2b2b2b' }, promptDescriptor: 'minimal square flat-stock trim painted satin black (Sherwin-Williams Tricorn Black)' },
          { slug: 'trim-stained-white-oak', name: 'Stain-Grade White Oak Trim', priceCents: usd(5200), swatch: { material: 'wood', color: '#b8976b', accent: '#9c7c52' }, promptDescriptor: 'clear-finished white oak baseboards and casings with visible grain' },
        ],
      },
      {
        slug: 'interior-doors',
        name: 'Interior Doors',
        // No isDefault flag (first-$0 fallback).
        options: [
          { slug: 'doors-two-panel-smooth', name: 'Two-Panel Smooth, Hollow Core', priceCents: 0 },
          { slug: 'doors-shaker-solid', name: 'One-Panel Shaker, Solid Core', description: 'Quieter, heavier doors throughout', priceCents: usd(1950) },
          { slug: 'doors-five-panel-solid', name: 'Five-Panel Flat Shaker, Solid Core', priceCents: usd(2600) },
        ],
      },
    ],
  },
  {
    slug: 'fireplace',
    name: 'Fireplace',
    subcategories: [
      {
        slug: 'fireplace-surround',
        name: 'Fireplace Surround',
        isVisual: true,
        promptDescriptor: 'great room fireplace surround and hearth',
        surface: { key: 'fireplace', rooms: ['great-room'] },
        options: [
          { slug: 'fireplace-painted-drywall', name: 'Painted Drywall Surround, Flush Hearth', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#e9e6df' }, promptDescriptor: 'simple painted drywall fireplace surround with a flush black hearth' },
          { slug: 'fireplace-subway-tile', name: 'White 3×12 Subway Tile Surround', priceCents: usd(1350), swatch: { material: 'tile', color: '#f2f1ec', accent: '#cfcac0' }, promptDescriptor: 'white glossy 3x12 subway tile fireplace surround with light grey grout' },
          { slug: 'fireplace-shiplap-beam', name: 'Painted Shiplap with Reclaimed Beam Mantel', priceCents: usd(3600), swatch: { material: 'paint', color: '#f1efe9', accent: '#7a5a3c' }, promptDescriptor: 'white painted horizontal shiplap chimney breast with a rustic reclaimed-wood beam mantel' },
          { slug: 'fireplace-stacked-stone', name: 'Floor-to-Ceiling Stacked Stone — Carolina Ledgestone', priceCents: usd(4800), swatch: { material: 'stone', color: '#9b8f80', accent: '#6e655b' }, promptDescriptor: 'floor-to-ceiling stacked ledgestone fireplace in warm grey and tan tones' },
          { slug: 'fireplace-porcelain-slab', name: 'Large-Format Porcelain — Statuario', description: '24×48 book-matched panels', priceCents: usd(5900), swatch: { material: 'tile', color: '#f0eee9', accent: '#b8b4ad' }, promptDescriptor: 'large-format white Statuario-look porcelain panels with bold grey veining around the firebox' },
        ],
      },
    ],
  },
  {
    slug: 'lighting',
    name: 'Lighting',
    subcategories: [
      {
        slug: 'light-fixture-package',
        name: 'Light Fixture Package',
        options: [
          { slug: 'lighting-builder-nickel', name: 'Builder Package — Brushed Nickel', priceCents: 0, isDefault: true },
          { slug: 'lighting-farmhouse-black', name: 'Modern Farmhouse Package — Matte Black', description: 'Island pendants, dining chandelier, vanity bars', priceCents: usd(1450) },
          { slug: 'lighting-designer-brass', name: 'Designer Package — Aged Brass', description: 'Globe pendants, sculptural chandelier, sconces', priceCents: usd(2650) },
        ],
      },
      {
        slug: 'recessed-lights',
        name: 'Additional Recessed Lights',
        isAdditive: true,
        maxQuantity: 12,
        unitLabel: 'light',
        options: [
          { slug: 'recessed-none', name: 'No Additional Lights', priceCents: 0, isDefault: true },
          { slug: 'recessed-6in-led', name: '6" LED Recessed Can, 2700K', priceCents: usd(185) },
          { slug: 'recessed-4in-wafer', name: '4" LED Wafer Light, Dimmable', priceCents: usd(165) },
        ],
      },
      {
        slug: 'under-cabinet-lighting',
        name: 'Under-Cabinet Lighting',
        isAdditive: true,
        maxQuantity: 6,
        unitLabel: 'run',
        options: [
          { slug: 'under-cabinet-none', name: 'No Under-Cabinet Lighting', priceCents: 0, isDefault: true },
          { slug: 'under-cabinet-led-tape', name: 'Hardwired LED Tape Light', description: 'Priced per cabinet run, on a dimmer', priceCents: usd(325) },
          { slug: 'under-cabinet-pucks', name: 'LED Puck Lights (3 per run)', priceCents: usd(240) },
        ],
      },
    ],
  },
  {
    slug: 'cabinetry',
    name: 'Cabinetry',
    subcategories: [
      {
        slug: 'cabinet-door-style',
        name: 'Cabinet Door Style',
        options: [
          { slug: 'cabinet-style-fairfield-shaker', name: 'Fairfield — Recessed-Panel Shaker', description: 'Used on every cabinet in the home', priceCents: 0, isDefault: true },
          { slug: 'cabinet-style-hampton-raised', name: 'Hampton — Raised Panel', priceCents: 0 },
          { slug: 'cabinet-style-metro-slab', name: 'Metro — Flat Slab', priceCents: usd(1600) },
          { slug: 'cabinet-style-heritage-inset', name: 'Heritage — Beaded Inset', priceCents: usd(5400) },
        ],
      },
      {
        slug: 'kitchen-cabinet-color',
        name: 'Kitchen Cabinet Finish',
        isVisual: true,
        promptDescriptor: 'kitchen cabinet finish on the perimeter and island cabinets',
        surface: { key: 'cabinets', rooms: ['kitchen'] },
        options: [
          { slug: 'cabinet-color-linen', name: 'Linen White, Painted Maple', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#f1ede3' }, promptDescriptor: 'warm white painted shaker cabinets' },
          { slug: 'cabinet-color-dove', name: 'Dove Grey, Painted', priceCents: usd(950), swatch: { material: 'paint', color: '#bdb9b1' }, promptDescriptor: 'soft dove-grey painted shaker cabinets' },
          { slug: 'cabinet-color-sage', name: 'Sage Green, Painted', priceCents: usd(1450), swatch: { material: 'paint', color: '#9aa58e' }, promptDescriptor: 'muted sage green painted shaker cabinets' },
          { slug: 'cabinet-color-hale-navy', name: 'Hale Navy, Painted', priceCents: usd(1450), swatch: { material: 'paint', color: '#2e3c4f' }, promptDescriptor: 'deep navy blue painted shaker cabinets (Benjamin Moore Hale Navy)' },
          { slug: 'cabinet-color-espresso', name: 'Espresso, Stained Maple', priceCents: usd(1200), swatch: { material: 'wood', color: '#3b2a22', accent: '#2a1d17' }, promptDescriptor: 'dark espresso-stained maple cabinets with subtle grain' },
          { slug: 'cabinet-color-rift-oak', name: 'Natural Rift-Sawn White Oak', priceCents: usd(3800), swatch: { material: 'wood', color: '#c4a57a', accent: '#a98a5f' }, promptDescriptor: 'natural rift-sawn white oak cabinets with straight linear grain, matte clear finish' },
        ],
      },
      {
        slug: 'kitchen-cabinet-upgrades',
        name: 'Upper Cabinet Height',
        options: [
          { slug: 'uppers-36in', name: '36" Upper Cabinets', priceCents: 0, isDefault: true },
          { slug: 'uppers-42in-crown', name: '42" Uppers with Crown Molding', priceCents: usd(2200) },
          { slug: 'uppers-stacked-glass', name: 'Stacked Uppers with Glass-Front Toppers', priceCents: usd(3900) },
        ],
      },
    ],
  },
  {
    slug: 'countertops',
    name: 'Countertops & Backsplash',
    subcategories: [
      {
        slug: 'kitchen-countertops',
        name: 'Kitchen Countertops',
        isVisual: true,
        promptDescriptor: 'kitchen countertops on the perimeter and island',
        surface: { key: 'countertop', rooms: ['kitchen'] },
        options: [
          { slug: 'countertop-laminate', name: 'Laminate — Carrara Bianco', description: 'Post-formed edge', priceCents: 0, isDefault: true, swatch: { material: 'laminate', color: '#e9e7e2', accent: '#b9b6b0' }, promptDescriptor: 'white marble-look laminate countertop with a rounded post-formed edge' },
          { slug: 'countertop-granite-luna-pearl', name: 'Level 1 Granite — Luna Pearl', priceCents: usd(2150), swatch: { material: 'stone', color: '#b7b4ae', accent: '#5f5d5a' }, promptDescriptor: 'Luna Pearl granite: speckled grey, black and white, polished' },
          { slug: 'countertop-granite-colonial-white', name: 'Level 2 Granite — Colonial White', priceCents: usd(3400), swatch: { material: 'stone', color: '#d8d2c6', accent: '#7d7468' }, promptDescriptor: 'Colonial White granite: cream background with grey and burgundy flecks, polished' },
          { slug: 'countertop-quartz-pure-white', name: 'Quartz — Pure White', priceCents: usd(4200), swatch: { material: 'quartz', color: '#f5f4f0' }, promptDescriptor: 'solid bright white quartz with no veining, polished' },
          { slug: 'countertop-quartz-concrete', name: 'Quartz — Concrete Grey, Matte', priceCents: usd(5600), swatch: { material: 'concrete', color: '#9e9d99', accent: '#85847f' }, promptDescriptor: 'concrete-look medium grey quartz with a honed matte finish' },
          { slug: 'countertop-quartz-calacatta', name: 'Quartz — Calacatta Laza', priceCents: usd(6800), swatch: { material: 'quartz', color: '#f3f1ec', accent: '#a7a29a' }, promptDescriptor: 'Calacatta quartz with soft grey veining, polished' },
          { slug: 'countertop-quartzite-taj-mahal', name: 'Quartzite — Taj Mahal, Leathered', priceCents: usd(11500), swatch: { material: 'stone', color: '#e5dccb', accent: '#c2ad8c' }, promptDescriptor: 'Taj Mahal quartzite: warm cream with soft gold veining, leathered finish' },
        ],
      },
      {
        slug: 'kitchen-backsplash',
        name: 'Kitchen Backsplash',
        isVisual: true,
        promptDescriptor: 'kitchen backsplash between the countertops and upper cabinets',
        surface: { key: 'backsplash', rooms: ['kitchen'] },
        options: [
          { slug: 'backsplash-4in-splash', name: '4" Matching Splash, Painted Wall Above', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#e4e0d7' }, promptDescriptor: 'a short 4-inch countertop splash with painted wall above' },
          { slug: 'backsplash-subway-white', name: 'White Ceramic Subway 3×6, Running Bond', priceCents: usd(1250), swatch: { material: 'tile', color: '#f4f3ef', accent: '#d6d2ca' }, promptDescriptor: 'white glossy 3x6 ceramic subway tile in running bond with light grey grout' },
          { slug: 'backsplash-herringbone-white', name: 'Glossy White 3×12, Herringbone', priceCents: usd(2300), swatch: { material: 'tile', color: '#f2f1ed', accent: '#c9c4bb' }, promptDescriptor: 'glossy white 3x12 tile laid in a herringbone pattern' },
          { slug: 'backsplash-marble-hex', name: 'Carrara Marble 2" Hexagon Mosaic', priceCents: usd(3300), swatch: { material: 'stone', color: '#e9e8e4', accent: '#9a9890' }, promptDescriptor: 'honed Carrara marble 2-inch hexagon mosaic with grey veining' },
          { slug: 'backsplash-zellige-sage', name: 'Handmade Zellige — Sage', priceCents: usd(3900), swatch: { material: 'tile', color: '#a9b49c', accent: '#8c977f' }, promptDescriptor: 'handmade sage green zellige tile with irregular glossy surface and tonal variation' },
          { slug: 'backsplash-quartz-full-height', name: 'Full-Height Quartz Slab — Calacatta Laza', description: 'Cut from the countertop slabs', priceCents: usd(4600), swatch: { material: 'quartz', color: '#f3f1ec', accent: '#a7a29a' }, promptDescriptor: 'full-height Calacatta quartz slab backsplash matching the countertop, soft grey veining' },
        ],
      },
    ],
  },
  {
    slug: 'sinks-faucets',
    name: 'Sinks & Faucets',
    subcategories: [
      {
        slug: 'kitchen-sink',
        name: 'Kitchen Sink',
        options: [
          { slug: 'sink-stainless-double-dropin', name: 'Stainless 50/50 Double Bowl, Drop-In', priceCents: 0, isDefault: true },
          { slug: 'sink-undermount-stainless', name: 'Stainless Single Bowl 32", Undermount', priceCents: usd(450) },
          { slug: 'sink-composite-black', name: 'Granite Composite Undermount — Black', priceCents: usd(650) },
          { slug: 'sink-farmhouse-fireclay', name: 'White Fireclay Farmhouse 33"', description: 'Apron front, includes modified sink base', priceCents: usd(1850) },
        ],
      },
      {
        slug: 'kitchen-faucet',
        name: 'Kitchen Faucet',
        options: [
          { slug: 'faucet-moen-chrome', name: 'Moen Pull-Down — Chrome', priceCents: 0, isDefault: true },
          { slug: 'faucet-moen-align-black', name: 'Moen Align Pull-Down — Matte Black', priceCents: usd(420) },
          { slug: 'faucet-delta-touch-gold', name: 'Delta Touch2O Pull-Down — Champagne Bronze', priceCents: usd(690) },
          { slug: 'faucet-kohler-bridge-brass', name: 'Kohler Artifacts Bridge Faucet — Brushed Brass', priceCents: usd(1150) },
        ],
      },
      {
        slug: 'pot-filler',
        name: 'Pot Filler',
        // No isDefault flag (first-$0 fallback).
        options: [
          { slug: 'pot-filler-none', name: 'No Pot Filler', priceCents: 0 },
          { slug: 'pot-filler-chrome', name: 'Wall-Mount Pot Filler — Chrome', description: 'Installed above the range', priceCents: usd(1150) },
          { slug: 'pot-filler-matte-black', name: 'Wall-Mount Pot Filler — Matte Black', description: 'Installed above the range', priceCents: usd(1350) },
        ],
      },
    ],
  },
  {
    slug: 'appliances',
    name: 'Appliances',
    subcategories: [
      {
        slug: 'appliance-package',
        name: 'Appliance Package',
        options: [
          { slug: 'appliances-ge-stainless', name: 'GE Stainless Package', description: '30" range, dishwasher, over-the-range microwave', priceCents: 0, isDefault: true },
          { slug: 'appliances-ge-profile', name: 'GE Profile Package', description: 'Adds a built-in microwave drawer and a chimney hood', priceCents: usd(3600) },
          { slug: 'appliances-cafe-matte-white', name: 'Café Package — Matte White', description: 'Brushed brass handles, 36" hood', priceCents: usd(8900) },
          { slug: 'appliances-monogram-pro', name: 'Monogram Professional Package', description: '48" built-in refrigerator, 36" pro range', priceCents: usd(17800) },
        ],
      },
      {
        slug: 'range-fuel',
        name: 'Range Type',
        options: [
          { slug: 'range-electric', name: 'Electric Smooth-Top Range', priceCents: 0, isDefault: true },
          { slug: 'range-gas', name: 'Gas Range, 5 Sealed Burners', description: 'Includes the gas line to the kitchen', priceCents: usd(1250) },
          { slug: 'range-induction', name: 'Induction Range', priceCents: usd(2100) },
        ],
      },
    ],
  },
  {
    slug: 'primary-bath',
    name: 'Primary Bath',
    subcategories: [
      {
        slug: 'primary-vanity-top',
        name: 'Vanity Top',
        isVisual: true,
        promptDescriptor: 'primary bathroom vanity countertop',
        surface: { key: 'vanity-top', rooms: ['primary-bath'] },
        options: [
          { slug: 'vanity-top-cultured-marble', name: 'Cultured Marble with Integrated Bowls — White', priceCents: 0, isDefault: true, swatch: { material: 'stone', color: '#f0eee8', accent: '#dcd8cf' }, promptDescriptor: 'white cultured marble vanity top with integrated oval bowls' },
          { slug: 'vanity-top-granite-luna-pearl', name: 'Granite — Luna Pearl, Undermount Sinks', priceCents: usd(1150), swatch: { material: 'stone', color: '#b7b4ae', accent: '#5f5d5a' }, promptDescriptor: 'speckled grey Luna Pearl granite vanity top with undermount sinks' },
          { slug: 'vanity-top-quartz-pure-white', name: 'Quartz — Pure White, Undermount Sinks', priceCents: usd(1650), swatch: { material: 'quartz', color: '#f5f4f0' }, promptDescriptor: 'solid white quartz vanity top with undermount rectangular sinks' },
          { slug: 'vanity-top-quartz-calacatta', name: 'Quartz — Calacatta Laza, Undermount Sinks', priceCents: usd(2300), swatch: { material: 'quartz', color: '#f3f1ec', accent: '#a7a29a' }, promptDescriptor: 'Calacatta quartz vanity top with soft grey veining and undermount sinks' },
        ],
      },
      {
        slug: 'primary-vanity-color',
        name: 'Vanity Cabinet Color',
        isVisual: true,
        promptDescriptor: 'primary bathroom vanity cabinet finish',
        surface: { key: 'vanity', rooms: ['primary-bath'] },
        options: [
          { slug: 'vanity-color-linen', name: 'Linen White', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#f1ede3' }, promptDescriptor: 'warm white painted vanity cabinet' },
          { slug: 'vanity-color-dove', name: 'Dove Grey', priceCents: usd(450), swatch: { material: 'paint', color: '#bdb9b1' }, promptDescriptor: 'soft grey painted vanity cabinet' },
          { slug: 'vanity-color-hale-navy', name: 'Hale Navy', priceCents: usd(650), swatch: { material: 'paint', color: '#2e3c4f' }, promptDescriptor: 'deep navy painted vanity cabinet' },
          { slug: 'vanity-color-walnut', name: 'Natural Walnut', priceCents: usd(1400), swatch: { material: 'wood', color: '#6b4a33', accent: '#553a28' }, promptDescriptor: 'natural walnut vanity cabinet with rich brown grain, matte finish' },
        ],
      },
      {
        slug: 'primary-mirrors',
        name: 'Mirrors',
        isVisual: true,
        promptDescriptor: 'mirrors above the primary vanity',
        surface: { key: 'mirror', rooms: ['primary-bath'] },
        options: [
          { slug: 'mirror-frameless-plate', name: 'Frameless Plate Mirror, Full Vanity Width', priceCents: 0, isDefault: true, swatch: { material: 'metal', color: '#c9ced3' }, promptDescriptor: 'one wide frameless plate-glass mirror' },
          { slug: 'mirror-framed-black', name: 'Two Framed Mirrors — Matte Black', priceCents: usd(520), swatch: { material: 'metal', color: '#c9ced3', accent: '#222222' }, promptDescriptor: 'two rectangular mirrors with thin matte black metal frames' },
          { slug: 'mirror-arched-brass', name: 'Two Arched Mirrors — Brushed Brass', priceCents: usd(780), swatch: { material: 'metal', color: '#c9ced3', accent: '#b08d57' }, promptDescriptor: 'two arch-topped mirrors with thin brushed brass frames' },
          { slug: 'mirror-led-backlit', name: 'Backlit LED Mirrors with Defogger', priceCents: usd(1450), swatch: { material: 'metal', color: '#d7dde2', accent: '#f5f1e6' }, promptDescriptor: 'two frameless mirrors with a soft warm backlit LED glow' },
        ],
      },
      {
        slug: 'primary-shower-glass',
        name: 'Shower Enclosure',
        options: [
          { slug: 'shower-glass-framed', name: 'Framed Glass Door', priceCents: 0, isDefault: true },
          { slug: 'shower-glass-frameless', name: 'Frameless ⅜" Glass Enclosure', priceCents: usd(1650) },
          { slug: 'shower-glass-frameless-transom', name: 'Frameless Enclosure with Fixed Panel and Transom', description: 'For steam-ready showers', priceCents: usd(2450) },
        ],
      },
      {
        slug: 'primary-tub',
        name: 'Primary Tub',
        options: [
          { slug: 'tub-dropin-soaking', name: '60" Drop-In Soaking Tub with Tile Deck', priceCents: 0, isDefault: true },
          { slug: 'tub-freestanding', name: 'Freestanding 66" Soaking Tub', description: 'Floor-mounted tub filler; needs the Aspen primary bath footprint', priceCents: usd(3600), floorplans: [ASPEN] },
          { slug: 'tub-remove-walk-in-shower', name: 'Remove Tub — Extended Walk-In Shower', priceCents: usd(2900) },
        ],
      },
      {
        slug: 'bath-fixture-finish',
        name: 'Bath Fixture Finish',
        options: [
          { slug: 'fixtures-chrome', name: 'Moen Chrome', priceCents: 0, isDefault: true },
          { slug: 'fixtures-brushed-nickel', name: 'Moen Brushed Nickel', priceCents: usd(650) },
          { slug: 'fixtures-matte-black', name: 'Delta Matte Black', priceCents: usd(950) },
          { slug: 'fixtures-champagne-bronze', name: 'Delta Champagne Bronze', priceCents: usd(1400) },
        ],
      },
    ],
  },
  {
    slug: 'tile',
    name: 'Tile',
    subcategories: [
      {
        slug: 'primary-bath-floor',
        name: 'Primary Bath Floor Tile',
        isVisual: true,
        promptDescriptor: 'primary bathroom floor tile',
        surface: { key: 'floor', rooms: ['primary-bath'] },
        options: [
          { slug: 'primary-floor-ceramic-sand', name: '12×12 Ceramic — Sand', priceCents: 0, isDefault: true, swatch: { material: 'tile', color: '#d9cfbf', accent: '#bdb2a1' }, promptDescriptor: 'beige 12x12 ceramic floor tile with matching grout' },
          { slug: 'primary-floor-porcelain-calacatta', name: '12×24 Porcelain — Calacatta Look', priceCents: usd(950), swatch: { material: 'tile', color: '#efece6', accent: '#b5b0a7' }, promptDescriptor: 'white Calacatta-look 12x24 porcelain floor tile with grey veining' },
          { slug: 'primary-floor-hex-charcoal', name: 'Porcelain Hexagon — Matte Charcoal', priceCents: usd(1350), swatch: { material: 'tile', color: '#4a4a48', accent: '#9a9893' }, promptDescriptor: 'matte charcoal 4-inch porcelain hexagon floor tile with light grout' },
          { slug: 'primary-floor-wood-look', name: 'Wood-Look Porcelain Plank — Ashwood Grey', priceCents: usd(1600), swatch: { material: 'tile', color: '#a39a8e', accent: '#7d756b' }, promptDescriptor: 'grey wood-look porcelain plank floor tile' },
        ],
      },
      {
        slug: 'primary-shower-tile',
        name: 'Primary Shower Wall Tile',
        isVisual: true,
        promptDescriptor: 'primary shower wall tile',
        surface: { key: 'shower-tile', rooms: ['primary-bath'] },
        options: [
          { slug: 'shower-tile-ceramic-white', name: '6×6 Ceramic — White', priceCents: 0, isDefault: true, swatch: { material: 'tile', color: '#f3f2ee', accent: '#d2cec6' }, promptDescriptor: 'white 6x6 ceramic shower wall tile with light grey grout' },
          { slug: 'shower-tile-subway-vertical', name: '3×12 Subway, Vertical Stack — White Gloss', priceCents: usd(1900), swatch: { material: 'tile', color: '#f5f4f0', accent: '#cfcac1' }, promptDescriptor: 'glossy white 3x12 subway tile in a vertical stacked pattern' },
          { slug: 'shower-tile-marble-herringbone', name: 'Carrara Marble Herringbone', priceCents: usd(2800), swatch: { material: 'stone', color: '#e8e7e3', accent: '#9c9a93' }, promptDescriptor: 'honed Carrara marble tile in a herringbone pattern' },
          { slug: 'shower-tile-porcelain-calacatta', name: '12×24 Porcelain — Calacatta Look, to Ceiling', priceCents: usd(3400), swatch: { material: 'tile', color: '#efece6', accent: '#b5b0a7' }, promptDescriptor: 'large white Calacatta-look porcelain shower tile running to the ceiling' },
          { slug: 'shower-tile-zellige-blue', name: 'Zellige 4×4 — Soft Blue', priceCents: usd(4200), swatch: { material: 'tile', color: '#a7b9c4', accent: '#8aa0ad' }, promptDescriptor: 'handmade soft blue 4x4 zellige shower tile with glossy tonal variation' },
        ],
      },
      {
        slug: 'secondary-bath-floor',
        name: 'Secondary Bath Floor Tile',
        isVisual: true,
        promptDescriptor: 'secondary bathroom floor tile',
        surface: { key: 'floor', rooms: ['secondary-bath'] },
        options: [
          { slug: 'secondary-floor-ceramic-sand', name: '12×12 Ceramic — Sand', priceCents: 0, isDefault: true, swatch: { material: 'tile', color: '#d9cfbf', accent: '#bdb2a1' }, promptDescriptor: 'beige 12x12 ceramic floor tile with matching grout' },
          { slug: 'secondary-floor-hex-white', name: 'Porcelain Hexagon — White, Grey Grout', priceCents: usd(650), swatch: { material: 'tile', color: '#f1f0ec', accent: '#8f8d88' }, promptDescriptor: 'white 2-inch porcelain hexagon floor tile with grey grout' },
          { slug: 'secondary-floor-patterned', name: 'Encaustic-Look 8×8 Patterned Porcelain', priceCents: usd(1100), swatch: { material: 'tile', color: '#e4e0d6', accent: '#3e4b5b' }, promptDescriptor: 'patterned 8x8 encaustic-look porcelain tile in cream and slate blue' },
        ],
      },
      {
        slug: 'secondary-tub-surround',
        name: 'Secondary Tub Surround',
        isVisual: true,
        promptDescriptor: 'secondary bathroom tub and shower surround',
        surface: { key: 'shower-tile', rooms: ['secondary-bath'] },
        options: [
          { slug: 'tub-surround-fiberglass', name: 'One-Piece Fiberglass Tub/Shower', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#f4f4f1' }, promptDescriptor: 'white one-piece fiberglass tub and shower surround' },
          { slug: 'tub-surround-ceramic-white', name: 'Tile Surround — 6×6 White Ceramic', priceCents: usd(1450), swatch: { material: 'tile', color: '#f3f2ee', accent: '#d2cec6' }, promptDescriptor: 'white 6x6 ceramic tile tub surround' },
          { slug: 'tub-surround-subway-grey', name: 'Tile Surround — 3×12 Subway, Dove Grey', priceCents: usd(1900), swatch: { material: 'tile', color: '#bcbab4', accent: '#f0efeb' }, promptDescriptor: 'dove grey 3x12 subway tile tub surround with white grout' },
        ],
      },
    ],
  },
  {
    slug: 'plumbing',
    name: 'Plumbing',
    subcategories: [
      {
        slug: 'water-heater',
        name: 'Water Heater',
        options: [
          { slug: 'water-heater-50gal-gas', name: '50-Gallon Gas Tank', priceCents: 0, isDefault: true },
          { slug: 'water-heater-tankless', name: 'Tankless Gas, 199k BTU', priceCents: usd(2400) },
          { slug: 'water-heater-hybrid', name: 'Hybrid Heat-Pump, 65-Gallon', priceCents: usd(2900) },
        ],
      },
      {
        slug: 'water-filtration',
        name: 'Water Filtration',
        // No isDefault flag (first-$0 fallback).
        options: [
          { slug: 'filtration-none', name: 'None', priceCents: 0 },
          { slug: 'filtration-ro-kitchen', name: 'Reverse Osmosis at Kitchen Sink', priceCents: usd(650) },
          { slug: 'filtration-whole-house', name: 'Whole-House Carbon Filter and Softener', priceCents: usd(3200) },
        ],
      },
    ],
  },
  {
    slug: 'secondary-spaces',
    name: 'Secondary Spaces',
    subcategories: [
      {
        slug: 'secondary-vanity',
        name: 'Secondary Bath Vanity',
        isVisual: true,
        promptDescriptor: 'secondary bathroom vanity cabinet finish',
        surface: { key: 'vanity', rooms: ['secondary-bath'] },
        options: [
          { slug: 'secondary-vanity-linen', name: 'Linen White', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#f1ede3' }, promptDescriptor: 'warm white painted vanity cabinet' },
          { slug: 'secondary-vanity-espresso', name: 'Espresso, Stained Maple', priceCents: usd(300), swatch: { material: 'wood', color: '#3b2a22', accent: '#2a1d17' }, promptDescriptor: 'dark espresso-stained maple vanity cabinet' },
          { slug: 'secondary-vanity-dove', name: 'Dove Grey', priceCents: usd(350), swatch: { material: 'paint', color: '#bdb9b1' }, promptDescriptor: 'soft grey painted vanity cabinet' },
          { slug: 'secondary-vanity-sage', name: 'Sage Green', priceCents: usd(450), swatch: { material: 'paint', color: '#9aa58e' }, promptDescriptor: 'muted sage green painted vanity cabinet' },
        ],
      },
      {
        slug: 'powder-room-vanity',
        name: 'Powder Room',
        options: [
          { slug: 'powder-pedestal', name: 'Pedestal Sink', priceCents: 0, isDefault: true },
          { slug: 'powder-furniture-vanity', name: '30" Furniture-Style Vanity with Quartz Top', priceCents: usd(1250) },
          { slug: 'powder-floating-walnut', name: 'Floating Walnut Vanity with Vessel Sink', priceCents: usd(2100) },
        ],
      },
      {
        slug: 'laundry-cabinets',
        name: 'Laundry Room Cabinets',
        options: [
          { slug: 'laundry-wire-shelf', name: 'Wire Shelf Above Washer/Dryer', priceCents: 0, isDefault: true },
          { slug: 'laundry-uppers', name: 'Upper Cabinets — Linen White', priceCents: usd(1100) },
          { slug: 'laundry-uppers-base-counter', name: 'Upper and Base Cabinets with Quartz Folding Counter', priceCents: usd(3400) },
        ],
      },
      {
        slug: 'laundry-sink',
        name: 'Laundry Sink',
        // No isDefault flag (first-$0 fallback).
        options: [
          { slug: 'laundry-sink-none', name: 'No Laundry Sink', priceCents: 0 },
          { slug: 'laundry-sink-utility', name: 'Stainless Utility Sink in Base Cabinet', priceCents: usd(850) },
        ],
      },
      {
        slug: 'closet-shelving',
        name: 'Closet Shelving',
        options: [
          { slug: 'closet-ventilated-wire', name: 'Ventilated Wire Shelving', priceCents: 0, isDefault: true },
          { slug: 'closet-double-hang', name: 'Wire Shelving with Double Hang in Primary Closet', priceCents: usd(450) },
          { slug: 'closet-custom-melamine', name: 'Custom Melamine System — Primary Closet', description: 'Drawers, shoe shelves, double and long hang', priceCents: usd(2800) },
        ],
      },
    ],
  },
  {
    slug: 'electrical',
    name: 'Electrical',
    subcategories: [
      {
        slug: 'extra-outlets',
        name: 'Additional Outlets',
        isAdditive: true,
        maxQuantity: 10,
        unitLabel: 'outlet',
        options: [
          { slug: 'outlets-none', name: 'No Additional Outlets', priceCents: 0, isDefault: true },
          { slug: 'outlets-duplex', name: 'Additional Duplex Outlet', priceCents: usd(175) },
          { slug: 'outlets-floor-box', name: 'Floor Outlet Box (Great Room)', priceCents: usd(395) },
        ],
      },
      {
        slug: 'usb-outlets',
        name: 'USB Charging Outlets',
        isAdditive: true,
        maxQuantity: 8,
        unitLabel: 'outlet',
        options: [
          { slug: 'usb-none', name: 'Standard Outlets Only', priceCents: 0, isDefault: true },
          { slug: 'usb-c-combo', name: 'USB-A/USB-C Combo Outlet', priceCents: usd(145) },
        ],
      },
      {
        slug: 'ceiling-fan-prewire',
        name: 'Ceiling Fan Prewire',
        isAdditive: true,
        maxQuantity: 6,
        unitLabel: 'room',
        options: [
          { slug: 'fan-prewire-none', name: 'No Additional Prewires', priceCents: 0, isDefault: true },
          { slug: 'fan-prewire-braced', name: 'Fan Prewire with Braced Box and Wall Switch', priceCents: usd(210) },
        ],
      },
      {
        slug: 'ev-charger',
        name: 'EV Charging',
        options: [
          { slug: 'ev-none', name: 'None', priceCents: 0, isDefault: true },
          { slug: 'ev-nema-14-50', name: '240V NEMA 14-50 Outlet in Garage', priceCents: usd(650) },
          { slug: 'ev-level2-hardwired', name: 'Level 2 Charger, 48A Hardwired', priceCents: usd(1850) },
        ],
      },
    ],
  },
  {
    slug: 'hardware',
    name: 'Hardware',
    subcategories: [
      {
        slug: 'cabinet-hardware',
        name: 'Cabinet Hardware',
        options: [
          { slug: 'cabinet-hw-satin-nickel-knobs', name: 'Satin Nickel Knobs', priceCents: 0, isDefault: true },
          { slug: 'cabinet-hw-black-bar-pulls', name: 'Matte Black Bar Pulls', priceCents: usd(480) },
          { slug: 'cabinet-hw-brass-cup-pulls', name: 'Brushed Brass Cup Pulls and Knobs', priceCents: usd(760) },
          { slug: 'cabinet-hw-polished-nickel-appliance', name: 'Polished Nickel with Appliance Pulls', priceCents: usd(1150) },
        ],
      },
      {
        slug: 'door-hardware',
        name: 'Interior Door Hardware',
        options: [
          { slug: 'door-hw-satin-nickel', name: 'Satin Nickel Levers', priceCents: 0, isDefault: true },
          { slug: 'door-hw-matte-black', name: 'Matte Black Levers', priceCents: usd(520) },
          { slug: 'door-hw-emtek-brass', name: 'Emtek Square Rosette Levers — Satin Brass', priceCents: usd(1650) },
        ],
      },
    ],
  },
  {
    slug: 'technology',
    name: 'Smart Home & Technology',
    subcategories: [
      {
        slug: 'smart-home',
        name: 'Smart Home Package',
        options: [
          { slug: 'smart-home-starter', name: 'Smart Home Starter', description: 'Video doorbell and Wi-Fi thermostat', priceCents: 0, isDefault: true },
          { slug: 'smart-home-plus', name: 'Smart Home Plus', description: 'Adds a smart lock, garage door controller and 4 smart switches', priceCents: usd(1350) },
          { slug: 'smart-home-pro', name: 'Smart Home Pro', description: 'Adds wired mesh Wi-Fi, 12 smart switches and 2 exterior cameras', priceCents: usd(3800) },
        ],
      },
      {
        slug: 'structured-wiring',
        name: 'Structured Wiring',
        options: [
          { slug: 'structured-wiring-standard', name: 'Standard — Coax and 2 Cat6 Drops', priceCents: 0, isDefault: true },
          { slug: 'structured-wiring-cat6', name: 'Structured Wiring Package — 8 Cat6 Drops and Media Panel', priceCents: usd(1250) },
          { slug: 'structured-wiring-audio', name: 'Whole-Home Audio Prewire, 4 Zones', priceCents: usd(1900) },
        ],
      },
    ],
  },
  {
    slug: 'hvac',
    name: 'Heating & Cooling',
    subcategories: [
      {
        slug: 'hvac-system',
        name: 'HVAC System',
        options: [
          { slug: 'hvac-14-seer2', name: '14.3 SEER2 Split System', priceCents: 0, isDefault: true },
          { slug: 'hvac-16-seer2-zoned', name: '16 SEER2 Two-Stage with 2-Zone Control', priceCents: usd(3900) },
          { slug: 'hvac-heat-pump-variable', name: 'Variable-Speed Heat Pump, 18 SEER2', priceCents: usd(6800) },
        ],
      },
      {
        slug: 'air-quality',
        name: 'Indoor Air Quality',
        // No isDefault flag (first-$0 fallback).
        options: [
          { slug: 'air-standard-filter', name: 'Standard 1" Filter', priceCents: 0 },
          { slug: 'air-merv13', name: 'MERV 13 Media Filter Cabinet', priceCents: usd(450) },
          { slug: 'air-merv13-uv-erv', name: 'MERV 13, UV Light and Fresh-Air ERV', priceCents: usd(2600) },
        ],
      },
    ],
  },
  {
    slug: 'exterior',
    name: 'Exterior & Structural',
    subcategories: [
      {
        slug: 'garage-door',
        name: 'Garage Door',
        options: [
          { slug: 'garage-door-raised-panel', name: 'Raised-Panel Steel — White', priceCents: 0, isDefault: true },
          { slug: 'garage-door-carriage-windows', name: 'Carriage Style with Windows', priceCents: usd(1350) },
          { slug: 'garage-door-insulated-wood-look', name: 'Insulated Carriage — Stained Wood Look', priceCents: usd(2900) },
        ],
      },
      {
        slug: 'structural-options',
        name: 'Structural Options',
        options: [
          { slug: 'structural-none', name: 'No Structural Option', priceCents: 0, isDefault: true },
          { slug: 'structural-covered-patio', name: 'Covered Patio Extension, 10×12', priceCents: usd(8900) },
          { slug: 'structural-third-car-bay', name: 'Third-Car Tandem Garage Bay', priceCents: usd(14500), floorplans: [ASPEN] },
          { slug: 'structural-morning-room', name: 'Morning Room Bump-Out off the Kitchen', priceCents: usd(18000), floorplans: [KINKADE] },
        ],
      },
    ],
  },
];

const SUMMIT_STEPS: StepSeed[] = [
  {
    slug: 'style',
    name: 'Set Your Style',
    subtitle: 'Floors, walls, trim and lighting that carry through the whole home',
    photo: { kind: 'great-room', alt: 'Great room with fireplace, looking toward the kitchen' },
    sections: [
      { title: 'Cabinets', subcategorySlugs: ['cabinet-door-style'] },
      { title: 'Flooring', subcategorySlugs: ['main-flooring', 'bedroom-carpet'] },
      { title: 'Paint', subcategorySlugs: ['interior-paint'] },
      { title: 'Trim & Doors', subcategorySlugs: ['interior-trim', 'interior-doors'] },
      { title: 'Fireplace', subcategorySlugs: ['fireplace-surround'] },
      { title: 'Lighting', subcategorySlugs: ['light-fixture-package', 'recessed-lights'] },
    ],
  },
  {
    slug: 'kitchen',
    name: 'Design Your Kitchen',
    subtitle: 'Counters, backsplash, cabinets and the appliances you cook with',
    photo: { kind: 'kitchen', alt: 'Kitchen with island, perimeter cabinets and backsplash' },
    sections: [
      { title: 'Countertops', subcategorySlugs: ['kitchen-countertops'] },
      { title: 'Backsplash', subcategorySlugs: ['kitchen-backsplash'] },
      { title: 'Kitchen Cabinets', subcategorySlugs: ['kitchen-cabinet-color', 'kitchen-cabinet-upgrades', 'under-cabinet-lighting'] },
      { title: 'Sink', subcategorySlugs: ['kitchen-sink'] },
      { title: 'Faucet', subcategorySlugs: ['kitchen-faucet', 'pot-filler'] },
      { title: 'Appliances', subcategorySlugs: ['appliance-package', 'range-fuel'] },
    ],
  },
  {
    slug: 'primary-bath',
    name: 'Primary Bath',
    subtitle: 'Vanity, tile and fixtures for your primary suite',
    photo: { kind: 'primary-bath', alt: 'Primary bath with double vanity and walk-in shower' },
    sections: [
      { title: 'Vanity', subcategorySlugs: ['primary-vanity-top'] },
      { title: 'Cabinet Color', subcategorySlugs: ['primary-vanity-color'] },
      { title: 'Mirrors', subcategorySlugs: ['primary-mirrors'] },
      { title: 'Tile', subcategorySlugs: ['primary-bath-floor', 'primary-shower-tile'] },
      { title: 'Shower', subcategorySlugs: ['primary-shower-glass', 'primary-tub'] },
      { title: 'Fixtures', subcategorySlugs: ['bath-fixture-finish'] },
    ],
  },
  {
    slug: 'secondary',
    name: 'Secondary Spaces',
    subtitle: 'Secondary bath, laundry, powder room and closets',
    photo: { kind: 'secondary-bath', alt: 'Secondary bath with single vanity and tub/shower' },
    sections: [
      { title: 'Secondary Bath', subcategorySlugs: ['secondary-bath-floor', 'secondary-vanity', 'secondary-tub-surround'] },
      { title: 'Laundry', subcategorySlugs: ['laundry-cabinets', 'laundry-sink'] },
      { title: 'Powder Room', subcategorySlugs: ['powder-room-vanity'] },
      { title: 'Closets', subcategorySlugs: ['closet-shelving'] },
    ],
  },
  {
    slug: 'finishing',
    name: 'Finishing Touches',
    subtitle: 'Electrical, hardware, technology and the systems behind the walls',
    sections: [
      { title: 'Electrical', subcategorySlugs: ['extra-outlets', 'usb-outlets', 'ceiling-fan-prewire', 'ev-charger'] },
      { title: 'Hardware', subcategorySlugs: ['cabinet-hardware', 'door-hardware'] },
      { title: 'Smart Home', subcategorySlugs: ['smart-home', 'structured-wiring'] },
      { title: 'Plumbing', subcategorySlugs: ['water-heater', 'water-filtration'] },
      { title: 'HVAC', subcategorySlugs: ['hvac-system', 'air-quality'] },
      { title: 'Exterior', subcategorySlugs: ['garage-door', 'structural-options'] },
    ],
  },
];

const SUMMIT_RULES: RuleSeed[] = [
  { option: 'pot-filler-chrome', kind: 'requires', target: 'range-gas', message: 'The pot filler is installed above the range and is offered with the gas range only.' },
  { option: 'pot-filler-matte-black', kind: 'requires', target: 'range-gas', message: 'The pot filler is installed above the range and is offered with the gas range only.' },
  { option: 'sink-undermount-stainless', kind: 'excludes', target: 'countertop-laminate', message: 'Undermount sinks need a stone or quartz countertop; laminate cannot support them.' },
  { option: 'sink-composite-black', kind: 'excludes', target: 'countertop-laminate', message: 'Undermount sinks need a stone or quartz countertop; laminate cannot support them.' },
  { option: 'sink-farmhouse-fireclay', kind: 'excludes', target: 'countertop-laminate', message: 'The farmhouse sink needs a stone or quartz countertop cut around the apron.' },
  { option: 'backsplash-quartz-full-height', kind: 'requires', target: 'countertop-quartz-calacatta', message: 'The full-height slab backsplash is cut from the same Calacatta Laza slabs as the countertop.' },
  { option: 'smart-home-pro', kind: 'requires', target: 'structured-wiring-cat6', message: 'Smart Home Pro uses wired Wi-Fi access points, which need the Cat6 structured wiring package.' },
  { option: 'laundry-sink-utility', kind: 'requires', target: 'laundry-uppers-base-counter', message: 'The utility sink sits in the base cabinet of the laundry counter package.' },
];

/** The Aspen is ~840 sq ft larger, so area-priced upgrades cost more there. */
const SUMMIT_PRICE_OVERRIDES: PriceOverrideSeed[] = [
  { option: 'flooring-lvp-weathered-ash', floorplan: ASPEN, priceCents: usd(2450) },
  { option: 'flooring-engineered-white-oak', floorplan: ASPEN, priceCents: usd(13200) },
  { option: 'flooring-engineered-hickory', floorplan: ASPEN, priceCents: usd(11900) },
  { option: 'flooring-porcelain-ashwood', floorplan: ASPEN, priceCents: usd(10100) },
  { option: 'flooring-site-finished-oak', floorplan: ASPEN, priceCents: usd(16600) },
  { option: 'carpet-plush-cobblestone', floorplan: ASPEN, priceCents: usd(1950) },
  { option: 'carpet-lvp-bedrooms', floorplan: ASPEN, priceCents: usd(6200) },
  { option: 'trim-craftsman', floorplan: ASPEN, priceCents: usd(3150) },
  { option: 'hvac-16-seer2-zoned', floorplan: ASPEN, priceCents: usd(4850) },
  { option: 'hvac-heat-pump-variable', floorplan: ASPEN, priceCents: usd(8400) },
  { option: 'closet-custom-melamine', floorplan: ASPEN, priceCents: usd(3600) },
  // The Kinkade's patio slab is already poured wider, so its covered patio costs less.
  { option: 'structural-covered-patio', floorplan: KINKADE, priceCents: usd(7400) },
];

export const SUMMIT: TenantSeed = {
  slug: 'summit',
  name: 'Summit Homes',
  primaryColor: '#1d3b2f',
  secondaryColor: '#f3efe6',
  accentColor: '#b5833a',
  floorplans: [
    { slug: KINKADE, name: 'The Kinkade', description: 'Two-story plan with an open great room, kitchen island and a main-level guest suite.', bedrooms: 4, bathrooms: 3, squareFeet: 2310, basePriceCents: usd(389900) },
    { slug: ASPEN, name: 'The Aspen', description: 'Spacious two-story plan with a loft, a primary suite with soaking tub and an optional third garage bay.', bedrooms: 5, bathrooms: 3.5, squareFeet: 3150, basePriceCents: usd(464900) },
  ],
  categories: SUMMIT_CATEGORIES,
  steps: SUMMIT_STEPS,
  rules: SUMMIT_RULES,
  priceOverrides: SUMMIT_PRICE_OVERRIDES,
};

// ---------------------------------------------------------------- Harbor Builders

/**
 * A deliberately small catalog. Some slugs repeat Summit's (`kitchen-countertops`,
 * `countertop-quartz-calacatta`, `main-flooring`...) at different prices, so tenant
 * isolation tests can look the same slug up in both orgs and tell the rows apart.
 * Harbor has no backsplash or fireplace subcategory, so those photo surfaces stay unmapped.
 */
export const HARBOR: TenantSeed = {
  slug: 'harbor',
  name: 'Harbor Builders',
  primaryColor: '#0f3057',
  secondaryColor: '#e8f1f5',
  accentColor: '#e07a5f',
  floorplans: [
    { slug: 'bayview', name: 'The Bayview', description: 'Single-story coastal plan with a vaulted great room and a covered lanai.', bedrooms: 3, bathrooms: 2, squareFeet: 1860, basePriceCents: usd(342500) },
  ],
  categories: [
    {
      slug: 'kitchen',
      name: 'Kitchen',
      subcategories: [
        {
          slug: 'kitchen-cabinet-color',
          name: 'Cabinet Color',
          isVisual: true,
          promptDescriptor: 'kitchen cabinet finish',
          surface: { key: 'cabinets', rooms: ['kitchen'] },
          options: [
            { slug: 'cabinet-color-bright-white', name: 'Bright White', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#f6f6f3' }, promptDescriptor: 'bright white painted flat-panel cabinets' },
            { slug: 'cabinet-color-driftwood', name: 'Driftwood Grey Stain', priceCents: usd(1100), swatch: { material: 'wood', color: '#9c9384', accent: '#7f7668' }, promptDescriptor: 'driftwood grey stained cabinets with visible grain' },
            { slug: 'cabinet-color-hale-navy', name: 'Hale Navy', priceCents: usd(1600), swatch: { material: 'paint', color: '#2e3c4f' }, promptDescriptor: 'deep navy painted cabinets' },
          ],
        },
        {
          slug: 'kitchen-countertops',
          name: 'Countertops',
          isVisual: true,
          promptDescriptor: 'kitchen countertops',
          surface: { key: 'countertop', rooms: ['kitchen'] },
          options: [
            { slug: 'countertop-laminate', name: 'Laminate — Bianco Carrara', priceCents: 0, isDefault: true, swatch: { material: 'laminate', color: '#ecebe6', accent: '#bdbab3' }, promptDescriptor: 'white marble-look laminate countertop' },
            { slug: 'countertop-granite-blue-pearl', name: 'Granite — Blue Pearl', priceCents: usd(2900), swatch: { material: 'stone', color: '#4b5563', accent: '#93a4b8' }, promptDescriptor: 'Blue Pearl granite: dark blue-grey with silvery flecks, polished' },
            { slug: 'countertop-quartz-calacatta', name: 'Quartz — Calacatta', priceCents: usd(5900), swatch: { material: 'quartz', color: '#f3f1ec', accent: '#a7a29a' }, promptDescriptor: 'Calacatta quartz with soft grey veining, polished' },
          ],
        },
        {
          slug: 'appliance-package',
          name: 'Appliances',
          options: [
            { slug: 'appliances-whirlpool-stainless', name: 'Whirlpool Stainless Package', priceCents: 0, isDefault: true },
            { slug: 'appliances-kitchenaid', name: 'KitchenAid Package with Wall Oven', priceCents: usd(5400) },
          ],
        },
      ],
    },
    {
      slug: 'interiors',
      name: 'Interior Finishes',
      subcategories: [
        {
          slug: 'main-flooring',
          name: 'Flooring',
          isVisual: true,
          promptDescriptor: 'flooring through the great room and kitchen',
          surface: { key: 'floor', rooms: ['great-room', 'kitchen'] },
          options: [
            { slug: 'flooring-lvp-sandbar', name: 'LVP — Sandbar Oak', priceCents: 0, isDefault: true, swatch: { material: 'laminate', color: '#c8b08c', accent: '#a68d69' }, promptDescriptor: 'light sandy oak-look luxury vinyl plank' },
            { slug: 'flooring-tile-coastal-grey', name: 'Porcelain Plank — Coastal Grey', priceCents: usd(5200), swatch: { material: 'tile', color: '#b2aea6', accent: '#8d8982' }, promptDescriptor: 'light grey wood-look porcelain plank tile' },
            { slug: 'flooring-engineered-white-oak', name: 'Engineered White Oak', priceCents: usd(8400), swatch: { material: 'wood', color: '#c8a979', accent: '#a88a5c' }, promptDescriptor: 'natural white oak engineered hardwood' },
          ],
        },
        {
          slug: 'interior-paint',
          name: 'Wall Color',
          isVisual: true,
          promptDescriptor: 'interior wall paint colour',
          surface: { key: 'walls', rooms: ['great-room', 'kitchen'] },
          options: [
            { slug: 'paint-extra-white', name: 'Sherwin-Williams Extra White (SW 7006)', priceCents: 0, isDefault: true, swatch: { material: 'paint', color: '#eeefea' }, promptDescriptor: 'crisp white walls, eggshell finish' },
            { slug: 'paint-rainwashed', name: 'Sherwin-Williams Rainwashed (SW 6211)', priceCents: usd(450), swatch: { material: 'paint', color: '#c2d3cb' }, promptDescriptor: 'soft aqua-green walls (Sherwin-Williams Rainwashed), eggshell finish' },
          ],
        },
      ],
    },
    {
      slug: 'electrical',
      name: 'Electrical',
      subcategories: [
        {
          slug: 'extra-outlets',
          name: 'Additional Outlets',
          isAdditive: true,
          maxQuantity: 8,
          unitLabel: 'outlet',
          options: [
            { slug: 'outlets-none', name: 'No Additional Outlets', priceCents: 0, isDefault: true },
            { slug: 'outlets-duplex', name: 'Additional Duplex Outlet', priceCents: usd(195) },
          ],
        },
      ],
    },
  ],
  steps: [
    {
      slug: 'kitchen',
      name: 'Kitchen',
      subtitle: 'Cabinets, counters and appliances',
      photo: { kind: 'kitchen', alt: 'Bayview kitchen with island' },
      sections: [
        { title: 'Cabinets & Counters', subcategorySlugs: ['kitchen-cabinet-color', 'kitchen-countertops'] },
        { title: 'Appliances', subcategorySlugs: ['appliance-package'] },
      ],
    },
    {
      slug: 'interior',
      name: 'Interior Finishes',
      subtitle: 'Floors, walls and outlets',
      photo: { kind: 'great-room', alt: 'Bayview vaulted great room' },
      sections: [
        { title: 'Floors & Walls', subcategorySlugs: ['main-flooring', 'interior-paint'] },
        { title: 'Electrical', subcategorySlugs: ['extra-outlets'] },
      ],
    },
  ],
  rules: [],
  priceOverrides: [],
};

export const TENANTS: TenantSeed[] = [SUMMIT, HARBOR];

// ---------------------------------------------------------------- shared cost table

function cost(category: string, item: string, description: string, unit: CostItemSeed['unit'], unitCostDollars: number, laborHours: number): CostItemSeed {
  return { category, item, description, unit, unitCostCents: usd(unitCostDollars), laborHours, region: 'bay_area' };
}

/** The shared (org-less) Bay Area unit costs, from the ProgramIQ backend design, section 4.2. */
export const COST_ITEMS: CostItemSeed[] = [
  // Demo
  cost('demo', 'interior_wall_lf', 'Remove interior wall', 'LF', 15.0, 0.25),
  cost('demo', 'exterior_wall_lf', 'Remove exterior wall', 'LF', 25.0, 0.4),
  cost('demo', 'door_ea', 'Remove door and frame', 'EA', 75.0, 0.5),
  cost('demo', 'window_ea', 'Remove window', 'EA', 100.0, 0.75),
  cost('demo', 'flooring_sf', 'Remove flooring', 'SF', 2.5, 0.05),
  cost('demo', 'cabinet_lf', 'Remove base cabinet', 'LF', 35.0, 0.25),
  // Framing
  cost('framing', 'interior_wall_lf', 'Frame interior wall (2x4)', 'LF', 45.0, 0.5),
  cost('framing', 'exterior_wall_lf', 'Frame exterior wall (2x6)', 'LF', 65.0, 0.75),
  cost('framing', 'header_6ft', 'Door/window header 6ft', 'EA', 350.0, 2.0),
  cost('framing', 'header_8ft', 'Door/window header 8ft', 'EA', 450.0, 2.5),
  cost('framing', 'beam_lf', 'LVL beam installed', 'LF', 125.0, 1.0),
  // Doors
  cost('doors', 'interior_single', 'Interior door 32-36in', 'EA', 450.0, 4.0),
  cost('doors', 'interior_double', 'Interior double door', 'EA', 750.0, 6.0),
  cost('doors', 'exterior_single', 'Exterior door', 'EA', 850.0, 5.0),
  cost('doors', 'sliding', 'Sliding door 6ft', 'EA', 1200.0, 6.0),
  cost('doors', 'pocket', 'Pocket door', 'EA', 650.0, 5.0),
  cost('doors', 'barn', 'Barn door', 'EA', 550.0, 3.0),
  // Windows
  cost('windows', 'single_hung', 'Single hung window', 'EA', 450.0, 3.0),
  cost('windows', 'double_hung', 'Double hung window', 'EA', 550.0, 3.5),
  cost('windows', 'casement', 'Casement window', 'EA', 650.0, 3.5),
  cost('windows', 'sliding', 'Sliding window', 'EA', 400.0, 3.0),
  cost('windows', 'fixed', 'Fixed window', 'EA', 350.0, 2.5),
  cost('windows', 'picture', 'Picture window large', 'EA', 1200.0, 5.0),
  // Finishes
  cost('finishes', 'drywall_sf', 'Drywall installed and finished', 'SF', 3.5, 0.04),
  cost('finishes', 'paint_sf', 'Paint (2 coats)', 'SF', 2.0, 0.02),
  cost('finishes', 'trim_lf', 'Base/crown trim', 'LF', 8.0, 0.1),
  cost('finishes', 'hardwood_sf', 'Hardwood flooring', 'SF', 12.0, 0.08),
  cost('finishes', 'tile_sf', 'Ceramic tile', 'SF', 15.0, 0.12),
  cost('finishes', 'carpet_sf', 'Carpet installed', 'SF', 6.0, 0.04),
  // Electrical
  cost('electrical', 'outlet_ea', 'Standard outlet', 'EA', 150.0, 1.0),
  cost('electrical', 'switch_ea', 'Light switch', 'EA', 125.0, 0.75),
  cost('electrical', 'light_fixture_ea', 'Light fixture (allowance)', 'EA', 350.0, 1.5),
  cost('electrical', 'recessed_light_ea', 'Recessed can light', 'EA', 175.0, 1.0),
  cost('electrical', 'panel_upgrade', '200A panel upgrade', 'EA', 2800.0, 12.0),
  // Plumbing
  cost('plumbing', 'sink_ea', 'Sink with faucet', 'EA', 650.0, 4.0),
  cost('plumbing', 'toilet_ea', 'Toilet installed', 'EA', 450.0, 3.0),
  cost('plumbing', 'shower_ea', 'Shower/tub (allowance)', 'EA', 2500.0, 8.0),
  cost('plumbing', 'rough_point', 'Plumbing rough-in point', 'EA', 750.0, 4.0),
  cost('plumbing', 'water_heater', 'Water heater 50gal', 'EA', 1800.0, 6.0),
];

// ---------------------------------------------------------------- 3D demo project

const EXTERIOR_WALL = { height: 2.7, thickness: 0.165 } as const; // 2x6 stud + sheathing + drywall
const INTERIOR_WALL = { height: 2.7, thickness: 0.115 } as const; // 2x4 stud + drywall both sides

/**
 * A 6 m x 4.5 m kitchen/dining space (x east, z south, origin at the north-west corner,
 * wall lines on centrelines). The remodel removes the stub partition between kitchen and
 * dining (phase 1), frames a walk-in pantry in the north-east corner (phase 2), and swaps
 * in new windows, a patio door and new sink and range positions.
 */
export const DEMO_PROJECT: ProjectSeed = {
  org: 'summit',
  createdBy: 'admin@summit.test',
  name: 'Maple St. kitchen remodel',
  projectType: 'remodel',
  address: '1420 Maple St., San Mateo, CA 94402',
  region: 'bay_area',
  metadata: { client: 'Priya and Daniel Okafor', yearBuilt: 1962, squareFeet: 291, notes: 'Open the kitchen to the dining area and add a walk-in pantry.' },
  environment: { units: 'metric', lighting: 'daylight', ground: '#e7e3da' },
  cameraPresets: [
    { name: 'Plan view', position: { x: 3, y: 9, z: 2.25 }, target: { x: 3, y: 0, z: 2.25 } },
    { name: 'From the dining area', position: { x: 5.4, y: 1.6, z: 4.1 }, target: { x: 1.2, y: 1.0, z: 0.4 } },
  ],
  walls: [
    { key: 'north', start: { x: 0, z: 0 }, end: { x: 6, z: 0 }, ...EXTERIOR_WALL, status: 'existing', phase: 1, costItem: null },
    { key: 'east', start: { x: 6, z: 0 }, end: { x: 6, z: 4.5 }, ...EXTERIOR_WALL, status: 'existing', phase: 1, costItem: null },
    { key: 'south', start: { x: 6, z: 4.5 }, end: { x: 0, z: 4.5 }, ...EXTERIOR_WALL, status: 'existing', phase: 1, costItem: null },
    { key: 'west', start: { x: 0, z: 4.5 }, end: { x: 0, z: 0 }, ...EXTERIOR_WALL, status: 'existing', phase: 1, costItem: null },
    { key: 'kitchen-dining-partition', start: { x: 3.6, z: 4.5 }, end: { x: 3.6, z: 2.0 }, ...INTERIOR_WALL, status: 'demo', phase: 1, costItem: { category: 'demo', item: 'interior_wall_lf' }, notes: 'Non-bearing stub wall; confirm no point loads from the ceiling joists before removal.' },
    { key: 'pantry-west', start: { x: 4.8, z: 0 }, end: { x: 4.8, z: 1.5 }, ...INTERIOR_WALL, status: 'new', phase: 2, costItem: { category: 'framing', item: 'interior_wall_lf' } },
    { key: 'pantry-south', start: { x: 4.8, z: 1.5 }, end: { x: 6, z: 1.5 }, ...INTERIOR_WALL, status: 'new', phase: 2, costItem: { category: 'framing', item: 'interior_wall_lf' } },
  ],
  openings: [
    { key: 'patio-door', type: 'door', wall: 'south', offset: 1.2, width: 0.914, height: 2.032, kind: 'exterior_single', status: 'new', phase: 3, costItem: { category: 'doors', item: 'exterior_single' }, notes: 'Half-lite fiberglass door to the back patio.' },
    { key: 'pantry-door', type: 'door', wall: 'pantry-west', offset: 0.4, width: 0.762, height: 2.032, kind: 'interior_single', status: 'new', phase: 3, costItem: { category: 'doors', item: 'interior_single' } },
    { key: 'sink-window', type: 'window', wall: 'north', offset: 1.8, width: 1.2, height: 1.2, sillHeight: 1.05, kind: 'double_hung', status: 'new', phase: 3, costItem: { category: 'windows', item: 'double_hung' }, notes: 'Centred on the new sink.' },
    { key: 'dining-window', type: 'window', wall: 'east', offset: 2.4, width: 0.8, height: 1.2, sillHeight: 0.9, kind: 'casement', status: 'existing', phase: 1, costItem: { category: 'windows', item: 'casement' } },
    { key: 'garden-window', type: 'window', wall: 'south', offset: 3.4, width: 1.8, height: 1.5, sillHeight: 0.6, kind: 'picture', status: 'new', phase: 3, costItem: { category: 'windows', item: 'picture' } },
  ],
  fixtures: [
    { key: 'sink', kind: 'kitchen_sink', position: { x: 2.4, z: 0.38 }, rotationY: 0, width: 0.84, depth: 0.56, height: 0.9, status: 'new', phase: 4, costItem: { category: 'plumbing', item: 'sink_ea' } },
    { key: 'range', kind: 'range', position: { x: 0.41, z: 1.6 }, rotationY: Math.PI / 2, width: 0.76, depth: 0.66, height: 0.91, status: 'new', phase: 4, costItem: null, notes: 'Appliance supplied by the owner; 240V circuit already in place.' },
  ],
  rooms: [
    { name: 'Kitchen & dining', roomType: 'kitchen', heightM: 2.7, bounds: [[0, 0], [0, 4.5], [6, 4.5], [6, 1.5], [4.8, 1.5], [4.8, 0]] },
    { name: 'Walk-in pantry', roomType: 'pantry', heightM: 2.7, bounds: [[4.8, 0], [4.8, 1.5], [6, 1.5], [6, 0]] },
  ],
};

/*
 * No asset_catalog rows on purpose: a catalog row must name a GLB in R2 (`model_key` is
 * NOT NULL) and this seed uploads none, so any row would point the 3D editor at a 404.
 * The 3D work that adds real models should seed the catalog together with its files.
 */
