/**
 * The upgrade picker's UI state: a pure reducer plus selectors (no React, no I/O), so every
 * rule of the wizard is unit-tested in Node. Pricing and option rules come from the shared
 * domain modules the Worker uses too, so the instant total is the server's total.
 *
 * Saving: every local change bumps `revision`; the auto-saver (useAutoSave) PUTs the full
 * selections whenever `revision` is ahead of `savedRevision` and reports back with the
 * save* actions. The server's total wins over the client's whenever it is for the current
 * revision.
 */
import { formatCents } from '../lib/money';
import {
  computeTotal,
  defaultSelections,
  lineItems,
  pick,
  quantityOf,
  type Catalog,
  type CatalogIndex,
  type CatalogPhoto,
  type CatalogStep,
  type Quantities,
  type SelectionChange,
  type Selections,
} from './domain';

/** What the reducer needs from a session (the API's `Session` fits). */
export interface SessionSnapshot {
  selections: Selections;
  quantities: Quantities;
  totalCents: number;
}

export interface Notice {
  /** Increases with every notice, so a repeated message is announced again. */
  id: number;
  tone: 'info' | 'error';
  messages: string[];
}

export interface SaveError {
  revision: number;
  message: string;
  /** The server refused the selections (400/422); otherwise the request itself failed. */
  rejected: boolean;
}

export interface PickerState {
  selections: Selections;
  quantities: Quantities;
  /** 0 .. steps.length - 1: catalog steps; steps.length: the virtual Gallery step. */
  step: number;
  /** Bumped by every local change. */
  revision: number;
  /** The newest revision the server has stored. */
  savedRevision: number;
  /** The revision of the PUT in flight, if one is. */
  savingRevision: number | null;
  saveError: SaveError | null;
  /** The server's total and the revision it was computed for. */
  serverTotalCents: number | null;
  serverRevision: number;
  notice: Notice | null;
  noticeSeq: number;
}

export type PickerAction =
  | { type: 'pick'; subcategoryId: string; optionId: string }
  | { type: 'setQuantity'; subcategoryId: string; quantity: number }
  | { type: 'goToStep'; step: number }
  | { type: 'dismissNotice' }
  | { type: 'sessionLoaded'; session: SessionSnapshot }
  | { type: 'saveStarted'; revision: number }
  | { type: 'saveSucceeded'; revision: number; session: SessionSnapshot }
  | { type: 'saveFailed'; revision: number; message: string; rejected: boolean }
  | { type: 'retrySave' };

export type SaveStatus = 'saved' | 'saving' | 'error';

// ---------------------------------------------------------------- helpers

function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => Object.hasOwn(b, k) && a[k] === b[k]);
}

/**
 * A stored session against the current catalog: choices that no longer exist fall back to
 * their subcategory's default, bad quantities are dropped (as the server does on save).
 */
export function reconcileSession(index: CatalogIndex, session: SessionSnapshot): { selections: Selections; quantities: Quantities } {
  const selections: Selections = defaultSelections(index);
  for (const [sub, opt] of Object.entries(session.selections ?? {})) {
    if (index.options.get(opt)?.subcategory.id === sub) selections[sub] = opt;
  }
  const quantities: Quantities = {};
  for (const [sub, q] of Object.entries(session.quantities ?? {})) {
    const s = index.subcategories.get(sub);
    if (s?.isAdditive && Number.isInteger(q) && q >= 1 && q <= s.maxQuantity) quantities[sub] = q;
  }
  return { selections, quantities };
}

export function stepCount(catalog: Catalog): number {
  return catalog.steps.length + 1;
}

export function isGalleryStep(catalog: Catalog, step: number): boolean {
  return step === catalog.steps.length;
}

export const GALLERY_SLUG = 'gallery';

/** `?step=` value → step number (unknown → 0). */
export function stepFromSlug(catalog: Catalog, slug: string | null | undefined): number {
  if (!slug) return 0;
  if (slug === GALLERY_SLUG) return catalog.steps.length;
  const i = catalog.steps.findIndex((s) => s.slug === slug);
  return i < 0 ? 0 : i;
}

export function stepSlug(catalog: Catalog, step: number): string {
  return catalog.steps[step]?.slug ?? GALLERY_SLUG;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

// ---------------------------------------------------------------- reducer

export function initPickerState(index: CatalogIndex, session: SessionSnapshot, step = 0): PickerState {
  const base: PickerState = {
    selections: {},
    quantities: {},
    step: clamp(step, 0, stepCount(index.catalog) - 1),
    revision: 0,
    savedRevision: 0,
    savingRevision: null,
    saveError: null,
    serverTotalCents: null,
    serverRevision: -1,
    notice: null,
    noticeSeq: 0,
  };
  return loadSession(index, base, session);
}

function loadSession(index: CatalogIndex, state: PickerState, session: SessionSnapshot): PickerState {
  const { selections, quantities } = reconcileSession(index, session);
  const revision = state.revision + 1;
  const inSync = sameRecord(selections, session.selections ?? {}) && sameRecord(quantities, session.quantities ?? {});
  return {
    ...state,
    selections,
    quantities,
    revision,
    savedRevision: revision,
    savingRevision: null,
    // Stale choices were repaired locally: the stored total no longer describes them.
    serverTotalCents: inSync ? session.totalCents : null,
    serverRevision: inSync ? revision : -1,
  };
}

function changed(state: PickerState, patch: Partial<PickerState>): PickerState {
  return { ...state, ...patch, revision: state.revision + 1, saveError: null };
}

/** Reducer bound to one catalog (create it once per catalog). */
export function createPickerReducer(index: CatalogIndex) {
  return function pickerReducer(state: PickerState, action: PickerAction): PickerState {
    switch (action.type) {
      case 'pick': {
        const { subcategoryId, optionId } = action;
        if (index.options.get(optionId)?.subcategory.id !== subcategoryId) return state;
        if (state.selections[subcategoryId] === optionId) return state;
        const result = pick(index, state.selections, subcategoryId, optionId);
        const noticeSeq = state.noticeSeq + 1;
        return changed(state, {
          selections: result.selections,
          notice: result.changes.length ? { id: noticeSeq, tone: 'info', messages: describeChanges(index, result.changes) } : null,
          noticeSeq,
        });
      }
      case 'setQuantity': {
        const sub = index.subcategories.get(action.subcategoryId);
        if (!sub?.isAdditive || !Number.isFinite(action.quantity)) return state;
        if (!isQuantityEnabled(index, state.selections, sub.id)) return state;
        const quantity = clamp(Math.round(action.quantity), 1, Math.max(1, sub.maxQuantity));
        if (quantity === quantityOf(sub, state.quantities)) return state;
        return changed(state, { quantities: { ...state.quantities, [sub.id]: quantity } });
      }
      case 'goToStep': {
        const step = clamp(Math.trunc(action.step), 0, stepCount(index.catalog) - 1);
        return step === state.step ? state : { ...state, step };
      }
      case 'dismissNotice':
        return state.notice ? { ...state, notice: null } : state;
      case 'sessionLoaded':
        return loadSession(index, state, action.session);
      case 'saveStarted':
        return { ...state, savingRevision: action.revision };
      case 'saveSucceeded': {
        const base: PickerState = {
          ...state,
          savingRevision: null,
          savedRevision: Math.max(state.savedRevision, action.revision),
          saveError: null,
        };
        if (action.revision !== state.revision) return base; // newer local changes win; they save next
        // In sync: the server's selections and total are the truth (they should equal ours).
        const { selections, quantities } = reconcileSession(index, action.session);
        return {
          ...base,
          selections: sameRecord(selections, state.selections) ? state.selections : selections,
          quantities: sameRecord(quantities, state.quantities) ? state.quantities : quantities,
          serverTotalCents: action.session.totalCents,
          serverRevision: action.revision,
        };
      }
      case 'saveFailed': {
        const noticeSeq = state.noticeSeq + 1;
        return {
          ...state,
          savingRevision: null,
          saveError: { revision: action.revision, message: action.message, rejected: action.rejected },
          notice: action.rejected
            ? { id: noticeSeq, tone: 'error', messages: [action.message, 'We reloaded your saved choices.'] }
            : state.notice,
          noticeSeq,
        };
      }
      case 'retrySave':
        return state.saveError && !state.saveError.rejected ? { ...state, saveError: null } : state;
    }
  };
}

// ---------------------------------------------------------------- selectors

/** The total to show: the server's when it is for what is on screen, else computed here. */
export function displayTotal(index: CatalogIndex, state: PickerState): number {
  if (state.serverTotalCents !== null && state.serverRevision === state.revision) return state.serverTotalCents;
  return computeTotal(index, state.selections, state.quantities);
}

export function saveStatus(state: PickerState): SaveStatus {
  if (state.saveError) return 'error';
  if (state.savingRevision !== null || state.revision > state.savedRevision) return 'saving';
  return 'saved';
}

/** True when the auto-saver should (after its debounce) send a PUT. */
export function needsSave(state: PickerState): boolean {
  return state.revision > state.savedRevision && state.savingRevision === null && !state.saveError;
}

/** True when there are local changes the server does not have yet. */
export function hasUnsavedChanges(state: PickerState): boolean {
  return state.revision > state.savedRevision;
}

/**
 * The PUT body: every selection, and an explicit quantity for every chosen additive
 * subcategory (the server merges quantities, so an omitted one would keep an old value).
 */
export function saveBody(index: CatalogIndex, state: Pick<PickerState, 'selections' | 'quantities'>): { selections: Selections; quantities: Quantities } {
  const quantities: Quantities = {};
  for (const subId of Object.keys(state.selections)) {
    const sub = index.subcategories.get(subId);
    if (sub?.isAdditive) quantities[subId] = quantityOf(sub, state.quantities);
  }
  return { selections: { ...state.selections }, quantities };
}

/** The stepper works only while a priced option is chosen. */
export function isQuantityEnabled(index: CatalogIndex, selections: Selections, subcategoryId: string): boolean {
  const hit = index.options.get(selections[subcategoryId] ?? '');
  return !!hit && hit.subcategory.id === subcategoryId && hit.subcategory.isAdditive && hit.option.priceCents !== 0;
}

/** "Countertop changed to Quartz — Required by Undermount sink". */
export function describeChanges(index: CatalogIndex, changes: SelectionChange[]): string[] {
  return changes.map((c) => {
    const sub = index.subcategories.get(c.subcategoryId)?.name ?? 'Another choice';
    const to = c.to ? index.options.get(c.to)?.option.name : null;
    return to ? `${sub} changed to ${to} — ${c.reason}` : `${sub} cleared — ${c.reason}`;
  });
}

/** "+$1,250", "Included" for $0, "−$500" for a credit. */
export function formatOptionPrice(cents: number): string {
  if (cents === 0) return 'Included';
  return cents > 0 ? `+${formatCents(cents)}` : `−${formatCents(-cents)}`;
}

/** A step's photos, hero first (otherwise in catalog order). */
export function orderedPhotos(step: CatalogStep): CatalogPhoto[] {
  return [...step.photos].sort((a, b) => Number(b.isHero) - Number(a.isHero));
}

/** Every step that has photos, with its photos hero first (the Gallery step). */
export function galleryPhotos(catalog: Catalog): Array<{ step: CatalogStep; photos: CatalogPhoto[] }> {
  return catalog.steps.filter((s) => s.photos.length > 0).map((step) => ({ step, photos: orderedPhotos(step) }));
}

// ---------------------------------------------------------------- summary

export interface SummaryLine {
  subcategoryId: string;
  subcategoryName: string;
  optionId: string;
  optionName: string;
  unitPriceCents: number;
  quantity: number;
  totalCents: number;
  isAdditive: boolean;
  unitLabel: string | null;
}

export interface SummarySection {
  title: string;
  lines: SummaryLine[];
}

export interface SummaryGroup {
  /** null for choices that no step lists. */
  stepId: string | null;
  stepName: string;
  sections: SummarySection[];
  totalCents: number;
}

/**
 * The chosen options grouped step → section → line in the wizard's order. Line amounts come
 * from `lineItems`, so the groups add up to `computeTotal`. A subcategory listed by several
 * steps appears once (the first); chosen subcategories no step lists go to "Other selections".
 */
export function summaryGroups(index: CatalogIndex, selections: Selections, quantities: Quantities): SummaryGroup[] {
  const items = new Map(lineItems(index, selections, quantities).map((l) => [l.subcategoryId, l]));
  const used = new Set<string>();
  const lineFor = (subId: string): SummaryLine | null => {
    const item = items.get(subId);
    if (!item || used.has(subId)) return null;
    used.add(subId);
    const hit = index.options.get(item.optionId)!;
    return {
      subcategoryId: subId,
      subcategoryName: hit.subcategory.name,
      optionId: item.optionId,
      optionName: hit.option.name,
      unitPriceCents: item.unitPriceCents,
      quantity: item.quantity,
      totalCents: item.totalCents,
      isAdditive: hit.subcategory.isAdditive,
      unitLabel: hit.subcategory.unitLabel,
    };
  };
  const finish = (stepId: string | null, stepName: string, sections: SummarySection[]): SummaryGroup | null => {
    const kept = sections.filter((s) => s.lines.length > 0);
    if (kept.length === 0) return null;
    const totalCents = kept.reduce((sum, s) => sum + s.lines.reduce((t, l) => t + l.totalCents, 0), 0);
    return { stepId, stepName, sections: kept, totalCents };
  };

  const groups: SummaryGroup[] = [];
  for (const step of index.catalog.steps) {
    const sections = step.sections.map((section) => ({
      title: section.title,
      lines: section.subcategoryIds.map(lineFor).filter((l): l is SummaryLine => l !== null),
    }));
    const group = finish(step.id, step.name, sections);
    if (group) groups.push(group);
  }
  const rest: SummarySection[] = [];
  for (const category of index.catalog.categories) {
    const lines = category.subcategories.map((s) => lineFor(s.id)).filter((l): l is SummaryLine => l !== null);
    rest.push({ title: category.name, lines });
  }
  const other = finish(null, 'Other selections', rest);
  if (other) groups.push(other);
  return groups;
}

/** "light" → "light" / "lights"; no label → "" . */
export function unitText(quantity: number, unitLabel: string | null): string {
  if (!unitLabel) return '';
  return quantity === 1 || unitLabel.endsWith('s') ? unitLabel : `${unitLabel}s`;
}
