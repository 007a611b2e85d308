/**
 * Immutable edits of the option tree (categories > subcategories > options) for optimistic
 * updates: each returns a new tree and leaves the input untouched, so the previous tree is
 * the rollback. Pure.
 */
import type { AdminCategory, AdminOption, AdminSubcategory } from './api';

export type Tree = AdminCategory[];

export function mapSubcategories(tree: Tree, fn: (s: AdminSubcategory) => AdminSubcategory): Tree {
  return tree.map((c) => ({ ...c, subcategories: c.subcategories.map(fn) }));
}

export function findOption(tree: Tree, optionId: string): { category: AdminCategory; subcategory: AdminSubcategory; option: AdminOption } | null {
  for (const category of tree) {
    for (const subcategory of category.subcategories) {
      const option = subcategory.options.find((o) => o.id === optionId);
      if (option) return { category, subcategory, option };
    }
  }
  return null;
}

export function findSubcategory(tree: Tree, subcategoryId: string): AdminSubcategory | null {
  for (const c of tree) for (const s of c.subcategories) if (s.id === subcategoryId) return s;
  return null;
}

/**
 * Applies `patch` to one option. Making an option the default clears the flag on its
 * siblings, exactly as the API does in the same transaction: one default per subcategory.
 */
export function patchOption(tree: Tree, optionId: string, patch: Partial<AdminOption>): Tree {
  const found = findOption(tree, optionId);
  if (!found) return tree;
  return mapSubcategories(tree, (s) =>
    s.id !== found.subcategory.id
      ? s
      : {
          ...s,
          options: s.options.map((o) => {
            if (o.id === optionId) return { ...o, ...patch };
            return patch.isDefault === true && o.isDefault ? { ...o, isDefault: false } : o;
          }),
        },
  );
}

/** Replaces an option with the server's copy (after a save), keeping sibling defaults consistent. */
export function replaceOption(tree: Tree, option: AdminOption): Tree {
  return patchOption(tree, option.id, option);
}

/** Clears the default of a subcategory (buyers then start on its first $0 option). */
export function clearDefault(tree: Tree, subcategoryId: string): Tree {
  return mapSubcategories(tree, (s) => (s.id !== subcategoryId ? s : { ...s, options: s.options.map((o) => (o.isDefault ? { ...o, isDefault: false } : o)) }));
}

export function addOption(tree: Tree, option: AdminOption): Tree {
  return mapSubcategories(tree, (s) => {
    if (s.id !== option.subcategoryId) return s;
    const options = option.isDefault ? s.options.map((o) => (o.isDefault ? { ...o, isDefault: false } : o)) : s.options;
    return { ...s, options: [...options, option] };
  });
}

export function removeOption(tree: Tree, optionId: string): Tree {
  return mapSubcategories(tree, (s) => (s.options.some((o) => o.id === optionId) ? { ...s, options: s.options.filter((o) => o.id !== optionId) } : s));
}

export function addCategory(tree: Tree, category: Omit<AdminCategory, 'subcategories'>): Tree {
  return [...tree, { ...category, subcategories: [] }];
}

export function patchCategory(tree: Tree, categoryId: string, patch: Partial<Omit<AdminCategory, 'subcategories'>>): Tree {
  return tree.map((c) => (c.id === categoryId ? { ...c, ...patch } : c));
}

export function removeCategory(tree: Tree, categoryId: string): Tree {
  return tree.filter((c) => c.id !== categoryId);
}

export function addSubcategory(tree: Tree, subcategory: Omit<AdminSubcategory, 'options'>): Tree {
  return tree.map((c) => (c.id === subcategory.categoryId ? { ...c, subcategories: [...c.subcategories, { ...subcategory, options: [] }] } : c));
}

export function patchSubcategory(tree: Tree, subcategoryId: string, patch: Partial<Omit<AdminSubcategory, 'options'>>): Tree {
  return mapSubcategories(tree, (s) => (s.id === subcategoryId ? { ...s, ...patch } : s));
}

export function removeSubcategory(tree: Tree, subcategoryId: string): Tree {
  return tree.map((c) => (c.subcategories.some((s) => s.id === subcategoryId) ? { ...c, subcategories: c.subcategories.filter((s) => s.id !== subcategoryId) } : c));
}

/**
 * Puts the children of one parent in the order of `ids` (categories: parentId null). Ids
 * the list does not hold are ignored and children missing from `ids` keep their relative
 * order at the end, so a stale order never drops an item.
 */
export function applyOrder(tree: Tree, kind: 'categories' | 'subcategories' | 'options', parentId: string | null, ids: readonly string[]): Tree {
  const sortBy = <T extends { id: string }>(list: T[]): T[] => {
    const rank = new Map(ids.map((id, i) => [id, i]));
    return list
      .map((item, i) => ({ item, key: rank.get(item.id) ?? ids.length + i }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.item);
  };
  if (kind === 'categories') return sortBy(tree.slice());
  if (kind === 'subcategories') return tree.map((c) => (c.id === parentId ? { ...c, subcategories: sortBy(c.subcategories.slice()) } : c));
  return mapSubcategories(tree, (s) => (s.id === parentId ? { ...s, options: sortBy(s.options.slice()) } : s));
}

export interface OptionChoice {
  id: string;
  name: string;
  subcategoryId: string;
  /** "Flooring › Main Living Flooring": where the option lives, for pickers. */
  path: string;
}

/** Every option with its place in the tree, in tree order. */
export function optionChoices(tree: Tree): OptionChoice[] {
  return tree.flatMap((c) =>
    c.subcategories.flatMap((s) => s.options.map((o) => ({ id: o.id, name: o.name, subcategoryId: s.id, path: `${c.name} › ${s.name}` }))),
  );
}

export function countOptions(category: AdminCategory): number {
  return category.subcategories.reduce((n, s) => n + s.options.length, 0);
}

/**
 * Undoes an optimistic `patchOption` after the API refused it: the patched fields go back to
 * their values in `before` (the subcategory as it was), and when the patch touched the
 * default flag every sibling's flag is restored too. Fields edited since by other,
 * successful saves are left alone.
 */
export function rollbackOptionPatch(tree: Tree, before: AdminSubcategory, optionId: string, patch: Partial<AdminOption>): Tree {
  const old = before.options.find((o) => o.id === optionId);
  if (!old) return tree;
  const keys = Object.keys(patch) as (keyof AdminOption)[];
  const restored = Object.fromEntries(keys.map((k) => [k, old[k]])) as Partial<AdminOption>;
  const wasDefault = new Map(before.options.map((o) => [o.id, o.isDefault]));
  return mapSubcategories(tree, (s) =>
    s.id !== before.id
      ? s
      : {
          ...s,
          options: s.options.map((o) => {
            if (o.id === optionId) return { ...o, ...restored };
            if ('isDefault' in patch && wasDefault.has(o.id)) return { ...o, isDefault: wasDefault.get(o.id)! };
            return o;
          }),
        },
  );
}
