import { useDocumentTitle } from '../lib/brand';
import { FinchHeader, Footer, Main } from '../components/Layout';

/** Shown on the bare product domain, where no builder (tenant) is resolved. */
export function ProductLanding() {
  useDocumentTitle('Finch — upgrade visualization for home builders');
  const host = typeof window === 'undefined' ? 'finch.example' : window.location.host;

  return (
    <>
      <FinchHeader />
      <Main>
        <section className="hero">
          <h1 className="hero__title">Finch — upgrade visualization for home builders</h1>
          <p className="hero__lead">
            Finch gives every builder a branded site where buyers browse floorplans, choose their upgrades step by step and see
            the price as they go. Builders manage their catalog, pricing and branding from one admin console.
          </p>
        </section>
        <section className="panel" aria-labelledby="where-heading">
          <h2 id="where-heading">Looking for your builder?</h2>
          <p>
            Each builder has its own address: <code>{'{builder}'}.{host}</code>. Use the link your builder sent you, for example{' '}
            <code>yourbuilder.{host}</code>.
          </p>
        </section>
      </Main>
      <Footer />
    </>
  );
}
