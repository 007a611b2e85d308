/**
 * Option rules (requires / excludes), shared by the picker and the Worker. The server
 * rejects a selection set with conflicts; the picker avoids them by repairing the other
 * choices whenever the buyer picks something, and says what it changed.
 */
import type { CatalogIndex, CatalogRule, Selections } from './catalog';
import { defaultOptionId } from './pricing';

export interface RuleConflict {
  kind: CatalogRule['kind'];
  optionId: string;
  targetOptionId: string;
  message: string;
}

function nameOf(index: CatalogIndex, optionId: string): string {
  return index.options.get(optionId)?.option.name ?? 'another option';
}

function describe(index: CatalogIndex, rule: CatalogRule): string {
  if (rule.message) return rule.message;
  const a = nameOf(index, rule.optionId);
  const b = nameOf(index, rule.targetOptionId);
  return rule.kind === 'requires' ? `${a} requires ${b}` : `${a} cannot be combined with ${b}`;
}

function isChosen(index: CatalogIndex, selections: Selections, optionId: string): boolean {
  const hit = index.options.get(optionId);
  return !!hit && selections[hit.subcategory.id] === optionId;
}

/** Every broken rule among the chosen options, each reported once. */
export function findConflicts(index: CatalogIndex, selections: Selections): RuleConflict[] {
  const conflicts: RuleConflict[] = [];
  for (const optionId of Object.values(selections)) {
    for (const rule of index.rulesFrom.get(optionId) ?? []) {
      const targetChosen = isChosen(index, selections, rule.targetOptionId);
      if ((rule.kind === 'requires' && !targetChosen) || (rule.kind === 'excludes' && targetChosen)) {
        conflicts.push({ kind: rule.kind, optionId, targetOptionId: rule.targetOptionId, message: describe(index, rule) });
      }
    }
  }
  return conflicts;
}

export interface SelectionChange {
  subcategoryId: string;
  from: string | null;
  to: string | null;
  reason: string;
}

export interface PickResult {
  selections: Selections;
  /** Other subcategories the pick changed, to tell the buyer. */
  changes: SelectionChange[];
}

/**
 * Chooses `optionId` in `subcategoryId` and repairs the rest so no rule is broken:
 * a required option is selected with it, and a choice that conflicts goes back to its
 * subcategory's default (or the first option that does not conflict). The buyer's own
 * pick always stays.
 */
export function pick(index: CatalogIndex, current: Selections, subcategoryId: string, optionId: string): PickResult {
  const next: Selections = { ...current, [subcategoryId]: optionId };
  // Subcategories whose choice must not be changed again: the pick and what it pulled in.
  const locked = new Set([subcategoryId]);
  const reasons = new Map<string, string>();

  const replace = (subId: string, reason: string) => {
    const sub = index.subcategories.get(subId)!;
    const candidates = [defaultOptionId(sub), ...sub.options.map((o) => o.id)].filter((id): id is string => !!id);
    const ok = candidates.find((id) => {
      if (id === next[subId]) return false;
      const trial = { ...next, [subId]: id };
      return !findConflicts(index, trial).some((c) => c.optionId === id || c.targetOptionId === id);
    });
    if (ok) next[subId] = ok;
    else delete next[subId];
    locked.add(subId);
    reasons.set(subId, reason);
  };

  // Each round locks at least one more subcategory, so this ends.
  for (let round = 0; round <= index.subcategories.size; round++) {
    const conflicts = findConflicts(index, next);
    if (conflicts.length === 0) break;
    const c = conflicts[0]!;
    const from = index.options.get(c.optionId)!.subcategory.id;
    const to = index.options.get(c.targetOptionId)!.subcategory.id;
    if (c.kind === 'requires') {
      if (locked.has(from) && !locked.has(to)) {
        next[to] = c.targetOptionId;
        locked.add(to);
        reasons.set(to, `Required by ${nameOf(index, c.optionId)}`);
      } else if (!locked.has(from)) {
        replace(from, `${nameOf(index, c.optionId)} needs ${nameOf(index, c.targetOptionId)}`);
      } else {
        break; // two locked choices disagree: leave it for the server to report
      }
    } else {
      const loser = !locked.has(to) ? to : !locked.has(from) ? from : null;
      if (!loser) break;
      const keptId = loser === to ? c.optionId : c.targetOptionId;
      replace(loser, `Not available with ${nameOf(index, keptId)}`);
    }
  }

  const changes: SelectionChange[] = [];
  for (const [subId, reason] of reasons) {
    const from = current[subId] ?? null;
    const to = next[subId] ?? null;
    if (from !== to) changes.push({ subcategoryId: subId, from, to, reason });
  }
  return { selections: next, changes };
}
