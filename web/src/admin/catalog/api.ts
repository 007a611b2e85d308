/**
 * The admin catalog REST API (worker/routes/admin/catalog/*.ts and uploads.ts) as typed
 * calls. Every failure is an `ApiError` (lib/api.ts). No React here.
 */
import { apiFetch, ApiError, postJson, putJson, sendJson } from '../../lib/api';
import type { CatalogFloorplan } from '../../../../worker/domain/catalog';
import type { PhotoSurface } from '../../../../worker/domain/surfaces';
import type { PhotoPolicy } from './policyForm';

export interface AdminOption {
  id: string;
  subcategoryId: string;
  slug: string;
  name: string;
  description: string | null;
  priceCents: number;
  isDefault: boolean;
  sortOrder: number;
  swatchKey: string | null;
  swatchUrl: string | null;
  swatchColor: string | null;
  promptDescriptor: string | null;
  isActive: boolean;
  /** Empty: offered on every floorplan. */
  floorplanIds: string[];
}

export interface AdminSubcategory {
  id: string;
  categoryId: string;
  slug: string;
  name: string;
  sortOrder: number;
  isVisual: boolean;
  isAdditive: boolean;
  maxQuantity: number;
  unitLabel: string | null;
  promptDescriptor: string | null;
  options: AdminOption[];
}

export interface AdminCategory {
  id: string;
  slug: string;
  name: string;
  sortOrder: number;
  subcategories: AdminSubcategory[];
}

export type RuleKind = 'requires' | 'excludes';

export interface AdminRule {
  id: string;
  optionId: string;
  kind: RuleKind;
  targetOptionId: string;
  message: string | null;
}

export interface AdminFloorplan extends CatalogFloorplan {
  isActive: boolean;
  sortOrder: number;
}

export interface StepSection {
  title: string;
  subcategoryIds: string[];
}

export interface AdminPhoto {
  id: string;
  stepId: string;
  imageKey: string;
  url: string;
  width: number;
  height: number;
  isHero: boolean;
  sortOrder: number;
  alt: string | null;
  spatialHint: string | null;
  surfaces: PhotoSurface[];
  /** The visualizer policy, null for the defaults. */
  policy: PhotoPolicy | null;
}

export interface AdminStep {
  id: string;
  floorplanId: string;
  slug: string;
  name: string;
  subtitle: string | null;
  sortOrder: number;
  sections: StepSection[];
  photos: AdminPhoto[];
}

export interface FloorplanDetail extends AdminFloorplan {
  steps: AdminStep[];
}

export interface PriceOverride {
  optionId: string;
  floorplanId: string;
  priceCents: number;
}

export type ReorderKind = 'categories' | 'subcategories' | 'options' | 'steps' | 'step-photos';

const BASE = '/api/admin';
const enc = encodeURIComponent;
const patchJson = <T>(path: string, body: unknown) => sendJson<T>(path, body, { method: 'PATCH' });
const del = (path: string) => apiFetch<void>(path, { method: 'DELETE' });

// ---------------------------------------------------------------- option tree

export const fetchTree = (signal?: AbortSignal) => apiFetch<{ categories: AdminCategory[] }>(`${BASE}/categories`, { signal });

export const createCategory = (body: { name: string }) => postJson<Omit<AdminCategory, 'subcategories'>>(`${BASE}/categories`, body);
export const updateCategory = (id: string, body: { name?: string }) => patchJson<Omit<AdminCategory, 'subcategories'>>(`${BASE}/categories/${enc(id)}`, body);
export const deleteCategory = (id: string) => del(`${BASE}/categories/${enc(id)}`);

export interface SubcategoryFields {
  name?: string;
  isVisual?: boolean;
  isAdditive?: boolean;
  maxQuantity?: number;
  unitLabel?: string | null;
}
export const createSubcategory = (body: SubcategoryFields & { categoryId: string; name: string }) =>
  postJson<Omit<AdminSubcategory, 'options'>>(`${BASE}/subcategories`, body);
export const updateSubcategory = (id: string, body: SubcategoryFields) => patchJson<Omit<AdminSubcategory, 'options'>>(`${BASE}/subcategories/${enc(id)}`, body);
export const deleteSubcategory = (id: string) => del(`${BASE}/subcategories/${enc(id)}`);

export interface OptionPatch {
  name?: string;
  priceCents?: number;
  isDefault?: boolean;
  description?: string | null;
  swatchColor?: string | null;
  isActive?: boolean;
  floorplanIds?: string[];
  swatchKey?: string | null;
}
export const createOption = (body: OptionPatch & { subcategoryId: string; name: string }) => postJson<AdminOption>(`${BASE}/options`, body);
export const updateOption = (id: string, body: OptionPatch) => patchJson<AdminOption>(`${BASE}/options/${enc(id)}`, body);
export const deleteOption = (id: string) => del(`${BASE}/options/${enc(id)}`);

export const fetchRules = (signal?: AbortSignal) => apiFetch<{ rules: AdminRule[] }>(`${BASE}/rules`, { signal });
export const createRule = (body: { optionId: string; kind: RuleKind; targetOptionId: string; message?: string | null }) => postJson<AdminRule>(`${BASE}/rules`, body);
export const deleteRule = (id: string) => del(`${BASE}/rules/${enc(id)}`);

/** Every item of the parent, in the new order (the API refuses a partial list). */
export const reorder = (kind: ReorderKind, ids: string[]) => postJson<void>(`${BASE}/reorder`, { kind, ids });

// ---------------------------------------------------------------- floorplans, steps, photos

export const fetchFloorplans = (signal?: AbortSignal) => apiFetch<{ floorplans: AdminFloorplan[] }>(`${BASE}/floorplans`, { signal });
export const fetchFloorplan = (id: string, signal?: AbortSignal) => apiFetch<FloorplanDetail>(`${BASE}/floorplans/${enc(id)}`, { signal });

export interface FloorplanFields {
  name?: string;
  slug?: string;
  description?: string | null;
  bedrooms?: number | null;
  bathrooms?: number | null;
  squareFeet?: number | null;
  basePriceCents?: number | null;
  isActive?: boolean;
}
export const createFloorplan = (body: FloorplanFields & { name: string }) => postJson<AdminFloorplan>(`${BASE}/floorplans`, body);
export const updateFloorplan = (id: string, body: FloorplanFields) => patchJson<AdminFloorplan>(`${BASE}/floorplans/${enc(id)}`, body);
export const deleteFloorplan = (id: string) => del(`${BASE}/floorplans/${enc(id)}`);

export const createStep = (body: { floorplanId: string; name: string; subtitle?: string | null; sections?: StepSection[] }) => postJson<AdminStep>(`${BASE}/steps`, body);
export const updateStep = (id: string, body: { name?: string; subtitle?: string | null; sections?: StepSection[] }) => patchJson<AdminStep>(`${BASE}/steps/${enc(id)}`, body);
export const deleteStep = (id: string) => del(`${BASE}/steps/${enc(id)}`);

export interface PhotoPatch {
  alt?: string | null;
  spatialHint?: string | null;
  surfaces?: PhotoSurface[];
  isHero?: boolean;
}
export const updatePhoto = (id: string, body: PhotoPatch) => patchJson<AdminPhoto>(`${BASE}/step-photos/${enc(id)}`, body);
export const setPhotoPolicy = (id: string, body: Required<PhotoPolicy>) =>
  putJson<{ policy: PhotoPolicy | null }>(`${BASE}/step-photos/${enc(id)}/policy`, body);
export const deletePhoto = (id: string) => del(`${BASE}/step-photos/${enc(id)}`);

// ---------------------------------------------------------------- price overrides

export const fetchOverrides = (floorplanId: string, signal?: AbortSignal) =>
  apiFetch<{ overrides: PriceOverride[] }>(`${BASE}/pricing-overrides?floorplanId=${enc(floorplanId)}`, { signal });
export const setOverride = (floorplanId: string, optionId: string, priceCents: number) =>
  putJson<PriceOverride>(`${BASE}/pricing-overrides/${enc(floorplanId)}/${enc(optionId)}`, { priceCents });
export const resetOverride = (floorplanId: string, optionId: string) => del(`${BASE}/pricing-overrides/${enc(floorplanId)}/${enc(optionId)}`);
export const resetAllOverrides = (floorplanId: string) => del(`${BASE}/pricing-overrides/${enc(floorplanId)}`);

// ---------------------------------------------------------------- uploads

/** Mirrors the API's caps (worker/routes/admin/uploads.ts) so an oversize file fails before it is sent. */
export const IMAGE_MAX_BYTES = 20 * 1024 * 1024;
export const ROOM_PHOTO_MIN_SIDE = 1024;

function upload<T>(path: string, file: Blob, filename: string): Promise<T> {
  const form = new FormData();
  form.append('file', file, filename);
  return apiFetch<T>(path, { method: 'POST', body: form });
}

export interface SwatchUpload {
  key: string;
  url: string;
  contentType: string;
  width: number;
  height: number;
  /** Set when the upload named an option: the swatch is already attached to it. */
  optionId: string | null;
}
export const uploadSwatch = (subcategoryId: string, optionId: string, file: File) =>
  upload<SwatchUpload>(`${BASE}/uploads/swatch?subcategoryId=${enc(subcategoryId)}&optionId=${enc(optionId)}`, file, file.name || 'swatch');

export const uploadRoomPhoto = (stepId: string, file: File) =>
  upload<{ key: string; url: string; photo: AdminPhoto }>(`${BASE}/uploads/room-photo?stepId=${enc(stepId)}`, file, file.name || 'photo');

/**
 * A message a builder can act on for a failed upload. The API's own message is kept (it
 * says which types or sizes it takes, or that the file is damaged); the status frames it.
 */
export function uploadErrorMessage(error: unknown, kind: 'swatch' | 'room-photo'): string {
  if (!(error instanceof ApiError)) return 'The upload failed. Please try again.';
  const reason = lowerFirst(error.message.replace(/\.$/, ''));
  switch (error.status) {
    case 413:
      return `The file is too large: ${reason}. Resize or compress it and try again.`;
    case 415:
      return `The file was refused: ${reason}.`;
    case 422:
      return kind === 'room-photo' ? `The photo is too small: ${reason}.` : `The image could not be used: ${reason}.`;
    default:
      return error.message;
  }
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);

/** Checks that need no server round trip; null when the file may be sent. */
export function precheckUpload(file: { size: number; type: string }): string | null {
  if (file.size === 0) return 'That file is empty.';
  if (file.size > IMAGE_MAX_BYTES) return `That file is too large: images can be up to ${IMAGE_MAX_BYTES / (1024 * 1024)} MB.`;
  return null;
}

/** A readable message for any API failure, with validation details when the API sent some. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : 'Something went wrong.';
  const details = Array.isArray(error.details)
    ? error.details
        .map((d: unknown) => {
          if (!d || typeof d !== 'object') return null;
          const { message, path } = d as { message?: unknown; path?: unknown };
          if (typeof message !== 'string') return null;
          const at = Array.isArray(path) ? path.join('.') : typeof path === 'string' ? path : '';
          const where = at && at !== '(root)' ? `${at}: ` : '';
          return `${where}${message}`;
        })
        .filter((m): m is string => !!m)
    : [];
  const unique = [...new Set(details)];
  return unique.length ? `${error.message} (${unique.join('; ')})` : error.message;
}
