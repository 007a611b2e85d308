import { Link, useParams } from 'react-router';
import { BrandHeader, Footer, Main } from '../components/Layout';
import { Facts } from '../components/Facts';
import { Loading, Notice } from '../components/Status';
import { useBrandTheme, useDocumentTitle } from '../lib/brand';
import { formatCents } from '../lib/money';
import { isTenantNotFound, useTenant, type FloorplanSummary, type Org } from '../lib/tenant';
import { ProductLanding } from './ProductLanding';

/** `/:floorplanSlug` — floorplan shell; the upgrade picker lands here later. */
export function FloorplanPage() {
  const { floorplanSlug = '' } = useParams();
  const tenant = useTenant();

  if (tenant.status === 'loading') {
    return (
      <Main>
        <Loading label="Loading floorplan…" />
      </Main>
    );
  }
  if (tenant.status === 'error') {
    if (isTenantNotFound(tenant.error)) return <ProductLanding />;
    return (
      <Main>
        <Notice
          level={1}
          tone="error"
          title="We couldn't load this floorplan"
          action={
            <button type="button" className="button" onClick={tenant.retry}>
              Try again
            </button>
          }
        >
          <p>{tenant.error.message}</p>
        </Notice>
      </Main>
    );
  }

  const { org, floorplans } = tenant.data;
  const floorplan = floorplans.find((fp) => fp.slug === floorplanSlug);
  return floorplan ? (
    <Floorplan org={org} floorplan={floorplan} hasSiblings={floorplans.length > 1} />
  ) : (
    <MissingFloorplan org={org} />
  );
}

function Floorplan({ org, floorplan, hasSiblings }: { org: Org; floorplan: FloorplanSummary; hasSiblings: boolean }) {
  useBrandTheme(org.theme);
  useDocumentTitle(`${floorplan.name} — ${org.name}`);

  return (
    <>
      <BrandHeader org={org} />
      <Main>
        {hasSiblings ? (
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <Link to="/">All floorplans</Link>
          </nav>
        ) : null}
        <section className="floorplan-head">
          <h1 className="floorplan-head__title">{floorplan.name}</h1>
          <Facts floorplan={floorplan} className="facts facts--large" />
          {floorplan.basePriceCents !== null && floorplan.basePriceCents !== undefined ? (
            <p className="floorplan-head__price">
              Base price from <strong>{formatCents(floorplan.basePriceCents)}</strong>
            </p>
          ) : null}
          {floorplan.description ? <p className="floorplan-head__description">{floorplan.description}</p> : null}
        </section>
        <section className="panel picker-placeholder" aria-labelledby="picker-heading">
          <h2 id="picker-heading">Upgrade picker</h2>
          <p>
            The upgrade catalog for {floorplan.name} loads here. Once {org.name} publishes its options you'll choose them step by
            step, with the price updating as you go.
          </p>
        </section>
      </Main>
      <Footer orgName={org.name} />
    </>
  );
}

function MissingFloorplan({ org }: { org: Org }) {
  useBrandTheme(org.theme);
  useDocumentTitle(`Floorplan not found — ${org.name}`);
  return (
    <>
      <BrandHeader org={org} />
      <Main>
        <Notice level={1} title="Floorplan not found" action={<Link className="button" to="/">See all floorplans</Link>}>
          <p>{org.name} doesn't have a floorplan at this address.</p>
        </Notice>
      </Main>
      <Footer orgName={org.name} />
    </>
  );
}
