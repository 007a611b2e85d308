/**
 * The builder admin console: everything under `/admin/*`. Loaded lazily (its own chunk and
 * stylesheet), so buyer pages never download it.
 */
import { Suspense, type ReactNode } from 'react';
import { Link, Route, Routes } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Loading } from '../components/Status';
import './admin.css';
import { FloorplansPage, OptionTreePage, PhotosPage, PricingPage, StepsPage } from './catalog-pages';
import { PageHead } from './components';
import { DashboardPage } from './pages/DashboardPage';
import { ImagesPage } from './pages/ImagesPage';
import { AcceptInvitePage, ResetPasswordPage } from './pages/LinkPages';
import { LoginPage } from './pages/LoginPage';
import { OutboxPage } from './pages/OutboxPage';
import { ResetRequestPage } from './pages/ResetRequestPage';
import { SessionDetailPage, SessionsPage } from './pages/SessionsPage';
import { UsersPage } from './pages/UsersPage';
import { RequireMember, useAdminTitle } from './Shell';

export default function AdminApp() {
  return (
    <ErrorBoundary fallback={(error, reset) => <Crashed error={error} reset={reset} />}>
      <Routes>
        <Route path="login" element={<LoginPage />} />
        <Route path="reset" element={<ResetRequestPage />} />
        <Route path="reset/:token" element={<ResetPasswordPage />} />
        <Route path="accept-invite/:token" element={<AcceptInvitePage />} />
        {/* The paths the worker's emails link to (worker/services/admin-auth.ts inviteLink/resetLink). */}
        <Route path="invite/:token" element={<AcceptInvitePage />} />
        <Route path="reset-password/:token" element={<ResetPasswordPage />} />
        <Route element={<RequireMember />}>
          <Route index element={<DashboardPage />} />
          <Route path="options" element={<Catalog><OptionTreePage /></Catalog>} />
          <Route path="floorplans" element={<Catalog><FloorplansPage /></Catalog>} />
          <Route path="steps" element={<Catalog><StepsPage /></Catalog>} />
          <Route path="photos" element={<Catalog><PhotosPage /></Catalog>} />
          <Route path="pricing" element={<Catalog><PricingPage /></Catalog>} />
          <Route path="sessions" element={<SessionsPage />} />
          <Route path="sessions/:id" element={<SessionDetailPage />} />
          <Route path="images" element={<ImagesPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="outbox" element={<OutboxPage />} />
          <Route path="*" element={<AdminNotFound />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}

function Catalog({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading label="Loading the editor…" />}>{children}</Suspense>;
}

function AdminNotFound() {
  useAdminTitle('Page not found');
  return (
    <>
      <PageHead title="Page not found" />
      <p>
        There is no admin page at this address. <Link to="/admin">Go to the dashboard</Link>.
      </p>
    </>
  );
}

function Crashed({ error, reset }: { error: Error; reset: () => void }) {
  // A failed lazy chunk after a deploy (old HTML, new asset names) only a reload fixes.
  const chunk = /dynamically imported module|Failed to fetch|Importing a module script failed/i.test(error.message);
  return (
    <main id="main" tabIndex={-1} className="container main">
      <section className="notice notice--error" role="alert">
        <h1 className="notice__title">Something went wrong in the admin console</h1>
        <p>{chunk ? 'A newer version of Finch is available. Reload the page to continue.' : 'Try again; if it keeps happening, reload the page.'}</p>
        <button type="button" className="button" onClick={chunk ? () => window.location.reload() : reset}>
          {chunk ? 'Reload' : 'Try again'}
        </button>
      </section>
    </main>
  );
}
