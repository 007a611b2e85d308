import { useEffect, useRef, useState, type Ref } from 'react';
import { usePicker } from './context';
import type { Catalog, CatalogPhoto, CatalogStep } from './domain';
import { galleryPhotos, orderedPhotos } from './state';
import { changedNames, describeSnapshot, formatElapsed, staleNote, visualizedAlt } from './visualize/describe';
import { useAttached, useNow, useStoreVersion, useVisualization, useVisualizeStore } from './visualize/hooks';
import { Lightbox } from './visualize/Lightbox';
import { displayStatus, shownResult, type DisplayStatus } from './visualize/machine';

/**
 * A room photo with its Visualize button. Once an image of the buyer's choices exists it
 * replaces the photo (click it for the lightbox, which toggles back to the original); when
 * the photo's picks change afterwards the image is marked outdated with a one-click update.
 */
export function PhotoCard({ photo, stepName, eager = false }: { photo: CatalogPhoto; stepName: string; eager?: boolean }) {
  const { index, state } = usePicker();
  const store = useVisualizeStore();
  const vis = useVisualization(store, photo.id);
  useAttached(store, [photo.id]);
  const [lightbox, setLightbox] = useState(false);

  const status = displayStatus(vis, state.selections, photo.subcategoryIds);
  const shown = shownResult(vis);
  const pending = vis.status === 'pending' ? vis : null;
  const now = useNow(pending !== null && !pending.restoring);
  const baseAlt = photo.alt ?? `${stepName} room photo`;
  const picks = shown ? describeSnapshot(index, shown.snapshot, photo.subcategoryIds) : [];
  const changed = shown ? staleNote(changedNames(index, shown.snapshot, state.selections, photo.subcategoryIds)) : '';
  const elapsed = pending ? formatElapsed(now - pending.startedAt) : '';

  const visualize = (again = false) => void store.visualize(photo, state.selections, { again });

  const button = {
    idle: { label: 'Visualize', title: 'See this room with your choices', run: () => visualize() },
    pending: { label: pending?.restoring ? 'Loading…' : 'Visualizing…', title: 'Your image is being made', run: null },
    complete: { label: 'View larger', title: 'Open the image and compare with the original', run: () => setLightbox(true) },
    stale: { label: 'Update image', title: `${changed}: make a new image of your current choices`, run: () => visualize() },
    failed: { label: 'Retry', title: 'Try making the image again', run: () => visualize() },
  }[status];

  return (
    <figure
      className={`photo-card viz-card viz-card--${status}${photo.isHero ? ' photo-card--hero' : ''}`}
      data-testid="photo-card"
      data-photo-id={photo.id}
      // No aria-busy: it would hold back the live status announcement below until the end.
      data-status={status}
    >
      {shown ? (
        <button type="button" className="viz-card__open" aria-haspopup="dialog" title="Enlarge and compare with the original" onClick={() => setLightbox(true)}>
          <img
            className="photo-card__img"
            data-testid="visualized-image"
            src={shown.url}
            alt={visualizedAlt(baseAlt, picks)}
            width={photo.width}
            height={photo.height}
            decoding="async"
            onError={() => store.imageFailed(photo.id, shown.url)}
          />
        </button>
      ) : (
        <img
          className="photo-card__img"
          src={photo.url}
          alt={baseAlt}
          width={photo.width}
          height={photo.height}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
        />
      )}

      {status === 'stale' ? (
        <span className="viz-badge viz-badge--stale viz-card__badge" title={`${changed} since this image was made`}>
          Outdated<span className="viz-card__badge-note"> · {changed}</span>
        </span>
      ) : status === 'complete' ? (
        <span className="viz-badge viz-card__badge">Your choices</span>
      ) : null}

      {pending && !pending.restoring ? (
        <div className="viz-card__progress" aria-hidden="true">
          <span className="viz-spinner" />
          <span>
            Visualizing <span className="viz-card__elapsed">{elapsed}</span>
          </span>
        </div>
      ) : null}

      {vis.status === 'failed' ? (
        <p className="viz-card__error">
          {vis.message}
        </p>
      ) : null}

      <figcaption className="photo-card__bar">
        <button
          type="button"
          className={`button button--small button--visualize${status === 'stale' || status === 'idle' ? '' : ' button--quiet'}`}
          data-testid="visualize-button"
          title={button.title}
          // Never `disabled` while working: focus would fall off the button mid-request.
          aria-disabled={button.run === null || undefined}
          aria-haspopup={status === 'complete' ? 'dialog' : undefined}
          onClick={() => button.run?.()}
        >
          {button.label}
        </button>
      </figcaption>

      <p className="visually-hidden" role="status">
        {announcement(status, stepName, pending?.restoring ?? false, changed, vis.status === 'failed' ? vis.message : '')}
      </p>

      {lightbox && shown ? (
        <Lightbox
          title={`${stepName}: your choices`}
          original={{ url: photo.url, alt: baseAlt, width: photo.width, height: photo.height }}
          visualized={{ url: shown.url, alt: visualizedAlt(baseAlt, picks), width: photo.width, height: photo.height }}
          picks={picks}
          staleNote={status === 'stale' ? changed : null}
          busy={status === 'pending'}
          onClose={() => setLightbox(false)}
          onUpdate={() => visualize()}
          onRegenerate={() => visualize(true)}
        />
      ) : null}
    </figure>
  );
}

function announcement(status: DisplayStatus, stepName: string, restoring: boolean, changed: string, message: string): string {
  switch (status) {
    case 'idle':
      return '';
    case 'pending':
      return restoring ? '' : `Visualizing ${stepName} with your choices. This takes a few seconds.`;
    case 'complete':
      return `${stepName} image with your choices is ready.`;
    case 'stale':
      return `${stepName} image is outdated: ${changed}.`;
    case 'failed':
      return `${stepName} image failed. ${message}`;
  }
}

/** The current step's photos, hero first (hero large, the rest as a grid). */
export function StepPhotos({ step, compact = false }: { step: CatalogStep; compact?: boolean }) {
  const photos = orderedPhotos(step);
  if (photos.length === 0) return null;
  return (
    <div className={`step-photos${compact ? ' step-photos--compact' : ''}`}>
      {photos.map((photo, i) => (
        <PhotoCard key={photo.id} photo={photo} stepName={step.name} eager={i === 0} />
      ))}
    </div>
  );
}

/** The virtual last step: every room photo across the steps, with "Visualize all". */
export function GalleryView({ catalog, headingRef, stepNumber }: { catalog: Catalog; headingRef: Ref<HTMLHeadingElement>; stepNumber: number }) {
  const groups = galleryPhotos(catalog);
  return (
    <div className="gallery">
      <header className="step-head">
        <p className="step-head__eyebrow">
          Step {stepNumber} of {stepNumber}
        </p>
        <h2 className="step-head__title" tabIndex={-1} ref={headingRef}>
          Gallery
        </h2>
        <p className="step-head__subtitle">Every room photo of {catalog.floorplan.name}. Visualize shows each room with your choices.</p>
      </header>
      {groups.length === 0 ? (
        <p className="muted">There are no room photos for this floorplan yet.</p>
      ) : (
        <>
          <VisualizeAll photos={groups.flatMap((g) => g.photos)} />
          {groups.map(({ step, photos }) => (
            <section key={step.id} className="gallery__group" aria-labelledby={`gallery-${step.id}`}>
              <h3 id={`gallery-${step.id}`} className="gallery__title">
                {step.name}
              </h3>
              <div className="gallery__grid">
                {photos.map((photo) => (
                  <PhotoCard key={photo.id} photo={photo} stepName={step.name} />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

/** Visualizes every room that has no current image, a few at a time; stops when the buyer leaves. */
function VisualizeAll({ photos }: { photos: CatalogPhoto[] }) {
  const { state } = usePicker();
  const store = useVisualizeStore();
  useStoreVersion(store);
  const selections = useRef(state.selections);
  useEffect(() => {
    selections.current = state.selections;
  }, [state.selections]);
  const running = useRef<AbortController | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => () => running.current?.abort(), []);

  const statuses = photos.map((p) => displayStatus(store.get(p.id), state.selections, p.subcategoryIds));
  const ready = statuses.filter((s) => s === 'complete').length;
  const working = statuses.filter((s) => s === 'pending').length;
  const todo = statuses.filter((s) => s === 'idle' || s === 'failed' || s === 'stale').length;

  function start() {
    if (busy || todo === 0) return;
    const controller = new AbortController();
    running.current = controller;
    setBusy(true);
    void store.visualizeAll(photos, () => selections.current, { signal: controller.signal }).finally(() => {
      if (running.current !== controller) return;
      running.current = null;
      setBusy(false);
    });
  }

  const label = busy ? 'Visualizing rooms…' : todo === 0 ? 'All rooms visualized' : todo === photos.length ? 'Visualize all rooms' : `Visualize ${todo} more ${todo === 1 ? 'room' : 'rooms'}`;
  return (
    <div className="viz-all">
      <button
        type="button"
        className={`button${!busy && todo === 0 ? ' viz-all__done' : ''}`}
        data-testid="visualize-all"
        aria-disabled={busy || todo === 0 || undefined}
        onClick={start}
      >
        {label}
      </button>
      <p className="viz-all__progress" data-testid="visualize-all-progress">
        {ready} of {photos.length} {photos.length === 1 ? 'room' : 'rooms'} up to date
        {working ? ` · ${working} in progress` : ''}
      </p>
    </div>
  );
}
