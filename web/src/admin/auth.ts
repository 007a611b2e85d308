/** Sign-in paths, redirects and password checks for the admin shell. Pure. */
import { ApiError } from '../lib/api';
import { safeNextPath } from '../lib/format';

/** Matches worker/services/admin-auth.ts (MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const ADMIN_HOME = '/admin';
export const LOGIN_PATH = '/admin/login';

/** Pages a signed-out person uses; never a post-sign-in destination. */
const PUBLIC_PREFIXES = ['/admin/login', '/admin/reset', '/admin/reset-password', '/admin/accept-invite', '/admin/invite'];

export function isPublicAdminPath(pathname: string): boolean {
  return PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

/**
 * Where to go after signing in: only a same-origin path inside the admin area that is not
 * itself a sign-in page (else a stale `next` could loop back to the form).
 */
export function adminNextPath(next: string | null | undefined): string | null {
  const safe = safeNextPath(next);
  if (!safe) return null;
  const pathname = safe.split(/[?#]/, 1)[0]!;
  if (pathname !== ADMIN_HOME && !pathname.startsWith(`${ADMIN_HOME}/`)) return null;
  if (isPublicAdminPath(pathname)) return null;
  return safe;
}

/** The sign-in page, remembering where the person was headed. */
export function loginPath(next?: string | null): string {
  const target = adminNextPath(next);
  if (!target || target === ADMIN_HOME) return LOGIN_PATH;
  return `${LOGIN_PATH}?next=${encodeURIComponent(target)}`;
}

/** What is wrong with a new password and its confirmation, or null when it will do. */
export function passwordProblem(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (password !== confirm) return 'The two passwords do not match.';
  return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A cheap shape check so an obvious typo gets a message before a round trip. */
export function looksLikeEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

/** What to tell someone whose sign-in failed. */
export function signInErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.code === 'tenant_not_found') return "Sign in at your builder's own address (for example summit.localhost), not the Finch home page.";
  if (error.status === 401) return 'Email or password is incorrect.';
  if (error.status === 400) return 'Enter a valid email address and your password.';
  if (error.status === 429) return 'Too many sign-in attempts. Wait 15 minutes and try again.';
  if (error.status === 403) return 'This page cannot sign you in from another site. Open the admin at its own address.';
  return error.message;
}

/** Whether the failure is about what was typed (so the fields get `aria-invalid`). */
export function isCredentialError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 400 || error.status === 401);
}

/** Invite and reset links: 404 (and a malformed token's 400) mean used, expired or unknown. */
export function isDeadLink(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 400) && error.code !== 'tenant_not_found';
}
