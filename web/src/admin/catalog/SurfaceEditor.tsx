/**
 * Draws the surfaces of a room photo: polygons that say "this region shows subcategory X",
 * which the compositor paints and the prompts describe.
 *
 * Pointer: "Draw shape" then click to place points; click the first point (or "Close
 * shape") to finish. Outside drawing, drag any point of the selected surface to move it,
 * click inside a shape to select its surface. Keyboard: while drawing, the drawing area
 * takes focus; arrows move a cross-hair (Shift: 10 px), Enter or Space places a point,
 * Backspace removes the last one, Escape cancels. Each point of the selected surface is a
 * focusable handle: arrows move it, Delete removes it.
 *
 * All state changes go through the pure reducer in surfaceEditor.ts; the geometry (pointer
 * to 0..1, hit tests, nearest point) is in geometry.ts.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { ConfirmButton } from '../components';
import type { AdminPhoto } from './api';
import { closesDraft, hitSurface, nearestVertex, normalizePoint, nudge, type Point2, type Size } from './geometry';
import { editorReducer, initialEditorState, surfaceProblems, surfacesForSave, type PhotoSurface } from './surfaceEditor';
import { InlineError, useReportDirty } from './ui';

export interface SubcategoryChoice {
  id: string;
  path: string;
  isVisual: boolean;
}

/** Distinct hues so neighbouring surfaces are told apart; cycled past eight. */
const PALETTE = ['#e11d48', '#2563eb', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];
const colorOf = (i: number) => PALETTE[i % PALETTE.length]!;
/** How close (display px) a pointer must be to grab a point or close a shape. */
const GRAB_PX = 10;

export function SurfaceEditor({
  photo,
  subcategories,
  readOnly,
  onSave,
  onClose,
  reportDirty,
}: {
  photo: AdminPhoto;
  subcategories: SubcategoryChoice[];
  readOnly: boolean;
  /** Resolves to an error message, or null once saved. */
  onSave: (surfaces: PhotoSurface[]) => Promise<{ ok: true; photo: AdminPhoto } | { ok: false; message: string }>;
  onClose: () => void;
  reportDirty: (key: string, dirty: boolean) => void;
}) {
  const [state, dispatch] = useReducer(editorReducer, photo.surfaces, initialEditorState);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [cursor, setCursor] = useState<Point2>([0.5, 0.5]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [savedNote, setSavedNote] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dragRef = useRef<{ surface: number; polygon: number; vertex: number; pointerId: number } | null>(null);
  const ids = { title: useId(), help: useId(), problems: useId(), newLabel: useId(), newSub: useId() };
  const [newLabel, setNewLabel] = useState('');
  const [newSub, setNewSub] = useState('');

  useReportDirty(reportDirty, `surfaces-${photo.id}`, state.dirty || !!state.draft?.length);

  // The displayed size decides pixel distances (grab radius, nudges, handle size).
  useLayoutEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setSize({ width: r.width, height: r.height });
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Opened from a photo card further up: bring the editor into view and put focus on it.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  // Drawing by keyboard starts where the focus is: the drawing area.
  const drawing = state.draft !== null;
  useEffect(() => {
    if (drawing) svgRef.current?.focus({ preventScroll: true });
  }, [drawing]);

  const W = photo.width;
  const H = photo.height;
  // Handles keep a constant on-screen size whatever the photo's resolution.
  const unit = size.width > 0 ? W / size.width : 1;
  const px = (p: Point2) => `${p[0] * W},${p[1] * H}`;
  const problems = useMemo(() => surfaceProblems(state.surfaces), [state.surfaces]);
  const subName = useMemo(() => new Map(subcategories.map((s) => [s.id, s.path])), [subcategories]);
  const selected = state.selected === null ? null : (state.surfaces[state.selected] ?? null);

  function pointFrom(e: { clientX: number; clientY: number }): { p: Point2; size: Size } | null {
    const el = svgRef.current;
    if (!el) return null;
    const rect = el.getBoundingClientRect();
    return { p: normalizePoint(e.clientX, e.clientY, rect), size: { width: rect.width, height: rect.height } };
  }

  function onPointerDown(e: PointerEvent<SVGSVGElement>) {
    if (e.button !== 0) return;
    const at = pointFrom(e);
    if (!at) return;
    if (state.draft && !readOnly) {
      e.preventDefault();
      if (closesDraft(state.draft, at.p, at.size, GRAB_PX)) dispatch({ type: 'closeDraft' });
      else dispatch({ type: 'addPoint', point: at.p });
      setCursor(at.p);
      return;
    }
    if (!readOnly && selected) {
      // Only the selected surface's points are grabbable, so overlapping shapes stay editable.
      const hit = nearestVertex(at.p, [selected], at.size, GRAB_PX);
      if (hit) {
        e.preventDefault();
        dragRef.current = { surface: state.selected!, polygon: hit.polygon, vertex: hit.vertex, pointerId: e.pointerId };
        e.currentTarget.setPointerCapture(e.pointerId);
        return;
      }
    }
    const hit = hitSurface(at.p, state.surfaces);
    if (hit) dispatch({ type: 'select', surface: hit.surface });
  }

  function onPointerMove(e: PointerEvent<SVGSVGElement>) {
    const drag = dragRef.current;
    if (!drag || drag.pointerId !== e.pointerId) return;
    const at = pointFrom(e);
    if (at) dispatch({ type: 'moveVertex', surface: drag.surface, polygon: drag.polygon, vertex: drag.vertex, point: at.p });
  }

  function endDrag(e: PointerEvent<SVGSVGElement>) {
    if (dragRef.current?.pointerId !== e.pointerId) return;
    dragRef.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  }

  function onStageKeyDown(e: KeyboardEvent<SVGSVGElement>) {
    if (!state.draft || readOnly) return;
    const step = e.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      setCursor((c) => nudge(c, move[0], move[1], size));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      dispatch({ type: 'addPoint', point: cursor });
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      dispatch({ type: 'undoPoint' });
    } else if (e.key === 'Escape') {
      e.preventDefault();
      dispatch({ type: 'cancelDraft' });
    }
  }

  function onHandleKeyDown(e: KeyboardEvent<SVGCircleElement>, polygon: number, vertex: number) {
    if (readOnly || state.selected === null) return;
    const point = selected?.polygons[polygon]?.[vertex];
    if (!point) return;
    const step = e.shiftKey ? 10 : 1;
    const moves: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      e.stopPropagation();
      dispatch({ type: 'moveVertex', surface: state.selected, polygon, vertex, point: nudge(point, move[0], move[1], size) });
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      dispatch({ type: 'removeVertex', surface: state.selected, polygon, vertex });
    }
  }

  async function save() {
    if (problems.length || saving) return;
    setSaving(true);
    setSaveError(null);
    setSavedNote('');
    const result = await onSave(surfacesForSave(state.surfaces));
    setSaving(false);
    if (!result.ok) {
      setSaveError(result.message);
      return;
    }
    dispatch({ type: 'saved', surfaces: result.photo.surfaces });
    setSavedNote('Surfaces saved.');
  }

  function close() {
    if ((state.dirty || state.draft?.length) && !window.confirm('Discard the unsaved changes to these surfaces?')) return;
    onClose();
  }

  const draftPoints = state.draft ?? [];
  const canClose = draftPoints.length >= 3;

  return (
    <section className="cat-surface" aria-labelledby={ids.title}>
      <h2 id={ids.title} ref={headingRef} tabIndex={-1} className="cat-surface__title">
        Surfaces of {photo.alt || 'the photo'}
      </h2>
      <div className="cat-surface__toolbar" role="toolbar" aria-label="Drawing">
        {drawing ? (
          <>
            <span className="cat-surface__mode" aria-live="polite">
              Drawing {selected?.label || 'a shape'}: {draftPoints.length} point{draftPoints.length === 1 ? '' : 's'}
            </span>
            <button type="button" className="button cat-btn" disabled={!canClose} onClick={() => dispatch({ type: 'closeDraft' })}>
              Close shape
            </button>
            <button type="button" className="cat-linkbtn" disabled={!draftPoints.length} onClick={() => dispatch({ type: 'undoPoint' })}>
              Undo point
            </button>
            <button type="button" className="cat-linkbtn" onClick={() => dispatch({ type: 'cancelDraft' })}>
              Cancel shape
            </button>
          </>
        ) : (
          <>
            <span className="cat-surface__mode">
              {selected ? `Selected: ${selected.label || 'unnamed surface'}` : readOnly ? 'Select a surface' : 'Select or add a surface'}
            </span>
            {!readOnly ? (
              <button type="button" className="button cat-btn cat-btn--quiet" disabled={!selected} onClick={() => dispatch({ type: 'startDraft' })}>
                Draw shape
              </button>
            ) : null}
          </>
        )}
      </div>
      <p id={ids.help} className="cat-hint">
        {readOnly
          ? 'Click a shape to see which subcategory it shows.'
          : drawing
            ? 'Click to place points; click the first point or “Close shape” to finish. Keyboard: arrows move the cross-hair, Enter places a point, Backspace undoes, Escape cancels.'
            : 'Drag a point of the selected surface to move it (or focus it and use the arrow keys; Delete removes it). Click inside a shape to select its surface.'}
      </p>
      <div className="cat-surface__layout">
        <div className="cat-surface__stage" style={{ aspectRatio: `${W} / ${H}` }}>
          <img src={photo.url} alt={photo.alt ?? ''} draggable={false} className="cat-surface__img" />
          <svg
            ref={svgRef}
            className={`cat-surface__svg${drawing ? ' is-drawing' : ''}`}
            viewBox={`0 0 ${W} ${H}`}
            preserveAspectRatio="none"
            role="application"
            aria-label="Drawing area over the photo"
            aria-describedby={ids.help}
            tabIndex={drawing ? 0 : -1}
            data-testid="surface-canvas"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={endDrag}
            onPointerCancel={endDrag}
            onKeyDown={onStageKeyDown}
          >
            {state.surfaces.map((s, si) =>
              s.polygons.map((poly, pi) => (
                <polygon
                  key={`${s.key}-${pi}`}
                  points={poly.map(px).join(' ')}
                  fill={colorOf(si)}
                  fillOpacity={si === state.selected ? 0.35 : 0.18}
                  stroke={colorOf(si)}
                  strokeWidth={si === state.selected ? 3 : 2}
                  vectorEffect="non-scaling-stroke"
                  data-surface={s.key}
                />
              )),
            )}
            {selected && state.selected !== null
              ? selected.polygons.map((poly, pi) =>
                  poly.map((pt, vi) => (
                    <circle
                      key={`h-${pi}-${vi}`}
                      cx={pt[0] * W}
                      cy={pt[1] * H}
                      r={6 * unit}
                      className="cat-surface__handle"
                      fill="#fff"
                      stroke={colorOf(state.selected!)}
                      strokeWidth={2}
                      vectorEffect="non-scaling-stroke"
                      tabIndex={readOnly || drawing ? -1 : 0}
                      role={readOnly ? undefined : 'button'}
                      aria-label={readOnly ? undefined : `Point ${vi + 1} of shape ${pi + 1} of ${selected.label || 'the surface'}: arrows move, Delete removes`}
                      onKeyDown={(e) => onHandleKeyDown(e, pi, vi)}
                    />
                  )),
                )
              : null}
            {state.draft ? (
              <g className="cat-surface__draft">
                {draftPoints.length > 1 ? (
                  <polyline points={draftPoints.map(px).join(' ')} fill="none" stroke="#111827" strokeWidth={2} strokeDasharray="6 4" vectorEffect="non-scaling-stroke" />
                ) : null}
                {draftPoints.map((pt, i) => (
                  <circle
                    key={i}
                    cx={pt[0] * W}
                    cy={pt[1] * H}
                    r={(i === 0 && canClose ? 9 : 5) * unit}
                    fill={i === 0 && canClose ? '#fde047' : '#111827'}
                    stroke="#fff"
                    strokeWidth={2}
                    vectorEffect="non-scaling-stroke"
                  />
                ))}
                <g aria-hidden="true" className="cat-surface__cursor">
                  <line x1={cursor[0] * W - 10 * unit} x2={cursor[0] * W + 10 * unit} y1={cursor[1] * H} y2={cursor[1] * H} stroke="#111827" strokeWidth={2} vectorEffect="non-scaling-stroke" />
                  <line x1={cursor[0] * W} x2={cursor[0] * W} y1={cursor[1] * H - 10 * unit} y2={cursor[1] * H + 10 * unit} stroke="#111827" strokeWidth={2} vectorEffect="non-scaling-stroke" />
                </g>
              </g>
            ) : null}
          </svg>
        </div>
        <div className="cat-surface__panel">
          <h3 className="cat-surface__paneltitle">Surfaces</h3>
          {state.surfaces.length === 0 ? <p className="cat-muted">No surfaces yet.</p> : null}
          <ul className="cat-surface__list">
            {state.surfaces.map((s, si) => (
              <li key={s.key} className={`cat-surface__item${si === state.selected ? ' is-selected' : ''}`}>
                <SurfaceItem
                  surface={s}
                  index={si}
                  selected={si === state.selected}
                  readOnly={readOnly}
                  subcategories={subcategories}
                  subName={subName}
                  dispatch={dispatch}
                />
              </li>
            ))}
          </ul>
          {!readOnly ? (
            <form
              className="cat-surface__add"
              aria-label="Add a surface"
              onSubmit={(e) => {
                e.preventDefault();
                dispatch({ type: 'addSurface', label: newLabel || 'Surface', subcategoryId: newSub || null });
                setNewLabel('');
                setNewSub('');
              }}
            >
              <div className="cat-field">
                <label htmlFor={ids.newLabel}>New surface name</label>
                <input id={ids.newLabel} className="cat-input" value={newLabel} maxLength={120} onChange={(e) => setNewLabel(e.target.value)} placeholder="e.g. Island countertop" />
              </div>
              <SubcategorySelect id={ids.newSub} label="Shows subcategory" value={newSub} onChange={setNewSub} subcategories={subcategories} />
              <button type="submit" className="button cat-btn cat-btn--quiet" disabled={drawing && draftPoints.length > 0}>
                Add surface and draw
              </button>
            </form>
          ) : null}
          {state.notice ? (
            <p className="cat-notice" role="status">
              {state.notice}
            </p>
          ) : null}
          {!readOnly && problems.length && state.dirty ? (
            <ul id={ids.problems} className="cat-problems" aria-label="To fix before saving">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
          <div className="cat-form__actions">
            {!readOnly ? (
              <button
                type="button"
                className="button cat-btn"
                disabled={!state.dirty || problems.length > 0 || drawing}
                aria-describedby={problems.length ? ids.problems : undefined}
                onClick={() => void save()}
              >
                {saving ? 'Saving…' : 'Save surfaces'}
              </button>
            ) : null}
            {!readOnly ? (
              <button type="button" className="cat-linkbtn" disabled={!state.dirty || saving} onClick={() => dispatch({ type: 'load', surfaces: photo.surfaces })}>
                Revert
              </button>
            ) : null}
            <button type="button" className="cat-linkbtn" onClick={close}>
              Close editor
            </button>
            <span className="cat-muted" role="status" data-testid="surface-status">
              {state.dirty ? 'Unsaved changes' : savedNote}
            </span>
          </div>
          <InlineError message={saveError} />
        </div>
      </div>
    </section>
  );
}

function SubcategorySelect({ id, label, value, onChange, subcategories, disabled }: { id: string; label: string; value: string; onChange: (v: string) => void; subcategories: SubcategoryChoice[]; disabled?: boolean }) {
  const visual = subcategories.filter((s) => s.isVisual);
  const other = subcategories.filter((s) => !s.isVisual);
  return (
    <div className="cat-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="cat-input" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">None (not painted)</option>
        {visual.length ? (
          <optgroup label="Shown in room photos">
            {visual.map((s) => (
              <option key={s.id} value={s.id}>
                {s.path}
              </option>
            ))}
          </optgroup>
        ) : null}
        {other.length ? (
          <optgroup label="Other subcategories">
            {other.map((s) => (
              <option key={s.id} value={s.id}>
                {s.path}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}

function SurfaceItem({
  surface,
  index,
  selected,
  readOnly,
  subcategories,
  subName,
  dispatch,
}: {
  surface: PhotoSurface;
  index: number;
  selected: boolean;
  readOnly: boolean;
  subcategories: SubcategoryChoice[];
  subName: Map<string, string>;
  dispatch: (action: Parameters<typeof editorReducer>[1]) => void;
}) {
  const ids = { label: useId(), sub: useId(), scale: useId() };
  const [scaleText, setScaleText] = useState(String(surface.tileScale));
  const [scaleError, setScaleError] = useState<string | null>(null);
  // Follows outside changes (revert, load) without rewriting what is being typed ("0.10").
  useEffect(() => setScaleText((t) => (Number(t) === surface.tileScale ? t : String(surface.tileScale))), [surface.tileScale]);
  const name = surface.label || `Surface ${index + 1}`;

  return (
    <div className="cat-surface__itembody">
      <button type="button" className="cat-surface__select" aria-pressed={selected} onClick={() => dispatch({ type: 'select', surface: index })}>
        <span className="cat-surface__swatch" style={{ background: colorOf(index) }} aria-hidden="true" />
        {name}
        <span className="cat-muted cat-surface__paints">
          <span className="visually-hidden">, </span>
          {surface.subcategoryId ? (subName.get(surface.subcategoryId) ?? 'deleted subcategory') : 'not painted'}
        </span>
      </button>
      {selected ? (
        <div className="cat-surface__fields">
          <div className="cat-field">
            <label htmlFor={ids.label}>Name</label>
            <input id={ids.label} className="cat-input" value={surface.label} readOnly={readOnly} maxLength={120} onChange={(e) => dispatch({ type: 'setLabel', surface: index, label: e.target.value })} />
          </div>
          <SubcategorySelect
            id={ids.sub}
            label="Shows subcategory"
            value={surface.subcategoryId ?? ''}
            disabled={readOnly}
            subcategories={subcategories}
            onChange={(v) => dispatch({ type: 'setSubcategory', surface: index, subcategoryId: v || null })}
          />
          <div className="cat-field">
            <label htmlFor={ids.scale}>Tile scale</label>
            <input
              id={ids.scale}
              className="cat-input"
              type="number"
              min={0.005}
              max={1}
              step={0.005}
              value={scaleText}
              readOnly={readOnly}
              aria-describedby={`${ids.scale}-hint`}
              aria-invalid={scaleError ? true : undefined}
              onChange={(e) => {
                setScaleText(e.target.value);
                const n = Number(e.target.value);
                if (e.target.value.trim() && Number.isFinite(n) && n > 0 && n <= 1) {
                  setScaleError(null);
                  dispatch({ type: 'setTileScale', surface: index, tileScale: n });
                } else setScaleError('Between 0.005 and 1.');
              }}
            />
            <span id={`${ids.scale}-hint`} className="cat-hint">
              Share of the photo’s width one swatch tile covers (0.1 = ten tiles across).
            </span>
            {scaleError ? <InlineError message={scaleError} /> : null}
          </div>
          <p className="cat-muted">
            {surface.polygons.length} shape{surface.polygons.length === 1 ? '' : 's'}
          </p>
          {!readOnly ? (
            <ul className="cat-surface__shapes">
              {surface.polygons.map((poly, pi) => (
                <li key={pi}>
                  Shape {pi + 1} · {poly.length} points
                  <button type="button" className="cat-linkbtn cat-linkbtn--danger" onClick={() => dispatch({ type: 'removePolygon', surface: index, polygon: pi })}>
                    Delete shape<span className="visually-hidden"> {pi + 1} of {name}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          {!readOnly ? (
            <ConfirmButton label="Delete surface" confirmLabel={`Confirm deleting surface ${name}`} onConfirm={() => dispatch({ type: 'removeSurface', surface: index })} />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
