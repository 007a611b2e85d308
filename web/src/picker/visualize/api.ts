/**
 * The Visualize endpoints (`/api/generate/photo`, `/check`, `/feedback`). Responses are
 * checked before use: a body that does not fit the contract is an `ApiError`, never a
 * half-shown image.
 */
import { ApiError, postJson } from '../../lib/api';
import type { Selections } from '../domain';

export interface GenerateBody {
  floorplanSlug: string;
  stepPhotoId: string;
  selections: Selections;
  sessionId?: string;
}

export type GenerateResult =
  | { status: 'complete'; hash: string; url: string }
  | { status: 'pending'; hash: string }
  /** A recent failure of these picks: it stays failed until the buyer retries (feedback, then generate). */
  | { status: 'failed'; hash: string; error: string | null };

export type CheckResult =
  | { status: 'complete'; url: string }
  | { status: 'pending' }
  | { status: 'failed'; error: string | null }
  | { status: 'not_found' };

/** The transport the visualization runner talks to (the real one below; tests pass a fake). */
export interface VisualizeApi {
  generate(body: GenerateBody, signal: AbortSignal): Promise<GenerateResult>;
  check(hash: string, signal: AbortSignal): Promise<CheckResult>;
  feedback(hash: string, signal: AbortSignal): Promise<void>;
}

function invalid(): ApiError {
  return new ApiError(200, 'invalid_response', 'The server sent a response this page could not read.');
}

function record(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object') throw invalid();
  return body as Record<string, unknown>;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function parseGenerateResult(body: unknown): GenerateResult {
  const b = record(body);
  const hash = text(b.hash);
  if (!hash) throw invalid();
  if (b.status === 'pending') return { status: 'pending', hash };
  if (b.status === 'failed') return { status: 'failed', hash, error: text(b.error) };
  const url = text(b.url);
  if (b.status === 'complete' && url) return { status: 'complete', hash, url };
  throw invalid();
}

export function parseCheckResult(body: unknown): CheckResult {
  const b = record(body);
  switch (b.status) {
    case 'complete': {
      const url = text(b.url);
      if (!url) throw invalid();
      return { status: 'complete', url };
    }
    case 'pending':
      return { status: 'pending' };
    case 'failed':
      return { status: 'failed', error: text(b.error) };
    case 'not_found':
      return { status: 'not_found' };
    default:
      throw invalid();
  }
}

export const httpVisualizeApi: VisualizeApi = {
  async generate(body, signal) {
    return parseGenerateResult(await postJson<unknown>('/api/generate/photo', body, { signal }));
  },
  async check(hash, signal) {
    return parseCheckResult(await postJson<unknown>('/api/generate/photo/check', { hash }, { signal }));
  },
  async feedback(hash, signal) {
    await postJson<unknown>('/api/generate/photo/feedback', { hash }, { signal });
  },
};
