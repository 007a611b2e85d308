import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Org } from '../lib/tenant';

/** Header with the builder's logo (or name) linking home. */
export function BrandHeader({ org }: { org: Org }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand">
          {org.logoUrl ? (
            <img className="brand__logo" src={org.logoUrl} alt={org.name} />
          ) : (
            <span className="brand__name">{org.name}</span>
          )}
        </Link>
      </div>
    </header>
  );
}

/** Header for pages that are not tied to a builder (product landing, admin, projects). */
export function FinchHeader({ children, wide = false }: { children?: ReactNode; wide?: boolean }) {
  return (
    <header className="site-header site-header--finch">
      <div className={`container${wide ? ' container--wide' : ''} site-header__inner`}>
        <Link to="/" className="brand">
          <span className="brand__name">Finch</span>
        </Link>
        {children}
      </div>
    </header>
  );
}

export function Main({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <main id="main" tabIndex={-1} className={wide ? 'container container--wide main' : 'container main'}>
      {children}
    </main>
  );
}

export function Footer({ orgName, wide = false }: { orgName?: string; wide?: boolean }) {
  return (
    <footer className="site-footer">
      <div className={`container${wide ? ' container--wide' : ''}`}>
        {orgName ? <span>{orgName} · Powered by Finch</span> : <span>Finch</span>}
      </div>
    </footer>
  );
}
