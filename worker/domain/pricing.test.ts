import { describe, expect, it } from 'vitest';
import { indexCatalog } from './catalog';
import { fixtureCatalog } from './catalog.fixture';
import { computeTotal, defaultSelections, lineItems, validateSelections } from './pricing';

const index = indexCatalog(fixtureCatalog());

describe('defaultSelections', () => {
  it('Should take the flagged default, else the first $0 option, else nothing', () => {
    expect(defaultSelections(index)).toEqual({
      counter: 'laminate',
      sink: 'drop-in',
      range: 'electric',
      'pot-filler': 'no-filler',
      lights: 'no-lights',
    });
  });
});

describe('computeTotal', () => {
  it('Should be zero for the defaults', () => {
    expect(computeTotal(index, defaultSelections(index), {})).toBe(0);
  });

  it('Should sum the chosen options in integer cents', () => {
    const s = { ...defaultSelections(index), counter: 'quartz', range: 'gas', warranty: 'warranty-5y' };
    expect(computeTotal(index, s, {})).toBe(350000 + 150000 + 99000);
  });

  it('Should multiply additive subcategories by their quantity, defaulting to 1', () => {
    const s = { ...defaultSelections(index), lights: 'can' };
    expect(computeTotal(index, s, {})).toBe(18500);
    expect(computeTotal(index, s, { lights: 4 })).toBe(74000);
  });

  it('Should ignore a quantity on a non-additive subcategory', () => {
    const s = { ...defaultSelections(index), counter: 'quartz' };
    expect(computeTotal(index, s, { counter: 3 })).toBe(350000);
  });

  it('Should agree with the line items', () => {
    const s = { ...defaultSelections(index), counter: 'granite', lights: 'can' };
    const lines = lineItems(index, s, { lights: 3 });
    expect(lines.reduce((n, l) => n + l.totalCents, 0)).toBe(computeTotal(index, s, { lights: 3 }));
    expect(lines.find((l) => l.subcategoryId === 'lights')).toMatchObject({ unitPriceCents: 18500, quantity: 3, totalCents: 55500 });
  });

  it('Should use the catalog price it is given (floorplan overrides are applied upstream)', () => {
    const catalog = fixtureCatalog();
    catalog.categories[0]!.subcategories[0]!.options[1]!.priceCents = 410000;
    const s = { counter: 'quartz' };
    expect(computeTotal(indexCatalog(catalog), s, {})).toBe(410000);
  });
});

describe('validateSelections', () => {
  it('Should accept the defaults', () => {
    expect(validateSelections(index, defaultSelections(index), { lights: 2 })).toEqual([]);
  });

  it('Should name each bad path without echoing values', () => {
    const issues = validateSelections(index, { counter: 'gas', nope: 'quartz', sink: 'not-an-option' }, { counter: 2, lights: 0, ghost: 1 });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['selections.counter', 'option_not_in_subcategory'],
      ['selections.nope', 'unknown_subcategory'],
      ['selections.sink', 'unknown_option'],
      ['quantities.counter', 'quantity_not_allowed'],
      ['quantities.lights', 'bad_quantity'],
      ['quantities.ghost', 'unknown_subcategory'],
    ]);
    expect(JSON.stringify(issues)).not.toContain('not-an-option');
  });

  it('Should refuse fractional and too-large quantities', () => {
    expect(validateSelections(index, {}, { lights: 1.5 })[0]?.code).toBe('bad_quantity');
    expect(validateSelections(index, {}, { lights: 13 })[0]?.code).toBe('bad_quantity');
    expect(validateSelections(index, {}, { lights: 12 })).toEqual([]);
  });
});
