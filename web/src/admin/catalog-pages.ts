/**
 * The catalog editors (web/src/admin/catalog, built separately) as lazy components: each is
 * its own chunk, fetched on first visit, or earlier when its menu link is hovered or focused.
 */
import { lazy } from 'react';

export const catalogLoaders = {
  '/admin/options': () => import('./catalog/OptionTreePage').then((m) => ({ default: m.OptionTreePage })),
  '/admin/floorplans': () => import('./catalog/FloorplansPage').then((m) => ({ default: m.FloorplansPage })),
  '/admin/steps': () => import('./catalog/StepsPage').then((m) => ({ default: m.StepsPage })),
  '/admin/photos': () => import('./catalog/PhotosPage').then((m) => ({ default: m.PhotosPage })),
  '/admin/pricing': () => import('./catalog/PricingPage').then((m) => ({ default: m.PricingPage })),
} as const;

export const OptionTreePage = lazy(catalogLoaders['/admin/options']);
export const FloorplansPage = lazy(catalogLoaders['/admin/floorplans']);
export const StepsPage = lazy(catalogLoaders['/admin/steps']);
export const PhotosPage = lazy(catalogLoaders['/admin/photos']);
export const PricingPage = lazy(catalogLoaders['/admin/pricing']);

/** Starts fetching an editor's chunk (the browser caches the module; failures retry on visit). */
export function preloadCatalogPage(path: string): void {
  const load = (catalogLoaders as Record<string, (() => Promise<unknown>) | undefined>)[path];
  load?.().catch(() => {});
}
