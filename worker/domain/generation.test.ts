import { describe, expect, it } from 'vitest';
import type { PhotoSurface } from './surfaces';
import { batchSwatches, canonicalJson, generationHash, scopeSelections, type HashInput } from './generation';

const surface = (key: string, subcategoryId: string | null): PhotoSurface => ({ key, label: key, subcategoryId, polygons: [[[0, 0], [1, 0], [1, 1]]], tileScale: 0.2 });
const surfaces = [surface('walls', 'paint'), surface('floor', 'floor'), surface('cabinets', 'cabinets'), surface('trim', null)];
const visual = new Set(['paint', 'floor', 'cabinets']);

const base: HashInput = {
  stepPhotoId: 'photo-1',
  imageKey: 'org/rooms/step/photo-1.jpg',
  model: 'compositor',
  items: [
    { subcategoryId: 'floor', optionId: 'oak', swatchKey: 'o/s/oak.png', swatchColor: '#aa8855', descriptor: 'white oak' },
    { subcategoryId: 'paint', optionId: 'white', swatchKey: null, swatchColor: '#ffffff', descriptor: null },
  ],
  surfaces,
  spatialHint: 'Camera faces the back wall',
  policy: null,
};

describe('canonicalJson', () => {
  it('Should not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});

describe('scopeSelections', () => {
  it('Should keep only visual picks of subcategories the photo shows', () => {
    const scoped = scopeSelections(surfaces, { paint: 'white', floor: 'oak', faucet: 'chrome', cabinets: 'shaker', outlets: 'usb' }, (id) => visual.has(id));
    expect(scoped).toEqual({ paint: 'white', floor: 'oak', cabinets: 'shaker' });
  });

  it('Should drop a shown subcategory that is not visual', () => {
    expect(scopeSelections(surfaces, { paint: 'white' }, () => false)).toEqual({});
  });
});

describe('generationHash', () => {
  it('Should be a stable hex SHA-256 regardless of item order', async () => {
    const a = await generationHash(base);
    const b = await generationHash({ ...base, items: [...base.items].reverse() });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toBe(b);
  });

  it('Should change with anything that changes the image', async () => {
    const h = await generationHash(base);
    const variants: HashInput[] = [
      { ...base, stepPhotoId: 'photo-2' },
      { ...base, imageKey: 'org/rooms/step/replaced.jpg' },
      { ...base, model: 'gemini-3-pro-image-preview' },
      { ...base, items: [{ ...base.items[0]!, optionId: 'walnut' }, base.items[1]!] },
      { ...base, items: [{ ...base.items[0]!, swatchKey: 'o/s/oak-v2.png' }, base.items[1]!] },
      { ...base, items: [{ ...base.items[0]!, descriptor: 'smoked oak' }, base.items[1]!] },
      { ...base, spatialHint: 'Camera faces the island' },
      { ...base, policy: { secondPass: 'range' } },
      { ...base, surfaces: surfaces.slice(1) },
    ];
    for (const v of variants) expect(await generationHash(v)).not.toBe(h);
  });
});

describe('batchSwatches', () => {
  const items = Array.from({ length: 30 }, (_, i) => ({ subcategoryId: `s${String(i).padStart(2, '0')}` }));

  it('Should split into passes of at most 13 in surface order', () => {
    const order = items.map((i) => i.subcategoryId).reverse();
    const batches = batchSwatches(items, order);
    expect(batches.map((b) => b.length)).toEqual([13, 13, 4]);
    expect(batches[0]![0]!.subcategoryId).toBe('s29');
  });

  it('Should keep a single pass for 13 or fewer and be deterministic', () => {
    const few = items.slice(0, 13);
    expect(batchSwatches(few, [])).toHaveLength(1);
    expect(batchSwatches([...few].reverse(), [])).toEqual(batchSwatches(few, []));
  });

  it('Should give 14 swatches one full pass and one continuation', () => {
    expect(batchSwatches(items.slice(0, 14), []).map((b) => b.length)).toEqual([13, 1]);
  });
});
