/**
 * Procedural demo imagery for seeding: interior "photos" with exact surface
 * regions, and tileable material swatches. Pure TypeScript over typed arrays
 * (no Node APIs), so it runs in Node scripts and inside workerd alike.
 */
export { ROOM_KINDS, renderRoomPhoto, renderRoomPixels } from './room';
export type { RoomKind, RoomPhoto, RoomPhotoOptions, RoomPixels, Surface } from './room';
export { SWATCH_MATERIALS, SWATCH_SIZE, renderSwatch } from './swatch';
export type { SwatchMaterial, SwatchSpec } from './swatch';
