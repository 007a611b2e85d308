import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Footer, Main } from '../../components/Layout';
import { useBrandTheme, useDocumentTitle } from '../../lib/brand';
import { useTenant } from '../../lib/tenant';

/**
 * Frame for the signed-out pages (sign-in, reset, invite): the builder's brand from the
 * public tenant endpoint when it loads, Finch's otherwise, and a narrow card.
 */
export function PublicFrame({ title, heading, children }: { title: string; heading: string; children: ReactNode }) {
  const tenant = useTenant();
  const org = tenant.status === 'ready' ? tenant.data.org : null;
  useBrandTheme(org?.theme);
  useDocumentTitle(`${title} · ${org ? `${org.name} admin` : 'Finch admin'}`);
  return (
    <>
      <header className="site-header">
        <div className="container site-header__inner">
          <div className="admin-header__start">
            <Link to={org ? '/' : '/admin/login'} className="brand">
              {org?.logoUrl ? <img className="brand__logo" src={org.logoUrl} alt={org.name} /> : <span className="brand__name">{org?.name ?? 'Finch'}</span>}
            </Link>
            <span className="site-header__tag">Admin</span>
          </div>
        </div>
      </header>
      <Main>
        <div className="auth">
          <h1 className="auth__title">{heading}</h1>
          {children}
        </div>
      </Main>
      <Footer orgName={org?.name} />
    </>
  );
}
