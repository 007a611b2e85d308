import { useCallback, useMemo, useReducer, useState } from 'react';
import { Outlet, useSearchParams } from 'react-router';
import type { Session } from './api';
import type { PickerContextValue } from './context';
import { indexCatalog, type Catalog } from './domain';
import { createPickerReducer, displayTotal, initPickerState, saveStatus, stepFromSlug } from './state';
import { useAutoSave } from './useAutoSave';

/**
 * Owns the buyer's selections for one floorplan while any of its views (wizard, summary) is
 * open, so switching views keeps unsaved changes and the auto-saver keeps running.
 */
export function PickerRoot({ catalog, initialSession }: { catalog: Catalog; initialSession: Session }) {
  const index = useMemo(() => indexCatalog(catalog), [catalog]);
  const reducer = useMemo(() => createPickerReducer(index), [index]);
  const [params] = useSearchParams();
  const [state, dispatch] = useReducer(reducer, null, () => initPickerState(index, initialSession, stepFromSlug(catalog, params.get('step'))));
  const [session, setSession] = useState(initialSession);
  const onSessionReplaced = useCallback((s: Session) => setSession(s), []);
  const { retry } = useAutoSave({ index, state, dispatch, session, onSessionReplaced });

  const context: PickerContextValue = {
    catalog,
    index,
    session,
    state,
    dispatch,
    totalCents: displayTotal(index, state),
    saveStatus: saveStatus(state),
    retrySave: retry,
  };
  return <Outlet context={context} />;
}
