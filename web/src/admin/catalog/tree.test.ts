import { describe, expect, it } from 'vitest';
import { option, sampleTree } from './fixture.test-data';
import { addCategory, addOption, addSubcategory, applyOrder, clearDefault, countOptions, findOption, optionChoices, patchOption, removeCategory, removeOption, removeSubcategory, rollbackOptionPatch } from './tree';

const defaults = (tree: ReturnType<typeof sampleTree>, sub: string) =>
  tree.flatMap((c) => c.subcategories).find((s) => s.id === sub)!.options.filter((o) => o.isDefault).map((o) => o.id);

describe('option tree edits', () => {
  it('Should patch one option and leave the input tree as the rollback', () => {
    const before = sampleTree();
    const after = patchOption(before, 'oak', { priceCents: 123400, name: 'Oak!' });
    expect(findOption(after, 'oak')!.option).toMatchObject({ priceCents: 123400, name: 'Oak!' });
    expect(findOption(before, 'oak')!.option).toMatchObject({ priceCents: 980000, name: 'OAK' });
  });

  it('Should keep one default per subcategory when another option becomes the default', () => {
    const tree = patchOption(sampleTree(), 'oak', { isDefault: true });
    expect(defaults(tree, 's-floor')).toEqual(['oak']);
    // Other subcategories keep their own defaults untouched.
    const paint = patchOption(patchOption(tree, 'white', { isDefault: true }), 'grey', { isDefault: true });
    expect(defaults(paint, 's-paint')).toEqual(['grey']);
    expect(defaults(paint, 's-floor')).toEqual(['oak']);
  });

  it('Should clear a subcategory default and add a new default option exclusively', () => {
    expect(defaults(clearDefault(sampleTree(), 's-floor'), 's-floor')).toEqual([]);
    const added = addOption(sampleTree(), option('vinyl', 's-floor', { isDefault: true }));
    expect(defaults(added, 's-floor')).toEqual(['vinyl']);
    expect(findOption(added, 'vinyl')!.subcategory.options.at(-1)!.id).toBe('vinyl');
  });

  it('Should remove options, subcategories and categories', () => {
    expect(findOption(removeOption(sampleTree(), 'oak'), 'oak')).toBeNull();
    expect(findOption(removeSubcategory(sampleTree(), 's-floor'), 'lvp')).toBeNull();
    expect(removeCategory(sampleTree(), 'c-kit').map((c) => c.id)).toEqual(['c-int']);
  });

  it('Should add categories and subcategories empty', () => {
    const tree = addSubcategory(addCategory(sampleTree(), { id: 'c-new', slug: 'new', name: 'New', sortOrder: 2 }), {
      id: 's-new',
      categoryId: 'c-new',
      slug: 's-new',
      name: 'Sub',
      sortOrder: 0,
      isVisual: false,
      isAdditive: false,
      maxQuantity: 1,
      unitLabel: null,
      promptDescriptor: null,
    });
    expect(tree.at(-1)!.subcategories.map((s) => [s.id, s.options.length])).toEqual([['s-new', 0]]);
  });

  it('Should apply a new order to one parent and never drop an item missing from the order', () => {
    const tree = sampleTree();
    expect(applyOrder(tree, 'categories', null, ['c-kit', 'c-int']).map((c) => c.id)).toEqual(['c-kit', 'c-int']);
    const opts = applyOrder(tree, 'options', 's-floor', ['tile', 'lvp']);
    expect(opts[0]!.subcategories[0]!.options.map((o) => o.id)).toEqual(['tile', 'lvp', 'oak']);
    const subs = applyOrder(tree, 'subcategories', 'c-int', ['s-paint', 's-floor']);
    expect(subs[0]!.subcategories.map((s) => s.id)).toEqual(['s-paint', 's-floor']);
    expect(subs[1]).toBe(tree[1]);
  });

  it('Should list every option with its path and count options per category', () => {
    const choices = optionChoices(sampleTree());
    expect(choices.map((c) => c.id)).toEqual(['lvp', 'oak', 'tile', 'white', 'grey', 'laminate', 'quartz']);
    expect(choices[0]).toEqual({ id: 'lvp', name: 'LVP', subcategoryId: 's-floor', path: 'Interior › Floor' });
    expect(countOptions(sampleTree()[0]!)).toBe(5);
  });
});

describe('rollbackOptionPatch', () => {
  it('Should restore the refused fields and the previous default, keeping other edits', () => {
    const before = sampleTree();
    const floor = before[0]!.subcategories[0]!;
    let tree = patchOption(before, 'oak', { isDefault: true, priceCents: 1 });
    // A later, successful rename of another option must survive the rollback.
    tree = patchOption(tree, 'tile', { name: 'Tile renamed' });
    const rolled = rollbackOptionPatch(tree, floor, 'oak', { isDefault: true, priceCents: 1 });
    expect(defaults(rolled, 's-floor')).toEqual(['lvp']);
    expect(findOption(rolled, 'oak')!.option.priceCents).toBe(980000);
    expect(findOption(rolled, 'tile')!.option.name).toBe('Tile renamed');
  });

  it('Should leave sibling defaults alone when the patch did not touch the flag', () => {
    const before = sampleTree();
    const floor = before[0]!.subcategories[0]!;
    const tree = patchOption(patchOption(before, 'oak', { name: 'X' }), 'tile', { isDefault: true });
    const rolled = rollbackOptionPatch(tree, floor, 'oak', { name: 'X' });
    expect(findOption(rolled, 'oak')!.option.name).toBe('OAK');
    expect(defaults(rolled, 's-floor')).toEqual(['tile']);
  });
});
