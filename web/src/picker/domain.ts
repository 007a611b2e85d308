/**
 * The shared, pure catalog / pricing / rules modules (also used by the Worker), re-exported
 * so the web app names their location once. They do no I/O and use no Worker APIs.
 */
export { indexCatalog } from '../../../worker/domain/catalog';
export type {
  Catalog,
  CatalogIndex,
  CatalogOption,
  CatalogPhoto,
  CatalogStep,
  CatalogSubcategory,
  Quantities,
  Selections,
} from '../../../worker/domain/catalog';
export { computeTotal, defaultOptionId, defaultSelections, lineItems, quantityOf, validateSelections } from '../../../worker/domain/pricing';
export type { LineItem } from '../../../worker/domain/pricing';
export { findConflicts, pick } from '../../../worker/domain/rules';
export type { SelectionChange } from '../../../worker/domain/rules';
