import { Link } from 'react-router';
import { formatCents } from '../../lib/money';
import { getStats, listBuyerSessions, type AdminStats, type BuyerSessionRow } from '../api';
import { LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useAdmin } from '../context';
import { IMAGE_STATUSES, imageStatusLabel } from '../filters';
import { buyerLabel, formatRelative } from '../format';
import { useLoad, useNow } from '../hooks';
import { useAdminTitle } from '../Shell';

interface DashboardData {
  stats: AdminStats;
  latest: BuyerSessionRow[];
}

async function loadDashboard(signal: AbortSignal): Promise<DashboardData> {
  const [stats, latest] = await Promise.all([getStats(signal), listBuyerSessions({ limit: 5 }, signal)]);
  return { stats, latest: latest.items };
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function DashboardPage() {
  useAdminTitle('Dashboard');
  const { user, org } = useAdmin();
  const now = useNow();
  // The server fixes the 7-day window when it counts; a reload recomputes it.
  const data = useLoad((signal) => loadDashboard(signal), 'dashboard');

  return (
    <>
      <PageHead title="Dashboard">
        <p>
          Welcome back{user.name ? `, ${user.name}` : ''}. Here is how buyers are using the {org.name} upgrade picker.
        </p>
      </PageHead>
      <ReadOnlyNote />
      {data.status === 'loading' ? (
        <Loading label="Loading the dashboard…" />
      ) : data.status === 'error' ? (
        <LoadError error={data.error} onRetry={data.reload} />
      ) : (
        <DashboardBody data={data.data} now={now} />
      )}
    </>
  );
}

function DashboardBody({ data, now }: { data: DashboardData; now: number }) {
  const { stats } = data;
  return (
    <>
      <section aria-labelledby="dash-buyers">
        <h2 id="dash-buyers" className="admin-section__title">
          Buyers in the last 7 days
        </h2>
        <dl className="admin-stats">
          <div className="admin-stat">
            <dt>Active buyer sessions</dt>
            <dd data-testid="stat-sessions">{fmt(stats.buyers.activeThisWeek)}</dd>
          </div>
          <div className="admin-stat">
            <dt>Saved with an email</dt>
            <dd data-testid="stat-saved">{fmt(stats.buyers.savedWithEmailThisWeek)}</dd>
          </div>
          <div className="admin-stat">
            <dt>All buyer sessions</dt>
            <dd data-testid="stat-sessions-total">{fmt(stats.buyers.total)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="dash-images">
        <h2 id="dash-images" className="admin-section__title">
          Generated images
        </h2>
        <dl className="admin-stats">
          {IMAGE_STATUSES.map((status) => (
            <div key={status} className={`admin-stat admin-stat--${status}`}>
              <dt>
                <Link to={`/admin/images?status=${status}`}>{imageStatusLabel(status)}</Link>
              </dt>
              <dd data-testid={`stat-images-${status}`}>{fmt(stats.images[status])}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="dash-catalog">
        <h2 id="dash-catalog" className="admin-section__title">
          Catalog
        </h2>
        <dl className="admin-stats">
          <div className="admin-stat">
            <dt>
              <Link to="/admin/floorplans">Active floorplans</Link>
            </dt>
            <dd data-testid="stat-floorplans">
              {fmt(stats.catalog.activeFloorplans)}
              <span className="admin-stat__of"> of {fmt(stats.catalog.floorplans)}</span>
            </dd>
          </div>
          <div className="admin-stat">
            <dt>
              <Link to="/admin/options">Options</Link>
            </dt>
            <dd data-testid="stat-options">{fmt(stats.catalog.options)}</dd>
          </div>
          <div className="admin-stat">
            <dt>Categories / subcategories</dt>
            <dd data-testid="stat-categories">
              {fmt(stats.catalog.categories)} / {fmt(stats.catalog.subcategories)}
            </dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="dash-latest" className="admin-section">
        <div className="admin-section__head">
          <h2 id="dash-latest" className="admin-section__title">
            Latest buyer sessions
          </h2>
          <Link to="/admin/sessions">All sessions</Link>
        </div>
        {data.latest.length === 0 ? (
          <p className="admin-empty">No buyer has opened the picker yet.</p>
        ) : (
          <div className="admin-tablewrap">
            <table className="admin-table">
              <caption className="visually-hidden">The five most recently active buyer sessions</caption>
              <thead>
                <tr>
                  <th scope="col">Buyer</th>
                  <th scope="col">Floorplan</th>
                  <th scope="col" className="admin-num">
                    Total
                  </th>
                  <th scope="col">Last active</th>
                </tr>
              </thead>
              <tbody>
                {data.latest.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={`/admin/sessions/${s.id}`}>{buyerLabel(s.email)}</Link>
                    </th>
                    <td>{s.floorplan.name}</td>
                    <td className="admin-num">{formatCents(s.totalCents)}</td>
                    <td>{formatRelative(s.lastActiveAt, now)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
