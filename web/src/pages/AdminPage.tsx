import { lazy, Suspense } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { Main } from '../components/Layout';
import { Loading, Notice } from '../components/Status';

// The admin console is its own chunk (and stylesheet): buyer pages never download it.
const AdminApp = lazy(() => import('../admin/AdminApp'));

/**
 * `/admin/*`: loads the admin console on demand. The boundary catches a chunk that fails to
 * load (offline, or a deploy replaced the asset names) with a reload button.
 */
export function AdminPage() {
  return (
    <ErrorBoundary
      fallback={() => (
        <Main>
          <Notice
            level={1}
            tone="error"
            title="The admin console could not load"
            action={
              <button type="button" className="button" onClick={() => window.location.reload()}>
                Reload
              </button>
            }
          >
            <p>Check your connection and reload the page.</p>
          </Notice>
        </Main>
      )}
    >
      <Suspense
        fallback={
          <Main>
            <Loading label="Loading the admin console…" />
          </Main>
        }
      >
        <AdminApp />
      </Suspense>
    </ErrorBoundary>
  );
}
