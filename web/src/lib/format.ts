/** Display helpers for floorplan facts. Pure. */

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export interface FloorplanFacts {
  bedrooms: number | null;
  bathrooms: number | null;
  squareFeet: number | null;
}

export interface Fact {
  /** Short visible label, e.g. "bd". */
  label: string;
  /** Full label for assistive tech, e.g. "bedrooms". */
  longLabel: string;
  value: string;
}

function known(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** Beds / baths / square feet that are present, in display order. */
export function floorplanFacts(fp: FloorplanFacts): Fact[] {
  const facts: Fact[] = [];
  if (known(fp.bedrooms)) facts.push({ label: 'bd', longLabel: fp.bedrooms === 1 ? 'bedroom' : 'bedrooms', value: INTEGER.format(fp.bedrooms) });
  if (known(fp.bathrooms)) facts.push({ label: 'ba', longLabel: fp.bathrooms === 1 ? 'bathroom' : 'bathrooms', value: DECIMAL.format(fp.bathrooms) });
  if (known(fp.squareFeet)) facts.push({ label: 'sq ft', longLabel: 'square feet', value: INTEGER.format(fp.squareFeet) });
  return facts;
}

/**
 * Only same-origin, absolute paths are allowed as a post-sign-in destination
 * (`/projects/p1`), never `//evil.example` or `https://…`.
 */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}
