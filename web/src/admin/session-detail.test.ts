import { describe, expect, it } from 'vitest';
import type { BuyerSessionLine } from './api';
import { groupLines, isUpgrade, upgradeCount } from './session-detail';

const line = (over: Partial<BuyerSessionLine>): BuyerSessionLine => ({
  stepName: null,
  categoryName: null,
  subcategoryId: 's',
  subcategoryName: 'Sub',
  optionId: 'o',
  optionName: 'Opt',
  optionActive: true,
  unitPriceCents: 0,
  quantity: 1,
  totalCents: 0,
  ...over,
});

describe('groupLines', () => {
  it('Should group by step in first-seen order and add up each group', () => {
    const groups = groupLines([
      line({ stepName: 'Kitchen', totalCents: 1000 }),
      line({ stepName: 'Bath', totalCents: 250 }),
      line({ stepName: 'Kitchen', totalCents: 500 }),
    ]);
    expect(groups.map((g) => [g.title, g.lines.length, g.subtotalCents])).toEqual([
      ['Kitchen', 2, 1500],
      ['Bath', 1, 250],
    ]);
  });

  it('Should fall back to the category, then "Other", for lines no step shows', () => {
    const groups = groupLines([line({ categoryName: 'Exterior' }), line({})]);
    expect(groups.map((g) => g.title)).toEqual(['Exterior', 'Other']);
    expect(groupLines([])).toEqual([]);
  });

  it('Should count only lines that cost something as upgrades, credits included', () => {
    expect(upgradeCount([line({ totalCents: 0 }), line({ totalCents: 900 }), line({ totalCents: -200 })])).toBe(2);
    expect(isUpgrade(line({ unitPriceCents: 500, quantity: 0, totalCents: 0 }))).toBe(false);
  });
});
