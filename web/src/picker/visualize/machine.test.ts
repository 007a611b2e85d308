import { describe, expect, it } from 'vitest';
import {
  IDLE,
  changedSubcategories,
  displayStatus,
  isStale,
  needsVisualize,
  reduceVisualization,
  scopeSelections,
  shownResult,
  type Visualization,
  type VisualizationEvent,
} from './machine';

const run = (state: Visualization, ...events: VisualizationEvent[]) => events.reduce(reduceVisualization, state);
const photoSubs = ['counter', 'cabinets'];
const picks = { counter: 'quartz', cabinets: 'white', range: 'gas' };
const snap = scopeSelections(picks, photoSubs);
const start: VisualizationEvent = { type: 'start', snapshot: snap, now: 1000 };

describe('visualization state machine', () => {
  it('Should go idle → pending → complete keeping the snapshot of the picks', () => {
    const pending = run(IDLE, start);
    expect(pending).toEqual({ status: 'pending', snapshot: snap, hash: null, startedAt: 1000, previous: null, restoring: false });
    const accepted = run(pending, { type: 'accepted', hash: 'h1' });
    expect(accepted).toMatchObject({ status: 'pending', hash: 'h1' });
    const done = run(accepted, { type: 'completed', hash: 'h1', url: '/media/a.png' });
    expect(done).toEqual({ status: 'complete', result: { hash: 'h1', url: '/media/a.png', snapshot: snap } });
  });

  it('Should keep the previous image visible while a new one is made and after it fails', () => {
    const first = run(IDLE, start, { type: 'completed', hash: 'h1', url: '/a.png' });
    const again = run(first, { type: 'start', snapshot: { counter: 'granite', cabinets: 'white' }, now: 2000 });
    expect(shownResult(again)?.url).toBe('/a.png');
    const failed = run(again, { type: 'accepted', hash: 'h2' }, { type: 'failed', message: 'nope' });
    expect(failed).toMatchObject({ status: 'failed', hash: 'h2', message: 'nope', snapshot: { counter: 'granite' } });
    expect(shownResult(failed)?.url).toBe('/a.png');
  });

  it('Should only restore into an idle photo, and a restored image that vanished goes back to idle', () => {
    const restoring = run(IDLE, { type: 'restore', snapshot: snap, hash: 'h9', startedAt: 5 });
    expect(restoring).toMatchObject({ status: 'pending', hash: 'h9', restoring: true, startedAt: 5 });
    expect(run(restoring, { type: 'resumed' })).toMatchObject({ status: 'pending', restoring: false });
    expect(run(restoring, { type: 'vanished' })).toBe(IDLE);
    const complete = run(IDLE, start, { type: 'completed', hash: 'h1', url: '/a.png' });
    expect(run(complete, { type: 'restore', snapshot: {}, hash: 'x', startedAt: 0 })).toBe(complete);
  });

  it('Should drop an unacknowledged request when abandoned but keep one the server accepted', () => {
    const first = run(IDLE, start, { type: 'completed', hash: 'h1', url: '/a.png' });
    const unacked = run(first, { type: 'start', snapshot: snap, now: 3 });
    expect(run(unacked, { type: 'abandoned' })).toEqual(first);
    expect(run(IDLE, start, { type: 'abandoned' })).toBe(IDLE);
    const acked = run(IDLE, start, { type: 'accepted', hash: 'h2' });
    expect(run(acked, { type: 'abandoned' })).toBe(acked);
  });

  it('Should forget an image the browser could not load, but only that image', () => {
    const complete = run(IDLE, start, { type: 'completed', hash: 'h1', url: '/a.png' });
    expect(run(complete, { type: 'imageFailed', url: '/a.png' })).toBe(IDLE);
    expect(run(complete, { type: 'imageFailed', url: '/other.png' })).toBe(complete);
    const updating = run(complete, { type: 'start', snapshot: snap, now: 2 });
    expect(shownResult(run(updating, { type: 'imageFailed', url: '/a.png' }))).toBeNull();
  });

  it('Should ignore events that do not apply to the current state', () => {
    expect(run(IDLE, { type: 'completed', hash: 'h', url: '/x' })).toBe(IDLE);
    expect(run(IDLE, { type: 'failed', message: 'x' })).toBe(IDLE);
    expect(run(IDLE, { type: 'accepted', hash: 'h' })).toBe(IDLE);
    const complete = run(IDLE, start, { type: 'completed', hash: 'h1', url: '/a.png' });
    expect(run(complete, { type: 'failed', message: 'late' })).toBe(complete);
    expect(run(complete, { type: 'vanished' })).toBe(complete);
  });
});

describe('staleness', () => {
  it('Should scope a snapshot to the photo subcategories', () => {
    expect(snap).toEqual({ counter: 'quartz', cabinets: 'white' });
    expect(scopeSelections({ counter: 'quartz' }, photoSubs)).toEqual({ counter: 'quartz' });
  });

  it('Should not mark an image stale for a pick the photo does not show', () => {
    expect(isStale(snap, { ...picks, range: 'electric' }, photoSubs)).toBe(false);
  });

  it('Should mark an image stale when a shown pick changes, and fresh again when it is changed back', () => {
    const changed = { ...picks, counter: 'granite' };
    expect(changedSubcategories(snap, changed, photoSubs)).toEqual(['counter']);
    const complete = run(IDLE, start, { type: 'completed', hash: 'h1', url: '/a.png' });
    expect(displayStatus(complete, changed, photoSubs)).toBe('stale');
    expect(displayStatus(complete, picks, photoSubs)).toBe('complete');
  });

  it('Should treat a pick that appeared or disappeared as a change', () => {
    expect(isStale({ counter: 'quartz' }, picks, photoSubs)).toBe(true);
    expect(isStale(snap, { counter: 'quartz' }, photoSubs)).toBe(true);
  });

  it('Should never mark stale a photo that shows no subcategory', () => {
    expect(isStale({}, picks, [])).toBe(false);
  });

  it('Should ask Visualize all for idle, failed and stale photos only', () => {
    const complete = run(IDLE, start, { type: 'completed', hash: 'h1', url: '/a.png' });
    expect(needsVisualize(IDLE, picks, photoSubs)).toBe(true);
    expect(needsVisualize(complete, picks, photoSubs)).toBe(false);
    expect(needsVisualize(complete, { ...picks, cabinets: 'navy' }, photoSubs)).toBe(true);
    expect(needsVisualize(run(IDLE, start), picks, photoSubs)).toBe(false);
    expect(needsVisualize(run(IDLE, start, { type: 'failed', message: 'x' }), picks, photoSubs)).toBe(true);
  });
});
