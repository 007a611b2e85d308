import { useEffect } from 'react';
import type { Notice } from './state';

/**
 * What a pick changed elsewhere ("Countertop changed to Quartz — Required by Undermount
 * sink"), or why a save was refused. The live region is always rendered so screen readers
 * announce new content; Dismiss (or Escape) closes it.
 */
export function ChangeNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  useEffect(() => {
    if (!notice) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onDismiss();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notice, onDismiss]);

  return (
    <div className="toast-region" aria-live="polite" aria-atomic="true">
      {notice ? (
        <div key={notice.id} className={`toast toast--${notice.tone}`} data-testid="change-notice">
          <div className="toast__body">
            {notice.messages.map((m, i) => (
              <p key={i}>{m}</p>
            ))}
          </div>
          <button type="button" className="toast__close" onClick={onDismiss} aria-label="Dismiss">
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
