/** Words for a visualization: alt text from its picks, names of the picks changed since. */
import type { CatalogIndex, Selections } from '../domain';
import { changedSubcategories, type Snapshot } from './machine';

/** "Countertops: Calacatta Quartz" for each pick the image shows, in the photo's order. */
export function describeSnapshot(index: CatalogIndex, snapshot: Snapshot, subcategoryIds: readonly string[]): string[] {
  const lines: string[] = [];
  for (const id of subcategoryIds) {
    const optionId = snapshot[id];
    const hit = optionId ? index.options.get(optionId) : undefined;
    if (hit && hit.subcategory.id === id) lines.push(`${hit.subcategory.name}: ${hit.option.name}`);
  }
  return lines;
}

/** Alt text for a generated image: the photo's own description plus the picks it shows. */
export function visualizedAlt(base: string, picks: readonly string[]): string {
  return picks.length ? `${base}, visualized with your choices (${picks.join('; ')})` : `${base}, visualized with your choices`;
}

/** Names of the photo's subcategories picked differently since the image was made. */
export function changedNames(index: CatalogIndex, snapshot: Snapshot, selections: Selections, subcategoryIds: readonly string[]): string[] {
  return changedSubcategories(snapshot, selections, subcategoryIds).map((id) => index.subcategories.get(id)?.name ?? 'A choice');
}

/** "Countertops changed", "Countertops and Backsplash changed", "3 choices changed". */
export function staleNote(names: readonly string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} changed`;
  if (names.length === 2) return `${names[0]} and ${names[1]} changed`;
  return `${names.length} choices changed`;
}

/** "7s", "1m 05s" for the progress counter. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < 60) return `${total}s`;
  return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`;
}
