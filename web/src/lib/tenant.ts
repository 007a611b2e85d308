import { useEffect, useState } from 'react';
import { apiFetch, ApiError } from './api';
import type { CatalogFloorplan } from '../../../worker/domain/catalog';
import type { Theme } from './theme';

/** Shape of `GET /api/floorplans` on a builder's host. */
export interface Org {
  slug: string;
  name: string;
  theme: Theme;
  logoUrl: string | null;
}

/** The same fields the catalog carries for its floorplan. */
export type FloorplanSummary = CatalogFloorplan;

export interface FloorplansResponse {
  org: Org;
  floorplans: FloorplanSummary[];
}

/** The product (bare) domain has no tenant: the API answers 404 with this code. */
export const TENANT_NOT_FOUND = 'tenant_not_found';

export function isTenantNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.code === TENANT_NOT_FOUND;
}

// One request per page load: the landing page and the floorplan page share it,
// so choosing a floorplan doesn't refetch. A failed request is forgotten so a
// retry really retries.
let cached: Promise<FloorplansResponse> | null = null;

export function loadTenant(): Promise<FloorplansResponse> {
  if (!cached) {
    cached = apiFetch<FloorplansResponse>('/api/floorplans');
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export type TenantState =
  | { status: 'loading' }
  | { status: 'ready'; data: FloorplansResponse }
  | { status: 'error'; error: ApiError };

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
}

export function useTenant(): TenantState & { retry: () => void } {
  const [state, setState] = useState<TenantState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState((s) => (s.status === 'loading' ? s : { status: 'loading' }));
    loadTenant().then(
      (data) => live && setState({ status: 'ready', data }),
      (error: unknown) => live && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
