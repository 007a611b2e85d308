import type { SaveStatus as Status } from './state';

const LABEL: Record<Status, string> = { saved: 'Saved', saving: 'Saving…', error: 'Not saved' };

/** "Saved" / "Saving…" / "Not saved", with a retry for failed requests. */
export function SaveStatus({ status, canRetry, onRetry }: { status: Status; canRetry: boolean; onRetry: () => void }) {
  return (
    <span className={`save-status save-status--${status}`}>
      <span data-testid="save-status" role="status">
        <span className="save-status__dot" aria-hidden="true" />
        {LABEL[status]}
      </span>
      {status === 'error' && canRetry ? (
        <button type="button" className="link-button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </span>
  );
}
