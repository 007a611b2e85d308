import { describe, expect, it } from 'vitest';
import type { Point2 } from './geometry';
import { editorReducer, initialEditorState, surfaceKey, surfaceProblems, surfacesForSave, type EditorAction, type EditorState, type PhotoSurface } from './surfaceEditor';

const floor: PhotoSurface = {
  key: 'floor',
  label: 'Floor',
  subcategoryId: '11111111-1111-4111-8111-111111111111',
  polygons: [[[0, 0.6], [1, 0.6], [1, 1], [0, 1]]],
  tileScale: 0.1,
};

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const tri: Point2[] = [[0.1, 0.1], [0.4, 0.1], [0.25, 0.4]];

describe('surfaceKey', () => {
  it('Should derive a valid, unique key from the label', () => {
    expect(surfaceKey('Kitchen Floor', new Set())).toBe('kitchen_floor');
    expect(surfaceKey('Kitchen Floor', new Set(['kitchen_floor', 'kitchen_floor_2']))).toBe('kitchen_floor_3');
    expect(surfaceKey('Crème  brûlée!', new Set())).toBe('creme_brulee');
    expect(surfaceKey('***', new Set())).toBe('surface');
  });
});

describe('editorReducer', () => {
  it('Should load a copy that edits never write through to', () => {
    const source = [floor];
    const state = run(initialEditorState(source), { type: 'moveVertex', surface: 0, polygon: 0, vertex: 0, point: [0.5, 0.5] });
    expect(state.surfaces[0]!.polygons[0]![0]).toEqual([0.5, 0.5]);
    expect(source[0]!.polygons[0]![0]).toEqual([0, 0.6]);
    expect(state.dirty).toBe(true);
  });

  it('Should draw a new surface: add, place points, close', () => {
    let state = run(initialEditorState([floor]), { type: 'addSurface', label: 'Back wall', subcategoryId: null });
    expect(state.selected).toBe(1);
    expect(state.draft).toEqual([]);
    state = run(state, ...tri.map((point) => ({ type: 'addPoint' as const, point })), { type: 'closeDraft' });
    expect(state.draft).toBeNull();
    expect(state.surfaces[1]).toEqual({ key: 'back_wall', label: 'Back wall', subcategoryId: null, polygons: [tri], tileScale: 0.1 });
    expect(state.dirty).toBe(true);
  });

  it('Should refuse to close a shape of fewer than three points or with no area', () => {
    let state = run(initialEditorState([floor]), { type: 'startDraft' }, { type: 'addPoint', point: [0.1, 0.1] }, { type: 'addPoint', point: [0.2, 0.2] }, { type: 'closeDraft' });
    expect(state.draft).toHaveLength(2);
    expect(state.notice).toMatch(/at least 3/);
    expect(state.surfaces[0]!.polygons).toHaveLength(1);
    state = run(state, { type: 'addPoint', point: [0.3, 0.3] }, { type: 'closeDraft' });
    expect(state.notice).toMatch(/no area/);
    expect(state.surfaces[0]!.polygons).toHaveLength(1);
  });

  it('Should undo and cancel points of the draft', () => {
    let state = run(initialEditorState([floor]), { type: 'startDraft' }, ...tri.map((point) => ({ type: 'addPoint' as const, point })), { type: 'undoPoint' });
    expect(state.draft).toEqual(tri.slice(0, 2));
    state = run(state, { type: 'cancelDraft' });
    expect(state.draft).toBeNull();
    expect(state.surfaces).toEqual([floor]);
  });

  it('Should round and clamp points as they are placed and moved', () => {
    const state = run(
      initialEditorState([floor]),
      { type: 'startDraft' },
      { type: 'addPoint', point: [0.1234567, -0.2] },
      { type: 'moveVertex', surface: 0, polygon: 0, vertex: 1, point: [1.5, 0.333333333] },
    );
    expect(state.draft).toEqual([[0.12346, 0]]);
    expect(state.surfaces[0]!.polygons[0]![1]).toEqual([1, 0.33333]);
  });

  it('Should not let a half-drawn shape be abandoned by selecting another surface', () => {
    const two = [floor, { ...floor, key: 'walls', label: 'Walls' }];
    let state = run(initialEditorState(two), { type: 'startDraft' }, { type: 'addPoint', point: [0.5, 0.5] }, { type: 'select', surface: 1 });
    expect(state.selected).toBe(0);
    expect(state.draft).toHaveLength(1);
    expect(state.notice).toMatch(/Finish or cancel/);
    state = run(state, { type: 'cancelDraft' }, { type: 'select', surface: 1 });
    expect(state.selected).toBe(1);
  });

  it('Should drop a polygon when deleting a vertex would leave two points', () => {
    let state = run(initialEditorState([{ ...floor, polygons: [tri, floor.polygons[0]!] }]), { type: 'removeVertex', surface: 0, polygon: 1, vertex: 0 });
    expect(state.surfaces[0]!.polygons[1]).toHaveLength(3);
    state = run(state, { type: 'removeVertex', surface: 0, polygon: 0, vertex: 0 });
    expect(state.surfaces[0]!.polygons).toHaveLength(1);
    expect(state.surfaces[0]!.polygons[0]).toHaveLength(3);
  });

  it('Should keep the selection on the same surface when an earlier one is removed', () => {
    const three = [floor, { ...floor, key: 'b', label: 'B' }, { ...floor, key: 'c', label: 'C' }];
    let state = run(initialEditorState(three), { type: 'select', surface: 2 }, { type: 'removeSurface', surface: 0 });
    expect(state.selected).toBe(1);
    expect(state.surfaces[state.selected!]!.key).toBe('c');
    state = run(state, { type: 'removeSurface', surface: 1 });
    expect(state.selected).toBe(0);
    state = run(state, { type: 'removeSurface', surface: 0 });
    expect(state.selected).toBeNull();
  });

  it('Should clamp the tile scale and ignore non-numbers', () => {
    let state = run(initialEditorState([floor]), { type: 'setTileScale', surface: 0, tileScale: 3 });
    expect(state.surfaces[0]!.tileScale).toBe(1);
    state = run(state, { type: 'setTileScale', surface: 0, tileScale: Number.NaN });
    expect(state.surfaces[0]!.tileScale).toBe(1);
    state = run(state, { type: 'setTileScale', surface: 0, tileScale: 0 });
    expect(state.surfaces[0]!.tileScale).toBeGreaterThan(0);
  });

  it('Should mark the state clean once saved', () => {
    const edited = run(initialEditorState([floor]), { type: 'setSubcategory', surface: 0, subcategoryId: null });
    const saved = run(edited, { type: 'saved', surfaces: edited.surfaces });
    expect(saved.dirty).toBe(false);
    expect(saved.surfaces[0]!.subcategoryId).toBeNull();
  });
});

describe('surfaceProblems and surfacesForSave', () => {
  it('Should accept valid surfaces and list every problem of invalid ones', () => {
    expect(surfaceProblems([floor])).toEqual([]);
    const problems = surfaceProblems([
      { ...floor, label: '  ' },
      { ...floor, key: 'floor', label: 'Dup' },
      { ...floor, key: 'empty', label: 'Empty', polygons: [] },
      { ...floor, key: 'Bad Key', label: 'Bad', tileScale: 0 },
    ]);
    expect(problems).toEqual(
      expect.arrayContaining([
        'Surface 1 needs a name.',
        'Dup has the same key as another surface.',
        'Empty has no shape: draw at least one.',
        'Bad has an invalid key.',
        'Bad needs a tile scale above 0 and at most 1.',
      ]),
    );
  });

  it('Should trim labels, keep coordinates within 0..1 and leave untouched points exact', () => {
    const [saved] = surfacesForSave([{ ...floor, label: ' Floor ', polygons: [[[0.123456789, 0], [1, -0.0000001], [1.0000001, 1]]] }]);
    expect(saved!.label).toBe('Floor');
    expect(saved!.polygons[0]).toEqual([[0.123456789, 0], [1, 0], [1, 1]]);
  });
});
