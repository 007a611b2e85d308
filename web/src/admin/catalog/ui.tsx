/**
 * Building blocks shared by the catalog pages: inline edit fields that keep their draft until
 * it is saved, move buttons and HTML5 drag and drop for ordered lists, a live region, the
 * unsaved-changes guard and the floorplan picker kept in the URL.
 */
import { useCallback, useContext, useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../lib/brand';
import { ApiError } from '../../lib/api';
import { AdminContext, useAdmin } from '../context';
import { errorMessage, type AdminFloorplan } from './api';
import { dropOnto } from './order';
import { formatDollarsInput, parseDollars } from './price';

// ---------------------------------------------------------------- page plumbing

export function useCatalogTitle(page: string): void {
  const { org } = useAdmin();
  useDocumentTitle(`${page} · ${org.name} admin`);
}

/**
 * Runs an API call for a change. A 401 hands over to the shell's sign-in redirect (returning
 * here afterwards); any other failure resolves to its message, so callers can roll back.
 */
export function useApiCall() {
  const expired = useContext(AdminContext)?.sessionExpired;
  return useCallback(
    async <T,>(call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string; error: unknown }> => {
      try {
        return { ok: true, value: await call() };
      } catch (error) {
        if (error instanceof ApiError && error.status === 401 && expired) expired();
        return { ok: false, message: errorMessage(error), error };
      }
    },
    [expired],
  );
}

export const LEAVE_WITH_UNSAVED = 'You have changes that are not saved yet. Leave this page and discard them?';

/**
 * While `dirty`, leaving asks first: reloads and closing the tab through `beforeunload`, and
 * in-app links (the admin navigation) through a capturing click listener, because the
 * app's BrowserRouter cannot block navigation itself. The listener runs before React's own
 * (it sits on the document, React's on the root), so a declined link never navigates.
 */
export function useUnsavedGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      // Same page, other query (a floorplan switch) is guarded where it happens.
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      if (window.confirm(LEAVE_WITH_UNSAVED)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty]);
}

/**
 * Which fields of a page hold unsaved drafts: each reports under its own key, and the page
 * guards navigation while any does.
 */
export function useDirtySet(): { dirty: boolean; report: (key: string, dirty: boolean) => void } {
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set());
  const report = useCallback((key: string, dirty: boolean) => {
    setKeys((prev) => {
      if (prev.has(key) === dirty) return prev;
      const next = new Set(prev);
      if (dirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  useUnsavedGuard(keys.size > 0);
  return { dirty: keys.size > 0, report };
}

/** Reports one editor's dirty flag to its page's `useDirtySet`, and clears it on unmount. */
export function useReportDirty(report: ((key: string, dirty: boolean) => void) | undefined, key: string, dirty: boolean): void {
  useEffect(() => {
    report?.(key, dirty);
    return () => report?.(key, false);
  }, [report, key, dirty]);
}

/** A polite announcement for screen readers (moves, saves); the latest message wins. */
export function useAnnouncer(): [string, (message: string) => void] {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    // Clearing first makes the same text ("Saved.") announce again.
    setMessage('');
    window.setTimeout(() => setMessage(next), 30);
  }, []);
  return [message, announce];
}

export function LiveRegion({ message }: { message: string }) {
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  );
}

/** The selected id kept in the URL (`?floorplan=`), defaulting to the first item. */
export function useParamChoice(param: string, ids: readonly string[]): [string | null, (id: string) => void] {
  const [params, setParams] = useSearchParams();
  const wanted = params.get(param);
  const current = wanted && ids.includes(wanted) ? wanted : (ids[0] ?? null);
  const choose = useCallback(
    (id: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set(param, id);
          return next;
        },
        { replace: true },
      );
    },
    [param, setParams],
  );
  return [current, choose];
}

/** The floorplan a per-floorplan page works on. */
export function FloorplanPicker({ floorplans, value, onChange, label = 'Floorplan' }: { floorplans: AdminFloorplan[]; value: string | null; onChange: (id: string) => void; label?: string }) {
  const id = useId();
  return (
    <div className="cat-field cat-picker">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="cat-input" value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {floorplans.map((fp) => (
          <option key={fp.id} value={fp.id}>
            {fp.name}
            {fp.isActive ? '' : ' (inactive)'}
          </option>
        ))}
      </select>
    </div>
  );
}

// ---------------------------------------------------------------- messages

export function InlineError({ id, message }: { id?: string; message: string | null }) {
  return (
    <div id={id} className="cat-error" role="alert">
      {message}
    </div>
  );
}

// ---------------------------------------------------------------- inline edit fields

type SaveResult = { ok: true } | { ok: false; message: string };

interface InlineFieldProps {
  label: string;
  /** Hide the label visually (the row says what the field is); it still names the input. */
  hideLabel?: boolean;
  readOnly: boolean;
  className?: string;
  /** Reports whether the field holds an unsaved draft, for the page's unsaved guard. */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * A text field that saves on Enter or when focus leaves it, reverts on Escape, and on a
 * refused save keeps the typed text with the reason next to it: nothing is lost silently.
 */
export function InlineText({
  value,
  onSave,
  maxLength = 120,
  required = true,
  ...props
}: InlineFieldProps & { value: string; onSave: (next: string) => Promise<SaveResult>; maxLength?: number; required?: boolean }) {
  return (
    <InlineField
      {...props}
      saved={value}
      format={(v) => v}
      parse={(text) => {
        const trimmed = text.trim();
        if (required && !trimmed) return { ok: false, error: `${props.label} cannot be empty.` };
        return { ok: true, value: trimmed };
      }}
      same={(a, b) => a === b}
      onSave={onSave}
      maxLength={maxLength}
    />
  );
}

/** A dollars field over an integer-cents value, validated before anything is sent. */
export function InlinePrice({ cents, onSave, ...props }: InlineFieldProps & { cents: number; onSave: (cents: number) => Promise<SaveResult> }) {
  return (
    <InlineField
      {...props}
      saved={cents}
      format={formatDollarsInput}
      parse={(text) => {
        const parsed = parseDollars(text);
        return parsed.ok ? { ok: true, value: parsed.cents } : { ok: false, error: parsed.error };
      }}
      same={(a, b) => a === b}
      onSave={onSave}
      prefix="$"
      inputMode="decimal"
    />
  );
}

function InlineField<T>({
  label,
  hideLabel = false,
  readOnly,
  className = '',
  onDirtyChange,
  saved,
  format,
  parse,
  same,
  onSave,
  prefix,
  inputMode,
  maxLength,
}: InlineFieldProps & {
  saved: T;
  format: (value: T) => string;
  parse: (text: string) => { ok: true; value: T } | { ok: false; error: string };
  same: (a: T, b: T) => boolean;
  onSave: (value: T) => Promise<SaveResult>;
  prefix?: string;
  inputMode?: 'decimal' | 'text';
  maxLength?: number;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const text = draft ?? format(saved);
  const dirty = draft !== null;
  const dirtyRef = useRef(onDirtyChange);
  dirtyRef.current = onDirtyChange;

  useEffect(() => {
    dirtyRef.current?.(dirty);
  }, [dirty]);
  useEffect(() => () => dirtyRef.current?.(false), []);

  async function commit() {
    if (draft === null || saving) return;
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    if (same(parsed.value, saved)) {
      setDraft(null);
      setError(null);
      return;
    }
    setSaving(true);
    const result = await onSave(parsed.value);
    setSaving(false);
    if (result.ok) {
      setDraft(null);
      setError(null);
    } else {
      setError(result.message);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit();
    } else if (event.key === 'Escape' && dirty) {
      event.preventDefault();
      setDraft(null);
      setError(null);
    }
  }

  return (
    <div className={`cat-inline ${className}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'cat-inline__label'}>
        {label}
      </label>
      <span className={`cat-inline__box${prefix ? ' cat-inline__box--prefixed' : ''}`}>
        {prefix ? (
          <span className="cat-inline__prefix" aria-hidden="true">
            {prefix}
          </span>
        ) : null}
        <input
          id={id}
          className="cat-input"
          value={text}
          readOnly={readOnly}
          inputMode={inputMode}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-dirty={dirty || undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setError(null);
          }}
          onBlur={() => void commit()}
          onKeyDown={onKeyDown}
        />
      </span>
      {saving ? (
        <span className="cat-inline__state" aria-live="polite">
          Saving…
        </span>
      ) : null}
      {error ? <InlineError id={errorId} message={error} /> : null}
    </div>
  );
}

// ---------------------------------------------------------------- ordered lists

/** Keyboard alternative to dragging: two buttons naming what they move. */
export function MoveButtons({
  name,
  index,
  count,
  onMove,
  disabled = false,
}: {
  name: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  disabled?: boolean;
}) {
  return (
    <span className="cat-move">
      <button
        type="button"
        className="cat-iconbtn"
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={disabled || index === 0}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        type="button"
        className="cat-iconbtn"
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={disabled || index >= count - 1}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </span>
  );
}

/**
 * HTML5 drag and drop over one list. Only the handle starts a drag (so text in the row can
 * still be selected), and a drop is accepted only from the same list: a mime type carries
 * the list's identity.
 */
export function useDragReorder<T extends { id: string }>(listKey: string, items: readonly T[], onReorder: (next: T[], movedId: string) => void, enabled: boolean) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const type = `application/x-finch-${listKey.toLowerCase().replace(/[^a-z0-9-]/g, '')}`;

  const handleProps = (id: string) =>
    enabled
      ? {
          draggable: true,
          onDragStart: (e: DragEvent) => {
            e.dataTransfer.effectAllowed = 'move';
            e.dataTransfer.setData(type, id);
            e.dataTransfer.setData('text/plain', id);
            setDragging(id);
          },
          onDragEnd: () => {
            setDragging(null);
            setOver(null);
          },
        }
      : {};

  const itemProps = (id: string) =>
    enabled
      ? {
          onDragOver: (e: DragEvent) => {
            if (!dragging || !e.dataTransfer.types.includes(type)) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'move';
            if (over !== id) setOver(id);
          },
          onDragLeave: () => setOver((o) => (o === id ? null : o)),
          onDrop: (e: DragEvent) => {
            if (!e.dataTransfer.types.includes(type)) return;
            e.preventDefault();
            e.stopPropagation();
            const moved = e.dataTransfer.getData(type) || dragging;
            setDragging(null);
            setOver(null);
            if (!moved) return;
            const next = dropOnto(items, moved, id);
            if (next) onReorder(next, moved);
          },
          'data-drag-over': over === id && dragging !== id ? true : undefined,
          'data-dragging': dragging === id ? true : undefined,
        }
      : {};

  return { handleProps, itemProps };
}

export function DragHandle({ name, ...props }: { name: string } & Record<string, unknown>) {
  return (
    <span className="cat-handle" title={`Drag to reorder ${name}`} aria-hidden="true" {...props}>
      ⋮⋮
    </span>
  );
}

// ---------------------------------------------------------------- disclosure

/**
 * A native disclosure (details/summary): keyboard and screen-reader support for free. The
 * body renders from the first opening on, so a long tree does not carry every editor in the
 * DOM, and stays mounted when closed again, so a half-typed draft in it survives.
 */
export function Disclosure({ summary, children, className = '', defaultOpen = false }: { summary: ReactNode; children: () => ReactNode; className?: string; defaultOpen?: boolean }) {
  const [opened, setOpened] = useState(defaultOpen);
  return (
    <details
      className={`cat-details ${className}`}
      open={defaultOpen || undefined}
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{summary}</summary>
      {opened ? <div className="cat-details__body">{children()}</div> : null}
    </details>
  );
}
