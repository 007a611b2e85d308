import { describe, expect, it } from 'vitest';
import type { AdminFloorplan } from './api';
import { draftOf, EMPTY_DRAFT, parseDraft, sameDraft } from './floorplanForm';

const kinkade: AdminFloorplan = {
  id: 'fp1',
  slug: 'kinkade',
  name: 'The Kinkade',
  description: 'Two-story plan',
  bedrooms: 4,
  bathrooms: 3,
  squareFeet: 2310,
  basePriceCents: 38_990_000,
  isActive: true,
  sortOrder: 0,
};

describe('floorplan form', () => {
  it('Should turn a new floorplan draft into typed API fields', () => {
    const parsed = parseDraft({ ...EMPTY_DRAFT, name: ' The Birch ', bedrooms: '3', bathrooms: '2.5', squareFeet: '1,980', basePrice: '412,500' });
    expect(parsed).toEqual({
      ok: true,
      fields: { name: 'The Birch', description: null, bedrooms: 3, bathrooms: 2.5, squareFeet: 1980, basePriceCents: 41_250_000, isActive: true },
    });
  });

  it('Should send only what changed on an edit', () => {
    const draft = { ...draftOf(kinkade), basePrice: '395000', isActive: false };
    expect(parseDraft(draft, kinkade)).toEqual({ ok: true, fields: { basePriceCents: 39_500_000, isActive: false } });
    expect(parseDraft(draftOf(kinkade), kinkade)).toEqual({ ok: true, fields: {} });
    expect(parseDraft({ ...draftOf(kinkade), description: '' }, kinkade)).toEqual({ ok: true, fields: { description: null } });
  });

  it('Should round-trip an existing floorplan through the draft', () => {
    expect(draftOf(kinkade)).toMatchObject({ bedrooms: '4', bathrooms: '3', squareFeet: '2310', basePrice: '389900' });
    expect(sameDraft(draftOf(kinkade), draftOf({ ...kinkade }))).toBe(true);
    expect(sameDraft(draftOf(kinkade), { ...draftOf(kinkade), name: 'x' })).toBe(false);
  });

  it('Should report every invalid field at once', () => {
    const parsed = parseDraft({ ...EMPTY_DRAFT, name: ' ', slug: 'Bad Slug', bedrooms: '2.5', bathrooms: '2.25', squareFeet: '0', basePrice: '-5' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['basePrice', 'bathrooms', 'bedrooms', 'name', 'slug', 'squareFeet']);
    expect(parsed.errors.bathrooms).toMatch(/steps of 0.5/);
  });

  it('Should refuse slugs the app itself uses as paths', () => {
    const parsed = parseDraft({ ...EMPTY_DRAFT, name: 'Admin', slug: 'admin' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors.slug).toMatch(/used by the app/);
    expect(parseDraft({ ...EMPTY_DRAFT, name: 'A', bedrooms: 'four' })).toMatchObject({ ok: false, errors: { bedrooms: 'Bedrooms must be a number.' } });
  });
});
