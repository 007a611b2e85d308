import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { BrandHeader, Footer, Main } from '../components/Layout';
import { Loading, Notice } from '../components/Status';
import { ApiError } from '../lib/api';
import { useBrandTheme, useDocumentTitle } from '../lib/brand';
import { isTenantNotFound, useTenant, type Org } from '../lib/tenant';
import { fetchCatalog, startSession, type Session } from '../picker/api';
import type { Catalog } from '../picker/domain';
import { PickerRoot } from '../picker/PickerRoot';
import { ProductLanding } from './ProductLanding';

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; catalog: Catalog; session: Session }
  | { status: 'error'; error: ApiError };

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
}

/**
 * `/:floorplanSlug` and its children (`/`, `/summary`): loads the floorplan's catalog and
 * the buyer's session (the one the cookie remembers, or a new one), then hands both to the
 * picker. Unknown floorplans and the bare product domain get their own pages.
 */
export function FloorplanPage() {
  const { floorplanSlug = '' } = useParams();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    const catalog = fetchCatalog(floorplanSlug, controller.signal);
    // Only ask for a session once the floorplan is known to exist.
    const session = catalog.then(() => startSession(floorplanSlug));
    Promise.all([catalog, session]).then(
      ([c, s]) => !controller.signal.aborted && setState({ status: 'ready', catalog: c, session: s }),
      (error: unknown) => !controller.signal.aborted && setState({ status: 'error', error: toApiError(error) }),
    );
    return () => controller.abort();
  }, [floorplanSlug, attempt]);

  if (state.status === 'loading') {
    return (
      <Main>
        <Loading label="Loading your upgrades…" />
      </Main>
    );
  }
  if (state.status === 'error') {
    if (isTenantNotFound(state.error)) return <ProductLanding />;
    if (state.error.status === 404) return <MissingFloorplan />;
    return (
      <Main>
        <Notice
          level={1}
          tone="error"
          title="We couldn't load this floorplan"
          action={
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          }
        >
          <p>{state.error.message}</p>
        </Notice>
      </Main>
    );
  }
  // Keyed by floorplan so a different floorplan starts from its own session.
  return <PickerRoot key={`${state.catalog.floorplan.id}:${state.session.id}`} catalog={state.catalog} initialSession={state.session} />;
}

function MissingFloorplan() {
  const tenant = useTenant();
  if (tenant.status === 'loading') {
    return (
      <Main>
        <Loading />
      </Main>
    );
  }
  if (tenant.status === 'error') {
    if (isTenantNotFound(tenant.error)) return <ProductLanding />;
    return <MissingFloorplanBody org={null} />;
  }
  return <MissingFloorplanBody org={tenant.data.org} />;
}

function MissingFloorplanBody({ org }: { org: Org | null }) {
  useBrandTheme(org?.theme);
  useDocumentTitle(org ? `Floorplan not found — ${org.name}` : 'Floorplan not found');
  return (
    <>
      {org ? <BrandHeader org={org} /> : null}
      <Main>
        <Notice level={1} title="Floorplan not found" action={<Link className="button" to="/">See all floorplans</Link>}>
          <p>{org ? `${org.name} doesn't have a floorplan at this address.` : "There's no floorplan at this address."}</p>
        </Notice>
      </Main>
      <Footer orgName={org?.name} />
    </>
  );
}
