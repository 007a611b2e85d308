export type Point2 = [number, number];

/** A region of a room photo that shows one subcategory's material (normalized 0..1 coordinates). */
export interface PhotoSurface {
  key: string;
  label: string;
  subcategoryId: string | null;
  polygons: Point2[][];
  /** Fraction of the photo's width one swatch tile spans, so textures land at a plausible scale. */
  tileScale: number;
}
