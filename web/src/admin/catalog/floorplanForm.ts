/**
 * The floorplan form: text fields as typed <-> the API's typed, nullable fields. Pure, so
 * every rule (whole bedrooms, half bathrooms, dollars to cents) is tested without a DOM.
 */
import type { AdminFloorplan, FloorplanFields } from './api';
import { isReservedFloorplanSlug } from '../../../../worker/domain/slugs';
import { formatDollarsInput, parseDollars } from './price';

export interface FloorplanDraft {
  name: string;
  slug: string;
  description: string;
  bedrooms: string;
  bathrooms: string;
  squareFeet: string;
  basePrice: string;
  isActive: boolean;
}

export const EMPTY_DRAFT: FloorplanDraft = { name: '', slug: '', description: '', bedrooms: '', bathrooms: '', squareFeet: '', basePrice: '', isActive: true };

export function draftOf(fp: AdminFloorplan): FloorplanDraft {
  return {
    name: fp.name,
    slug: fp.slug,
    description: fp.description ?? '',
    bedrooms: fp.bedrooms === null ? '' : String(fp.bedrooms),
    bathrooms: fp.bathrooms === null ? '' : String(fp.bathrooms),
    squareFeet: fp.squareFeet === null ? '' : String(fp.squareFeet),
    basePrice: fp.basePriceCents === null ? '' : formatDollarsInput(fp.basePriceCents),
    isActive: fp.isActive,
  };
}

export type DraftErrors = Partial<Record<keyof FloorplanDraft, string>>;

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

function optionalNumber(text: string, opts: { integer: boolean; min: number; max: number; step?: number }, what: string): { value: number | null } | { error: string } {
  const t = text.trim().replace(/,/g, '');
  if (!t) return { value: null };
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: `${what} must be a number.` };
  const n = Number(t);
  if (opts.integer && !Number.isInteger(n)) return { error: `${what} must be a whole number.` };
  if (opts.step && Math.abs(n / opts.step - Math.round(n / opts.step)) > 1e-9) return { error: `${what} goes in steps of ${opts.step}.` };
  if (n < opts.min || n > opts.max) return { error: `${what} must be between ${opts.min} and ${opts.max.toLocaleString('en-US')}.` };
  return { value: n };
}

/**
 * The fields to send, or the errors to show. With `original` (an edit) only the fields that
 * changed are returned, so a PATCH never rewrites what someone else just saved.
 */
export function parseDraft(draft: FloorplanDraft, original?: AdminFloorplan): { ok: true; fields: FloorplanFields & { name: string } } | { ok: true; fields: FloorplanFields } | { ok: false; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const name = draft.name.trim();
  if (!name) errors.name = 'Enter a name.';
  else if (name.length > 120) errors.name = 'At most 120 characters.';
  const slug = draft.slug.trim();
  if (slug && !SLUG.test(slug)) errors.slug = 'Lowercase letters, digits and dashes, up to 63.';
  else if (isReservedFloorplanSlug(slug)) errors.slug = `“${slug}” is used by the app itself; choose another.`;
  const description = draft.description.trim();
  if (description.length > 2000) errors.description = 'At most 2000 characters.';

  const bedrooms = optionalNumber(draft.bedrooms, { integer: true, min: 0, max: 50 }, 'Bedrooms');
  const bathrooms = optionalNumber(draft.bathrooms, { integer: false, min: 0, max: 50, step: 0.5 }, 'Bathrooms');
  const squareFeet = optionalNumber(draft.squareFeet, { integer: true, min: 1, max: 1_000_000 }, 'Square feet');
  if ('error' in bedrooms) errors.bedrooms = bedrooms.error;
  if ('error' in bathrooms) errors.bathrooms = bathrooms.error;
  if ('error' in squareFeet) errors.squareFeet = squareFeet.error;

  let basePriceCents: number | null = null;
  if (draft.basePrice.trim()) {
    const parsed = parseDollars(draft.basePrice);
    if (!parsed.ok) errors.basePrice = parsed.error;
    else if (parsed.cents < 0) errors.basePrice = 'A base price cannot be negative.';
    else basePriceCents = parsed.cents;
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const all: FloorplanFields & { name: string } = {
    name,
    description: description || null,
    bedrooms: 'value' in bedrooms ? bedrooms.value : null,
    bathrooms: 'value' in bathrooms ? bathrooms.value : null,
    squareFeet: 'value' in squareFeet ? squareFeet.value : null,
    basePriceCents,
    isActive: draft.isActive,
    ...(slug ? { slug } : {}),
  };
  if (!original) return { ok: true, fields: all };
  const before: Record<string, unknown> = { ...original };
  const changed = Object.fromEntries(Object.entries(all).filter(([k, v]) => before[k] !== v)) as FloorplanFields;
  return { ok: true, fields: changed };
}

export function sameDraft(a: FloorplanDraft, b: FloorplanDraft): boolean {
  return (Object.keys(a) as (keyof FloorplanDraft)[]).every((k) => a[k] === b[k]);
}
