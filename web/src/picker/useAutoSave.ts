import { useCallback, useEffect, useLayoutEffect, useRef, type Dispatch } from 'react';
import { ApiError } from '../lib/api';
import { createSession, fetchSession, isRejection, saveErrorMessage, saveSession, type Session } from './api';
import type { CatalogIndex } from './domain';
import { hasUnsavedChanges, needsSave, saveBody, type PickerAction, type PickerState } from './state';

/** Quiet time after the last change before the selections are PUT. */
export const SAVE_DEBOUNCE_MS = 1000;

interface Options {
  index: CatalogIndex;
  state: PickerState;
  dispatch: Dispatch<PickerAction>;
  session: Session;
  /** The server no longer knows the session (404): a new one was created. */
  onSessionReplaced: (session: Session) => void;
}

/**
 * Debounced auto-save of the full selections + quantities. A rejected save (400/422) is
 * reported and the session reloaded from the server; a pending save is flushed with
 * `keepalive` when the page is hidden or left, and when the picker unmounts.
 */
export function useAutoSave({ index, state, dispatch, session, onSessionReplaced }: Options): { retry: () => void } {
  const latest = useRef({ index, state, dispatch, session, onSessionReplaced });
  useLayoutEffect(() => {
    latest.current = { index, state, dispatch, session, onSessionReplaced };
  });

  const save = useCallback(async (keepalive: boolean) => {
    const { index, state, dispatch, session, onSessionReplaced } = latest.current;
    if (!hasUnsavedChanges(state) || state.savingRevision === state.revision) return;
    const revision = state.revision;
    const body = saveBody(index, state);
    dispatch({ type: 'saveStarted', revision });
    try {
      let saved: Session;
      try {
        saved = await saveSession(session.id, body, { keepalive });
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 404) || keepalive) throw error;
        // The session is gone (expired or removed): carry the choices over to a new one.
        const fresh = await createSession(session.floorplanSlug);
        onSessionReplaced(fresh);
        saved = await saveSession(fresh.id, body);
      }
      latest.current.dispatch({ type: 'saveSucceeded', revision, session: saved });
    } catch (error) {
      const rejected = isRejection(error);
      latest.current.dispatch({
        type: 'saveFailed',
        revision,
        rejected,
        message: rejected ? saveErrorMessage(error) : error instanceof Error ? error.message : 'Your changes could not be saved.',
      });
      if (rejected) {
        try {
          latest.current.dispatch({ type: 'sessionLoaded', session: await fetchSession(latest.current.session.id) });
        } catch {
          // Keep what is on screen; the next change tries again.
        }
      }
    }
  }, []);

  // Debounce: every new revision restarts the timer; one PUT at a time.
  const due = needsSave(state);
  useEffect(() => {
    if (!due) return;
    const timer = window.setTimeout(() => void save(false), SAVE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [due, state.revision, save]);

  useEffect(() => {
    const flush = () => {
      if (hasUnsavedChanges(latest.current.state)) void save(true);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    const onOnline = () => latest.current.dispatch({ type: 'retrySave' });
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('online', onOnline);
      flush();
    };
  }, [save]);

  return { retry: useCallback(() => dispatch({ type: 'retrySave' }), [dispatch]) };
}
