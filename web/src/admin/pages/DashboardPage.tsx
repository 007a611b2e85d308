import { Link } from 'react-router';
import { formatCents } from '../../lib/money';
import { listBuyerSessions, listImages, type BuyerSessionRow, type ImageStatus } from '../api';
import { LoadError, Loading, PageHead, ReadOnlyNote } from '../components';
import { useAdmin } from '../context';
import { collectSince, formatCount, sessionStats, WEEK_MS, type Collected } from '../dashboard';
import { IMAGE_STATUSES, imageStatusLabel } from '../filters';
import { buyerLabel, formatRelative } from '../format';
import { useLoad, useNow } from '../hooks';
import { useAdminTitle } from '../Shell';

/** Up to 5 pages of 100: beyond 500 sessions a week the tile says "500+". */
const SESSION_PAGES = 5;
/** One page per status: "100+" is all the dashboard needs to say about a big cache. */
const IMAGE_CAP = 100;

interface DashboardData {
  sessions: Collected<BuyerSessionRow>;
  latest: BuyerSessionRow[];
  images: { status: ImageStatus; count: number; complete: boolean }[];
}

async function loadDashboard(signal: AbortSignal, since: number): Promise<DashboardData> {
  const [sessions, latest, ...images] = await Promise.all([
    collectSince((cursor) => listBuyerSessions({ cursor, limit: 100 }, signal), (s) => s.lastActiveAt, since, SESSION_PAGES),
    listBuyerSessions({ limit: 5 }, signal),
    ...IMAGE_STATUSES.map(async (status) => {
      const page = await listImages({ status, limit: IMAGE_CAP }, signal);
      return { status, count: page.items.length, complete: page.nextCursor === null };
    }),
  ]);
  return { sessions, latest: latest.items, images };
}

export function DashboardPage() {
  useAdminTitle('Dashboard');
  const { user, org } = useAdmin();
  const now = useNow();
  // The window is fixed when the page loads; a reload recomputes it.
  const data = useLoad((signal) => loadDashboard(signal, Date.now() - WEEK_MS), 'dashboard');

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
  const stats = sessionStats(data.sessions);
  return (
    <>
      <section aria-labelledby="dash-buyers">
        <h2 id="dash-buyers" className="admin-section__title">
          Buyers in the last 7 days
        </h2>
        <dl className="admin-stats">
          <div className="admin-stat">
            <dt>Active buyer sessions</dt>
            <dd data-testid="stat-sessions">{formatCount(stats.active, stats.complete)}</dd>
          </div>
          <div className="admin-stat">
            <dt>Saved with an email</dt>
            <dd data-testid="stat-saved">{formatCount(stats.withEmail, stats.complete)}</dd>
          </div>
        </dl>
      </section>

      <section aria-labelledby="dash-images">
        <h2 id="dash-images" className="admin-section__title">
          Generated images
        </h2>
        <dl className="admin-stats">
          {data.images.map((i) => (
            <div key={i.status} className={`admin-stat admin-stat--${i.status}`}>
              <dt>
                <Link to={`/admin/images?status=${i.status}`}>{imageStatusLabel(i.status)}</Link>
              </dt>
              <dd data-testid={`stat-images-${i.status}`}>{formatCount(i.count, i.complete)}</dd>
            </div>
          ))}
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
