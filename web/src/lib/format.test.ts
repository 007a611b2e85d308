import { describe, expect, it } from 'vitest';
import { floorplanFacts, safeNextPath } from './format';

describe('floorplanFacts', () => {
  it('Should list beds, baths and square feet in order', () => {
    expect(floorplanFacts({ bedrooms: 3, bathrooms: 2.5, squareFeet: 1850 })).toEqual([
      { label: 'bd', longLabel: 'bedrooms', value: '3' },
      { label: 'ba', longLabel: 'bathrooms', value: '2.5' },
      { label: 'sq ft', longLabel: 'square feet', value: '1,850' },
    ]);
  });

  it('Should leave out unknown facts', () => {
    expect(floorplanFacts({ bedrooms: 1, bathrooms: null, squareFeet: null })).toEqual([
      { label: 'bd', longLabel: 'bedroom', value: '1' },
    ]);
  });
});

describe('safeNextPath', () => {
  it('Should accept same-origin absolute paths', () => {
    expect(safeNextPath('/projects/p1')).toBe('/projects/p1');
  });

  it('Should reject other origins and relative paths', () => {
    expect(safeNextPath('//evil.example/x')).toBeNull();
    expect(safeNextPath('/\\evil.example')).toBeNull();
    expect(safeNextPath('https://evil.example')).toBeNull();
    expect(safeNextPath('projects')).toBeNull();
    expect(safeNextPath(null)).toBeNull();
  });
});
