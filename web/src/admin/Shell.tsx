import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { Loading } from '../components/Status';
import { ApiError } from '../lib/api';
import { useBrandTheme, useDocumentTitle } from '../lib/brand';
import { isTenantNotFound, loadTenant } from '../lib/tenant';
import { adminErrorMessage, fetchMe, isUnauthorized, logout, type SignedIn } from './api';
import { preloadCatalogPage } from './catalog-pages';
import { loginPath } from './auth';
import { AdminContext, useAdmin, type AdminContextValue, type AdminOrg } from './context';
import { roleLabel } from './format';
import { toApiError } from './hooks';

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

const NAV: { heading: string; items: NavItem[] }[] = [
  { heading: 'Overview', items: [{ to: '/admin', label: 'Dashboard', end: true }] },
  {
    heading: 'Catalog',
    items: [
      { to: '/admin/options', label: 'Option tree' },
      { to: '/admin/floorplans', label: 'Floorplans' },
      { to: '/admin/steps', label: 'Steps' },
      { to: '/admin/photos', label: 'Photos' },
      { to: '/admin/pricing', label: 'Pricing' },
    ],
  },
  {
    heading: 'Buyers',
    items: [
      { to: '/admin/sessions', label: 'Buyer sessions' },
      { to: '/admin/images', label: 'Generated images' },
    ],
  },
  {
    heading: 'Organization',
    items: [
      { to: '/admin/users', label: 'Users & invites' },
      { to: '/admin/outbox', label: 'Outbox' },
    ],
  },
];

type GuardState =
  | { status: 'loading' }
  | { status: 'ready'; me: SignedIn; org: AdminOrg }
  | { status: 'error'; error: ApiError };

/**
 * The auth guard: asks `GET /api/admin/me` (and the org's branding) before rendering any
 * console page; 401 goes to sign-in with `next` set to where the person was going.
 */
export function RequireMember() {
  const location = useLocation();
  const navigate = useNavigate();
  const [state, setState] = useState<GuardState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const here = `${location.pathname}${location.search}`;
  const hereRef = useRef(here);
  hereRef.current = here;
  // useNavigate() returns a new function whenever the path changes: kept in a ref so that moving
  // between console pages neither re-runs the guard nor gives pages a new `sessionExpired`.
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    // Branding is nice to have: the console works without it.
    const brand = loadTenant().catch(() => null);
    fetchMe(controller.signal).then(
      async (me) => {
        const tenant = await brand;
        if (controller.signal.aborted) return;
        setState({
          status: 'ready',
          me,
          org: { ...me.org, theme: tenant?.org.theme ?? null, logoUrl: tenant?.org.logoUrl ?? null },
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isUnauthorized(error)) navigateRef.current(loginPath(hereRef.current), { replace: true });
        else setState({ status: 'error', error: toApiError(error) });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const sessionExpired = useCallback(() => navigateRef.current(loginPath(hereRef.current), { replace: true }), []);

  const value = useMemo<AdminContextValue | null>(
    () =>
      state.status === 'ready'
        ? { user: state.me.user, role: state.me.role, org: state.org, isAdmin: state.me.role === 'admin', sessionExpired }
        : null,
    [state, sessionExpired],
  );

  if (state.status === 'loading') {
    return (
      <main id="main" tabIndex={-1} className="container main">
        <Loading label="Opening the admin console…" />
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main id="main" tabIndex={-1} className="container main">
        <section className="notice notice--error" role="alert">
          <h1 className="notice__title">{isTenantNotFound(state.error) ? 'No builder at this address' : "We couldn't open the admin console"}</h1>
          <p>
            {isTenantNotFound(state.error)
              ? "The admin console lives on your builder's own address, for example summit.localhost."
              : adminErrorMessage(state.error)}
          </p>
          {isTenantNotFound(state.error) ? null : (
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          )}
        </section>
      </main>
    );
  }
  return (
    <AdminContext.Provider value={value}>
      <AdminLayout>
        <Outlet />
      </AdminLayout>
    </AdminContext.Provider>
  );
}

/** Header (brand, user menu with sign-out), section navigation and the page. */
function AdminLayout({ children }: { children: ReactNode }) {
  const { org } = useAdmin();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const [navOpen, setNavOpen] = useState(false);
  const navId = useId();
  const firstRender = useRef(true);
  useBrandTheme(org.theme);

  // A route change moves focus to the new page (as a full load would) and closes the mobile menu.
  useEffect(() => {
    setNavOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [location.pathname]);

  return (
    <div className="admin">
      <header className="site-header admin-header">
        <div className="container container--wide site-header__inner">
          <div className="admin-header__start">
            <button
              type="button"
              className="admin-header__menu button"
              aria-expanded={navOpen}
              aria-controls={navId}
              onClick={() => setNavOpen((v) => !v)}
            >
              {navOpen ? 'Close menu' : 'Menu'}
            </button>
            <Link to="/admin" className="brand">
              {org.logoUrl ? <img className="brand__logo" src={org.logoUrl} alt={org.name} /> : <span className="brand__name">{org.name}</span>}
            </Link>
            <span className="site-header__tag">Admin</span>
          </div>
          <UserMenu />
        </div>
      </header>
      <div className="container container--wide admin-body">
        <nav id={navId} className={`admin-nav${navOpen ? ' admin-nav--open' : ''}`} aria-label="Admin">
          {NAV.map((group) => (
            <div key={group.heading} className="admin-nav__group">
              <h2 className="admin-nav__heading">{group.heading}</h2>
              <ul className="admin-nav__list">
                {group.items.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className="admin-nav__link"
                      onPointerEnter={() => preloadCatalogPage(item.to)}
                      onFocus={() => preloadCatalogPage(item.to)}
                    >
                      {item.label}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
          <p className="admin-nav__buyer">
            <a href="/" target="_blank" rel="noopener">
              Open the buyer site<span className="visually-hidden"> (new tab)</span>
            </a>
          </p>
        </nav>
        <main id="main" ref={mainRef} tabIndex={-1} className="admin-main">
          {children}
        </main>
      </div>
    </div>
  );
}

/**
 * Disclosure menu (button + panel): Enter/Space opens it, Escape closes it and returns focus
 * to the button, and clicking or tabbing away closes it.
 */
function UserMenu() {
  const { user, role } = useAdmin();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  async function signOut() {
    if (signingOut) return;
    setSigningOut(true);
    setError(null);
    try {
      await logout();
    } catch (err) {
      // 401: the session was already gone, which is what signing out wanted.
      if (!isUnauthorized(err)) {
        setSigningOut(false);
        setError(err);
        return;
      }
    }
    navigate('/admin/login', { replace: true, state: { signedOut: true } });
  }

  const display = user.name || user.email;
  return (
    <div
      ref={rootRef}
      className="admin-usermenu"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && e.relatedTarget && !rootRef.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="admin-usermenu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="admin-usermenu__avatar" aria-hidden="true">
          {display.slice(0, 1).toUpperCase()}
        </span>
        <span className="admin-usermenu__name">{display}</span>
        <span className="visually-hidden">, account menu</span>
      </button>
      <div id={panelId} className="admin-usermenu__panel" hidden={!open}>
        <p className="admin-usermenu__who">
          <span className="admin-usermenu__email">{user.email}</span>
          <span className="admin-usermenu__role">{roleLabel(role)}</span>
        </p>
        <button type="button" className="button button--block" onClick={signOut} aria-disabled={signingOut || undefined}>
          {signingOut ? 'Signing out…' : 'Sign out'}
        </button>
        <div className="form__error" role="alert">
          {error ? adminErrorMessage(error) : null}
        </div>
      </div>
    </div>
  );
}

/** `document.title` for a console page: "Buyer sessions · Summit Homes admin". */
export function useAdminTitle(page: string): void {
  const { org } = useAdmin();
  useDocumentTitle(`${page} · ${org.name} admin`);
}
