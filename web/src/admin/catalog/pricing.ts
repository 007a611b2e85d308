/**
 * The per-floorplan price table: every option the floorplan offers, its base price, its
 * override (if any) and the price buyers of that floorplan see. Pure.
 */
import type { PriceOverride } from './api';
import type { Tree } from './tree';

export interface PriceRow {
  optionId: string;
  name: string;
  basePriceCents: number;
  overrideCents: number | null;
  /** What buyers of this floorplan pay: the override when there is one. */
  effectiveCents: number;
}

export interface PriceGroup {
  subcategoryId: string;
  /** "Flooring › Main Living Flooring". */
  title: string;
  rows: PriceRow[];
}

/** Options limited to other floorplans are left out: they are not offered here. */
export function offeredOn(floorplanIds: readonly string[], floorplanId: string): boolean {
  return floorplanIds.length === 0 || floorplanIds.includes(floorplanId);
}

export function priceGroups(tree: Tree, overrides: readonly PriceOverride[], floorplanId: string): PriceGroup[] {
  const byOption = new Map(overrides.filter((o) => o.floorplanId === floorplanId).map((o) => [o.optionId, o.priceCents]));
  const groups: PriceGroup[] = [];
  for (const c of tree) {
    for (const s of c.subcategories) {
      const rows = s.options
        .filter((o) => offeredOn(o.floorplanIds, floorplanId))
        .map((o) => {
          const overrideCents = byOption.get(o.id) ?? null;
          return { optionId: o.id, name: o.name, basePriceCents: o.priceCents, overrideCents, effectiveCents: overrideCents ?? o.priceCents };
        });
      if (rows.length) groups.push({ subcategoryId: s.id, title: `${c.name} › ${s.name}`, rows });
    }
  }
  return groups;
}

export function withOverride(overrides: readonly PriceOverride[], next: PriceOverride): PriceOverride[] {
  const rest = overrides.filter((o) => !(o.optionId === next.optionId && o.floorplanId === next.floorplanId));
  return [...rest, next];
}

export function withoutOverride(overrides: readonly PriceOverride[], floorplanId: string, optionId: string): PriceOverride[] {
  return overrides.filter((o) => !(o.optionId === optionId && o.floorplanId === floorplanId));
}

/** "Limited to The Aspen" / "All floorplans": the scope of an option in a few words. */
export function scopeSummary(floorplanIds: readonly string[], names: ReadonlyMap<string, string>): string {
  if (!floorplanIds.length) return 'All floorplans';
  const known = floorplanIds.map((id) => names.get(id)).filter((n): n is string => !!n);
  return known.length ? `Only ${known.join(', ')}` : 'All floorplans';
}
