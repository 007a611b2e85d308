import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError } from '../lib/api';
import { isUnauthorized, type Page } from './api';
import { AdminContext } from './context';

export type LoadState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiError };

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
}

/**
 * Loads data for a page and reloads when `key` changes; aborts the stale request. Inside the
 * shell, a 401 sends the person back to sign-in instead of showing an error.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): LoadState<T> & { reload: () => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const admin = useContext(AdminContext);
  const loadRef = useRef(load);
  loadRef.current = load;
  const expired = admin?.sessionExpired;

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.status === 'loading' ? s : { status: 'loading' }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (expired && isUnauthorized(error)) {
          expired();
          return;
        }
        setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt, expired]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

export type PagedState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; items: T[]; nextCursor: string | null; loadingMore: boolean; moreError: ApiError | null };

/**
 * A keyset-paged list: the first page loads when `key` changes (aborting anything in flight),
 * `loadMore` appends the next page, `update` edits the loaded rows (after a delete, say)
 * without refetching.
 */
export function usePagedList<T>(loadPage: (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>, key: string) {
  const [state, setState] = useState<PagedState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const expired = useContext(AdminContext)?.sessionExpired;
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const stateRef = useRef(state);
  stateRef.current = state;
  const moreRef = useRef<AbortController | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    moreRef.current?.abort();
    setState({ status: 'loading' });
    loadRef.current(null, controller.signal).then(
      (page) => {
        if (!controller.signal.aborted) setState({ status: 'ready', items: page.items, nextCursor: page.nextCursor, loadingMore: false, moreError: null });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (expired && isUnauthorized(error)) expired();
        else setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [key, attempt, expired]);

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (current.status !== 'ready' || !current.nextCursor || current.loadingMore) return;
    const controller = new AbortController();
    moreRef.current = controller;
    setState({ ...current, loadingMore: true, moreError: null });
    try {
      const page = await loadRef.current(current.nextCursor, controller.signal);
      if (controller.signal.aborted) return;
      setState((s) => (s.status === 'ready' ? { ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor, loadingMore: false } : s));
    } catch (error) {
      if (controller.signal.aborted) return;
      if (expired && isUnauthorized(error)) {
        expired();
        return;
      }
      setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false, moreError: toApiError(error) } : s));
    }
  }, [expired]);

  const update = useCallback((fn: (items: T[]) => T[]) => setState((s) => (s.status === 'ready' ? { ...s, items: fn(s.items) } : s)), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { state, loadMore, reload, update };
}

/**
 * Runs a change (a POST/PATCH/DELETE) and tracks its pending flag and error text. A 401
 * hands over to the shell's sign-in redirect.
 */
export function useMutation() {
  const admin = useContext(AdminContext);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = useCallback(
    async <R,>(action: () => Promise<R>): Promise<{ ok: true; value: R } | { ok: false; error: unknown }> => {
      setPending(true);
      setError(null);
      try {
        const value = await action();
        setPending(false);
        return { ok: true, value };
      } catch (err) {
        setPending(false);
        if (isUnauthorized(err) && admin) {
          admin.sessionExpired();
        } else {
          setError(err);
        }
        return { ok: false, error: err };
      }
    },
    [admin],
  );

  return { run, pending, error, clearError: useCallback(() => setError(null), []) };
}

/** Re-renders every `ms` so relative times ("5 min ago") stay true while a page is open. */
export function useNow(ms = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(id);
  }, [ms]);
  return now;
}
