/**
 * One room photo's visualization as a pure state machine (no React, no I/O), plus the
 * staleness rules. A result keeps the snapshot of the picks it was made with, scoped to the
 * subcategories the photo shows, so a pick elsewhere in the home never marks it stale.
 */
import type { Selections } from '../domain';

/** subcategoryId → optionId, only for the subcategories a photo shows. */
export type Snapshot = Readonly<Record<string, string>>;

export interface VisualResult {
  hash: string;
  url: string;
  snapshot: Snapshot;
}

export type Visualization =
  | { status: 'idle' }
  | {
      status: 'pending';
      snapshot: Snapshot;
      /** Known once the server accepted the job (202) or when restored from storage. */
      hash: string | null;
      startedAt: number;
      /** The image on screen while the new one is made (a re-visualize keeps the old one visible). */
      previous: VisualResult | null;
      /** Checking an image remembered from an earlier visit: nothing was asked of the server yet. */
      restoring: boolean;
    }
  | { status: 'complete'; result: VisualResult }
  | { status: 'failed'; snapshot: Snapshot; hash: string | null; message: string; previous: VisualResult | null };

export type VisualizationEvent =
  | { type: 'start'; snapshot: Snapshot; now: number }
  | { type: 'restore'; snapshot: Snapshot; hash: string; startedAt: number }
  | { type: 'accepted'; hash: string }
  | { type: 'resumed' }
  | { type: 'completed'; hash: string; url: string }
  | { type: 'failed'; message: string; hash?: string }
  /** A remembered image no longer exists on the server. */
  | { type: 'vanished' }
  /** The run stopped (buyer left) before the server had told us the job's hash. */
  | { type: 'abandoned' }
  /** The browser could not load this image (deleted meanwhile): show the photo, offer Visualize. */
  | { type: 'imageFailed'; url: string };

/** What the UI shows; `stale` is a complete image whose picks have changed since. */
export type DisplayStatus = 'idle' | 'pending' | 'complete' | 'failed' | 'stale';

export const IDLE: Visualization = Object.freeze({ status: 'idle' });

function fallback(previous: VisualResult | null): Visualization {
  return previous ? { status: 'complete', result: previous } : IDLE;
}

export function reduceVisualization(state: Visualization, event: VisualizationEvent): Visualization {
  switch (event.type) {
    case 'start':
      return { status: 'pending', snapshot: event.snapshot, hash: null, startedAt: event.now, previous: shownResult(state), restoring: false };
    case 'restore':
      if (state.status !== 'idle') return state;
      return { status: 'pending', snapshot: event.snapshot, hash: event.hash, startedAt: event.startedAt, previous: null, restoring: true };
    case 'accepted':
      if (state.status !== 'pending' || state.hash === event.hash) return state;
      return { ...state, hash: event.hash };
    case 'resumed':
      return state.status === 'pending' && state.restoring ? { ...state, restoring: false } : state;
    case 'completed':
      if (state.status !== 'pending') return state;
      return { status: 'complete', result: { hash: event.hash, url: event.url, snapshot: state.snapshot } };
    case 'failed':
      if (state.status !== 'pending') return state;
      return { status: 'failed', snapshot: state.snapshot, hash: event.hash ?? state.hash, message: event.message, previous: state.previous };
    case 'vanished':
      return state.status === 'pending' ? fallback(state.previous) : state;
    case 'abandoned':
      return state.status === 'pending' && state.hash === null ? fallback(state.previous) : state;
    case 'imageFailed':
      if (state.status === 'complete') return state.result.url === event.url ? IDLE : state;
      if ((state.status === 'pending' || state.status === 'failed') && state.previous?.url === event.url) return { ...state, previous: null };
      return state;
  }
}

/** The generated image to show: the finished one, or the previous one while a new one is made / failed. */
export function shownResult(state: Visualization): VisualResult | null {
  if (state.status === 'complete') return state.result;
  if (state.status === 'pending' || state.status === 'failed') return state.previous;
  return null;
}

export function scopeSelections(selections: Selections, subcategoryIds: readonly string[]): Snapshot {
  const out: Record<string, string> = {};
  for (const id of subcategoryIds) {
    const option = selections[id];
    if (option !== undefined) out[id] = option;
  }
  return out;
}

/** The photo's subcategories whose pick differs from the snapshot. */
export function changedSubcategories(snapshot: Snapshot, selections: Selections, subcategoryIds: readonly string[]): string[] {
  return subcategoryIds.filter((id) => snapshot[id] !== selections[id]);
}

export function isStale(snapshot: Snapshot, selections: Selections, subcategoryIds: readonly string[]): boolean {
  return changedSubcategories(snapshot, selections, subcategoryIds).length > 0;
}

export function sameSnapshot(a: Snapshot, b: Snapshot): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

export function displayStatus(state: Visualization, selections: Selections, subcategoryIds: readonly string[]): DisplayStatus {
  if (state.status === 'complete') return isStale(state.result.snapshot, selections, subcategoryIds) ? 'stale' : 'complete';
  return state.status;
}

/** True when "Visualize all" should (re)make this photo's image: nothing yet, failed, or stale. */
export function needsVisualize(state: Visualization, selections: Selections, subcategoryIds: readonly string[]): boolean {
  const status = displayStatus(state, selections, subcategoryIds);
  return status === 'idle' || status === 'failed' || status === 'stale';
}
