/**
 * Typed calls to `/api/admin/*` (shapes from worker/routes/admin). Every failure is an
 * `ApiError` from lib/api, so pages handle one error type; 401 means the session is gone.
 */
import type { AdminStats } from '../../../worker/domain/admin-stats';
import { apiFetch, ApiError, postJson, sendJson } from '../lib/api';
import type { AdminRole, AdminUser } from './context';

export interface SignedIn {
  user: AdminUser;
  role: AdminRole;
  org: { id: string; slug: string; name: string };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface FloorplanRef {
  id: string;
  slug: string;
  name: string;
}

export interface AdminFloorplan extends FloorplanRef {
  isActive: boolean;
}

export interface BuyerSessionRow {
  id: string;
  email: string | null;
  totalCents: number;
  selectionCount: number;
  lastActiveAt: number;
  createdAt: number;
  floorplan: FloorplanRef;
}

export interface BuyerSessionLine {
  stepName: string | null;
  categoryName: string | null;
  subcategoryId: string;
  subcategoryName: string;
  optionId: string;
  optionName: string;
  optionActive: boolean;
  unitPriceCents: number;
  quantity: number;
  totalCents: number;
}

export interface BuyerSessionDetail {
  session: {
    id: string;
    floorplan: FloorplanRef;
    email: string | null;
    selections: Record<string, string>;
    quantities: Record<string, number>;
    savedTotalCents: number;
    lastActiveAt: number;
    createdAt: number;
  };
  lines: BuyerSessionLine[];
  unavailable: { subcategoryId: string; optionId: string }[];
  totalCents: number;
}

export type ImageStatus = 'pending' | 'complete' | 'failed';

export interface GeneratedImage {
  id: string;
  hash: string;
  stepPhotoId: string;
  model: string;
  status: ImageStatus;
  url: string | null;
  selections: Record<string, string>;
  buyerSessionId: string | null;
  error: string | null;
  createdAt: number;
  completedAt: number | null;
}

export interface Member {
  userId: string;
  email: string;
  name: string | null;
  role: AdminRole;
  joinedAt: number;
}

export interface Invite {
  id: string;
  email: string;
  role: AdminRole | null;
  expiresAt: number;
  createdAt: number;
}

export interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  kind: string;
  status: 'queued' | 'sent' | 'failed';
  body: string;
  createdAt: number;
  sentAt: number | null;
}

export interface InviteInfo {
  email: string;
  role: AdminRole | null;
  org: { slug: string; name: string };
  /** True when the address already has a Finch password: the page asks for it instead. */
  existingUser: boolean;
  expiresAt: number;
}

const enc = encodeURIComponent;

/** `?a=1&b=2` from the defined, non-empty entries (empty string when none). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface PageParams {
  cursor?: string | null;
  limit?: number;
}

// ------------------------------------------------------------------ session

export const login = (email: string, password: string) => postJson<SignedIn>('/api/admin/login', { email, password });
export const logout = () => postJson<void>('/api/admin/logout', {});
export const fetchMe = (signal?: AbortSignal) => apiFetch<SignedIn>('/api/admin/me', { signal });

export const requestPasswordReset = (email: string) => postJson<{ ok: true }>('/api/admin/password-reset', { email });
export const fetchResetLink = (token: string, signal?: AbortSignal) =>
  apiFetch<{ email: string; expiresAt: number }>(`/api/admin/password-reset/${enc(token)}`, { signal });
export const completePasswordReset = (token: string, password: string) =>
  postJson<SignedIn>('/api/admin/password-reset/complete', { token, password });

export const fetchInvite = (token: string, signal?: AbortSignal) => apiFetch<InviteInfo>(`/api/admin/invites/accept/${enc(token)}`, { signal });
export const acceptInvite = (token: string, password: string, name?: string) =>
  postJson<SignedIn>('/api/admin/invites/accept', name ? { token, password, name } : { token, password });

// ------------------------------------------------------------------ lists

export async function listBuyerSessions(
  filter: { email?: string; floorplanId?: string } & PageParams,
  signal?: AbortSignal,
): Promise<Page<BuyerSessionRow>> {
  const body = await apiFetch<{ sessions: BuyerSessionRow[]; nextCursor: string | null }>(
    `/api/admin/buyer-sessions${queryString({ email: filter.email, floorplanId: filter.floorplanId, cursor: filter.cursor, limit: filter.limit })}`,
    { signal },
  );
  return { items: body.sessions, nextCursor: body.nextCursor };
}

export const fetchBuyerSession = (id: string, signal?: AbortSignal) => apiFetch<BuyerSessionDetail>(`/api/admin/buyer-sessions/${enc(id)}`, { signal });

export async function listFloorplans(signal?: AbortSignal): Promise<AdminFloorplan[]> {
  return (await apiFetch<{ floorplans: AdminFloorplan[] }>('/api/admin/floorplans', { signal })).floorplans;
}

/** The dashboard's exact counts (worker/routes/admin/stats.ts). */
export type { AdminStats };
export const getStats = (signal?: AbortSignal) => apiFetch<AdminStats>('/api/admin/stats', { signal });

export async function listImages(filter: { status?: ImageStatus } & PageParams, signal?: AbortSignal): Promise<Page<GeneratedImage>> {
  const body = await apiFetch<{ images: GeneratedImage[]; nextCursor: string | null }>(
    `/api/admin/images${queryString({ status: filter.status, cursor: filter.cursor, limit: filter.limit })}`,
    { signal },
  );
  return { items: body.images, nextCursor: body.nextCursor };
}

export const deleteImage = (id: string) => apiFetch<void>(`/api/admin/images/${enc(id)}`, { method: 'DELETE' });

export async function listMembers(signal?: AbortSignal): Promise<Member[]> {
  return (await apiFetch<{ members: Member[] }>('/api/admin/users', { signal })).members;
}

export const changeRole = (userId: string, role: AdminRole) =>
  sendJson<{ member: { userId: string; role: AdminRole } }>(`/api/admin/users/${enc(userId)}`, { role }, { method: 'PATCH' });
export const removeMember = (userId: string) => apiFetch<void>(`/api/admin/users/${enc(userId)}`, { method: 'DELETE' });

export async function listInvites(signal?: AbortSignal): Promise<Invite[]> {
  return (await apiFetch<{ invites: Invite[] }>('/api/admin/invites', { signal })).invites;
}

export const createInvite = (email: string, role: AdminRole) => postJson<{ invite: Invite }>('/api/admin/invites', { email, role });
export const revokeInvite = (id: string) => apiFetch<void>(`/api/admin/invites/${enc(id)}`, { method: 'DELETE' });

export async function listOutbox(page: PageParams, signal?: AbortSignal): Promise<Page<OutboxMessage> & { linksHidden: boolean }> {
  const body = await apiFetch<{ messages: OutboxMessage[]; linksHidden: boolean; nextCursor: string | null }>(
    `/api/admin/outbox${queryString({ cursor: page.cursor, limit: page.limit })}`,
    { signal },
  );
  return { items: body.messages, nextCursor: body.nextCursor, linksHidden: body.linksHidden };
}

// ------------------------------------------------------------------ errors

export const isUnauthorized = (error: unknown): boolean => error instanceof ApiError && error.status === 401;

/** Text for a failed admin request; validation details (field messages) are appended. */
export function adminErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status === 403) return error.message || 'Your role can view but not change this organization.';
  if (error.status === 429) return error.message || 'Too many attempts. Wait a few minutes and try again.';
  if (Array.isArray(error.details)) {
    const fieldMessages = error.details
      .map((d: unknown) => (d && typeof d === 'object' && typeof (d as { message?: unknown }).message === 'string' ? (d as { message: string }).message : null))
      .filter((m): m is string => Boolean(m));
    if (fieldMessages.length) return [...new Set(fieldMessages)].join('. ');
  }
  return error.message;
}
