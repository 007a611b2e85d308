import { describe, expect, it } from 'vitest';
import type { StepSection } from './api';
import { addSection, assignSubcategory, moveSection, moveSubcategory, removeSection, renameSection, sameSections, sectionProblems, sectionsForSave, unassignSubcategory, unassigned } from './sections';

const base: StepSection[] = [
  { title: 'Floors', subcategoryIds: ['floor', 'carpet'] },
  { title: 'Walls', subcategoryIds: ['paint'] },
];

describe('step sections', () => {
  it('Should add, rename, move and remove sections without touching the input', () => {
    const added = addSection(base, '  Trim ');
    expect(added.map((s) => s.title)).toEqual(['Floors', 'Walls', 'Trim']);
    expect(renameSection(added, 2, 'Trim & doors')[2]!.title).toBe('Trim & doors');
    expect(moveSection(added, 2, -2).map((s) => s.title)).toEqual(['Trim', 'Floors', 'Walls']);
    expect(moveSection(added, 0, -1).map((s) => s.title)).toEqual(['Floors', 'Walls', 'Trim']);
    expect(removeSection(added, 0).map((s) => s.title)).toEqual(['Walls', 'Trim']);
    expect(base).toHaveLength(2);
  });

  it('Should keep a subcategory in one section only when it is assigned elsewhere', () => {
    const moved = assignSubcategory(base, 1, 'floor');
    expect(moved).toEqual([
      { title: 'Floors', subcategoryIds: ['carpet'] },
      { title: 'Walls', subcategoryIds: ['paint', 'floor'] },
    ]);
    expect(sectionProblems(moved)).toEqual([]);
    expect(assignSubcategory(base, 9, 'floor')).toEqual(base);
  });

  it('Should reorder and remove subcategories within a section', () => {
    expect(moveSubcategory(base, 0, 'carpet', -1)[0]!.subcategoryIds).toEqual(['carpet', 'floor']);
    expect(moveSubcategory(base, 0, 'floor', -1)[0]!.subcategoryIds).toEqual(['floor', 'carpet']);
    expect(unassignSubcategory(base, 0, 'floor')[0]!.subcategoryIds).toEqual(['carpet']);
  });

  it('Should list the subcategories no section shows, in catalog order', () => {
    const all = ['trim', 'floor', 'doors', 'paint', 'carpet'].map((id) => ({ id }));
    expect(unassigned(base, all).map((s) => s.id)).toEqual(['trim', 'doors']);
  });

  it('Should report untitled sections and duplicates', () => {
    expect(sectionProblems([{ title: ' ', subcategoryIds: ['a'] }, { title: 'B', subcategoryIds: ['a'] }])).toEqual([
      'Section 1 needs a title.',
      'A subcategory can appear in only one section of a step.',
    ]);
  });

  it('Should compare and trim for saving', () => {
    expect(sameSections(base, structuredClone(base))).toBe(true);
    expect(sameSections(base, moveSection(base, 0, 1))).toBe(false);
    expect(sectionsForSave([{ title: ' A ', subcategoryIds: ['x'] }])).toEqual([{ title: 'A', subcategoryIds: ['x'] }]);
  });
});
