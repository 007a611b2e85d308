/** What `GET /api/admin/stats` answers; shared by the route and the admin dashboard. */
export type ImageStatusCounts = Record<'pending' | 'complete' | 'failed', number>;

export interface AdminStats {
  /** Start of the 7-day window the "this week" figures count from (epoch ms). */
  since: number;
  buyers: { activeThisWeek: number; savedWithEmailThisWeek: number; total: number };
  images: ImageStatusCounts;
  catalog: { floorplans: number; activeFloorplans: number; categories: number; subcategories: number; options: number };
}
