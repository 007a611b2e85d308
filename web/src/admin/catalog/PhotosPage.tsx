/**
 * `/admin/photos?floorplan=<id>&step=<id>&photo=<id>`: a step's room photos. Upload (PNG,
 * JPEG or WebP, at least 1024 x 1024), choose the hero (swapped atomically by the API), alt
 * text and the spatial hint the generator reads, delete; and the surface editor for the
 * photo named in `photo`.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ConfirmButton, LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useAdmin } from '../context';
import { useLoad } from '../hooks';
import * as api from './api';
import type { AdminFloorplan, AdminPhoto, AdminStep } from './api';
import { parsePolicyDraft, policyDraft, sameDraft, type PhotoPolicy } from './policyForm';
import { idsOf, moveAnnouncement, moveById } from './order';
import { SurfaceEditor, type SubcategoryChoice } from './SurfaceEditor';
import type { Tree } from './tree';
import { DragHandle, FloorplanPicker, InlineError, LiveRegion, MoveButtons, useAnnouncer, useApiCall, useCatalogTitle, useDirtySet, useDragReorder, useParamChoice, useReportDirty } from './ui';
import './catalog.css';

export function PhotosPage() {
  useCatalogTitle('Photos');
  const base = useLoad(
    async (signal) => {
      const [fps, tree] = await Promise.all([api.fetchFloorplans(signal), api.fetchTree(signal)]);
      return { floorplans: fps.floorplans, tree: tree.categories };
    },
    'photos-base',
  );
  return (
    <div className="cat-page">
      <PageHead title="Photos">Room photos per step, the hero buyers see first, and the surfaces the visualizer paints with each pick.</PageHead>
      <ReadOnlyNote />
      {base.status === 'loading' ? <Loading label="Loading floorplans…" /> : null}
      {base.status === 'error' ? <LoadError error={base.error} onRetry={base.reload} /> : null}
      {base.status === 'ready' ? <PhotosForFloorplan floorplans={base.data.floorplans} tree={base.data.tree} /> : null}
    </div>
  );
}

function choicesOf(tree: Tree): SubcategoryChoice[] {
  return tree.flatMap((c) => c.subcategories.map((s) => ({ id: s.id, path: `${c.name} › ${s.name}`, isVisual: s.isVisual })));
}

function PhotosForFloorplan({ floorplans, tree }: { floorplans: AdminFloorplan[]; tree: Tree }) {
  const [floorplanId, setFloorplanId] = useParamChoice(
    'floorplan',
    floorplans.map((f) => f.id),
  );
  const detail = useLoad((signal) => (floorplanId ? api.fetchFloorplan(floorplanId, signal) : Promise.resolve(null)), `photos-${floorplanId}`);
  const { dirty, report } = useDirtySet();
  const subcategories = useMemo(() => choicesOf(tree), [tree]);

  if (!floorplans.length) {
    return (
      <p className="cat-empty">
        No floorplans yet. <Link to="/admin/floorplans">Create one first.</Link>
      </p>
    );
  }
  const confirmLeave = () => !dirty || window.confirm('You have unsaved changes to photos here. Discard them?');
  return (
    <>
      <FloorplanPicker
        floorplans={floorplans}
        value={floorplanId}
        onChange={(id) => {
          if (confirmLeave()) setFloorplanId(id);
        }}
      />
      {detail.status === 'loading' ? <Loading label="Loading steps…" /> : null}
      {detail.status === 'error' ? <LoadError error={detail.error} onRetry={detail.reload} /> : null}
      {detail.status === 'ready' && detail.data ? (
        <StepTabs key={detail.data.id} floorplan={detail.data} subcategories={subcategories} reportDirty={report} confirmLeave={confirmLeave} />
      ) : null}
    </>
  );
}

function StepTabs({
  floorplan,
  subcategories,
  reportDirty,
  confirmLeave,
}: {
  floorplan: api.FloorplanDetail;
  subcategories: SubcategoryChoice[];
  reportDirty: (key: string, dirty: boolean) => void;
  confirmLeave: () => boolean;
}) {
  const [steps, setSteps] = useState(floorplan.steps);
  const [stepId, setStepId] = useParamChoice('step', idsOf(steps));
  const step = steps.find((s) => s.id === stepId) ?? null;
  const pickerId = useId();

  if (!steps.length) {
    return (
      <p className="cat-empty">
        {floorplan.name} has no steps yet. <Link to={`/admin/steps?floorplan=${encodeURIComponent(floorplan.id)}`}>Add steps first.</Link>
      </p>
    );
  }
  return (
    <>
      <div className="cat-field cat-picker">
        <label htmlFor={pickerId}>Step</label>
        <select
          id={pickerId}
          className="cat-input"
          value={stepId ?? ''}
          onChange={(e) => {
            if (confirmLeave()) setStepId(e.target.value);
          }}
        >
          {steps.map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.name} ({s.photos.length} photo{s.photos.length === 1 ? '' : 's'})
            </option>
          ))}
        </select>
      </div>
      {step ? (
        <StepPhotos
          key={step.id}
          step={step}
          subcategories={subcategories}
          reportDirty={reportDirty}
          confirmLeave={confirmLeave}
          onPhotos={(photos) => setSteps((list) => list.map((s) => (s.id === step.id ? { ...s, photos } : s)))}
        />
      ) : null}
    </>
  );
}

function StepPhotos({
  step,
  subcategories,
  reportDirty,
  confirmLeave,
  onPhotos,
}: {
  step: AdminStep;
  subcategories: SubcategoryChoice[];
  reportDirty: (key: string, dirty: boolean) => void;
  confirmLeave: () => boolean;
  onPhotos: (photos: AdminPhoto[]) => void;
}) {
  const { isAdmin } = useAdmin();
  const call = useApiCall();
  const [photos, setPhotosState] = useState(step.photos);
  const photosRef = useRef(photos);
  photosRef.current = photos;
  const [message, announce] = useAnnouncer();
  const [error, setError] = useState<string | null>(null);
  const [params, setParams] = useSearchParams();
  const editingId = params.get('photo');
  const editing = photos.find((p) => p.id === editingId) ?? null;

  const setPhotos = (update: (list: AdminPhoto[]) => AdminPhoto[]) => {
    const next = update(photosRef.current);
    photosRef.current = next;
    setPhotosState(next);
    onPhotos(next);
  };
  const replace = (photo: AdminPhoto) => setPhotos((list) => list.map((p) => (p.id === photo.id ? photo : p)));

  const openEditor = (id: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set('photo', id);
        else next.delete('photo');
        return next;
      },
      { replace: true },
    );
  };

  async function makeHero(photo: AdminPhoto) {
    const before = photosRef.current.map((p) => ({ id: p.id, isHero: p.isHero }));
    setPhotos((list) => list.map((p) => ({ ...p, isHero: p.id === photo.id })));
    setError(null);
    const result = await call(() => api.updatePhoto(photo.id, { isHero: true }));
    if (!result.ok) {
      const was = new Map(before.map((b) => [b.id, b.isHero]));
      setPhotos((list) => list.map((p) => ({ ...p, isHero: was.get(p.id) ?? p.isHero })));
      setError(`The hero photo was not changed: ${result.message}`);
      return;
    }
    replace(result.value);
    announce('Hero photo changed.');
  }

  const drag = useDragReorder(`photos-${step.id}`, photos, (next, moved) => reorder(next, moved), isAdmin);

  function reorder(next: AdminPhoto[], movedId: string) {
    const previous = idsOf(photosRef.current);
    setPhotos(() => next);
    announce(moveAnnouncement(`photo ${next.findIndex((p) => p.id === movedId) + 1}`, next, movedId));
    void call(() => api.reorder('step-photos', idsOf(next))).then((result) => {
      if (result.ok) return;
      setPhotos((list) => previous.map((id) => list.find((p) => p.id === id)).filter((p): p is AdminPhoto => !!p));
      setError(`The new photo order was not saved and has been undone: ${result.message}`);
    });
  }

  return (
    <section className="cat-photos" aria-label={`Photos of ${step.name}`}>
      <LiveRegion message={message} />
      {isAdmin ? <UploadPhotos step={step} onUploaded={(photo) => setPhotos((list) => [...list, photo])} announce={announce} /> : null}
      <InlineError message={error} />
      {photos.length === 0 ? <p className="cat-empty">No photos for {step.name} yet.</p> : null}
      <ol className="cat-photo-grid" aria-label={`Photos of ${step.name}`}>
        {photos.map((photo, i) => (
          <li key={photo.id} className={`cat-photo${photo.id === editingId ? ' is-editing' : ''}`} {...drag.itemProps(photo.id)}>
            <PhotoCard
              handleProps={drag.handleProps(photo.id)}
              photo={photo}
              index={i}
              count={photos.length}
              stepId={step.id}
              readOnly={!isAdmin}
              reportDirty={reportDirty}
              onHero={() => void makeHero(photo)}
              onMove={(delta) => {
                const next = moveById(photos, photo.id, delta);
                if (next) reorder(next, photo.id);
              }}
              onEditSurfaces={() => {
                if (editingId && editingId !== photo.id && !confirmLeave()) return;
                openEditor(photo.id);
              }}
              onSaveText={async (fields) => {
                const result = await call(() => api.updatePhoto(photo.id, fields));
                if (!result.ok) return result.message;
                replace(result.value);
                announce('Photo details saved.');
                return null;
              }}
              onSavePolicy={async (body) => {
                const result = await call(() => api.setPhotoPolicy(photo.id, body));
                if (!result.ok) return result.message;
                replace({ ...photo, policy: result.value.policy });
                announce('Visualizer instructions saved; new images use them.');
                return null;
              }}
              onDelete={async () => {
                const result = await call(() => api.deletePhoto(photo.id));
                if (!result.ok) return result.message;
                // The API hands the hero flag to the next photo in order; mirror it.
                setPhotos((list) => {
                  const rest = list.filter((p) => p.id !== photo.id);
                  return photo.isHero && rest.length ? rest.map((p, i) => ({ ...p, isHero: i === 0 })) : rest;
                });
                if (editingId === photo.id) openEditor(null);
                announce('Photo deleted.');
                return null;
              }}
            />
          </li>
        ))}
      </ol>
      {editing ? (
        <SurfaceEditor
          key={editing.id}
          photo={editing}
          subcategories={subcategories}
          readOnly={!isAdmin}
          reportDirty={reportDirty}
          onClose={() => openEditor(null)}
          onSave={async (surfaces) => {
            const result = await call(() => api.updatePhoto(editing.id, { surfaces }));
            if (!result.ok) return { ok: false, message: result.message };
            replace(result.value);
            announce('Surfaces saved.');
            return { ok: true, photo: result.value };
          }}
        />
      ) : null}
    </section>
  );
}

function UploadPhotos({ step, onUploaded, announce }: { step: AdminStep; onUploaded: (photo: AdminPhoto) => void; announce: (m: string) => void }) {
  const call = useApiCall();
  const inputId = useId();
  const hintId = useId();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name: string; message: string }[]>([]);

  async function upload(files: File[]) {
    setErrors([]);
    const failed: { name: string; message: string }[] = [];
    // One at a time: each is up to 20 MB, and the order of the files is the order of the photos.
    for (const file of files) {
      setBusy(file.name);
      const problem = api.precheckUpload(file);
      if (problem) {
        failed.push({ name: file.name, message: problem });
        continue;
      }
      const result = await call(() => api.uploadRoomPhoto(step.id, file));
      if (result.ok) {
        onUploaded(result.value.photo);
        announce(`Uploaded ${file.name}.`);
      } else failed.push({ name: file.name, message: api.uploadErrorMessage(result.error, 'room-photo') });
    }
    setBusy(null);
    setErrors(failed);
  }

  return (
    <div className="cat-upload">
      <label htmlFor={inputId} className="button cat-btn cat-upload__button">
        {busy ? `Uploading ${busy}…` : 'Upload room photos'}
      </label>
      <input
        id={inputId}
        type="file"
        className="cat-fileinput"
        accept="image/png,image/jpeg,image/webp"
        multiple
        disabled={!!busy}
        aria-describedby={hintId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void upload(files);
        }}
      />
      <span id={hintId} className="cat-hint">
        PNG, JPEG or WebP, at least {api.ROOM_PHOTO_MIN_SIDE} × {api.ROOM_PHOTO_MIN_SIDE} pixels, up to {api.IMAGE_MAX_BYTES / (1024 * 1024)} MB.
      </span>
      {errors.length ? (
        <ul className="cat-error cat-upload__errors" role="alert">
          {errors.map((e, i) => (
            <li key={i}>
              <strong>{e.name}</strong>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PhotoCard({
  handleProps,
  photo,
  index,
  count,
  stepId,
  readOnly,
  reportDirty,
  onHero,
  onMove,
  onEditSurfaces,
  onSaveText,
  onSavePolicy,
  onDelete,
}: {
  handleProps: Record<string, unknown>;
  photo: AdminPhoto;
  index: number;
  count: number;
  stepId: string;
  readOnly: boolean;
  reportDirty: (key: string, dirty: boolean) => void;
  onHero: () => void;
  onMove: (delta: -1 | 1) => void;
  onEditSurfaces: () => void;
  onSaveText: (fields: { alt: string | null; spatialHint: string | null }) => Promise<string | null>;
  onSavePolicy: (body: Required<PhotoPolicy>) => Promise<string | null>;
  onDelete: () => Promise<string | null>;
}) {
  const ids = { alt: useId(), hint: useId() };
  const [alt, setAlt] = useState(photo.alt ?? '');
  const [hint, setHint] = useState(photo.spatialHint ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = alt !== (photo.alt ?? '') || hint !== (photo.spatialHint ?? '');
  useReportDirty(reportDirty, `photo-text-${photo.id}`, dirty);
  const name = photo.alt || `Photo ${index + 1}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy || !dirty) return;
    setBusy(true);
    setError(null);
    const problem = await onSaveText({ alt: alt.trim() || null, spatialHint: hint.trim() || null });
    setBusy(false);
    if (problem) setError(problem);
    else {
      setAlt(alt.trim());
      setHint(hint.trim());
    }
  }

  return (
    <article className="cat-photo__card" aria-label={name}>
      <img className="cat-photo__img" src={photo.url} alt={photo.alt ?? ''} width={photo.width} height={photo.height} loading="lazy" />
      <p className="cat-muted">
        {photo.width} × {photo.height} · {photo.surfaces.length} surface{photo.surfaces.length === 1 ? '' : 's'}
      </p>
      <div className="cat-photo__row">
        <label className="cat-check">
          <input type="radio" name={`hero-${stepId}`} checked={photo.isHero} disabled={readOnly} onChange={onHero} /> Hero photo
          <span className="visually-hidden"> ({name})</span>
        </label>
        {!readOnly ? (
          <span className="cat-photo__move">
            <DragHandle name={name} {...handleProps} />
            <MoveButtons name={name} index={index} count={count} onMove={onMove} />
          </span>
        ) : null}
      </div>
      <form className="cat-form" onSubmit={save}>
        <div className="cat-field">
          <label htmlFor={ids.alt}>Alt text</label>
          <input id={ids.alt} className="cat-input" value={alt} readOnly={readOnly} maxLength={300} onChange={(e) => setAlt(e.target.value)} />
        </div>
        <div className="cat-field">
          <label htmlFor={ids.hint}>Spatial hint</label>
          <textarea
            id={ids.hint}
            className="cat-input"
            rows={3}
            value={hint}
            readOnly={readOnly}
            maxLength={2000}
            aria-describedby={`${ids.hint}-help`}
            onChange={(e) => setHint(e.target.value)}
          />
          <span id={`${ids.hint}-help`} className="cat-hint">
            Where things are in the room, for the image generator (e.g. “island in the foreground, range on the back wall”).
          </span>
        </div>
        {!readOnly ? (
          <div className="cat-form__actions">
            <button type="submit" className="button cat-btn cat-btn--quiet" disabled={!dirty} aria-disabled={busy || undefined}>
              {busy ? 'Saving…' : 'Save details'}
              <span className="visually-hidden"> of {name}</span>
            </button>
            {dirty ? <span className="cat-muted">Unsaved changes</span> : null}
          </div>
        ) : null}
      </form>
      <PolicyEditor photo={photo} name={name} readOnly={readOnly} reportDirty={reportDirty} onSave={onSavePolicy} />
      <div className="cat-photo__row">
        <button type="button" className="cat-linkbtn" onClick={onEditSurfaces}>
          {readOnly ? 'View surfaces' : 'Edit surfaces'}
          <span className="visually-hidden"> of {name}</span>
        </button>
        {!readOnly ? (
          <ConfirmButton
            label="Delete photo"
            confirmLabel={`Confirm deleting ${name}`}
            onConfirm={async () => {
              setError(null);
              setError(await onDelete());
            }}
          />
        ) : null}
      </div>
      <InlineError message={error} />
    </article>
  );
}

/**
 * Per-photo instructions for Gemini (rules, a correction pass, starting from the composite).
 * Folded away: most photos need none, and each change makes every image of the photo anew.
 */
function PolicyEditor({
  photo,
  name,
  readOnly,
  reportDirty,
  onSave,
}: {
  photo: AdminPhoto;
  name: string;
  readOnly: boolean;
  reportDirty: (key: string, dirty: boolean) => void;
  onSave: (body: Required<PhotoPolicy>) => Promise<string | null>;
}) {
  const ids = { rules: useId(), second: useId(), composite: useId() };
  const saved = useMemo(() => policyDraft(photo.policy), [photo.policy]);
  const [draft, setDraft] = useState(saved);
  // A save comes back normalized (blank lines dropped): show what is stored.
  useEffect(() => setDraft(saved), [saved]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dirty = !sameDraft(draft, saved);
  useReportDirty(reportDirty, `photo-policy-${photo.id}`, dirty);
  const count = (photo.policy?.rules?.length ?? 0) + (photo.policy?.secondPass ? 1 : 0) + (photo.policy?.startFromComposite ? 1 : 0);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy || !dirty) return;
    const parsed = parsePolicyDraft(draft);
    if (!parsed.ok) return setError(parsed.error);
    setBusy(true);
    setError(null);
    const problem = await onSave(parsed.body);
    setBusy(false);
    if (problem) setError(problem);
  }

  return (
    <details className="cat-policy">
      <summary>
        Visualizer instructions{count ? ` (${count})` : ''}
        <span className="visually-hidden"> for {name}</span>
      </summary>
      <form className="cat-form" onSubmit={save}>
        <div className="cat-field">
          <label htmlFor={ids.rules}>Rules, one per line</label>
          <textarea
            id={ids.rules}
            className="cat-input"
            rows={3}
            value={draft.rules}
            readOnly={readOnly}
            aria-describedby={`${ids.rules}-help`}
            onChange={(e) => setDraft({ ...draft, rules: e.target.value })}
          />
          <span id={`${ids.rules}-help`} className="cat-hint">
            Told to Gemini on every image of this photo (e.g. “the range stays a slide-in between the two base cabinets”).
          </span>
        </div>
        <div className="cat-field">
          <label htmlFor={ids.second}>Correction pass</label>
          <textarea
            id={ids.second}
            className="cat-input"
            rows={2}
            value={draft.secondPass}
            readOnly={readOnly}
            aria-describedby={`${ids.second}-help`}
            onChange={(e) => setDraft({ ...draft, secondPass: e.target.value })}
          />
          <span id={`${ids.second}-help`} className="cat-hint">
            Optional: one more Gemini call on the finished image with only this instruction (costs one more image).
          </span>
        </div>
        <label className="cat-check" htmlFor={ids.composite}>
          <input
            id={ids.composite}
            type="checkbox"
            checked={draft.startFromComposite}
            disabled={readOnly}
            onChange={(e) => setDraft({ ...draft, startFromComposite: e.target.checked })}
          />{' '}
          Start Gemini from the composited image (needs carefully traced surfaces)
        </label>
        {!readOnly ? (
          <div className="cat-form__actions">
            <button type="submit" className="button cat-btn cat-btn--quiet" disabled={!dirty} aria-disabled={busy || undefined}>
              {busy ? 'Saving…' : 'Save instructions'}
              <span className="visually-hidden"> for {name}</span>
            </button>
            {dirty ? <span className="cat-muted">Unsaved changes</span> : null}
          </div>
        ) : null}
        <InlineError message={error} />
      </form>
    </details>
  );
}
