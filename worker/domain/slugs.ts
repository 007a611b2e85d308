/**
 * A floorplan's slug is the first segment of the buyer's URL (`/kinkade`), so it must never
 * shadow a path the app itself answers. Shared by the admin form and the API.
 */
export const RESERVED_FLOORPLAN_SLUGS: ReadonlySet<string> = new Set(['admin', 'projects', 'resume', 'api', 'media', 'assets']);

export const isReservedFloorplanSlug = (slug: string): boolean => RESERVED_FLOORPLAN_SLUGS.has(slug);
