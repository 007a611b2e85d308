/**
 * `/admin/options`: the option tree (categories > subcategories > options). Names and prices
 * are edited in place, the default flag is a radio per subcategory, every list reorders by
 * drag and drop or by its move buttons, and each option carries its swatch, its
 * requires/excludes rules and its floorplan scope.
 *
 * Edits are optimistic: the tree changes at once and rolls back if the API refuses, with the
 * API's reason shown where the edit was made (and typed text kept in its field).
 */
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { ConfirmButton, LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useLoad } from '../hooks';
import { useAdmin } from '../context';
import { normalizeHex } from '../../lib/theme';
import * as api from './api';
import type { AdminCategory, AdminFloorplan, AdminOption, AdminRule, AdminSubcategory, ReorderKind, RuleKind } from './api';
import { idsOf, moveAnnouncement, moveById } from './order';
import { parseDollars } from './price';
import { scopeSummary } from './pricing';
import { ruleProblem, rulesOf, ruleVerb } from './rules';
import * as T from './tree';
import { Disclosure, DragHandle, InlineError, InlinePrice, InlineText, LiveRegion, MoveButtons, useAnnouncer, useApiCall, useCatalogTitle, useDirtySet, useDragReorder, useReportDirty } from './ui';
import './catalog.css';

type Result = { ok: true } | { ok: false; message: string };

interface TreeActions {
  readOnly: boolean;
  tree: T.Tree;
  rules: AdminRule[];
  floorplans: AdminFloorplan[];
  reportDirty: (key: string, dirty: boolean) => void;
  saveOption: (optionId: string, patch: api.OptionPatch) => Promise<Result>;
  clearDefault: (subcategoryId: string) => Promise<Result>;
  reorderList: <I extends { id: string; name: string }>(kind: ReorderKind, parentId: string | null, next: I[], movedId: string) => void;
  renameCategory: (id: string, name: string) => Promise<Result>;
  renameSubcategory: (id: string, patch: api.SubcategoryFields) => Promise<Result>;
  createCategory: (name: string) => Promise<Result>;
  createSubcategory: (categoryId: string, name: string, isVisual: boolean) => Promise<Result>;
  createOption: (subcategoryId: string, name: string, priceCents: number) => Promise<Result>;
  deleteCategory: (id: string) => Promise<Result>;
  deleteSubcategory: (id: string) => Promise<Result>;
  deleteOption: (id: string) => Promise<Result>;
  uploadSwatch: (option: AdminOption, file: File) => Promise<Result>;
  removeSwatch: (option: AdminOption) => Promise<Result>;
  addRule: (rule: { optionId: string; kind: RuleKind; targetOptionId: string; message: string | null }) => Promise<Result>;
  deleteRule: (id: string) => Promise<Result>;
}

const Actions = createContext<TreeActions | null>(null);
const useActions = () => useContext(Actions)!;

export function OptionTreePage() {
  useCatalogTitle('Option tree');
  const state = useLoad(
    async (signal) => {
      const [tree, rules, floorplans] = await Promise.all([api.fetchTree(signal), api.fetchRules(signal), api.fetchFloorplans(signal)]);
      return { tree: tree.categories, rules: rules.rules, floorplans: floorplans.floorplans };
    },
    'option-tree',
  );
  return (
    <div className="cat-page">
      <PageHead title="Option tree">Categories, subcategories and the options buyers choose from. Changes reach buyers on their next page load.</PageHead>
      <ReadOnlyNote />
      {state.status === 'loading' ? <Loading label="Loading the option tree…" /> : null}
      {state.status === 'error' ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? <TreeEditor initial={state.data} /> : null}
    </div>
  );
}

function TreeEditor({ initial }: { initial: { tree: T.Tree; rules: AdminRule[]; floorplans: AdminFloorplan[] } }) {
  const { isAdmin } = useAdmin();
  const call = useApiCall();
  const [tree, setTree] = useState(initial.tree);
  const [rules, setRules] = useState(initial.rules);
  const [pageError, setPageError] = useState<string | null>(null);
  const [message, announce] = useAnnouncer();
  const { report } = useDirtySet();
  const treeRef = useRef(tree);
  treeRef.current = tree;

  const saveOption = useCallback(
    async (optionId: string, patch: api.OptionPatch): Promise<Result> => {
      const found = T.findOption(treeRef.current, optionId);
      if (!found) return { ok: false, message: 'That option is no longer in the tree; reload the page.' };
      const before = found.subcategory;
      const optimistic: Partial<AdminOption> = { ...patch } as Partial<AdminOption>;
      setTree((t) => T.patchOption(t, optionId, optimistic));
      const result = await call(() => api.updateOption(optionId, patch));
      if (result.ok) {
        setTree((t) => T.replaceOption(t, result.value));
        announce(`Saved ${result.value.name}.`);
        return { ok: true };
      }
      setTree((t) => T.rollbackOptionPatch(t, before, optionId, optimistic));
      return { ok: false, message: result.message };
    },
    [call, announce],
  );

  const actions: TreeActions = {
    readOnly: !isAdmin,
    tree,
    rules,
    floorplans: initial.floorplans,
    reportDirty: report,
    saveOption,
    clearDefault: async (subcategoryId) => {
      const current = T.findSubcategory(treeRef.current, subcategoryId)?.options.find((o) => o.isDefault);
      if (!current) return { ok: true };
      return saveOption(current.id, { isDefault: false });
    },
    reorderList: (kind, parentId, next, movedId) => {
      const previous = currentIds(treeRef.current, kind, parentId);
      const ids = idsOf(next);
      const treeKind = kind as 'categories' | 'subcategories' | 'options';
      setTree((t) => T.applyOrder(t, treeKind, parentId, ids));
      const moved = next.find((x) => x.id === movedId);
      if (moved) announce(moveAnnouncement(moved.name, next, movedId));
      setPageError(null);
      void call(() => api.reorder(kind, ids)).then((result) => {
        if (result.ok) return;
        setTree((t) => T.applyOrder(t, treeKind, parentId, previous));
        setPageError(`The new order was not saved and has been undone: ${result.message}`);
        announce('The new order was not saved.');
      });
    },
    renameCategory: async (id, name) => {
      const result = await call(() => api.updateCategory(id, { name }));
      if (!result.ok) return result;
      setTree((t) => T.patchCategory(t, id, { name: result.value.name, slug: result.value.slug }));
      announce(`Renamed the category to ${result.value.name}.`);
      return { ok: true };
    },
    renameSubcategory: async (id, patch) => {
      const result = await call(() => api.updateSubcategory(id, patch));
      if (!result.ok) return result;
      setTree((t) => T.patchSubcategory(t, id, result.value));
      announce(`Saved ${result.value.name}.`);
      return { ok: true };
    },
    createCategory: async (name) => {
      const result = await call(() => api.createCategory({ name }));
      if (!result.ok) return result;
      setTree((t) => T.addCategory(t, result.value));
      announce(`Added the category ${result.value.name}.`);
      return { ok: true };
    },
    createSubcategory: async (categoryId, name, isVisual) => {
      const result = await call(() => api.createSubcategory({ categoryId, name, isVisual }));
      if (!result.ok) return result;
      setTree((t) => T.addSubcategory(t, result.value));
      announce(`Added the subcategory ${result.value.name}.`);
      return { ok: true };
    },
    createOption: async (subcategoryId, name, priceCents) => {
      const result = await call(() => api.createOption({ subcategoryId, name, priceCents }));
      if (!result.ok) return result;
      setTree((t) => T.addOption(t, result.value));
      announce(`Added the option ${result.value.name}.`);
      return { ok: true };
    },
    deleteCategory: async (id) => {
      const result = await call(() => api.deleteCategory(id));
      if (!result.ok) return result;
      const gone = new Set(treeRef.current.find((c) => c.id === id)?.subcategories.flatMap((s) => s.options.map((o) => o.id)) ?? []);
      setTree((t) => T.removeCategory(t, id));
      setRules((rs) => rs.filter((r) => !gone.has(r.optionId) && !gone.has(r.targetOptionId)));
      announce('Category deleted.');
      return { ok: true };
    },
    deleteSubcategory: async (id) => {
      const result = await call(() => api.deleteSubcategory(id));
      if (!result.ok) return result;
      const gone = new Set(T.findSubcategory(treeRef.current, id)?.options.map((o) => o.id) ?? []);
      setTree((t) => T.removeSubcategory(t, id));
      setRules((rs) => rs.filter((r) => !gone.has(r.optionId) && !gone.has(r.targetOptionId)));
      announce('Subcategory deleted.');
      return { ok: true };
    },
    deleteOption: async (id) => {
      const result = await call(() => api.deleteOption(id));
      if (!result.ok) return result;
      setTree((t) => T.removeOption(t, id));
      // The rules cascade with the option in D1.
      setRules((rs) => rs.filter((r) => r.optionId !== id && r.targetOptionId !== id));
      announce('Option deleted.');
      return { ok: true };
    },
    uploadSwatch: async (option, file) => {
      const problem = api.precheckUpload(file);
      if (problem) return { ok: false, message: problem };
      const result = await call(() => api.uploadSwatch(option.subcategoryId, option.id, file));
      if (!result.ok) return { ok: false, message: api.uploadErrorMessage(result.error, 'swatch') };
      setTree((t) => T.patchOption(t, option.id, { swatchKey: result.value.key, swatchUrl: result.value.url }));
      announce(`Uploaded a swatch for ${option.name}.`);
      return { ok: true };
    },
    removeSwatch: async (option) => {
      // The server deletes the R2 object once the row no longer points at it.
      const result = await call(() => api.updateOption(option.id, { swatchKey: null }));
      if (!result.ok) return result;
      setTree((t) => T.patchOption(t, option.id, { swatchKey: null, swatchUrl: null }));
      announce(`Removed the swatch image of ${option.name}; buyers see its colour instead.`);
      return { ok: true };
    },
    addRule: async (rule) => {
      const result = await call(() => api.createRule(rule));
      if (!result.ok) return result;
      setRules((rs) => [...rs, result.value]);
      announce('Rule added.');
      return { ok: true };
    },
    deleteRule: async (id) => {
      const result = await call(() => api.deleteRule(id));
      if (!result.ok) return result;
      setRules((rs) => rs.filter((r) => r.id !== id));
      announce('Rule removed.');
      return { ok: true };
    },
  };

  const drag = useDragReorder('categories', tree, (next, moved) => actions.reorderList('categories', null, next, moved), isAdmin);

  return (
    <Actions.Provider value={actions}>
      <LiveRegion message={message} />
      {pageError ? (
        <div className="cat-banner" role="alert">
          <span>{pageError}</span>
          <button type="button" className="cat-linkbtn" onClick={() => setPageError(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
      {tree.length === 0 ? <p className="cat-empty">No categories yet.</p> : null}
      <ol className="cat-tree" aria-label="Categories">
        {tree.map((category, i) => (
          <li key={category.id} className="cat-tree__item" {...drag.itemProps(category.id)}>
            <CategoryBlock category={category} index={i} count={tree.length} handleProps={drag.handleProps(category.id)} />
          </li>
        ))}
      </ol>
      {isAdmin ? <AddForm label="Category name" button="Add category" onAdd={(name) => actions.createCategory(name)} /> : null}
    </Actions.Provider>
  );
}

function currentIds(tree: T.Tree, kind: ReorderKind, parentId: string | null): string[] {
  if (kind === 'categories') return idsOf(tree);
  if (kind === 'subcategories') return idsOf(tree.find((c) => c.id === parentId)?.subcategories ?? []);
  return idsOf(T.findSubcategory(tree, parentId ?? '')?.options ?? []);
}

// ---------------------------------------------------------------- category

function CategoryBlock({ category, index, count, handleProps }: { category: AdminCategory; index: number; count: number; handleProps: Record<string, unknown> }) {
  const a = useActions();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const drag = useDragReorder(`subcategories-${category.id}`, category.subcategories, (next, moved) => a.reorderList('subcategories', category.id, next, moved), !a.readOnly);
  const optionCount = T.countOptions(category);

  return (
    <section className="cat-category" aria-labelledby={headingId}>
      <div className="cat-category__head">
        {!a.readOnly ? <DragHandle name={category.name} {...handleProps} /> : null}
        {!a.readOnly ? (
          <MoveButtons
            name={`category ${category.name}`}
            index={index}
            count={count}
            onMove={(delta) => {
              const next = moveById(a.tree, category.id, delta);
              if (next) a.reorderList('categories', null, next, category.id);
            }}
          />
        ) : null}
        <h2 id={headingId} className="cat-category__title">
          <span className={a.readOnly ? undefined : 'visually-hidden'}>{category.name}</span>
        </h2>
        {!a.readOnly ? (
          <InlineText
            label={`Name of category ${category.name}`}
            hideLabel
            className="cat-inline--title"
            value={category.name}
            readOnly={a.readOnly}
            onDirtyChange={(d) => a.reportDirty(`cat-name-${category.id}`, d)}
            onSave={(name) => a.renameCategory(category.id, name)}
          />
        ) : null}
        <span className="cat-muted">
          {category.subcategories.length} subcategories · {optionCount} options
        </span>
        {!a.readOnly ? (
          <span className="cat-category__delete">
            <ConfirmButton
              label="Delete category"
              confirmLabel={`Confirm deleting category ${category.name} with its ${category.subcategories.length} subcategories and ${optionCount} options`}
              onConfirm={async () => {
                setError(null);
                const result = await a.deleteCategory(category.id);
                if (!result.ok) setError(result.message);
              }}
            />
          </span>
        ) : null}
      </div>
      <InlineError message={error} />
      <ol className="cat-subs" aria-label={`Subcategories of ${category.name}`}>
        {category.subcategories.map((sub, i) => (
          <li key={sub.id} className="cat-subs__item" {...drag.itemProps(sub.id)}>
            <SubcategoryBlock subcategory={sub} category={category} index={i} handleProps={drag.handleProps(sub.id)} />
          </li>
        ))}
      </ol>
      {!a.readOnly ? <AddSubcategoryForm categoryId={category.id} categoryName={category.name} /> : null}
    </section>
  );
}

function AddSubcategoryForm({ categoryId, categoryName }: { categoryId: string; categoryName: string }) {
  const a = useActions();
  const [visual, setVisual] = useState(false);
  const id = useId();
  return (
    <AddForm
      label={`New subcategory in ${categoryName}`}
      button="Add subcategory"
      onAdd={(name) => a.createSubcategory(categoryId, name, visual)}
      extra={
        <label className="cat-check" htmlFor={id}>
          <input id={id} type="checkbox" checked={visual} onChange={(e) => setVisual(e.target.checked)} /> Shown in room photos
        </label>
      }
    />
  );
}

// ---------------------------------------------------------------- subcategory

function SubcategoryBlock({ subcategory, category, index, handleProps }: { subcategory: AdminSubcategory; category: AdminCategory; index: number; handleProps: Record<string, unknown> }) {
  const a = useActions();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  const [defaultError, setDefaultError] = useState<string | null>(null);
  const drag = useDragReorder(`options-${subcategory.id}`, subcategory.options, (next, moved) => a.reorderList('options', subcategory.id, next, moved), !a.readOnly);
  const hasDefault = subcategory.options.some((o) => o.isDefault);
  const radioName = `default-${subcategory.id}`;

  return (
    <section className="cat-sub" aria-labelledby={headingId}>
      <div className="cat-sub__head">
        {!a.readOnly ? <DragHandle name={subcategory.name} {...handleProps} /> : null}
        {!a.readOnly ? (
          <MoveButtons
            name={`subcategory ${subcategory.name}`}
            index={index}
            count={category.subcategories.length}
            onMove={(delta) => {
              const next = moveById(category.subcategories, subcategory.id, delta);
              if (next) a.reorderList('subcategories', category.id, next, subcategory.id);
            }}
          />
        ) : null}
        <h3 id={headingId} className="cat-sub__title">
          <span className={a.readOnly ? undefined : 'visually-hidden'}>{subcategory.name}</span>
        </h3>
        {!a.readOnly ? (
          <InlineText
            label={`Name of subcategory ${subcategory.name}`}
            hideLabel
            className="cat-inline--subtitle"
            value={subcategory.name}
            readOnly={a.readOnly}
            onDirtyChange={(d) => a.reportDirty(`sub-name-${subcategory.id}`, d)}
            onSave={(name) => a.renameSubcategory(subcategory.id, { name })}
          />
        ) : null}
        {subcategory.isVisual ? <span className="cat-tag">In photos</span> : null}
        {subcategory.isAdditive ? <span className="cat-tag">Per {subcategory.unitLabel ?? 'unit'}</span> : null}
        {!a.readOnly ? (
          <span className="cat-sub__delete">
            <ConfirmButton
              label="Delete subcategory"
              confirmLabel={`Confirm deleting subcategory ${subcategory.name} with its ${subcategory.options.length} options`}
              onConfirm={async () => {
                setError(null);
                const result = await a.deleteSubcategory(subcategory.id);
                if (!result.ok) setError(result.message);
              }}
            />
          </span>
        ) : null}
      </div>
      <InlineError message={error} />
      <fieldset className="cat-defaults">
        <legend className="visually-hidden">Default choice of {subcategory.name}</legend>
        <label className="cat-check cat-defaults__none">
          <input
            type="radio"
            name={radioName}
            checked={!hasDefault}
            disabled={a.readOnly}
            onChange={async () => {
              setDefaultError(null);
              const result = await a.clearDefault(subcategory.id);
              if (!result.ok) setDefaultError(result.message);
            }}
          />{' '}
          No default (buyers start on the first included option)
        </label>
        <InlineError message={defaultError} />
        {subcategory.options.length === 0 ? <p className="cat-empty">No options yet.</p> : null}
        <ol className="cat-options" aria-label={`Options of ${subcategory.name}`}>
          {subcategory.options.map((option, i) => (
            <li key={option.id} className="cat-option" data-option-id={option.id} {...drag.itemProps(option.id)}>
              <OptionRow
                option={option}
                subcategory={subcategory}
                index={i}
                radioName={radioName}
                handleProps={drag.handleProps(option.id)}
                onDefaultError={setDefaultError}
              />
            </li>
          ))}
        </ol>
      </fieldset>
      {!a.readOnly ? <AddOptionForm subcategory={subcategory} /> : null}
    </section>
  );
}

// ---------------------------------------------------------------- option

function OptionRow({
  option,
  subcategory,
  index,
  radioName,
  handleProps,
  onDefaultError,
}: {
  option: AdminOption;
  subcategory: AdminSubcategory;
  index: number;
  radioName: string;
  handleProps: Record<string, unknown>;
  onDefaultError: (message: string | null) => void;
}) {
  const a = useActions();
  const [error, setError] = useState<string | null>(null);
  const { own, incoming } = rulesOf(option.id, a.rules);
  const fpNames = useMemo(() => new Map(a.floorplans.map((f) => [f.id, f.name])), [a.floorplans]);

  return (
    <div className="cat-option__row">
      <div className="cat-option__main">
        {!a.readOnly ? <DragHandle name={option.name} {...handleProps} /> : null}
        {!a.readOnly ? (
          <MoveButtons
            name={option.name}
            index={index}
            count={subcategory.options.length}
            onMove={(delta) => {
              const next = moveById(subcategory.options, option.id, delta);
              if (next) a.reorderList('options', subcategory.id, next, option.id);
            }}
          />
        ) : null}
        <SwatchCell option={option} />
        <InlineText
          label={`Name of ${option.name}`}
          hideLabel
          className="cat-option__name"
          value={option.name}
          readOnly={a.readOnly}
          onDirtyChange={(d) => a.reportDirty(`opt-name-${option.id}`, d)}
          onSave={(name) => a.saveOption(option.id, { name })}
        />
        <InlinePrice
          label={`Price of ${option.name}`}
          hideLabel
          className="cat-option__price"
          cents={option.priceCents}
          readOnly={a.readOnly}
          onDirtyChange={(d) => a.reportDirty(`opt-price-${option.id}`, d)}
          onSave={(priceCents) => a.saveOption(option.id, { priceCents })}
        />
        <label className="cat-check cat-option__default">
          <input
            type="radio"
            name={radioName}
            checked={option.isDefault}
            disabled={a.readOnly}
            aria-label={`Default choice of ${subcategory.name}: ${option.name}`}
            onChange={async () => {
              onDefaultError(null);
              const result = await a.saveOption(option.id, { isDefault: true });
              if (!result.ok) onDefaultError(result.message);
            }}
          />
          <span aria-hidden="true">Default</span>
        </label>
        {!option.isActive ? <span className="cat-tag cat-tag--warn">Hidden</span> : null}
      </div>
      <Disclosure
        className="cat-option__more"
        summary={
          <span>
            Details
            <span className="cat-muted">
              {' '}
              · {scopeSummary(option.floorplanIds, fpNames)}
              {own.length + incoming.length ? ` · ${own.length + incoming.length} rule${own.length + incoming.length === 1 ? '' : 's'}` : ''}
            </span>
            <span className="visually-hidden"> for {option.name}</span>
          </span>
        }
      >
        {() => (
          <div className="cat-option__details">
            <ScopeEditor option={option} />
            <RulesEditor option={option} />
            {!a.readOnly ? (
              <div className="cat-option__danger">
                <ConfirmButton
                  label="Delete option"
                  confirmLabel={`Confirm deleting option ${option.name}`}
                  onConfirm={async () => {
                    setError(null);
                    const result = await a.deleteOption(option.id);
                    if (!result.ok) setError(result.message);
                  }}
                />
                <InlineError message={error} />
              </div>
            ) : null}
          </div>
        )}
      </Disclosure>
    </div>
  );
}

/** The swatch (image or colour), with upload and a local preview while the upload runs. */
function SwatchCell({ option }: { option: AdminOption }) {
  const a = useActions();
  const inputId = useId();
  const errorId = useId();
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => () => {
    if (preview) URL.revokeObjectURL(preview);
  }, [preview]);

  const color = normalizeHex(option.swatchColor);
  const src = preview ?? option.swatchUrl;

  async function onFile(file: File | undefined) {
    if (!file) return;
    setError(null);
    const url = URL.createObjectURL(file);
    setPreview(url);
    setBusy(true);
    const result = await a.uploadSwatch(option, file);
    setBusy(false);
    setPreview(null);
    if (!result.ok) setError(result.message);
  }

  async function onRemove() {
    setError(null);
    setBusy(true);
    const result = await a.removeSwatch(option);
    setBusy(false);
    if (!result.ok) setError(result.message);
  }

  return (
    <div className="cat-swatch">
      <span className={`cat-swatch__media${busy ? ' is-busy' : ''}`}>
        {src ? (
          <img src={src} alt={`Swatch of ${option.name}`} width={48} height={48} />
        ) : (
          <span className="cat-swatch__chip" style={color ? { background: color } : undefined} aria-hidden="true">
            {color ? null : option.name.slice(0, 1)}
          </span>
        )}
      </span>
      {!a.readOnly ? (
        <>
          <label htmlFor={inputId} className="cat-swatch__upload">
            {busy ? 'Uploading…' : option.swatchUrl ? 'Replace' : 'Upload'}
            <span className="visually-hidden"> swatch for {option.name}</span>
          </label>
          <input
            id={inputId}
            type="file"
            className="cat-fileinput"
            accept="image/png,image/jpeg,image/webp"
            aria-describedby={error ? errorId : undefined}
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              // Cleared so choosing the same file again (after fixing a 413, say) fires again.
              e.target.value = '';
              void onFile(file);
            }}
          />
          {option.swatchUrl && !busy ? (
            <button type="button" className="cat-swatch__remove" onClick={() => void onRemove()}>
              Remove<span className="visually-hidden"> swatch image of {option.name}</span>
            </button>
          ) : null}
        </>
      ) : null}
      {error ? <InlineError id={errorId} message={error} /> : null}
    </div>
  );
}

function ScopeEditor({ option }: { option: AdminOption }) {
  const a = useActions();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const allIds = a.floorplans.map((f) => f.id);
  // Nothing stored means every floorplan, so that is what the boxes show.
  const effective = new Set(option.floorplanIds.length ? option.floorplanIds : allIds);

  async function toggle(floorplanId: string, checked: boolean) {
    const next = new Set(effective);
    if (checked) next.add(floorplanId);
    else next.delete(floorplanId);
    if (next.size === 0) {
      setError('An option must be offered on at least one floorplan. To stop offering it, delete it.');
      return;
    }
    // Every floorplan ticked is stored as "no restriction", so new floorplans offer it too.
    const floorplanIds = next.size === allIds.length ? [] : allIds.filter((id) => next.has(id));
    setPending(true);
    setError(null);
    const result = await a.saveOption(option.id, { floorplanIds });
    setPending(false);
    if (!result.ok) setError(result.message);
  }

  return (
    <fieldset className="cat-scope" aria-busy={pending || undefined}>
      <legend>Offered on</legend>
      {a.floorplans.length === 0 ? <p className="cat-muted">No floorplans yet.</p> : null}
      {a.floorplans.map((fp) => (
        <label key={fp.id} className="cat-check">
          <input
            type="checkbox"
            checked={effective.has(fp.id)}
            disabled={a.readOnly || pending}
            onChange={(e) => void toggle(fp.id, e.target.checked)}
          />{' '}
          {fp.name}
          {fp.isActive ? '' : ' (inactive)'}
        </label>
      ))}
      <p className="cat-muted cat-scope__hint">
        {option.floorplanIds.length === 0 ? 'Offered on every floorplan, including ones added later.' : 'Only on the ticked floorplans.'}
      </p>
      <InlineError message={error} />
    </fieldset>
  );
}

function RulesEditor({ option }: { option: AdminOption }) {
  const a = useActions();
  const { own, incoming } = rulesOf(option.id, a.rules);
  const choices = useMemo(() => T.optionChoices(a.tree), [a.tree]);
  const byId = useMemo(() => new Map(choices.map((c) => [c.id, c])), [choices]);
  const subcategoryOf = useMemo(() => new Map(choices.map((c) => [c.id, c.subcategoryId])), [choices]);
  const [kind, setKind] = useState<RuleKind>('requires');
  const [target, setTarget] = useState('');
  const [ruleMessage, setRuleMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { kind: useId(), target: useId(), message: useId() };
  useReportDirty(a.reportDirty, `rule-draft-${option.id}`, !!(target || ruleMessage.trim()));

  const label = (id: string) => {
    const c = byId.get(id);
    return c ? `${c.name} (${c.path})` : 'an option that no longer exists';
  };

  const groups = useMemo(() => {
    const out = new Map<string, typeof choices>();
    for (const c of choices) if (c.id !== option.id) out.set(c.path, [...(out.get(c.path) ?? []), c]);
    return [...out];
  }, [choices, option.id]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const draft = { optionId: option.id, kind, targetOptionId: target };
    const problem = ruleProblem(draft, a.rules, subcategoryOf);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await a.addRule({ ...draft, message: ruleMessage.trim() || null });
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setTarget('');
    setRuleMessage('');
  }

  return (
    <div className="cat-rules">
      <h4 className="cat-rules__title">Rules</h4>
      {own.length + incoming.length === 0 ? <p className="cat-muted">No rules.</p> : null}
      <ul className="cat-rules__list">
        {own.map((r) => (
          <li key={r.id}>
            <span>
              <strong>{ruleVerb(r.kind)}</strong> {label(r.targetOptionId)}
              {r.message ? <span className="cat-muted"> — “{r.message}”</span> : null}
            </span>
            {!a.readOnly ? (
              <ConfirmButton
                label="Remove"
                confirmLabel={`Confirm removing the rule: ${option.name} ${ruleVerb(r.kind).toLowerCase()} ${byId.get(r.targetOptionId)?.name ?? 'option'}`}
                onConfirm={async () => {
                  setError(null);
                  const result = await a.deleteRule(r.id);
                  if (!result.ok) setError(result.message);
                }}
              />
            ) : null}
          </li>
        ))}
        {incoming.map((r) => (
          <li key={r.id} className="cat-rules__incoming">
            <span>
              <strong>{ruleVerb(r.kind, true)}</strong> {label(r.optionId)}
            </span>
            <span className="cat-muted">(edit on that option)</span>
          </li>
        ))}
      </ul>
      {!a.readOnly ? (
        <form className="cat-rules__form" onSubmit={onSubmit} aria-label={`Add a rule to ${option.name}`}>
          <div className="cat-field">
            <label htmlFor={ids.kind}>This option</label>
            <select id={ids.kind} className="cat-input" value={kind} onChange={(e) => setKind(e.target.value as RuleKind)}>
              <option value="requires">requires</option>
              <option value="excludes">excludes</option>
            </select>
          </div>
          <div className="cat-field cat-field--grow">
            <label htmlFor={ids.target}>Other option</label>
            <select id={ids.target} className="cat-input" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">Choose an option…</option>
              {groups.map(([path, list]) => (
                <optgroup key={path} label={path}>
                  {list.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <div className="cat-field cat-field--grow">
            <label htmlFor={ids.message}>Message to buyers (optional)</label>
            <input id={ids.message} className="cat-input" value={ruleMessage} maxLength={300} onChange={(e) => setRuleMessage(e.target.value)} />
          </div>
          <button type="submit" className="button cat-btn" aria-disabled={busy || undefined}>
            {busy ? 'Adding…' : 'Add rule'}
          </button>
        </form>
      ) : null}
      <InlineError message={error} />
    </div>
  );
}

function AddOptionForm({ subcategory }: { subcategory: AdminSubcategory }) {
  const a = useActions();
  const [price, setPrice] = useState('0');
  const priceId = useId();
  const [priceError, setPriceError] = useState<string | null>(null);
  return (
    <AddForm
      label={`New option in ${subcategory.name}`}
      button="Add option"
      validate={() => {
        const parsed = parseDollars(price);
        setPriceError(parsed.ok ? null : parsed.error);
        return parsed.ok;
      }}
      onAdd={async (name) => {
        const parsed = parseDollars(price);
        if (!parsed.ok) return { ok: false, message: parsed.error };
        const result = await a.createOption(subcategory.id, name, parsed.cents);
        if (result.ok) setPrice('0');
        return result;
      }}
      extra={
        <div className="cat-field cat-field--price">
          <label htmlFor={priceId}>Price ($)</label>
          <input
            id={priceId}
            className="cat-input"
            inputMode="decimal"
            value={price}
            aria-invalid={priceError ? true : undefined}
            onChange={(e) => {
              setPrice(e.target.value);
              setPriceError(null);
            }}
          />
          {priceError ? <InlineError message={priceError} /> : null}
        </div>
      }
    />
  );
}

/** A one-field create form ("New option in Flooring" + Add); keeps the name on failure. */
function AddForm({
  label,
  button,
  onAdd,
  extra,
  validate,
}: {
  label: string;
  button: string;
  onAdd: (name: string) => Promise<Result>;
  extra?: ReactNode;
  validate?: () => boolean;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useReportDirty(useContext(Actions)?.reportDirty, `add-${id}`, name.trim().length > 0);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const trimmed = name.trim();
    if (!trimmed) {
      setError('Enter a name.');
      return;
    }
    if (validate && !validate()) return;
    setBusy(true);
    setError(null);
    const result = await onAdd(trimmed);
    setBusy(false);
    if (result.ok) setName('');
    else setError(result.message);
  }

  return (
    <form className="cat-add" onSubmit={onSubmit} noValidate>
      <div className="cat-field cat-field--grow">
        <label htmlFor={id}>{label}</label>
        <input id={id} className="cat-input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
      </div>
      {extra}
      <button type="submit" className="button cat-btn" aria-disabled={busy || undefined}>
        {busy ? 'Adding…' : button}
      </button>
      <InlineError message={error} />
    </form>
  );
}
