import { describe, expect, it } from 'vitest';
import { dropOnto, idsOf, moveAnnouncement, moveById, moveItem, sameOrder } from './order';

const list = ['a', 'b', 'c', 'd'].map((id) => ({ id }));

describe('order', () => {
  it('Should move an item without touching the input', () => {
    const letters = ['a', 'b', 'c'];
    expect(moveItem(letters, 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(letters, 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(letters, 1, 99)).toEqual(['a', 'c', 'b']);
    expect(moveItem(letters, 5, 0)).toEqual(letters);
    expect(letters).toEqual(['a', 'b', 'c']);
  });

  it('Should move up and down by id and refuse moves past the ends', () => {
    expect(idsOf(moveById(list, 'b', -1)!)).toEqual(['b', 'a', 'c', 'd']);
    expect(idsOf(moveById(list, 'b', 1)!)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveById(list, 'a', -1)).toBeNull();
    expect(moveById(list, 'd', 1)).toBeNull();
    expect(moveById(list, 'zz', 1)).toBeNull();
  });

  it('Should drop onto a target taking its place in either direction', () => {
    expect(idsOf(dropOnto(list, 'a', 'c')!)).toEqual(['b', 'c', 'a', 'd']);
    expect(idsOf(dropOnto(list, 'd', 'b')!)).toEqual(['a', 'd', 'b', 'c']);
    expect(dropOnto(list, 'a', 'a')).toBeNull();
    expect(dropOnto(list, 'a', 'nope')).toBeNull();
  });

  it('Should compare orders and announce positions', () => {
    expect(sameOrder(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameOrder(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameOrder(['a'], ['a', 'b'])).toBe(false);
    expect(moveAnnouncement('Tile', list, 'c')).toBe('Moved Tile to position 3 of 4.');
  });
});
