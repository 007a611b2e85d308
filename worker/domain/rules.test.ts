import { describe, expect, it } from 'vitest';
import { indexCatalog } from './catalog';
import { fixtureCatalog } from './catalog.fixture';
import { defaultSelections } from './pricing';
import { findConflicts, pick } from './rules';

const index = indexCatalog(fixtureCatalog());
const defaults = defaultSelections(index);

describe('findConflicts', () => {
  it('Should find nothing in the defaults', () => {
    expect(findConflicts(index, defaults)).toEqual([]);
  });

  it('Should report a missing requirement with the rule message', () => {
    expect(findConflicts(index, { ...defaults, 'pot-filler': 'filler' })).toEqual([
      { kind: 'requires', optionId: 'filler', targetOptionId: 'gas', message: 'A pot filler needs the gas range' },
    ]);
  });

  it('Should report an exclusion and describe rules without a message', () => {
    const [c] = findConflicts(index, { ...defaults, sink: 'farmhouse' });
    expect(c).toMatchObject({ kind: 'excludes', optionId: 'farmhouse', targetOptionId: 'laminate' });
    expect(c!.message).toBe('farmhouse cannot be combined with laminate');
  });
});

describe('pick', () => {
  it('Should just pick when no rule is involved', () => {
    expect(pick(index, defaults, 'counter', 'quartz')).toEqual({ selections: { ...defaults, counter: 'quartz' }, changes: [] });
  });

  it('Should switch an excluded choice away and say what changed', () => {
    const { selections, changes } = pick(index, defaults, 'sink', 'farmhouse');
    expect(selections.sink).toBe('farmhouse');
    expect(selections.counter).not.toBe('laminate');
    expect(changes).toEqual([{ subcategoryId: 'counter', from: 'laminate', to: selections.counter, reason: 'Not available with farmhouse' }]);
    expect(findConflicts(index, selections)).toEqual([]);
  });

  it('Should select what a pick requires', () => {
    const { selections, changes } = pick(index, defaults, 'pot-filler', 'filler');
    expect(selections.range).toBe('gas');
    expect(changes).toEqual([{ subcategoryId: 'range', from: 'electric', to: 'gas', reason: 'Required by filler' }]);
  });

  it('Should revert a choice whose requirement the buyer just removed', () => {
    const withFiller = pick(index, defaults, 'pot-filler', 'filler').selections;
    const { selections, changes } = pick(index, withFiller, 'range', 'electric');
    expect(selections['pot-filler']).toBe('no-filler');
    expect(changes[0]).toMatchObject({ subcategoryId: 'pot-filler', from: 'filler', to: 'no-filler' });
    expect(findConflicts(index, selections)).toEqual([]);
  });

  it('Should revert an earlier pick that excludes the new one', () => {
    const farmhouse = pick(index, defaults, 'sink', 'farmhouse').selections;
    const { selections, changes } = pick(index, farmhouse, 'counter', 'laminate');
    expect(selections.counter).toBe('laminate');
    expect(selections.sink).toBe('drop-in');
    expect(changes.map((c) => c.subcategoryId)).toEqual(['sink']);
  });

  it('Should chain requirements and leave a conflict-free set', () => {
    // undermount requires quartz; quartz replaces laminate, no conflicts remain.
    const { selections } = pick(index, defaults, 'sink', 'undermount');
    expect(selections.counter).toBe('quartz');
    expect(findConflicts(index, selections)).toEqual([]);
  });

  it('Should not mutate the selections it was given', () => {
    const before = { ...defaults };
    pick(index, defaults, 'sink', 'farmhouse');
    expect(defaults).toEqual(before);
  });
});
