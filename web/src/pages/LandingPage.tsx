import { Link, Navigate } from 'react-router';
import { BrandHeader, Footer, Main } from '../components/Layout';
import { Facts } from '../components/Facts';
import { Loading, Notice } from '../components/Status';
import { useBrandTheme, useDocumentTitle } from '../lib/brand';
import { formatCents } from '../lib/money';
import { isTenantNotFound, useTenant, type FloorplanSummary, type Org } from '../lib/tenant';
import { ResumeByEmailForm } from '../picker/EmailForms';
import { ProductLanding } from './ProductLanding';

/** `/` — the builder's floorplan chooser (or Finch's landing on the bare domain). */
export function LandingPage() {
  const tenant = useTenant();

  if (tenant.status === 'loading') {
    return (
      <Main>
        <Loading label="Loading floorplans…" />
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
          title="We couldn't load the floorplans"
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
  if (floorplans.length === 1) {
    return <Navigate replace to={`/${encodeURIComponent(floorplans[0]!.slug)}`} />;
  }
  return <Chooser org={org} floorplans={floorplans} />;
}

function Chooser({ org, floorplans }: { org: Org; floorplans: FloorplanSummary[] }) {
  useBrandTheme(org.theme);
  useDocumentTitle(`${org.name} — choose your floorplan`);

  return (
    <>
      <BrandHeader org={org} />
      <Main>
        <section className="hero hero--brand">
          <h1 className="hero__title">Choose your floorplan</h1>
          <p className="hero__lead">Pick the home you're building with {org.name} to see and choose its upgrades.</p>
        </section>
        {floorplans.length === 0 ? (
          <Notice title="No floorplans yet">
            <p>{org.name} hasn't published any floorplans. Please check back soon.</p>
          </Notice>
        ) : (
          <ul className="card-grid" aria-label="Floorplans">
            {floorplans.map((fp) => (
              <li key={fp.id}>
                <FloorplanCard floorplan={fp} />
              </li>
            ))}
          </ul>
        )}
        {floorplans.length > 0 ? <ResumeByEmailForm className="panel landing-resume" /> : null}
      </Main>
      <Footer orgName={org.name} />
    </>
  );
}

function FloorplanCard({ floorplan }: { floorplan: FloorplanSummary }) {
  return (
    <article className="card">
      <h2 className="card__title">
        {/* The whole card is clickable through this link's ::after overlay. */}
        <Link className="card__link" to={`/${encodeURIComponent(floorplan.slug)}`}>
          {floorplan.name}
        </Link>
      </h2>
      <Facts floorplan={floorplan} />
      {floorplan.description ? <p className="card__description">{floorplan.description}</p> : null}
      {floorplan.basePriceCents !== null && floorplan.basePriceCents !== undefined ? (
        <p className="card__price">
          from <strong>{formatCents(floorplan.basePriceCents)}</strong>
        </p>
      ) : null}
    </article>
  );
}
