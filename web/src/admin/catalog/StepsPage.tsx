/**
 * `/admin/steps?floorplan=<id>`: a floorplan's wizard steps. Steps reorder (drag or move
 * buttons, saved at once), rename in place, and group subcategories into titled sections.
 * Sections are edited as a draft and saved whole (the API replaces them in one UPDATE), so
 * a half-done regrouping never reaches buyers.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ConfirmButton, LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useAdmin } from '../context';
import { useLoad } from '../hooks';
import * as api from './api';
import type { AdminFloorplan, AdminStep, StepSection } from './api';
import { idsOf, moveAnnouncement, moveById } from './order';
import * as S from './sections';
import type { Tree } from './tree';
import {
  DragHandle,
  InlineError,
  InlineText,
  LiveRegion,
  MoveButtons,
  useAnnouncer,
  useApiCall,
  useCatalogTitle,
  useDirtySet,
  useDragReorder,
  useParamChoice,
  useReportDirty,
  FloorplanPicker,
} from './ui';
import './catalog.css';

interface SubRef {
  id: string;
  name: string;
  path: string;
}

export function StepsPage() {
  useCatalogTitle('Steps');
  const base = useLoad(
    async (signal) => {
      const [fps, tree] = await Promise.all([api.fetchFloorplans(signal), api.fetchTree(signal)]);
      return { floorplans: fps.floorplans, tree: tree.categories };
    },
    'steps-base',
  );
  return (
    <div className="cat-page">
      <PageHead title="Steps">The wizard buyers walk through, per floorplan: the order of the steps and which subcategories each step shows, grouped in sections.</PageHead>
      <ReadOnlyNote />
      {base.status === 'loading' ? <Loading label="Loading floorplans…" /> : null}
      {base.status === 'error' ? <LoadError error={base.error} onRetry={base.reload} /> : null}
      {base.status === 'ready' ? <StepsForFloorplan floorplans={base.data.floorplans} tree={base.data.tree} /> : null}
    </div>
  );
}

function subRefs(tree: Tree): SubRef[] {
  return tree.flatMap((c) => c.subcategories.map((s) => ({ id: s.id, name: s.name, path: `${c.name} › ${s.name}` })));
}

function StepsForFloorplan({ floorplans, tree }: { floorplans: AdminFloorplan[]; tree: Tree }) {
  const [floorplanId, setFloorplanId] = useParamChoice(
    'floorplan',
    floorplans.map((f) => f.id),
  );
  const detail = useLoad((signal) => (floorplanId ? api.fetchFloorplan(floorplanId, signal) : Promise.resolve(null)), `steps-${floorplanId}`);
  const { dirty, report } = useDirtySet();
  const subs = useMemo(() => subRefs(tree), [tree]);

  if (!floorplans.length) {
    return (
      <p className="cat-empty">
        No floorplans yet. <Link to="/admin/floorplans">Create one first.</Link>
      </p>
    );
  }
  return (
    <>
      <FloorplanPicker
        floorplans={floorplans}
        value={floorplanId}
        onChange={(id) => {
          if (dirty && !window.confirm('You have unsaved changes on this floorplan’s steps. Switch floorplans and discard them?')) return;
          setFloorplanId(id);
        }}
      />
      {detail.status === 'loading' ? <Loading label="Loading steps…" /> : null}
      {detail.status === 'error' ? <LoadError error={detail.error} onRetry={detail.reload} /> : null}
      {detail.status === 'ready' && detail.data ? <StepList key={detail.data.id} floorplan={detail.data} subs={subs} reportDirty={report} /> : null}
    </>
  );
}

function StepList({ floorplan, subs, reportDirty }: { floorplan: api.FloorplanDetail; subs: SubRef[]; reportDirty: (key: string, dirty: boolean) => void }) {
  const { isAdmin } = useAdmin();
  const call = useApiCall();
  const [steps, setSteps] = useState<AdminStep[]>(floorplan.steps);
  const [error, setError] = useState<string | null>(null);
  const [message, announce] = useAnnouncer();
  const stepsRef = useRef(steps);
  stepsRef.current = steps;

  function reorder(next: AdminStep[], movedId: string) {
    const previous = idsOf(stepsRef.current);
    setSteps(next);
    const moved = next.find((s) => s.id === movedId);
    if (moved) announce(moveAnnouncement(moved.name, next, movedId));
    setError(null);
    void call(() => api.reorder('steps', idsOf(next))).then((result) => {
      if (result.ok) return;
      setSteps((list) => previous.map((id) => list.find((s) => s.id === id)).filter((s): s is AdminStep => !!s));
      setError(`The new step order was not saved and has been undone: ${result.message}`);
    });
  }

  const replace = (step: AdminStep) => setSteps((list) => list.map((s) => (s.id === step.id ? step : s)));
  const drag = useDragReorder(`steps-${floorplan.id}`, steps, reorder, isAdmin);

  return (
    <>
      <LiveRegion message={message} />
      <InlineError message={error} />
      {steps.length === 0 ? <p className="cat-empty">{floorplan.name} has no steps yet.</p> : null}
      <ol className="cat-steps" aria-label={`Steps of ${floorplan.name}`}>
        {steps.map((step, i) => (
          <li key={step.id} className="cat-step" {...drag.itemProps(step.id)}>
            <section className="cat-step__card" aria-label={`Step ${i + 1}: ${step.name}`}>
              <div className="cat-step__head">
                {isAdmin ? <DragHandle name={step.name} {...drag.handleProps(step.id)} /> : null}
                {isAdmin ? (
                  <MoveButtons
                    name={`step ${step.name}`}
                    index={i}
                    count={steps.length}
                    onMove={(delta) => {
                      const next = moveById(steps, step.id, delta);
                      if (next) reorder(next, step.id);
                    }}
                  />
                ) : null}
                <span className="cat-step__number" aria-hidden="true">
                  {i + 1}
                </span>
                <h2 className="cat-step__title">
                  <span className={isAdmin ? 'visually-hidden' : undefined}>{step.name}</span>
                </h2>
                {isAdmin ? (
                  <InlineText
                    label={`Name of step ${step.name}`}
                    hideLabel
                    className="cat-inline--subtitle"
                    value={step.name}
                    readOnly={!isAdmin}
                    onDirtyChange={(d) => reportDirty(`step-name-${step.id}`, d)}
                    onSave={async (name) => {
                      const result = await call(() => api.updateStep(step.id, { name }));
                      if (!result.ok) return result;
                      replace(result.value);
                      announce(`Renamed the step to ${result.value.name}.`);
                      return { ok: true };
                    }}
                  />
                ) : null}
                <Link className="cat-linkbtn" to={`/admin/photos?floorplan=${encodeURIComponent(floorplan.id)}&step=${encodeURIComponent(step.id)}`}>
                  {step.photos.length} photo{step.photos.length === 1 ? '' : 's'}
                  <span className="visually-hidden"> of {step.name}</span>
                </Link>
                {isAdmin ? (
                  <ConfirmButton
                    label="Delete step"
                    confirmLabel={`Confirm deleting step ${step.name} and its ${step.photos.length} photos`}
                    onConfirm={async () => {
                      setError(null);
                      const result = await call(() => api.deleteStep(step.id));
                      if (!result.ok) {
                        setError(result.message);
                        return;
                      }
                      setSteps((list) => list.filter((s) => s.id !== step.id));
                      announce(`Deleted the step ${step.name}.`);
                    }}
                  />
                ) : null}
              </div>
              <InlineText
                label="Subtitle"
                className="cat-step__subtitle"
                value={step.subtitle ?? ''}
                required={false}
                maxLength={200}
                readOnly={!isAdmin}
                onDirtyChange={(d) => reportDirty(`step-sub-${step.id}`, d)}
                onSave={async (subtitle) => {
                  const result = await call(() => api.updateStep(step.id, { subtitle: subtitle || null }));
                  if (!result.ok) return result;
                  replace(result.value);
                  announce('Subtitle saved.');
                  return { ok: true };
                }}
              />
              <SectionsEditor
                step={step}
                subs={subs}
                readOnly={!isAdmin}
                reportDirty={reportDirty}
                onSave={async (sections) => {
                  const result = await call(() => api.updateStep(step.id, { sections }));
                  if (!result.ok) return result.message;
                  replace(result.value);
                  announce(`Saved the sections of ${step.name}.`);
                  return null;
                }}
              />
            </section>
          </li>
        ))}
      </ol>
      {isAdmin ? (
        <AddStep
          floorplanName={floorplan.name}
          reportDirty={reportDirty}
          onAdd={async (name) => {
            const result = await call(() => api.createStep({ floorplanId: floorplan.id, name }));
            if (!result.ok) return result.message;
            setSteps((list) => [...list, result.value]);
            announce(`Added the step ${result.value.name}.`);
            return null;
          }}
        />
      ) : null}
    </>
  );
}

function AddStep({ floorplanName, onAdd, reportDirty }: { floorplanName: string; onAdd: (name: string) => Promise<string | null>; reportDirty: (key: string, dirty: boolean) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useReportDirty(reportDirty, `add-step-${id}`, name.trim().length > 0);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setError('Enter a name for the step.');
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await onAdd(name.trim());
    setBusy(false);
    if (problem) setError(problem);
    else setName('');
  }
  return (
    <form className="cat-add" onSubmit={submit} noValidate>
      <div className="cat-field cat-field--grow">
        <label htmlFor={id}>New step in {floorplanName}</label>
        <input id={id} className="cat-input" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      </div>
      <button type="submit" className="button cat-btn" aria-disabled={busy || undefined}>
        {busy ? 'Adding…' : 'Add step'}
      </button>
      <InlineError message={error} />
    </form>
  );
}

function SectionsEditor({
  step,
  subs,
  readOnly,
  reportDirty,
  onSave,
}: {
  step: AdminStep;
  subs: SubRef[];
  readOnly: boolean;
  reportDirty: (key: string, dirty: boolean) => void;
  onSave: (sections: StepSection[]) => Promise<string | null>;
}) {
  const [draft, setDraft] = useState<StepSection[]>(step.sections);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const titleId = useId();
  const dirty = !S.sameSections(draft, step.sections);
  useReportDirty(reportDirty, `sections-${step.id}`, dirty || newTitle.trim().length > 0);
  const byId = useMemo(() => new Map(subs.map((s) => [s.id, s])), [subs]);
  const free = S.unassigned(draft, subs);

  // A save elsewhere (or the first load) replaces the saved sections; a clean draft follows.
  const savedJson = JSON.stringify(step.sections);
  const lastSaved = useRef(savedJson);
  useEffect(() => {
    if (lastSaved.current === savedJson) return;
    lastSaved.current = savedJson;
    setDraft((d) => (dirty ? d : step.sections));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [savedJson]);

  async function save() {
    const problems = S.sectionProblems(draft);
    if (problems.length) {
      setError(problems.join(' '));
      return;
    }
    setBusy(true);
    setError(null);
    const sections = S.sectionsForSave(draft);
    const problem = await onSave(sections);
    setBusy(false);
    if (problem) setError(problem);
    else setDraft(sections);
  }

  return (
    <div className="cat-sections">
      <h3 className="cat-sections__title">Sections</h3>
      {draft.length === 0 ? <p className="cat-muted">No sections: buyers see nothing on this step yet.</p> : null}
      <ol className="cat-sections__list">
        {draft.map((section, i) => (
          <li key={i} className="cat-section">
            <SectionBlock
              section={section}
              index={i}
              count={draft.length}
              readOnly={readOnly}
              byId={byId}
              free={free}
              onChange={(edit) => {
                setDraft((d) => edit(d));
                setError(null);
              }}
            />
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <>
          <div className="cat-add cat-add--inline">
            <div className="cat-field cat-field--grow">
              <label htmlFor={titleId}>New section title</label>
              <input
                id={titleId}
                className="cat-input"
                value={newTitle}
                maxLength={S.SECTION_LIMITS.titleLength}
                onChange={(e) => setNewTitle(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    if (newTitle.trim()) {
                      setDraft((d) => S.addSection(d, newTitle));
                      setNewTitle('');
                    }
                  }
                }}
              />
            </div>
            <button
              type="button"
              className="button cat-btn cat-btn--quiet"
              onClick={() => {
                if (!newTitle.trim()) {
                  setError('Enter a title for the new section.');
                  return;
                }
                setDraft((d) => S.addSection(d, newTitle));
                setNewTitle('');
              }}
            >
              Add section
            </button>
          </div>
          <div className="cat-form__actions">
            <button type="button" className="button cat-btn" disabled={!dirty} aria-disabled={busy || undefined} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save sections'}
              <span className="visually-hidden"> of {step.name}</span>
            </button>
            <button type="button" className="cat-linkbtn" disabled={!dirty || busy} onClick={() => setDraft(step.sections)}>
              Revert
            </button>
            {dirty ? <span className="cat-muted">Unsaved changes</span> : null}
          </div>
        </>
      ) : null}
      <InlineError message={error} />
    </div>
  );
}

function SectionBlock({
  section,
  index,
  count,
  readOnly,
  byId,
  free,
  onChange,
}: {
  section: StepSection;
  index: number;
  count: number;
  readOnly: boolean;
  byId: Map<string, SubRef>;
  free: SubRef[];
  onChange: (edit: (sections: StepSection[]) => StepSection[]) => void;
}) {
  const titleId = useId();
  const addId = useId();
  const listId = useId();
  const [toAdd, setToAdd] = useState('');
  const items = section.subcategoryIds.map((id) => ({ id, name: byId.get(id)?.name ?? 'Deleted subcategory' }));
  const drag = useDragReorder(`section-${listId}`, items, (next) => onChange((all) => all.map((s, i) => (i === index ? { ...s, subcategoryIds: idsOf(next) } : s))), !readOnly);
  const label = section.title.trim() || `Section ${index + 1}`;

  return (
    <div className="cat-section__body">
      <div className="cat-section__head">
        {!readOnly ? <MoveButtons name={`section ${label}`} index={index} count={count} onMove={(d) => onChange((all) => S.moveSection(all, index, d))} /> : null}
        <div className="cat-field cat-field--grow">
          <label htmlFor={titleId} className="visually-hidden">
            Title of section {index + 1}
          </label>
          <input
            id={titleId}
            className="cat-input cat-input--strong"
            value={section.title}
            readOnly={readOnly}
            maxLength={S.SECTION_LIMITS.titleLength}
            onChange={(e) => {
              const title = e.target.value;
              onChange((all) => S.renameSection(all, index, title));
            }}
          />
        </div>
        {!readOnly ? (
          <button type="button" className="cat-linkbtn cat-linkbtn--danger" onClick={() => onChange((all) => S.removeSection(all, index))}>
            Remove section<span className="visually-hidden"> {label}</span>
          </button>
        ) : null}
      </div>
      {items.length === 0 ? <p className="cat-muted">No subcategories in this section.</p> : null}
      <ol className="cat-section__subs" aria-label={`Subcategories in ${label}`}>
        {items.map((item, i) => (
          <li key={item.id} className="cat-section__sub" {...drag.itemProps(item.id)}>
            {!readOnly ? <DragHandle name={item.name} {...drag.handleProps(item.id)} /> : null}
            {!readOnly ? (
              <MoveButtons name={item.name} index={i} count={items.length} onMove={(d) => onChange((all) => S.moveSubcategory(all, index, item.id, d))} />
            ) : null}
            <span className="cat-section__subname">{byId.get(item.id)?.path ?? item.name}</span>
            {!readOnly ? (
              <button type="button" className="cat-linkbtn cat-linkbtn--danger" onClick={() => onChange((all) => S.unassignSubcategory(all, index, item.id))}>
                Remove<span className="visually-hidden"> {item.name} from {label}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <div className="cat-add cat-add--inline">
          <div className="cat-field cat-field--grow">
            <label htmlFor={addId}>Add a subcategory to {label}</label>
            <select id={addId} className="cat-input" value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
              <option value="">Choose…</option>
              {free.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.path}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button cat-btn cat-btn--quiet"
            disabled={!toAdd}
            onClick={() => {
              if (!toAdd) return;
              onChange((all) => S.assignSubcategory(all, index, toAdd));
              setToAdd('');
            }}
          >
            Add<span className="visually-hidden"> to {label}</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
