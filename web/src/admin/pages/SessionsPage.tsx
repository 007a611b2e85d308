import { useId, useState, type FormEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { formatCents } from '../../lib/money';
import { fetchBuyerSession, listBuyerSessions, listFloorplans, type BuyerSessionDetail } from '../api';
import { LoadError, Loading, LoadMore, PageHead, StatusBadge } from '../components';
import { isFiltered, parseSessionFilter, sessionFilterParams, type SessionFilter } from '../filters';
import { buyerLabel, formatDateTime, formatRelative, plural } from '../format';
import { useLoad, useNow, usePagedList } from '../hooks';
import { groupLines, isUpgrade, upgradeCount } from '../session-detail';
import { useAdminTitle } from '../Shell';

/** `/admin/sessions?email=&floorplan=`: newest activity first, filter kept in the URL. */
export function SessionsPage() {
  useAdminTitle('Buyer sessions');
  const [params, setParams] = useSearchParams();
  const filter = parseSessionFilter(params);
  const key = JSON.stringify(filter);
  const now = useNow();
  const floorplans = useLoad((signal) => listFloorplans(signal), 'floorplans');
  const list = usePagedList(
    (cursor, signal) => listBuyerSessions({ email: filter.email || undefined, floorplanId: filter.floorplanId || undefined, cursor, limit: 25 }, signal),
    key,
  );

  const apply = (next: SessionFilter) => setParams(sessionFilterParams(next), { replace: true });

  return (
    <>
      <PageHead title="Buyer sessions">
        <p>Every buyer who opened the picker, most recently active first. Sessions are read-only here.</p>
      </PageHead>
      <SessionFilters
        key={key}
        filter={filter}
        floorplans={floorplans.status === 'ready' ? floorplans.data : []}
        onApply={apply}
      />
      {list.state.status === 'loading' ? (
        <Loading label="Loading buyer sessions…" />
      ) : list.state.status === 'error' ? (
        <LoadError error={list.state.error} onRetry={list.reload} />
      ) : list.state.items.length === 0 ? (
        <p className="admin-empty" role="status">
          {isFiltered(filter) ? 'No buyer session matches this filter.' : 'No buyer has opened the picker yet.'}
        </p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {plural(list.state.items.length, 'session')} shown
          </p>
          <div className="admin-tablewrap">
            <table className="admin-table">
              <caption className="visually-hidden">Buyer sessions{isFiltered(filter) ? ' matching the filter' : ''}</caption>
              <thead>
                <tr>
                  <th scope="col">Buyer</th>
                  <th scope="col">Floorplan</th>
                  <th scope="col" className="admin-num">
                    Choices
                  </th>
                  <th scope="col" className="admin-num">
                    Total
                  </th>
                  <th scope="col">Last active</th>
                  <th scope="col">Started</th>
                </tr>
              </thead>
              <tbody>
                {list.state.items.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={`/admin/sessions/${s.id}`}>{buyerLabel(s.email)}</Link>
                    </th>
                    <td>{s.floorplan.name}</td>
                    <td className="admin-num">{s.selectionCount}</td>
                    <td className="admin-num">{formatCents(s.totalCents)}</td>
                    <td>
                      <time dateTime={new Date(s.lastActiveAt).toISOString()} title={formatDateTime(s.lastActiveAt)}>
                        {formatRelative(s.lastActiveAt, now)}
                      </time>
                    </td>
                    <td>{formatDateTime(s.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore
            hasMore={Boolean(list.state.nextCursor)}
            loading={list.state.loadingMore}
            error={list.state.moreError}
            onLoadMore={list.loadMore}
            label="Load more sessions"
          />
        </>
      )}
    </>
  );
}

function SessionFilters({
  filter,
  floorplans,
  onApply,
}: {
  filter: SessionFilter;
  floorplans: { id: string; name: string }[];
  onApply: (filter: SessionFilter) => void;
}) {
  const [email, setEmail] = useState(filter.email);
  const ids = { email: useId(), floorplan: useId() };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    onApply({ ...filter, email });
  }

  return (
    <form className="admin-filters" role="search" aria-label="Filter buyer sessions" onSubmit={onSubmit}>
      <div className="field admin-field">
        <label htmlFor={ids.email}>Buyer email contains</label>
        <input id={ids.email} type="search" value={email} maxLength={254} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field admin-field">
        <label htmlFor={ids.floorplan}>Floorplan</label>
        {/* A select applies at once: there is nothing more to type. */}
        <select id={ids.floorplan} value={filter.floorplanId} onChange={(e) => onApply({ email, floorplanId: e.target.value })}>
          <option value="">All floorplans</option>
          {floorplans.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <div className="admin-filters__actions">
        <button type="submit" className="button">
          Filter
        </button>
        {isFiltered(filter) ? (
          <button type="button" className="button admin-button--secondary" onClick={() => onApply({ email: '', floorplanId: '' })}>
            Clear
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** `/admin/sessions/:id`: what the buyer chose, grouped by step, priced at today's prices. */
export function SessionDetailPage() {
  const { id = '' } = useParams();
  useAdminTitle('Buyer session');
  const detail = useLoad((signal) => fetchBuyerSession(id, signal), id);

  return (
    <>
      <p className="admin-back">
        <Link to="/admin/sessions">All buyer sessions</Link>
      </p>
      {detail.status === 'loading' ? (
        <Loading label="Loading the session…" />
      ) : detail.status === 'error' ? (
        detail.error.status === 404 || detail.error.status === 400 ? (
          <>
            <PageHead title="Session not found" />
            <p>This buyer session does not exist in your organization, or it was deleted.</p>
          </>
        ) : (
          <LoadError error={detail.error} onRetry={detail.reload} />
        )
      ) : (
        <SessionDetail data={detail.data} />
      )}
    </>
  );
}

function SessionDetail({ data }: { data: BuyerSessionDetail }) {
  const { session } = data;
  const [onlyUpgrades, setOnlyUpgrades] = useState(false);
  const upgrades = upgradeCount(data.lines);
  const groups = groupLines(onlyUpgrades ? data.lines.filter(isUpgrade) : data.lines);
  const toggleId = useId();
  const drift = session.savedTotalCents !== data.totalCents;
  return (
    <>
      <PageHead title={buyerLabel(session.email)}>
        <p>
          {session.floorplan.name} · started {formatDateTime(session.createdAt)} · last active {formatDateTime(session.lastActiveAt)}
        </p>
      </PageHead>
      <dl className="admin-stats">
        <div className="admin-stat">
          <dt>Total at today's prices</dt>
          <dd data-testid="session-total">{formatCents(data.totalCents)}</dd>
        </div>
        <div className="admin-stat">
          <dt>Total when last saved</dt>
          <dd>{formatCents(session.savedTotalCents)}</dd>
        </div>
        <div className="admin-stat">
          <dt>Priced upgrades</dt>
          <dd data-testid="session-upgrades">
            {upgrades} <span className="admin-stat__of">of {plural(data.lines.length, 'choice')}</span>
          </dd>
        </div>
      </dl>
      {data.lines.length ? (
        <p className="admin-check">
          <input id={toggleId} type="checkbox" checked={onlyUpgrades} onChange={(e) => setOnlyUpgrades(e.target.checked)} />
          <label htmlFor={toggleId}>Show only priced upgrades (hide included choices)</label>
        </p>
      ) : null}
      {drift ? (
        <p className="admin-note" role="note">
          Prices have changed since the buyer last saved: the lines below use today's prices (floorplan overrides included).
        </p>
      ) : null}
      {groups.length === 0 ? (
        <p className="admin-empty">{onlyUpgrades ? 'Every choice is an included (no-cost) option.' : 'This buyer has not chosen anything yet.'}</p>
      ) : null}
      {groups.map((group) => (
        <section key={group.title} className="admin-section" aria-labelledby={`g-${slugId(group.title)}`}>
          <h2 id={`g-${slugId(group.title)}`} className="admin-section__title">
            {group.title}
          </h2>
          <div className="admin-tablewrap">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Choice</th>
                  <th scope="col" className="admin-num">
                    Unit price
                  </th>
                  <th scope="col" className="admin-num">
                    Qty
                  </th>
                  <th scope="col" className="admin-num">
                    Line total
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.lines.map((line) => (
                  <tr key={line.subcategoryId}>
                    <th scope="row">{line.subcategoryName}</th>
                    <td>
                      {line.optionName} {line.optionActive ? null : <StatusBadge tone="warn">No longer offered</StatusBadge>}
                    </td>
                    <td className="admin-num">{formatCents(line.unitPriceCents)}</td>
                    <td className="admin-num">{line.quantity}</td>
                    <td className="admin-num">{formatCents(line.totalCents)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={4}>
                    {group.title} subtotal
                  </th>
                  <td className="admin-num">{formatCents(group.subtotalCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </section>
      ))}
      {data.unavailable.length ? (
        <section className="admin-section" aria-labelledby="unavailable">
          <h2 id="unavailable" className="admin-section__title">
            Choices no longer in the catalog
          </h2>
          <p>
            {plural(data.unavailable.length, 'choice')} refer to options or items that have since been deleted; they are not priced.
          </p>
        </section>
      ) : null}
      <p className="admin-grandtotal">
        Total <strong>{formatCents(data.totalCents)}</strong>
      </p>
    </>
  );
}

const slugId = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
