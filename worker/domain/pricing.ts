/**
 * Buyer pricing, shared by the picker (instant total) and the Worker (authoritative
 * total). Pure: no I/O, no floats — every amount is integer cents.
 */
import type { CatalogIndex, CatalogSubcategory, Quantities, Selections } from './catalog';

/** `is_default`, else the first $0 option, else nothing is chosen for that subcategory. */
export function defaultOptionId(subcategory: CatalogSubcategory): string | null {
  return (
    subcategory.options.find((o) => o.isDefault)?.id ??
    subcategory.options.find((o) => o.priceCents === 0)?.id ??
    null
  );
}

export function defaultSelections(index: CatalogIndex): Selections {
  const selections: Selections = {};
  for (const subcategory of index.subcategories.values()) {
    const id = defaultOptionId(subcategory);
    if (id) selections[subcategory.id] = id;
  }
  return selections;
}

export function quantityOf(subcategory: CatalogSubcategory, quantities: Quantities): number {
  return subcategory.isAdditive ? (quantities[subcategory.id] ?? 1) : 1;
}

export interface LineItem {
  subcategoryId: string;
  optionId: string;
  unitPriceCents: number;
  quantity: number;
  totalCents: number;
}

/** One line per chosen subcategory; selections that do not resolve are skipped (validate first). */
export function lineItems(index: CatalogIndex, selections: Selections, quantities: Quantities): LineItem[] {
  const lines: LineItem[] = [];
  for (const [subcategoryId, optionId] of Object.entries(selections)) {
    const hit = index.options.get(optionId);
    if (!hit || hit.subcategory.id !== subcategoryId) continue;
    const quantity = quantityOf(hit.subcategory, quantities);
    lines.push({ subcategoryId, optionId, unitPriceCents: hit.option.priceCents, quantity, totalCents: hit.option.priceCents * quantity });
  }
  return lines;
}

/** Sum over chosen subcategories of price x quantity (quantity only for additive ones). */
export function computeTotal(index: CatalogIndex, selections: Selections, quantities: Quantities): number {
  let total = 0;
  for (const subcategoryId in selections) {
    const hit = index.options.get(selections[subcategoryId]!);
    if (!hit || hit.subcategory.id !== subcategoryId) continue;
    total += hit.option.priceCents * quantityOf(hit.subcategory, quantities);
  }
  return total;
}

export interface SelectionIssue {
  path: string;
  code: 'unknown_subcategory' | 'unknown_option' | 'option_not_in_subcategory' | 'quantity_not_allowed' | 'bad_quantity';
  message: string;
}

/**
 * Everything that makes a selection set invalid for this floorplan's catalog. An option
 * outside the floorplan's scope is simply not in its catalog, so it is "unknown" here.
 */
export function validateSelections(index: CatalogIndex, selections: Selections, quantities: Quantities): SelectionIssue[] {
  const issues: SelectionIssue[] = [];
  for (const [subcategoryId, optionId] of Object.entries(selections)) {
    const path = `selections.${subcategoryId}`;
    if (!index.subcategories.has(subcategoryId)) {
      issues.push({ path, code: 'unknown_subcategory', message: 'No such subcategory for this floorplan' });
      continue;
    }
    const hit = index.options.get(optionId);
    if (!hit) issues.push({ path, code: 'unknown_option', message: 'No such option for this floorplan' });
    else if (hit.subcategory.id !== subcategoryId) {
      issues.push({ path, code: 'option_not_in_subcategory', message: 'The option belongs to another subcategory' });
    }
  }
  for (const [subcategoryId, quantity] of Object.entries(quantities)) {
    const path = `quantities.${subcategoryId}`;
    const subcategory = index.subcategories.get(subcategoryId);
    if (!subcategory) issues.push({ path, code: 'unknown_subcategory', message: 'No such subcategory for this floorplan' });
    else if (!subcategory.isAdditive) issues.push({ path, code: 'quantity_not_allowed', message: 'This subcategory has no quantity' });
    else if (!Number.isInteger(quantity) || quantity < 1 || quantity > subcategory.maxQuantity) {
      issues.push({ path, code: 'bad_quantity', message: `Quantity must be a whole number from 1 to ${subcategory.maxQuantity}` });
    }
  }
  return issues;
}
