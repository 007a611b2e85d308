import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { listOutbox, type OutboxMessage } from '../api';
import { LoadError, Loading, LoadMore, PageHead, StatusBadge } from '../components';
import { formatDateTime, linkify, sameOriginPath } from '../format';
import { usePagedList } from '../hooks';
import { useAdminTitle } from '../Shell';

const TONE = { sent: 'ok', queued: 'neutral', failed: 'bad' } as const;

/** `/admin/outbox`: every email the org sent. Locally, the inbox: invite and reset links are clickable. */
export function OutboxPage() {
  useAdminTitle('Outbox');
  const [linksHidden, setLinksHidden] = useState(false);
  const list = usePagedList(async (cursor, signal) => {
    const page = await listOutbox({ cursor, limit: 20 }, signal);
    setLinksHidden(page.linksHidden);
    return page;
  }, 'outbox');

  return (
    <>
      <PageHead title="Outbox">
        <p>Every email sent for your organization, newest first: invites, password resets and buyers' resume links.</p>
      </PageHead>
      {list.state.status === 'loading' ? (
        <Loading label="Loading the outbox…" />
      ) : list.state.status === 'error' ? (
        <LoadError error={list.state.error} onRetry={list.reload} />
      ) : (
        <>
          {linksHidden ? (
            <p className="admin-note" role="note">
              Links in these emails are hidden: one-time links are credentials, shown only to admins on a local development stack.
            </p>
          ) : null}
          {list.state.items.length === 0 ? (
            <p className="admin-empty">No emails have been sent yet.</p>
          ) : (
            <ol className="admin-mail" aria-label="Emails">
              {list.state.items.map((m) => (
                <Message key={m.id} message={m} />
              ))}
            </ol>
          )}
          <LoadMore
            hasMore={Boolean(list.state.nextCursor)}
            loading={list.state.loadingMore}
            error={list.state.moreError}
            onLoadMore={list.loadMore}
            label="Load older emails"
          />
        </>
      )}
    </>
  );
}

function Message({ message: m }: { message: OutboxMessage }) {
  const headingId = `mail-${m.id}`;
  return (
    <li className="admin-mail__item">
      <article aria-labelledby={headingId}>
        <header className="admin-mail__head">
          <h2 id={headingId} className="admin-mail__subject">
            {m.subject}
          </h2>
          <StatusBadge tone={TONE[m.status] ?? 'neutral'}>{m.status}</StatusBadge>
        </header>
        <dl className="admin-mail__meta">
          <dt>To</dt>
          <dd>{m.to}</dd>
          <dt>Kind</dt>
          <dd>{m.kind.replace(/_/g, ' ')}</dd>
          <dt>Created</dt>
          <dd>{formatDateTime(m.createdAt)}</dd>
          {m.sentAt ? (
            <>
              <dt>Sent</dt>
              <dd>{formatDateTime(m.sentAt)}</dd>
            </>
          ) : null}
        </dl>
        <MailBody text={m.body} />
      </article>
    </li>
  );
}

/** Plain text with its http(s) links as anchors; never parsed as HTML. */
function MailBody({ text }: { text: string }) {
  const origin = window.location.origin;
  return (
    <div className="admin-mail__body">
      {linkify(text).map((seg, i) => {
        if (seg.kind === 'text') return <Fragment key={i}>{seg.text}</Fragment>;
        const path = sameOriginPath(seg.href, origin);
        return path ? (
          <Link key={i} to={path}>
            {seg.text}
          </Link>
        ) : (
          <a key={i} href={seg.href} rel="noopener noreferrer" target="_blank">
            {seg.text}
          </a>
        );
      })}
    </div>
  );
}
