/**
 * The surface editor's state as a pure reducer: the photo's surfaces being edited, which one
 * is selected, and the polygon being drawn. The component only translates pointer and
 * keyboard events into these actions, so every edit is testable without a DOM.
 */
import type { PhotoSurface } from '../../../../worker/domain/surfaces';
import { polygonArea, roundPoint, type Point2 } from './geometry';

export type { PhotoSurface };

/** Mirrors the API's limits (worker/services/admin-catalog.ts `surfacesSchema`). */
export const SURFACE_LIMITS = {
  surfaces: 50,
  polygonsPerSurface: 100,
  pointsPerPolygon: 2000,
  pointsPerPhoto: 20_000,
  labelLength: 120,
} as const;

export const DEFAULT_TILE_SCALE = 0.1;
/** Below this (normalized units squared) a polygon is a sliver no one meant to draw. */
export const MIN_POLYGON_AREA = 1e-6;

const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export interface EditorState {
  surfaces: PhotoSurface[];
  /** Index into `surfaces`, or null. */
  selected: number | null;
  /** Points of the polygon being drawn for the selected surface; null when not drawing. */
  draft: Point2[] | null;
  /** Changed since loaded or saved. */
  dirty: boolean;
  /** A refusal of the last action (e.g. closing a polygon of two points), for the live region. */
  notice: string | null;
}

export type EditorAction =
  | { type: 'load'; surfaces: PhotoSurface[] }
  | { type: 'saved'; surfaces: PhotoSurface[] }
  | { type: 'select'; surface: number | null }
  | { type: 'addSurface'; label: string; subcategoryId: string | null }
  | { type: 'removeSurface'; surface: number }
  | { type: 'setLabel'; surface: number; label: string }
  | { type: 'setSubcategory'; surface: number; subcategoryId: string | null }
  | { type: 'setTileScale'; surface: number; tileScale: number }
  | { type: 'startDraft' }
  | { type: 'addPoint'; point: Point2 }
  | { type: 'undoPoint' }
  | { type: 'closeDraft' }
  | { type: 'cancelDraft' }
  | { type: 'moveVertex'; surface: number; polygon: number; vertex: number; point: Point2 }
  | { type: 'removeVertex'; surface: number; polygon: number; vertex: number }
  | { type: 'removePolygon'; surface: number; polygon: number };

export function initialEditorState(surfaces: PhotoSurface[]): EditorState {
  return { surfaces: structuredCloneSurfaces(surfaces), selected: surfaces.length ? 0 : null, draft: null, dirty: false, notice: null };
}

function structuredCloneSurfaces(surfaces: readonly PhotoSurface[]): PhotoSurface[] {
  return surfaces.map((s) => ({ ...s, polygons: s.polygons.map((p) => p.map(([x, y]) => [x, y] as Point2)) }));
}

/** `"Kitchen Floor"` -> `kitchen_floor`, made unique against `taken` (`_2`, `_3`…). */
export function surfaceKey(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 56) || 'surface';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

function updateSurface(state: EditorState, index: number, change: (s: PhotoSurface) => PhotoSurface): EditorState {
  const current = state.surfaces[index];
  if (!current) return state;
  const surfaces = state.surfaces.slice();
  surfaces[index] = change(current);
  return { ...state, surfaces, dirty: true, notice: null };
}

function totalPoints(surfaces: readonly PhotoSurface[]): number {
  return surfaces.reduce((n, s) => n + s.polygons.reduce((m, p) => m + p.length, 0), 0);
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load':
      return initialEditorState(action.surfaces);
    case 'saved':
      return { ...state, surfaces: structuredCloneSurfaces(action.surfaces), dirty: false, draft: null, notice: null };
    case 'select':
      if (action.surface !== null && !state.surfaces[action.surface]) return state;
      // Switching surface abandons a half-drawn polygon only if it has no points yet.
      if (state.draft?.length && action.surface !== state.selected) {
        return { ...state, notice: 'Finish or cancel the shape you are drawing first.' };
      }
      return { ...state, selected: action.surface, draft: action.surface === state.selected ? state.draft : null, notice: null };
    case 'addSurface': {
      if (state.surfaces.length >= SURFACE_LIMITS.surfaces) return { ...state, notice: `A photo can have at most ${SURFACE_LIMITS.surfaces} surfaces.` };
      if (state.draft?.length) return { ...state, notice: 'Finish or cancel the shape you are drawing first.' };
      const label = action.label.trim().slice(0, SURFACE_LIMITS.labelLength) || 'Surface';
      const key = surfaceKey(label, new Set(state.surfaces.map((s) => s.key)));
      const surface: PhotoSurface = { key, label, subcategoryId: action.subcategoryId, polygons: [], tileScale: DEFAULT_TILE_SCALE };
      // A new surface has no outline yet: start drawing it straight away.
      return { ...state, surfaces: [...state.surfaces, surface], selected: state.surfaces.length, draft: [], dirty: true, notice: null };
    }
    case 'removeSurface': {
      if (!state.surfaces[action.surface]) return state;
      const surfaces = state.surfaces.filter((_, i) => i !== action.surface);
      let selected = state.selected;
      if (selected === action.surface) selected = surfaces.length ? Math.min(action.surface, surfaces.length - 1) : null;
      else if (selected !== null && selected > action.surface) selected -= 1;
      return { ...state, surfaces, selected, draft: state.selected === action.surface ? null : state.draft, dirty: true, notice: null };
    }
    case 'setLabel':
      return updateSurface(state, action.surface, (s) => ({ ...s, label: action.label.slice(0, SURFACE_LIMITS.labelLength) }));
    case 'setSubcategory':
      return updateSurface(state, action.surface, (s) => ({ ...s, subcategoryId: action.subcategoryId }));
    case 'setTileScale': {
      if (!Number.isFinite(action.tileScale)) return state;
      const tileScale = Math.min(1, Math.max(0.005, action.tileScale));
      return updateSurface(state, action.surface, (s) => ({ ...s, tileScale }));
    }
    case 'startDraft':
      if (state.selected === null) return { ...state, notice: 'Select or add a surface first.' };
      if ((state.surfaces[state.selected]?.polygons.length ?? 0) >= SURFACE_LIMITS.polygonsPerSurface) {
        return { ...state, notice: `A surface can have at most ${SURFACE_LIMITS.polygonsPerSurface} shapes.` };
      }
      return { ...state, draft: state.draft ?? [], notice: null };
    case 'addPoint': {
      if (!state.draft || state.selected === null) return state;
      if (state.draft.length >= SURFACE_LIMITS.pointsPerPolygon || totalPoints(state.surfaces) + state.draft.length >= SURFACE_LIMITS.pointsPerPhoto) {
        return { ...state, notice: 'This shape has as many points as a photo allows; close it.' };
      }
      return { ...state, draft: [...state.draft, roundPoint(action.point)], notice: null };
    }
    case 'undoPoint':
      if (!state.draft?.length) return state;
      return { ...state, draft: state.draft.slice(0, -1), notice: null };
    case 'cancelDraft':
      return { ...state, draft: null, notice: null };
    case 'closeDraft': {
      const draft = state.draft;
      if (!draft || state.selected === null) return state;
      if (draft.length < 3) return { ...state, notice: 'A shape needs at least 3 points.' };
      if (polygonArea(draft) < MIN_POLYGON_AREA) return { ...state, notice: 'Those points enclose no area; spread them out.' };
      const next = updateSurface(state, state.selected, (s) => ({ ...s, polygons: [...s.polygons, draft] }));
      return { ...next, draft: null, notice: null };
    }
    case 'moveVertex':
      return updateSurface(state, action.surface, (s) => {
        const polygon = s.polygons[action.polygon];
        if (!polygon?.[action.vertex]) return s;
        const polygons = s.polygons.slice();
        const moved = polygon.slice();
        moved[action.vertex] = roundPoint(action.point);
        polygons[action.polygon] = moved;
        return { ...s, polygons };
      });
    case 'removeVertex': {
      const polygon = state.surfaces[action.surface]?.polygons[action.polygon];
      if (!polygon?.[action.vertex]) return state;
      // Two points are no longer a shape: the whole polygon goes.
      if (polygon.length <= 3) return editorReducer(state, { type: 'removePolygon', surface: action.surface, polygon: action.polygon });
      return updateSurface(state, action.surface, (s) => {
        const polygons = s.polygons.slice();
        polygons[action.polygon] = polygon.filter((_, i) => i !== action.vertex);
        return { ...s, polygons };
      });
    }
    case 'removePolygon':
      return updateSurface(state, action.surface, (s) => ({ ...s, polygons: s.polygons.filter((_, i) => i !== action.polygon) }));
  }
}

/** Why the surfaces cannot be saved yet (empty when they can); mirrors the API's checks. */
export function surfaceProblems(surfaces: readonly PhotoSurface[]): string[] {
  const problems: string[] = [];
  if (surfaces.length > SURFACE_LIMITS.surfaces) problems.push(`At most ${SURFACE_LIMITS.surfaces} surfaces per photo.`);
  const keys = new Set<string>();
  surfaces.forEach((s, i) => {
    const name = s.label.trim() || `Surface ${i + 1}`;
    if (!s.label.trim()) problems.push(`Surface ${i + 1} needs a name.`);
    if (!KEY.test(s.key)) problems.push(`${name} has an invalid key.`);
    if (keys.has(s.key)) problems.push(`${name} has the same key as another surface.`);
    keys.add(s.key);
    if (!s.polygons.length) problems.push(`${name} has no shape: draw at least one.`);
    if (s.polygons.length > SURFACE_LIMITS.polygonsPerSurface) problems.push(`${name} has more than ${SURFACE_LIMITS.polygonsPerSurface} shapes.`);
    if (s.polygons.some((p) => p.length < 3)) problems.push(`${name} has a shape with fewer than 3 points.`);
    if (!(s.tileScale > 0 && s.tileScale <= 1)) problems.push(`${name} needs a tile scale above 0 and at most 1.`);
  });
  if (totalPoints(surfaces) > SURFACE_LIMITS.pointsPerPhoto) problems.push(`At most ${SURFACE_LIMITS.pointsPerPhoto} points per photo.`);
  return problems;
}

const clamp01 = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);

/**
 * The body for `PATCH /api/admin/step-photos/:id`: labels trimmed, points kept within 0..1.
 * Points are not re-rounded here (the editor rounds the ones it places or moves), so saving
 * leaves surfaces nobody touched exactly as they were.
 */
export function surfacesForSave(surfaces: readonly PhotoSurface[]): PhotoSurface[] {
  return surfaces.map((s) => ({
    key: s.key,
    label: s.label.trim(),
    subcategoryId: s.subcategoryId,
    polygons: s.polygons.map((p) => p.map(([x, y]) => [clamp01(x), clamp01(y)] as Point2)),
    tileScale: s.tileScale,
  }));
}
