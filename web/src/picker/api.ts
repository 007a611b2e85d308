/**
 * Buyer catalog and session endpoints. Thin wrappers over `apiFetch`; every failure is an
 * `ApiError` (see lib/api.ts). No React here.
 */
import { apiFetch, ApiError, postJson, putJson } from '../lib/api';
import type { Catalog, Quantities, Selections } from './domain';

/** A buyer session as the API returns it. */
export interface Session {
  id: string;
  floorplanSlug: string;
  selections: Selections;
  quantities: Quantities;
  totalCents: number;
  email: string | null;
  updatedAt: number;
}

export interface SaveBody {
  selections: Selections;
  quantities: Quantities;
}

const enc = encodeURIComponent;

export function fetchCatalog(floorplanSlug: string, signal?: AbortSignal): Promise<Catalog> {
  return apiFetch<Catalog>(`/api/catalog/${enc(floorplanSlug)}`, { signal });
}

/** The session the floorplan's cookie points at, or null when there is none (404). */
export async function fetchCurrentSession(floorplanSlug: string, signal?: AbortSignal): Promise<Session | null> {
  try {
    return await apiFetch<Session>(`/api/sessions/current?floorplanSlug=${enc(floorplanSlug)}`, { signal });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function createSession(floorplanSlug: string): Promise<Session> {
  return postJson<Session>('/api/sessions', { floorplanSlug });
}

export function fetchSession(id: string, signal?: AbortSignal): Promise<Session> {
  return apiFetch<Session>(`/api/sessions/${enc(id)}`, { signal });
}

/** `keepalive` lets the request outlive the page (used when flushing on pagehide). */
export function saveSession(id: string, body: SaveBody, opts: { keepalive?: boolean } = {}): Promise<Session> {
  return putJson<Session>(`/api/sessions/${enc(id)}`, body, opts.keepalive ? { keepalive: true } : {});
}

export function emailResumeLink(id: string, email: string): Promise<unknown> {
  return postJson(`/api/sessions/${enc(id)}/email`, { email });
}

export function resumeByToken(token: string): Promise<Session> {
  return apiFetch<Session>(`/api/sessions/resume/${enc(token)}`);
}

export function resumeByEmail(email: string): Promise<unknown> {
  return postJson('/api/sessions/resume-by-email', { email });
}

// In-flight de-duplication: React StrictMode runs effects twice in development, and a
// second POST would create a second session (and a resume token may be single-use).
const startingSessions = new Map<string, Promise<Session>>();
const resumingTokens = new Map<string, Promise<Session>>();

function once<T>(map: Map<string, Promise<T>>, key: string, run: () => Promise<T>): Promise<T> {
  let promise = map.get(key);
  if (!promise) {
    promise = run();
    map.set(key, promise);
    const forget = () => {
      map.delete(key);
    };
    promise.then(forget, forget);
  }
  return promise;
}

/** The cookie's session for this floorplan, or a new one (which sets the cookie). */
export function startSession(floorplanSlug: string): Promise<Session> {
  return once(startingSessions, floorplanSlug, async () => (await fetchCurrentSession(floorplanSlug)) ?? createSession(floorplanSlug));
}

export function resumeOnce(token: string): Promise<Session> {
  return once(resumingTokens, token, () => resumeByToken(token));
}

/** A readable reason for a rejected save (400 validation_failed, 422 rule_conflict). */
export function saveErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Your last change could not be saved.';
  const messages = Array.isArray(error.details)
    ? error.details
        .map((d: unknown) => (d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string' ? (d as { message: string }).message : null))
        .filter((m): m is string => !!m)
    : [];
  const unique = [...new Set(messages)];
  return unique.length ? `${error.message}: ${unique.join(' ')}` : error.message;
}

/** 400 / 422: the server looked at the selections and said no (retrying the same body is pointless). */
export function isRejection(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || error.status === 422);
}
