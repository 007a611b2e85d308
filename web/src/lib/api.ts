/**
 * Tiny fetch wrapper for the Worker API.
 *
 * The API answers errors with the envelope
 * `{ "error": { "code": string, "message": string } }`; anything else
 * (an HTML 502 from the edge, an empty 500, a network failure) is mapped to an
 * `ApiError` with a synthetic code so callers only ever handle one shape.
 */

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The envelope's optional `details` (e.g. validation issues or rule conflicts), untyped. */
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

function fallbackMessage(status: number, statusText: string): string {
  const label = statusText ? `HTTP ${status} ${statusText}` : `HTTP ${status}`;
  if (status >= 500) return `Something went wrong on our side (${label}). Please try again.`;
  return `The request failed (${label}).`;
}

/** Build an `ApiError` from a non-2xx response's status and raw body text. */
export function parseApiError(status: number, bodyText: string, statusText = ''): ApiError {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body && typeof body === 'object' && 'error' in body) {
      const error = (body as { error: unknown }).error;
      if (error && typeof error === 'object') {
        const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
        if (typeof code === 'string' && code) {
          return new ApiError(
            status,
            code,
            typeof message === 'string' && message ? message : fallbackMessage(status, statusText),
            details,
          );
        }
      }
    }
  } catch {
    // Not JSON: fall through to the synthetic error.
  }
  return new ApiError(status, `http_${status}`, fallbackMessage(status, statusText));
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/**
 * `fetch` + JSON for same-origin API calls. Resolves with the parsed body of a
 * 2xx response (undefined for an empty body); rejects with `ApiError` otherwise.
 * Aborts (via `init.signal`) are re-thrown untouched so callers can ignore them.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');

  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init, headers });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the server. Check your connection and try again.');
  }

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (isAbort(error)) throw error;
    text = '';
  }

  if (!response.ok) throw parseApiError(response.status, text, response.statusText);
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'invalid_response', 'The server sent a response this page could not read.');
  }
}

/** Send a JSON body (POST unless `init.method` says otherwise). */
export function sendJson<T>(path: string, body: unknown, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set('content-type', 'application/json');
  return apiFetch<T>(path, { method: 'POST', ...init, headers, body: JSON.stringify(body) });
}

/** POST a JSON body. */
export function postJson<T>(path: string, body: unknown, init: RequestInit = {}): Promise<T> {
  return sendJson<T>(path, body, { ...init, method: 'POST' });
}

/** PUT a JSON body. */
export function putJson<T>(path: string, body: unknown, init: RequestInit = {}): Promise<T> {
  return sendJson<T>(path, body, { ...init, method: 'PUT' });
}
