/** Groups a buyer session's priced lines for the read-only detail page. Pure. */
import type { BuyerSessionLine } from './api';

export interface LineGroup {
  title: string;
  lines: BuyerSessionLine[];
  subtotalCents: number;
}

/**
 * Lines by the picker step that shows them (else their category, else "Other"), groups in the
 * order their first line arrives (the API sorts lines by the catalog's order).
 */
export function groupLines(lines: readonly BuyerSessionLine[]): LineGroup[] {
  const groups = new Map<string, LineGroup>();
  for (const line of lines) {
    const title = line.stepName ?? line.categoryName ?? 'Other';
    let group = groups.get(title);
    if (!group) {
      group = { title, lines: [], subtotalCents: 0 };
      groups.set(title, group);
    }
    group.lines.push(line);
    group.subtotalCents += line.totalCents;
  }
  return [...groups.values()];
}

/** A line that changes the price (credits included): what a builder usually wants to see. */
export const isUpgrade = (line: BuyerSessionLine): boolean => line.totalCents !== 0;

export const upgradeCount = (lines: readonly BuyerSessionLine[]): number => lines.filter(isUpgrade).length;
