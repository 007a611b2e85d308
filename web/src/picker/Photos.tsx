import type { Ref } from 'react';
import type { Catalog, CatalogPhoto, CatalogStep } from './domain';
import { galleryPhotos, orderedPhotos } from './state';

/**
 * A room photo with its Visualize button. Visualizing arrives with the image generation
 * work; until then the button is shown disabled and says so (no fake image).
 */
export function PhotoCard({ photo, stepName, eager = false }: { photo: CatalogPhoto; stepName: string; eager?: boolean }) {
  return (
    <figure className={`photo-card${photo.isHero ? ' photo-card--hero' : ''}`}>
      <img
        className="photo-card__img"
        src={photo.url}
        alt={photo.alt ?? `${stepName} room photo`}
        width={photo.width}
        height={photo.height}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
      />
      <figcaption className="photo-card__bar">
        <button type="button" className="button button--small button--visualize" disabled title="Visualize (coming soon)" aria-label="Visualize (coming soon)">
          Visualize <span className="button__note">(coming soon)</span>
        </button>
      </figcaption>
    </figure>
  );
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

/** The virtual last step: every room photo across the steps. */
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
        <p className="step-head__subtitle">Every room photo of {catalog.floorplan.name}. Visualize will show each room with your choices.</p>
      </header>
      {groups.length === 0 ? (
        <p className="muted">There are no room photos for this floorplan yet.</p>
      ) : (
        groups.map(({ step, photos }) => (
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
        ))
      )}
    </div>
  );
}
