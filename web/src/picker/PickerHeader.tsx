import { forwardRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Catalog } from './domain';
import { SaveStatus } from './SaveStatus';
import type { SaveStatus as Status } from './state';

interface Props {
  catalog: Catalog;
  saveStatus: Status;
  canRetry: boolean;
  onRetry: () => void;
  /** The page's h1 is the floorplan name in the wizard; the summary has its own. */
  titleAsHeading: boolean;
  children?: ReactNode;
}

/** Sticky brand bar: builder logo/name, floorplan, save status, and (wizard) the step nav. */
export const PickerHeader = forwardRef<HTMLElement, Props>(function PickerHeader(
  { catalog, saveStatus, canRetry, onRetry, titleAsHeading, children },
  ref,
) {
  const { org, floorplan } = catalog;
  const Title = titleAsHeading ? 'h1' : 'p';
  return (
    <header ref={ref} className="picker-header">
      <div className="picker-header__bar">
        <div className="container container--wide picker-header__inner">
          <Link to="/" className="brand">
            {org.logoUrl ? <img className="brand__logo" src={org.logoUrl} alt={org.name} /> : <span className="brand__name">{org.name}</span>}
          </Link>
          <Title className="picker-header__title">{floorplan.name}</Title>
          <SaveStatus status={saveStatus} canRetry={canRetry} onRetry={onRetry} />
        </div>
      </div>
      {children ? <div className="picker-header__nav container container--wide">{children}</div> : null}
    </header>
  );
});
