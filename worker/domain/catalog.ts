/**
 * The buyer catalog as the picker receives it (`GET /api/catalog/:floorplanSlug`), shared
 * by the Worker and the browser. Prices are integer cents with the floorplan's
 * overrides already applied.
 */
export interface CatalogOption {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  priceCents: number;
  swatchUrl: string | null;
  swatchColor: string | null;
  isDefault: boolean;
}

export interface CatalogSubcategory {
  id: string;
  slug: string;
  name: string;
  isVisual: boolean;
  isAdditive: boolean;
  maxQuantity: number;
  unitLabel: string | null;
  options: CatalogOption[];
}

export interface CatalogCategory {
  id: string;
  slug: string;
  name: string;
  subcategories: CatalogSubcategory[];
}

export interface CatalogPhoto {
  id: string;
  url: string;
  width: number;
  height: number;
  isHero: boolean;
  alt: string | null;
  /** Subcategories whose picks show in this photo (and so in its Visualize image). */
  subcategoryIds: string[];
}

export interface CatalogStep {
  id: string;
  slug: string;
  name: string;
  subtitle: string | null;
  sections: { title: string; subcategoryIds: string[] }[];
  photos: CatalogPhoto[];
}

export interface CatalogRule {
  optionId: string;
  kind: 'requires' | 'excludes';
  targetOptionId: string;
  message: string | null;
}

export interface CatalogOrg {
  slug: string;
  name: string;
  theme: { primaryColor: string; secondaryColor: string; accentColor: string };
  logoUrl: string | null;
}

export interface CatalogFloorplan {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  bedrooms: number | null;
  bathrooms: number | null;
  squareFeet: number | null;
  basePriceCents: number | null;
}

export interface Catalog {
  org: CatalogOrg;
  floorplan: CatalogFloorplan;
  /** The org's catalog version this was built from. */
  version: number;
  steps: CatalogStep[];
  categories: CatalogCategory[];
  rules: CatalogRule[];
}

/** subcategoryId -> optionId */
export type Selections = Record<string, string>;
/** subcategoryId -> quantity (additive subcategories only) */
export type Quantities = Record<string, number>;

export interface IndexedOption {
  option: CatalogOption;
  subcategory: CatalogSubcategory;
}

/** Lookup tables built once per catalog so pricing and rule checks are O(selections). */
export interface CatalogIndex {
  catalog: Catalog;
  subcategories: Map<string, CatalogSubcategory>;
  options: Map<string, IndexedOption>;
  /** Rules whose `optionId` is the key. */
  rulesFrom: Map<string, CatalogRule[]>;
  /** Rules whose `targetOptionId` is the key (to see who excludes a pick). */
  rulesTo: Map<string, CatalogRule[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const subcategories = new Map<string, CatalogSubcategory>();
  const options = new Map<string, IndexedOption>();
  for (const category of catalog.categories) {
    for (const subcategory of category.subcategories) {
      subcategories.set(subcategory.id, subcategory);
      for (const option of subcategory.options) options.set(option.id, { option, subcategory });
    }
  }
  const rulesFrom = new Map<string, CatalogRule[]>();
  const rulesTo = new Map<string, CatalogRule[]>();
  for (const rule of catalog.rules) {
    push(rulesFrom, rule.optionId, rule);
    push(rulesTo, rule.targetOptionId, rule);
  }
  return { catalog, subcategories, options, rulesFrom, rulesTo };
}
