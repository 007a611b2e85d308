import { describe, expect, it } from 'vitest';
import { sampleTree } from './fixture.test-data';
import { offeredOn, priceGroups, scopeSummary, withOverride, withoutOverride } from './pricing';

describe('price overrides', () => {
  const overrides = [
    { optionId: 'oak', floorplanId: 'fp-aspen', priceCents: 1_320_000 },
    { optionId: 'quartz', floorplanId: 'fp-kinkade', priceCents: 400_000 },
  ];

  it('Should show base, override and effective price for the options a floorplan offers', () => {
    const aspen = priceGroups(sampleTree(), overrides, 'fp-aspen');
    expect(aspen.map((g) => g.title)).toEqual(['Interior › Floor', 'Interior › Paint', 'Kitchen › Counters']);
    expect(aspen[0]!.rows.map((r) => [r.optionId, r.basePriceCents, r.overrideCents, r.effectiveCents])).toEqual([
      ['lvp', 0, null, 0],
      ['oak', 980_000, 1_320_000, 1_320_000],
      ['tile', 760_000, null, 760_000],
    ]);
    // Kinkade: the Aspen-only tile is not offered, and Aspen's oak override does not apply.
    const kinkade = priceGroups(sampleTree(), overrides, 'fp-kinkade');
    expect(kinkade[0]!.rows.map((r) => r.optionId)).toEqual(['lvp', 'oak']);
    expect(kinkade[0]!.rows[1]!.effectiveCents).toBe(980_000);
    expect(kinkade[2]!.rows.find((r) => r.optionId === 'quartz')!.effectiveCents).toBe(400_000);
  });

  it('Should replace and remove one override at a time', () => {
    const set = withOverride(overrides, { optionId: 'oak', floorplanId: 'fp-aspen', priceCents: 5 });
    expect(set.filter((o) => o.optionId === 'oak')).toEqual([{ optionId: 'oak', floorplanId: 'fp-aspen', priceCents: 5 }]);
    expect(set).toHaveLength(2);
    expect(withoutOverride(set, 'fp-aspen', 'oak')).toEqual([overrides[1]]);
    expect(withoutOverride(set, 'fp-kinkade', 'oak')).toHaveLength(2);
  });

  it('Should describe an option’s floorplan scope', () => {
    const names = new Map([
      ['fp-aspen', 'The Aspen'],
      ['fp-kinkade', 'The Kinkade'],
    ]);
    expect(offeredOn([], 'fp-aspen')).toBe(true);
    expect(offeredOn(['fp-kinkade'], 'fp-aspen')).toBe(false);
    expect(scopeSummary([], names)).toBe('All floorplans');
    expect(scopeSummary(['fp-aspen', 'fp-kinkade'], names)).toBe('Only The Aspen, The Kinkade');
  });
});
