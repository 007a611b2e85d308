import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from '../../../worker/domain/catalog.fixture';
import { computeTotal, defaultSelections, findConflicts, indexCatalog, type Catalog } from './domain';
import {
  createPickerReducer,
  describeChanges,
  displayTotal,
  formatOptionPrice,
  galleryPhotos,
  hasUnsavedChanges,
  initPickerState,
  isQuantityEnabled,
  needsSave,
  orderedPhotos,
  reconcileSession,
  saveBody,
  saveStatus,
  stepFromSlug,
  stepSlug,
  summaryGroups,
  type PickerAction,
  type PickerState,
} from './state';

/** The shared fixture plus a second step (with photos) and a subcategory no step lists. */
function catalog(): Catalog {
  const c = fixtureCatalog();
  c.steps[0]!.sections = [
    { title: 'Counters & sink', subcategoryIds: ['counter', 'sink'] },
    { title: 'Cooking', subcategoryIds: ['range', 'pot-filler'] },
  ];
  c.steps[0]!.photos = [
    { id: 'p-side', url: '/media/o/side.jpg', width: 1536, height: 1024, isHero: false, alt: 'Side', subcategoryIds: [] },
    { id: 'p-hero', url: '/media/o/hero.jpg', width: 1536, height: 1024, isHero: true, alt: 'Hero', subcategoryIds: [] },
  ];
  c.steps.push({ id: 'step-2', slug: 'lighting', name: 'Lighting', subtitle: null, sections: [{ title: 'Lights', subcategoryIds: ['lights', 'counter'] }], photos: [] });
  return c;
}

const index = indexCatalog(catalog());
const reduce = createPickerReducer(index);
const defaults = defaultSelections(index);
const fresh = (): PickerState =>
  initPickerState(index, { selections: defaults, quantities: {}, totalCents: computeTotal(index, defaults, {}) });
const run = (state: PickerState, ...actions: PickerAction[]) => actions.reduce(reduce, state);
const computed = (s: PickerState) => computeTotal(index, s.selections, s.quantities);

describe('picker state: picking', () => {
  it('Should start from the session, in sync and saved', () => {
    const s = fresh();
    expect(s.selections).toEqual(defaults);
    expect(saveStatus(s)).toBe('saved');
    expect(needsSave(s)).toBe(false);
    expect(displayTotal(index, s)).toBe(computed(s));
  });

  it('Should pick an option and mark the state unsaved', () => {
    const s = run(fresh(), { type: 'pick', subcategoryId: 'counter', optionId: 'quartz' });
    expect(s.selections.counter).toBe('quartz');
    expect(s.notice).toBeNull();
    expect(hasUnsavedChanges(s)).toBe(true);
    expect(needsSave(s)).toBe(true);
    expect(saveStatus(s)).toBe('saving');
  });

  it('Should apply rule repairs from pick and explain them in a notice', () => {
    const s = run(fresh(), { type: 'pick', subcategoryId: 'sink', optionId: 'undermount' });
    expect(s.selections.sink).toBe('undermount');
    expect(s.selections.counter).toBe('quartz');
    expect(findConflicts(index, s.selections)).toEqual([]);
    expect(s.notice).toMatchObject({ tone: 'info', messages: ['counter changed to quartz — Required by undermount'] });
  });

  it('Should give every new notice a new id and clear it on dismiss or a plain pick', () => {
    const a = run(fresh(), { type: 'pick', subcategoryId: 'pot-filler', optionId: 'filler' });
    const b = run(a, { type: 'pick', subcategoryId: 'range', optionId: 'electric' });
    expect(a.notice!.messages[0]).toBe('range changed to gas — Required by filler');
    expect(b.notice!.id).toBeGreaterThan(a.notice!.id);
    expect(b.selections['pot-filler']).toBe('no-filler');
    expect(run(b, { type: 'dismissNotice' }).notice).toBeNull();
    expect(run(b, { type: 'pick', subcategoryId: 'counter', optionId: 'granite' }).notice).toBeNull();
  });

  it('Should ignore re-picking the chosen option and options of another subcategory', () => {
    const s = fresh();
    expect(run(s, { type: 'pick', subcategoryId: 'counter', optionId: 'laminate' })).toBe(s);
    expect(run(s, { type: 'pick', subcategoryId: 'counter', optionId: 'gas' })).toBe(s);
    expect(run(s, { type: 'pick', subcategoryId: 'counter', optionId: 'nope' })).toBe(s);
  });

  it('Should keep the total equal to computeTotal after every change', () => {
    let s = fresh();
    const actions: PickerAction[] = [
      { type: 'pick', subcategoryId: 'counter', optionId: 'granite' },
      { type: 'pick', subcategoryId: 'sink', optionId: 'farmhouse' },
      { type: 'pick', subcategoryId: 'lights', optionId: 'can' },
      { type: 'setQuantity', subcategoryId: 'lights', quantity: 4 },
      { type: 'pick', subcategoryId: 'warranty', optionId: 'warranty-10y' },
      { type: 'pick', subcategoryId: 'sink', optionId: 'undermount' },
    ];
    for (const action of actions) {
      s = reduce(s, action);
      expect(displayTotal(index, s)).toBe(computed(s));
    }
    // quartz 3,500 + undermount 450 + 4 x can 185 + 10y warranty 1,490
    expect(displayTotal(index, s)).toBe(350000 + 45000 + 4 * 18500 + 149000);
  });
});

describe('picker state: quantities', () => {
  const withCans = () => run(fresh(), { type: 'pick', subcategoryId: 'lights', optionId: 'can' });

  it('Should clamp the quantity to 1..maxQuantity', () => {
    expect(run(withCans(), { type: 'setQuantity', subcategoryId: 'lights', quantity: 99 }).quantities.lights).toBe(12);
    expect(run(withCans(), { type: 'setQuantity', subcategoryId: 'lights', quantity: 0 }).quantities.lights).toBeUndefined();
    expect(run(withCans(), { type: 'setQuantity', subcategoryId: 'lights', quantity: 5 }, { type: 'setQuantity', subcategoryId: 'lights', quantity: -3 }).quantities.lights).toBe(1);
    expect(run(withCans(), { type: 'setQuantity', subcategoryId: 'lights', quantity: 2.6 }).quantities.lights).toBe(3);
  });

  it('Should not change anything for a no-op, a $0 option or a non-additive subcategory', () => {
    const cans = withCans();
    expect(run(cans, { type: 'setQuantity', subcategoryId: 'lights', quantity: 1 })).toBe(cans);
    const s = fresh();
    expect(isQuantityEnabled(index, s.selections, 'lights')).toBe(false);
    expect(run(s, { type: 'setQuantity', subcategoryId: 'lights', quantity: 3 })).toBe(s);
    expect(run(s, { type: 'setQuantity', subcategoryId: 'counter', quantity: 3 })).toBe(s);
    expect(run(s, { type: 'setQuantity', subcategoryId: 'lights', quantity: Number.NaN })).toBe(s);
  });

  it('Should send an explicit quantity for every chosen additive subcategory', () => {
    expect(saveBody(index, fresh()).quantities).toEqual({ lights: 1 });
    const s = run(withCans(), { type: 'setQuantity', subcategoryId: 'lights', quantity: 3 });
    expect(saveBody(index, s)).toEqual({ selections: s.selections, quantities: { lights: 3 } });
  });
});

describe('picker state: saving and server reconciliation', () => {
  it('Should go saving → saved and adopt the server total', () => {
    const s1 = run(fresh(), { type: 'pick', subcategoryId: 'counter', optionId: 'quartz' });
    const s2 = run(s1, { type: 'saveStarted', revision: s1.revision });
    expect(needsSave(s2)).toBe(false);
    expect(saveStatus(s2)).toBe('saving');
    const s3 = run(s2, { type: 'saveSucceeded', revision: s1.revision, session: { selections: s1.selections, quantities: {}, totalCents: computed(s1) } });
    expect(saveStatus(s3)).toBe('saved');
    expect(s3.selections).toBe(s1.selections);
    expect(displayTotal(index, s3)).toBe(350000);
  });

  it('Should replace a different client total with the server total', () => {
    const s1 = run(fresh(), { type: 'pick', subcategoryId: 'counter', optionId: 'quartz' });
    const s2 = run(s1, { type: 'saveStarted', revision: s1.revision }, { type: 'saveSucceeded', revision: s1.revision, session: { selections: s1.selections, quantities: {}, totalCents: 351234 } });
    expect(computed(s2)).toBe(350000);
    expect(displayTotal(index, s2)).toBe(351234);
    // The next local change is priced locally again until the server answers.
    const s3 = run(s2, { type: 'pick', subcategoryId: 'range', optionId: 'gas' });
    expect(displayTotal(index, s3)).toBe(computed(s3));
  });

  it('Should keep newer local changes when an older save comes back', () => {
    const s1 = run(fresh(), { type: 'pick', subcategoryId: 'counter', optionId: 'quartz' });
    const s2 = run(s1, { type: 'saveStarted', revision: s1.revision }, { type: 'pick', subcategoryId: 'range', optionId: 'gas' });
    const s3 = run(s2, { type: 'saveSucceeded', revision: s1.revision, session: { selections: s1.selections, quantities: {}, totalCents: 999 } });
    expect(s3.selections.range).toBe('gas');
    expect(displayTotal(index, s3)).toBe(computed(s3));
    expect(needsSave(s3)).toBe(true);
  });

  it('Should show a rejected save, stop auto-saving and take the reloaded session', () => {
    const s1 = run(fresh(), { type: 'pick', subcategoryId: 'counter', optionId: 'quartz' });
    const s2 = run(s1, { type: 'saveStarted', revision: s1.revision }, { type: 'saveFailed', revision: s1.revision, message: 'These selections cannot be combined', rejected: true });
    expect(saveStatus(s2)).toBe('error');
    expect(needsSave(s2)).toBe(false);
    expect(s2.notice).toMatchObject({ tone: 'error' });
    expect(s2.notice!.messages[0]).toBe('These selections cannot be combined');
    const s3 = run(s2, { type: 'sessionLoaded', session: { selections: defaults, quantities: {}, totalCents: 0 } });
    expect(s3.selections.counter).toBe('laminate');
    expect(hasUnsavedChanges(s3)).toBe(false);
    expect(saveStatus(s3)).toBe('error');
    expect(run(s3, { type: 'retrySave' })).toBe(s3);
    // The next change clears the error and saves again.
    const s4 = run(s3, { type: 'pick', subcategoryId: 'range', optionId: 'gas' });
    expect(saveStatus(s4)).toBe('saving');
    expect(needsSave(s4)).toBe(true);
  });

  it('Should let a network failure be retried', () => {
    const s1 = run(fresh(), { type: 'pick', subcategoryId: 'counter', optionId: 'quartz' });
    const s2 = run(s1, { type: 'saveStarted', revision: s1.revision }, { type: 'saveFailed', revision: s1.revision, message: 'offline', rejected: false });
    expect(saveStatus(s2)).toBe('error');
    expect(s2.notice).toBeNull();
    expect(needsSave(s2)).toBe(false);
    expect(needsSave(run(s2, { type: 'retrySave' }))).toBe(true);
  });

  it('Should repair a stale session and price it locally until it is saved', () => {
    const stale = { selections: { counter: 'marble', sink: 'undermount', gone: 'x' }, quantities: { lights: 40, counter: 2 }, totalCents: 123 };
    expect(reconcileSession(index, stale)).toEqual({ selections: { ...defaults, sink: 'undermount' }, quantities: {} });
    const s = initPickerState(index, stale);
    expect(displayTotal(index, s)).toBe(computed(s));
    expect(saveStatus(s)).toBe('saved');
  });
});

describe('picker state: steps', () => {
  it('Should move between steps and the virtual gallery step, clamped', () => {
    const s = fresh();
    expect(run(s, { type: 'goToStep', step: 2 }).step).toBe(2);
    expect(run(s, { type: 'goToStep', step: 9 }).step).toBe(2);
    expect(run(s, { type: 'goToStep', step: -1 }).step).toBe(0);
    expect(run(s, { type: 'goToStep', step: 0 })).toBe(s);
    expect(stepFromSlug(index.catalog, 'lighting')).toBe(1);
    expect(stepFromSlug(index.catalog, 'gallery')).toBe(2);
    expect(stepFromSlug(index.catalog, 'nope')).toBe(0);
    expect(stepSlug(index.catalog, 2)).toBe('gallery');
  });

  it('Should put the hero photo first and list only steps with photos in the gallery', () => {
    expect(orderedPhotos(index.catalog.steps[0]!).map((p) => p.id)).toEqual(['p-hero', 'p-side']);
    expect(galleryPhotos(index.catalog).map((g) => g.step.id)).toEqual(['step-1']);
  });
});

describe('picker state: text', () => {
  it('Should format option prices', () => {
    expect(formatOptionPrice(125000)).toBe('+$1,250');
    expect(formatOptionPrice(0)).toBe('Included');
    expect(formatOptionPrice(-50000)).toBe('−$500');
  });

  it('Should describe a cleared choice', () => {
    expect(describeChanges(index, [{ subcategoryId: 'warranty', from: 'warranty-5y', to: null, reason: 'Not available' }])).toEqual(['warranty cleared — Not available']);
  });
});

describe('summaryGroups', () => {
  it('Should group lines step → section in wizard order, each subcategory once, the rest last', () => {
    const s = run(
      fresh(),
      { type: 'pick', subcategoryId: 'sink', optionId: 'undermount' },
      { type: 'pick', subcategoryId: 'lights', optionId: 'can' },
      { type: 'setQuantity', subcategoryId: 'lights', quantity: 3 },
      { type: 'pick', subcategoryId: 'warranty', optionId: 'warranty-5y' },
    );
    const groups = summaryGroups(index, s.selections, s.quantities);
    expect(groups.map((g) => [g.stepName, g.sections.map((x) => [x.title, x.lines.map((l) => l.subcategoryId)])])).toEqual([
      ['Kitchen', [['Counters & sink', ['counter', 'sink']], ['Cooking', ['range', 'pot-filler']]]],
      ['Lighting', [['Lights', ['lights']]]],
      ['Other selections', [['Kitchen', ['warranty']]]],
    ]);
    const lights = groups[1]!.sections[0]!.lines[0]!;
    expect(lights).toMatchObject({ optionName: 'can', unitPriceCents: 18500, quantity: 3, totalCents: 55500, isAdditive: true, unitLabel: 'light' });
    expect(groups[0]!.totalCents).toBe(350000 + 45000);
    expect(groups.reduce((t, g) => t + g.totalCents, 0)).toBe(computed(s));
  });

  it('Should leave out steps with nothing chosen', () => {
    const groups = summaryGroups(index, { lights: 'can' }, {});
    expect(groups.map((g) => g.stepName)).toEqual(['Lighting']);
  });
});
