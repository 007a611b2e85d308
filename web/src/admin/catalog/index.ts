/** The builder admin's catalog pages; each takes no props and renders inside the admin shell. */
export { FloorplansPage } from './FloorplansPage';
export { OptionTreePage } from './OptionTreePage';
export { PhotosPage } from './PhotosPage';
export { PricingPage } from './PricingPage';
export { StepsPage } from './StepsPage';
