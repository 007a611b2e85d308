/** List reordering for drag and drop and the keyboard move buttons. Pure. */

/** `list` with the item at `from` moved to index `to` (both clamped); a copy, never the input. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const out = list.slice();
  if (from < 0 || from >= list.length) return out;
  const target = Math.max(0, Math.min(list.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/** Moves the item with `id` by `delta` places; null when it cannot move (not found, at an end). */
export function moveById<T extends { id: string }>(list: readonly T[], id: string, delta: number): T[] | null {
  const from = list.findIndex((x) => x.id === id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= list.length || delta === 0) return null;
  return moveItem(list, from, to);
}

/**
 * The order after dropping `draggedId` onto `targetId`: it takes the target's place, so
 * dragging down lands after the target and dragging up before it. Null for a no-op.
 */
export function dropOnto<T extends { id: string }>(list: readonly T[], draggedId: string, targetId: string): T[] | null {
  if (draggedId === targetId) return null;
  const from = list.findIndex((x) => x.id === draggedId);
  const to = list.findIndex((x) => x.id === targetId);
  if (from < 0 || to < 0) return null;
  return moveItem(list, from, to);
}

export const idsOf = (list: ReadonlyArray<{ id: string }>): string[] => list.map((x) => x.id);

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** "Moved Flooring to position 2 of 5." for the live region. */
export function moveAnnouncement(name: string, list: ReadonlyArray<{ id: string }>, id: string): string {
  const at = list.findIndex((x) => x.id === id);
  return at < 0 ? '' : `Moved ${name} to position ${at + 1} of ${list.length}.`;
}
