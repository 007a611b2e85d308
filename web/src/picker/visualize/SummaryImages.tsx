import { useState } from 'react';
import { usePicker } from '../context';
import type { CatalogPhoto, CatalogStep } from '../domain';
import { galleryPhotos } from '../state';
import { changedNames, describeSnapshot, staleNote, visualizedAlt } from './describe';
import { useAttached, useStoreVersion, useVisualizeStore } from './hooks';
import { Lightbox } from './Lightbox';
import { isStale, shownResult, type VisualResult } from './machine';

interface Item {
  step: CatalogStep;
  photo: CatalogPhoto;
  result: VisualResult;
  picks: string[];
  alt: string;
  stale: string;
  updating: boolean;
}

/**
 * The summary's "Room images": every image generated so far in this session, in step order.
 * An image made before the latest picks says so (the printout must not pass it off as current).
 * Remembered and in-progress images are checked / polled while the summary is open.
 */
export function SummaryImages() {
  const { catalog, index, state } = usePicker();
  const store = useVisualizeStore();
  useStoreVersion(store);
  const all = galleryPhotos(catalog).flatMap(({ step, photos }) => photos.map((photo) => ({ step, photo })));
  useAttached(
    store,
    all.map((p) => p.photo.id),
  );
  const [open, setOpen] = useState<string | null>(null);

  const items: Item[] = [];
  let making = 0;
  for (const { step, photo } of all) {
    const vis = store.get(photo.id);
    if (vis.status === 'pending' && !vis.restoring && !vis.previous) making += 1;
    const result = shownResult(vis);
    if (!result) continue;
    const picks = describeSnapshot(index, result.snapshot, photo.subcategoryIds);
    const stale = isStale(result.snapshot, state.selections, photo.subcategoryIds)
      ? staleNote(changedNames(index, result.snapshot, state.selections, photo.subcategoryIds))
      : '';
    const alt = visualizedAlt(photo.alt ?? `${step.name} room photo`, picks);
    items.push({ step, photo, result, picks, alt, stale, updating: vis.status === 'pending' });
  }
  const current = items.find((i) => i.photo.id === open) ?? null;

  return (
    <section className="summary-images" aria-labelledby="summary-images-title">
      <h2 id="summary-images-title">Room images</h2>
      {items.length === 0 ? (
        <p className="muted">{making ? 'Your room images are being made…' : 'No room images yet — use Visualize on a room photo.'}</p>
      ) : (
        <ul className="summary-images__grid">
          {items.map((item) => (
            <li key={item.photo.id}>
              <figure className="summary-image" data-stale={item.stale ? 'true' : undefined}>
                <button type="button" className="summary-image__open" aria-haspopup="dialog" onClick={() => setOpen(item.photo.id)}>
                  {/* Not lazy: the summary is printed, and a printout must not miss an image. */}
                  <img
                    src={item.result.url}
                    alt={item.alt}
                    width={item.photo.width}
                    height={item.photo.height}
                    data-testid="summary-image"
                    onError={() => store.imageFailed(item.photo.id, item.result.url)}
                  />
                </button>
                <figcaption className="summary-image__caption">
                  <strong>{item.step.name}</strong>
                  {item.stale ? (
                    <span className="viz-badge viz-badge--stale">Earlier choices · {item.stale} since</span>
                  ) : item.updating ? (
                    <span className="viz-badge">Updating…</span>
                  ) : null}
                  {item.picks.length ? <span className="summary-image__picks">{item.picks.join(' · ')}</span> : null}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      )}
      <p className="muted summary-images__more" role="status">
        {items.length > 0 && making > 0 ? `${making} more ${making === 1 ? 'image is' : 'images are'} being made and will appear here.` : ''}
      </p>
      {current ? (
        <Lightbox
          title={`${current.step.name}: your choices`}
          original={{ url: current.photo.url, alt: current.photo.alt ?? `${current.step.name} room photo`, width: current.photo.width, height: current.photo.height }}
          visualized={{ url: current.result.url, alt: current.alt, width: current.photo.width, height: current.photo.height }}
          picks={current.picks}
          staleNote={current.stale || null}
          busy={current.updating}
          onClose={() => setOpen(null)}
          onUpdate={() => void store.visualize(current.photo, state.selections)}
        />
      ) : null}
    </section>
  );
}
