/**
 * Edits of a step's sections (titled groups of subcategories). A subcategory sits in at
 * most one section of a step, as the API requires. Every function returns a new array. Pure.
 */
import type { StepSection } from './api';
import { moveItem } from './order';

export const SECTION_LIMITS = { sections: 50, perSection: 100, titleLength: 120 } as const;

export function addSection(sections: readonly StepSection[], title: string): StepSection[] {
  return [...sections, { title: title.trim().slice(0, SECTION_LIMITS.titleLength), subcategoryIds: [] }];
}

export function renameSection(sections: readonly StepSection[], index: number, title: string): StepSection[] {
  return sections.map((s, i) => (i === index ? { ...s, title: title.slice(0, SECTION_LIMITS.titleLength) } : s));
}

export function removeSection(sections: readonly StepSection[], index: number): StepSection[] {
  return sections.filter((_, i) => i !== index);
}

export function moveSection(sections: readonly StepSection[], index: number, delta: number): StepSection[] {
  const to = index + delta;
  if (to < 0 || to >= sections.length) return sections.slice();
  return moveItem(sections, index, to);
}

/** Adds the subcategory to a section, taking it out of any other section first. */
export function assignSubcategory(sections: readonly StepSection[], index: number, subcategoryId: string): StepSection[] {
  if (!sections[index]) return sections.slice();
  return sections.map((s, i) => {
    const rest = s.subcategoryIds.filter((id) => id !== subcategoryId);
    return i === index ? { ...s, subcategoryIds: [...rest, subcategoryId] } : { ...s, subcategoryIds: rest };
  });
}

export function unassignSubcategory(sections: readonly StepSection[], index: number, subcategoryId: string): StepSection[] {
  return sections.map((s, i) => (i === index ? { ...s, subcategoryIds: s.subcategoryIds.filter((id) => id !== subcategoryId) } : s));
}

export function moveSubcategory(sections: readonly StepSection[], index: number, subcategoryId: string, delta: number): StepSection[] {
  return sections.map((s, i) => {
    if (i !== index) return s;
    const from = s.subcategoryIds.indexOf(subcategoryId);
    const to = from + delta;
    if (from < 0 || to < 0 || to >= s.subcategoryIds.length) return s;
    return { ...s, subcategoryIds: moveItem(s.subcategoryIds, from, to) };
  });
}

/** Subcategories (of `all`, in its order) that no section of this step shows yet. */
export function unassigned<T extends { id: string }>(sections: readonly StepSection[], all: readonly T[]): T[] {
  const used = new Set(sections.flatMap((s) => s.subcategoryIds));
  return all.filter((s) => !used.has(s.id));
}

export function sectionProblems(sections: readonly StepSection[]): string[] {
  const problems: string[] = [];
  if (sections.length > SECTION_LIMITS.sections) problems.push(`A step can have at most ${SECTION_LIMITS.sections} sections.`);
  sections.forEach((s, i) => {
    if (!s.title.trim()) problems.push(`Section ${i + 1} needs a title.`);
    if (s.subcategoryIds.length > SECTION_LIMITS.perSection) problems.push(`Section ${i + 1} has more than ${SECTION_LIMITS.perSection} subcategories.`);
  });
  const all = sections.flatMap((s) => s.subcategoryIds);
  if (new Set(all).size !== all.length) problems.push('A subcategory can appear in only one section of a step.');
  return problems;
}

export function sameSections(a: readonly StepSection[], b: readonly StepSection[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Titles trimmed, as the API stores them. */
export function sectionsForSave(sections: readonly StepSection[]): StepSection[] {
  return sections.map((s) => ({ title: s.title.trim(), subcategoryIds: [...s.subcategoryIds] }));
}
