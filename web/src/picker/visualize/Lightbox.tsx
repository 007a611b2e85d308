import { useEffect, useId, useRef, useState, type MouseEvent } from 'react';

export interface LightboxImage {
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

interface Props {
  title: string;
  original: LightboxImage;
  visualized: LightboxImage;
  /** "Countertops: Calacatta Quartz" lines the generated image shows. */
  picks: readonly string[];
  /** Set when picks changed since the image was made ("Countertops changed"). */
  staleNote?: string | null;
  /** A new image is being made (the current one stays on screen meanwhile). */
  busy?: boolean;
  onClose: () => void;
  /** Make an image of the current picks (offered when the image is stale). */
  onUpdate?: () => void;
  /** Discard this image and make a new one of the same picks (a re-roll). */
  onRegenerate?: () => void;
}

/**
 * The generated image large, with a toggle to the original photo. A native modal <dialog>:
 * the page behind is inert (focus stays inside), Esc closes, and focus goes back to the
 * element that opened it.
 */
export function Lightbox({ title, original, visualized, picks, staleNote, busy = false, onClose, onUpdate, onRegenerate }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [view, setView] = useState<'visualized' | 'original'>('visualized');
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    closeRef.current?.focus();
    // A close queued by an earlier cleanup (StrictMode re-runs this effect) can arrive after
    // the dialog was shown again: only a dialog that is really closed reports it.
    const onDialogClose = () => {
      if (!dialog.open) onCloseRef.current();
    };
    dialog.addEventListener('close', onDialogClose);
    return () => {
      dialog.removeEventListener('close', onDialogClose);
      if (dialog.open) dialog.close();
      // The opener may have been re-rendered away; focusing a detached node is a no-op.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function onBackdrop(event: MouseEvent<HTMLDialogElement>) {
    // Clicks on ::backdrop land on the <dialog> itself; the content fills it otherwise.
    if (event.target === event.currentTarget) dialogRef.current?.close();
  }

  const image = view === 'visualized' ? visualized : original;
  return (
    // The backdrop click is a mouse shortcut; keyboards have Esc and the Close button.
    <dialog ref={dialogRef} className="viz-lightbox" aria-labelledby={titleId} onClick={onBackdrop} data-testid="lightbox">
      <div className="viz-lightbox__panel">
        <header className="viz-lightbox__head">
          <h2 id={titleId} className="viz-lightbox__title">
            {title}
          </h2>
          <div className="viz-toggle" role="group" aria-label="Image shown">
            <button type="button" className="viz-toggle__option" aria-pressed={view === 'visualized'} onClick={() => setView('visualized')}>
              Your choices
            </button>
            <button type="button" className="viz-toggle__option" aria-pressed={view === 'original'} onClick={() => setView('original')}>
              Original photo
            </button>
          </div>
          <button ref={closeRef} type="button" className="viz-lightbox__close" aria-label="Close" onClick={() => dialogRef.current?.close()}>
            ×
          </button>
        </header>
        <div className={`viz-lightbox__media${busy && view === 'visualized' ? ' is-busy' : ''}`}>
          <img key={image.url} src={image.url} alt={image.alt} width={image.width} height={image.height} data-testid="lightbox-image" />
          {busy && view === 'visualized' ? (
            <p className="viz-lightbox__busy" role="status">
              Updating the image…
            </p>
          ) : null}
        </div>
        <footer className="viz-lightbox__foot">
          {staleNote ? (
            <p className="viz-lightbox__stale">
              <span className="viz-badge viz-badge--stale">Outdated</span> {staleNote} since this image was made.
            </p>
          ) : null}
          {picks.length ? (
            <ul className="viz-lightbox__picks" aria-label="Choices shown in this image">
              {picks.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : null}
          <div className="viz-lightbox__actions">
            {staleNote && onUpdate ? (
              <button type="button" className="button button--small" onClick={() => busy || onUpdate()} aria-disabled={busy || undefined}>
                Update to my current choices
              </button>
            ) : null}
            {!staleNote && onRegenerate ? (
              <button type="button" className="button button--small button--ghost" onClick={() => busy || onRegenerate()} aria-disabled={busy || undefined}>
                Not quite right? Generate again
              </button>
            ) : null}
            <a className="button button--small button--ghost" href={visualized.url} target="_blank" rel="noreferrer">
              Open full size
            </a>
          </div>
        </footer>
      </div>
    </dialog>
  );
}
