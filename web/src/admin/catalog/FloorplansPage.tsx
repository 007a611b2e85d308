/**
 * `/admin/floorplans`: create, edit and activate or deactivate floorplans. Inactive
 * floorplans are hidden from buyers (their buyer URL answers 404) but keep their data.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ConfirmButton, LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useAdmin } from '../context';
import { useLoad } from '../hooks';
import { floorplanFacts } from '../../lib/format';
import { formatCents } from '../../lib/money';
import * as api from './api';
import type { AdminFloorplan } from './api';
import { draftOf, EMPTY_DRAFT, parseDraft, sameDraft, type DraftErrors, type FloorplanDraft } from './floorplanForm';
import { InlineError, LiveRegion, useAnnouncer, useApiCall, useCatalogTitle, useDirtySet, useReportDirty } from './ui';
import './catalog.css';

export function FloorplansPage() {
  useCatalogTitle('Floorplans');
  const state = useLoad((signal) => api.fetchFloorplans(signal).then((r) => r.floorplans), 'floorplans');
  return (
    <div className="cat-page">
      <PageHead title="Floorplans">The plans buyers choose from. Deactivate a plan to hide it from buyers without losing its steps, prices or saved selections.</PageHead>
      <ReadOnlyNote />
      {state.status === 'loading' ? <Loading label="Loading floorplans…" /> : null}
      {state.status === 'error' ? <LoadError error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'ready' ? <FloorplanList initial={state.data} /> : null}
    </div>
  );
}

function FloorplanList({ initial }: { initial: AdminFloorplan[] }) {
  const { isAdmin } = useAdmin();
  const call = useApiCall();
  const [floorplans, setFloorplans] = useState(initial);
  const [message, announce] = useAnnouncer();
  const { report } = useDirtySet();

  const replace = (fp: AdminFloorplan) => setFloorplans((list) => list.map((f) => (f.id === fp.id ? fp : f)));

  async function setActive(fp: AdminFloorplan, isActive: boolean): Promise<string | null> {
    replace({ ...fp, isActive });
    const result = await call(() => api.updateFloorplan(fp.id, { isActive }));
    if (!result.ok) {
      // Roll back only the flag: other fields may have been saved meanwhile.
      setFloorplans((list) => list.map((f) => (f.id === fp.id ? { ...f, isActive: fp.isActive } : f)));
      return result.message;
    }
    replace(result.value);
    announce(`${result.value.name} is now ${result.value.isActive ? 'active' : 'inactive'}.`);
    return null;
  }

  return (
    <>
      <LiveRegion message={message} />
      {floorplans.length === 0 ? <p className="cat-empty">No floorplans yet.</p> : null}
      <ul className="cat-cards" aria-label="Floorplans">
        {floorplans.map((fp) => (
          <li key={fp.id}>
            <FloorplanCard
              floorplan={fp}
              readOnly={!isAdmin}
              reportDirty={report}
              onActive={(v) => setActive(fp, v)}
              onSave={async (fields) => {
                const result = await call(() => api.updateFloorplan(fp.id, fields));
                if (!result.ok) return result.message;
                replace(result.value);
                announce(`Saved ${result.value.name}.`);
                return null;
              }}
              onDelete={async () => {
                const result = await call(() => api.deleteFloorplan(fp.id));
                if (!result.ok) return result.message;
                setFloorplans((list) => list.filter((f) => f.id !== fp.id));
                announce(`Deleted ${fp.name}.`);
                return null;
              }}
            />
          </li>
        ))}
      </ul>
      {isAdmin ? (
        <CreateFloorplan
          reportDirty={report}
          onCreate={async (fields) => {
            const result = await call(() => api.createFloorplan(fields));
            if (!result.ok) return result.message;
            setFloorplans((list) => [...list, result.value]);
            announce(`Created ${result.value.name}.`);
            return null;
          }}
        />
      ) : null}
    </>
  );
}

function FloorplanCard({
  floorplan,
  readOnly,
  reportDirty,
  onActive,
  onSave,
  onDelete,
}: {
  floorplan: AdminFloorplan;
  readOnly: boolean;
  reportDirty: (key: string, dirty: boolean) => void;
  onActive: (active: boolean) => Promise<string | null>;
  onSave: (fields: api.FloorplanFields) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
}) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [activeBusy, setActiveBusy] = useState(false);
  const headingId = useId();
  const activeId = useId();
  const facts = floorplanFacts(floorplan);

  return (
    <article className={`cat-card${floorplan.isActive ? '' : ' cat-card--inactive'}`} aria-labelledby={headingId}>
      <div className="cat-card__head">
        <h2 id={headingId} className="cat-card__title">
          {floorplan.name}
        </h2>
        <span className={`cat-tag${floorplan.isActive ? ' cat-tag--ok' : ' cat-tag--warn'}`}>{floorplan.isActive ? 'Active' : 'Inactive'}</span>
      </div>
      <p className="cat-muted">
        /{floorplan.slug}
        {facts.length ? ' · ' : ''}
        {facts.map((f) => `${f.value} ${f.label}`).join(' · ')}
        {floorplan.basePriceCents !== null ? ` · from ${formatCents(floorplan.basePriceCents)}` : ''}
      </p>
      {floorplan.description ? <p>{floorplan.description}</p> : null}
      <div className="cat-card__actions">
        <label className="cat-switch" htmlFor={activeId}>
          <input
            id={activeId}
            type="checkbox"
            role="switch"
            checked={floorplan.isActive}
            disabled={readOnly || activeBusy}
            onChange={async (e) => {
              setActiveBusy(true);
              setError(null);
              const problem = await onActive(e.target.checked);
              setActiveBusy(false);
              setError(problem);
            }}
          />
          <span>Shown to buyers</span>
        </label>
        <Link className="cat-linkbtn" to={`/admin/steps?floorplan=${encodeURIComponent(floorplan.id)}`}>
          Steps<span className="visually-hidden"> of {floorplan.name}</span>
        </Link>
        <Link className="cat-linkbtn" to={`/admin/pricing?floorplan=${encodeURIComponent(floorplan.id)}`}>
          Prices<span className="visually-hidden"> of {floorplan.name}</span>
        </Link>
        {!readOnly ? (
          <button type="button" className="cat-linkbtn" aria-expanded={editing} onClick={() => setEditing((v) => !v)}>
            {editing ? 'Close editor' : 'Edit'}
            <span className="visually-hidden"> {floorplan.name}</span>
          </button>
        ) : null}
        {!readOnly ? (
          <ConfirmButton
            label="Delete"
            confirmLabel={`Confirm deleting floorplan ${floorplan.name} with its steps and photos`}
            onConfirm={async () => {
              setError(null);
              setError(await onDelete());
            }}
          />
        ) : null}
      </div>
      <InlineError message={error} />
      {editing && !readOnly ? (
        <FloorplanForm
          key={floorplan.id}
          initial={draftOf(floorplan)}
          original={floorplan}
          submitLabel="Save floorplan"
          dirtyKey={`fp-${floorplan.id}`}
          reportDirty={reportDirty}
          onCancel={() => setEditing(false)}
          onSubmit={async (fields) => {
            const problem = await onSave(fields);
            if (!problem) setEditing(false);
            return problem;
          }}
        />
      ) : null}
    </article>
  );
}

function CreateFloorplan({ onCreate, reportDirty }: { onCreate: (fields: api.FloorplanFields & { name: string }) => Promise<string | null>; reportDirty: (key: string, dirty: boolean) => void }) {
  const [resetKey, setResetKey] = useState(0);
  return (
    <section className="cat-panel" aria-labelledby="cat-new-floorplan">
      <h2 id="cat-new-floorplan" className="cat-panel__title">
        New floorplan
      </h2>
      <FloorplanForm
        key={resetKey}
        initial={EMPTY_DRAFT}
        submitLabel="Create floorplan"
        dirtyKey="fp-new"
        reportDirty={reportDirty}
        onSubmit={async (fields) => {
          const problem = await onCreate(fields as api.FloorplanFields & { name: string });
          if (!problem) setResetKey((k) => k + 1);
          return problem;
        }}
      />
    </section>
  );
}

const FIELDS: { key: keyof Omit<FloorplanDraft, 'isActive' | 'description'>; label: string; hint?: string; inputMode?: 'numeric' | 'decimal' }[] = [
  { key: 'name', label: 'Name' },
  { key: 'slug', label: 'Address (slug)', hint: 'The buyer page address, e.g. kinkade. Leave empty on a new plan to derive it from the name.' },
  { key: 'bedrooms', label: 'Bedrooms', inputMode: 'numeric' },
  { key: 'bathrooms', label: 'Bathrooms', inputMode: 'decimal', hint: 'Halves allowed, e.g. 2.5' },
  { key: 'squareFeet', label: 'Square feet', inputMode: 'numeric' },
  { key: 'basePrice', label: 'Base price ($)', inputMode: 'decimal' },
];

function FloorplanForm({
  initial,
  original,
  submitLabel,
  dirtyKey,
  reportDirty,
  onSubmit,
  onCancel,
}: {
  initial: FloorplanDraft;
  original?: AdminFloorplan;
  submitLabel: string;
  dirtyKey: string;
  reportDirty: (key: string, dirty: boolean) => void;
  onSubmit: (fields: api.FloorplanFields) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const base = useId();
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = !sameDraft(draft, initial);
  useReportDirty(reportDirty, dirtyKey, dirty);

  const set = (key: keyof FloorplanDraft, value: string | boolean) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const parsed = parseDraft(draft, original);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      setError('Check the highlighted fields.');
      return;
    }
    if (original && Object.keys(parsed.fields).length === 0) {
      onCancel?.();
      return;
    }
    setBusy(true);
    setError(null);
    const problem = await onSubmit(parsed.fields);
    setBusy(false);
    setError(problem);
  }

  return (
    <form className="cat-form" onSubmit={submit} noValidate>
      <div className="cat-form__grid">
        {FIELDS.map((f) => {
          const id = `${base}-${f.key}`;
          const err = errors[f.key];
          return (
            <div key={f.key} className="cat-field">
              <label htmlFor={id}>{f.label}</label>
              <input
                id={id}
                className="cat-input"
                value={draft[f.key]}
                inputMode={f.inputMode}
                aria-invalid={err ? true : undefined}
                aria-describedby={[err ? `${id}-err` : '', f.hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined}
                onChange={(e) => set(f.key, e.target.value)}
              />
              {f.hint ? (
                <span id={`${id}-hint`} className="cat-hint">
                  {f.hint}
                </span>
              ) : null}
              {err ? <InlineError id={`${id}-err`} message={err} /> : null}
            </div>
          );
        })}
        <div className="cat-field cat-field--wide">
          <label htmlFor={`${base}-description`}>Description</label>
          <textarea
            id={`${base}-description`}
            className="cat-input"
            rows={3}
            value={draft.description}
            aria-invalid={errors.description ? true : undefined}
            onChange={(e) => set('description', e.target.value)}
          />
          {errors.description ? <InlineError message={errors.description} /> : null}
        </div>
        <label className="cat-check cat-field--wide">
          <input type="checkbox" checked={draft.isActive} onChange={(e) => set('isActive', e.target.checked)} /> Shown to buyers
        </label>
      </div>
      <div className="cat-form__actions">
        <button type="submit" className="button cat-btn" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel ? (
          <button
            type="button"
            className="cat-linkbtn"
            onClick={() => {
              if (dirty && !window.confirm('Discard your changes to this floorplan?')) return;
              onCancel();
            }}
          >
            Cancel
          </button>
        ) : null}
        {dirty ? <span className="cat-muted">Unsaved changes</span> : null}
      </div>
      <InlineError message={error} />
    </form>
  );
}
