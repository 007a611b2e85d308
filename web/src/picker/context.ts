import { useOutletContext } from 'react-router';
import type { Dispatch } from 'react';
import type { Session } from './api';
import type { Catalog, CatalogIndex } from './domain';
import type { PickerAction, PickerState, SaveStatus } from './state';

/** What the floorplan route hands its child views (the wizard and the summary). */
export interface PickerContextValue {
  catalog: Catalog;
  index: CatalogIndex;
  session: Session;
  state: PickerState;
  dispatch: Dispatch<PickerAction>;
  /** The running total to show (server-reconciled). */
  totalCents: number;
  saveStatus: SaveStatus;
  retrySave: () => void;
}

export function usePicker(): PickerContextValue {
  return useOutletContext<PickerContextValue>();
}
