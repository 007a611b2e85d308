/** List filters kept in the URL (so a filtered list survives a reload and can be shared). Pure. */
import type { ImageStatus } from './api';

export interface SessionFilter {
  /** Part of a buyer's email (the API matches it anywhere in the address). */
  email: string;
  floorplanId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads `?email=&floorplan=`, dropping values the API would refuse (an overlong search, a non-id). */
export function parseSessionFilter(params: URLSearchParams): SessionFilter {
  const email = (params.get('email') ?? '').trim().slice(0, 254);
  const floorplan = (params.get('floorplan') ?? '').trim();
  return { email, floorplanId: UUID.test(floorplan) ? floorplan.toLowerCase() : '' };
}

/** The URL query for a filter (empty values left out, so "no filter" is a clean URL). */
export function sessionFilterParams(filter: SessionFilter): Record<string, string> {
  const out: Record<string, string> = {};
  const email = filter.email.trim();
  if (email) out.email = email;
  if (filter.floorplanId) out.floorplan = filter.floorplanId;
  return out;
}

export const isFiltered = (filter: SessionFilter): boolean => Boolean(filter.email || filter.floorplanId);

export const IMAGE_STATUSES: readonly ImageStatus[] = ['complete', 'pending', 'failed'];

export function parseImageStatus(value: string | null): ImageStatus | null {
  return IMAGE_STATUSES.find((s) => s === value) ?? null;
}

export const imageStatusLabel = (status: ImageStatus): string =>
  status === 'complete' ? 'Ready' : status === 'pending' ? 'Generating' : 'Failed';
