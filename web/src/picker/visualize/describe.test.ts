import { describe, expect, it } from 'vitest';
import { fixtureCatalog } from '../../../../worker/domain/catalog.fixture';
import { indexCatalog } from '../domain';
import { changedNames, describeSnapshot, formatElapsed, staleNote, visualizedAlt } from './describe';

const index = indexCatalog(fixtureCatalog());

describe('visualization wording', () => {
  it('Should list the picks an image shows in the photo order, skipping unknown ones', () => {
    expect(describeSnapshot(index, { sink: 'undermount', counter: 'quartz', range: 'gone' }, ['counter', 'sink', 'range'])).toEqual([
      'counter: quartz',
      'sink: undermount',
    ]);
    // An option id filed under the wrong subcategory is not described.
    expect(describeSnapshot(index, { counter: 'undermount' }, ['counter'])).toEqual([]);
  });

  it('Should build alt text from the photo description and the picks', () => {
    expect(visualizedAlt('Kitchen with island', ['Countertops: Quartz'])).toBe('Kitchen with island, visualized with your choices (Countertops: Quartz)');
    expect(visualizedAlt('Kitchen', [])).toBe('Kitchen, visualized with your choices');
  });

  it('Should name what changed since an image was made', () => {
    const names = changedNames(index, { counter: 'laminate', sink: 'drop-in' }, { counter: 'quartz', sink: 'drop-in' }, ['counter', 'sink']);
    expect(names).toEqual(['counter']);
    expect(staleNote(names)).toBe('counter changed');
    expect(staleNote(['Countertops', 'Backsplash'])).toBe('Countertops and Backsplash changed');
    expect(staleNote(['a', 'b', 'c'])).toBe('3 choices changed');
    expect(staleNote([])).toBe('');
  });

  it('Should format elapsed time in seconds, then minutes', () => {
    expect(formatElapsed(0)).toBe('0s');
    expect(formatElapsed(7_900)).toBe('7s');
    expect(formatElapsed(65_000)).toBe('1m 05s');
    expect(formatElapsed(-5)).toBe('0s');
  });
});
