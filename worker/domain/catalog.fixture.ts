/** A small hand-written catalog for pure pricing and rule tests (Worker and web). */
import type { Catalog, CatalogOption, CatalogSubcategory } from './catalog';

const opt = (id: string, priceCents: number, isDefault = false): CatalogOption => ({
  id,
  slug: id,
  name: id.replace(/-/g, ' '),
  description: null,
  priceCents,
  swatchUrl: null,
  swatchColor: null,
  isDefault,
});

const sub = (id: string, options: CatalogOption[], extra: Partial<CatalogSubcategory> = {}): CatalogSubcategory => ({
  id,
  slug: id,
  name: id,
  isVisual: false,
  isAdditive: false,
  maxQuantity: 1,
  unitLabel: null,
  options,
  ...extra,
});

export function fixtureCatalog(): Catalog {
  return {
    org: { slug: 'test', name: 'Test Homes', theme: { primaryColor: '#000000', secondaryColor: '#ffffff', accentColor: '#ff0000' }, logoUrl: null },
    floorplan: { id: 'fp', slug: 'plan', name: 'Plan', description: null, bedrooms: 3, bathrooms: 2, squareFeet: 2000, basePriceCents: 40000000 },
    version: 1,
    steps: [{ id: 'step-1', slug: 'kitchen', name: 'Kitchen', subtitle: null, sections: [{ title: 'Kitchen', subcategoryIds: ['counter', 'sink', 'range', 'pot-filler', 'lights'] }], photos: [] }],
    categories: [
      {
        id: 'cat',
        slug: 'kitchen',
        name: 'Kitchen',
        subcategories: [
          sub('counter', [opt('laminate', 0, true), opt('quartz', 350000), opt('granite', 280000)], { isVisual: true }),
          // No flagged default: the first $0 option is the default.
          sub('sink', [opt('farmhouse', 120000), opt('drop-in', 0), opt('undermount', 45000)]),
          sub('range', [opt('electric', 0, true), opt('gas', 150000)]),
          sub('pot-filler', [opt('no-filler', 0, true), opt('filler', 90000)]),
          sub('lights', [opt('no-lights', 0, true), opt('can', 18500)], { isAdditive: true, maxQuantity: 12, unitLabel: 'light' }),
          // Neither a default nor a $0 option: nothing is chosen by default.
          sub('warranty', [opt('warranty-5y', 99000), opt('warranty-10y', 149000)]),
        ],
      },
    ],
    rules: [
      { optionId: 'filler', kind: 'requires', targetOptionId: 'gas', message: 'A pot filler needs the gas range' },
      { optionId: 'undermount', kind: 'requires', targetOptionId: 'quartz', message: null },
      { optionId: 'farmhouse', kind: 'excludes', targetOptionId: 'laminate', message: null },
    ],
  };
}
