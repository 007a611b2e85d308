import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Loading } from '../components/Status';
import type { ApiError } from '../lib/api';
import { adminErrorMessage } from './api';
import { useAdmin } from './context';

/** The page's one h1, with an optional lead line and actions on the right. */
export function PageHead({ title, children, actions }: { title: string; children?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="admin-pagehead">
      <div>
        <h1 className="admin-pagehead__title">{title}</h1>
        {children ? <div className="admin-pagehead__lead">{children}</div> : null}
      </div>
      {actions ? <div className="admin-pagehead__actions">{actions}</div> : null}
    </div>
  );
}

/**
 * Shown to viewers wherever admins would find controls that change something. Pages and the
 * catalog editors render it once near their heading; it renders nothing for admins.
 */
export function ReadOnlyNote({ children }: { children?: ReactNode }) {
  const { isAdmin } = useAdmin();
  if (isAdmin) return null;
  return (
    <p className="admin-readonly" role="note">
      <strong>Read-only access.</strong> {children ?? 'Your role can view this page but not change it. Ask an admin of your organization for changes.'}
    </p>
  );
}

/** An error line for a failed request: always in the DOM as a live region, empty when fine. */
export function ErrorText({ error, id }: { error: unknown; id?: string }) {
  return (
    <div id={id} className="form__error" role="alert">
      {error ? adminErrorMessage(error) : null}
    </div>
  );
}

/** A failed page load, with retry. */
export function LoadError({ error, onRetry, title = "We couldn't load this page" }: { error: ApiError; onRetry: () => void; title?: string }) {
  return (
    <section className="notice notice--error admin-loaderror" role="alert">
      <h2 className="notice__title">{title}</h2>
      <p>{adminErrorMessage(error)}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </section>
  );
}

export { Loading };

/** "Load more" for a keyset-paged list, with its own error line. */
export function LoadMore({
  hasMore,
  loading,
  error,
  onLoadMore,
  label = 'Load more',
}: {
  hasMore: boolean;
  loading: boolean;
  error: ApiError | null;
  onLoadMore: () => void;
  label?: string;
}) {
  if (!hasMore) return null;
  return (
    <div className="admin-loadmore">
      <button type="button" className="button admin-button--secondary" onClick={onLoadMore} aria-disabled={loading || undefined}>
        {loading ? 'Loading…' : label}
      </button>
      <ErrorText error={error} />
    </div>
  );
}

/**
 * A destructive action in two steps without a modal: the first press turns the button into
 * "Confirm" and "Cancel" (focus moves to Confirm; Escape cancels).
 */
export function ConfirmButton({
  label,
  confirmLabel,
  onConfirm,
  pending = false,
  describedBy,
  className = '',
}: {
  /** Visible text, e.g. "Remove". */
  label: ReactNode;
  /** Accessible name of the confirm button, e.g. "Confirm removing jo@example.com". */
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
  describedBy?: string;
  className?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [asking]);

  if (!asking) {
    return (
      <button
        ref={startRef}
        type="button"
        className={`button admin-button--small admin-button--danger ${className}`}
        aria-describedby={describedBy}
        onClick={() => setAsking(true)}
        aria-disabled={pending || undefined}
      >
        {pending ? 'Working…' : label}
      </button>
    );
  }
  const cancel = () => {
    returnFocus.current = true;
    setAsking(false);
  };
  return (
    <span
      className="admin-confirm"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          cancel();
        }
      }}
    >
      <button
        ref={confirmRef}
        type="button"
        className="button admin-button--small admin-button--danger-solid"
        aria-label={confirmLabel}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        Confirm
      </button>
      <button type="button" className="button admin-button--small admin-button--secondary" onClick={cancel}>
        Cancel
      </button>
    </span>
  );
}

/** A labelled select whose options are `[value, label]` pairs. */
export function SelectField({
  label,
  value,
  onChange,
  options,
  disabled,
  hideLabel = false,
  name,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (readonly [string, string])[];
  disabled?: boolean;
  hideLabel?: boolean;
  name?: string;
}) {
  const id = useId();
  return (
    <div className="field admin-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select id={id} name={name} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function StatusBadge({ tone, children }: { tone: 'ok' | 'warn' | 'bad' | 'neutral'; children: ReactNode }) {
  return <span className={`admin-badge admin-badge--${tone}`}>{children}</span>;
}
