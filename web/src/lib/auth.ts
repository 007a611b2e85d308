import { ApiError } from './api';

/**
 * What to tell the user when `POST /api/admin/login` fails. The endpoint is not
 * deployed yet, so a plain 404 means "not available"; a 404 with
 * `tenant_not_found` (bare product domain) keeps the server's message.
 */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404 && error.code !== 'tenant_not_found') return 'Sign-in is not available yet.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

/** Whether the failure is about what was typed (so the fields get `aria-invalid`). */
export function isCredentialError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || error.status === 401 || error.status === 422);
}
