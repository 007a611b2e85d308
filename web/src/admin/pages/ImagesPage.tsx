import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { deleteImage, listImages, type GeneratedImage, type ImageStatus } from '../api';
import { ConfirmButton, ErrorText, LoadError, Loading, LoadMore, PageHead, ReadOnlyNote, StatusBadge } from '../components';
import { useAdmin } from '../context';
import { IMAGE_STATUSES, imageStatusLabel, parseImageStatus } from '../filters';
import { formatDateTime, plural } from '../format';
import { useMutation, usePagedList } from '../hooks';
import { useAdminTitle } from '../Shell';

const TONE: Record<ImageStatus, 'ok' | 'warn' | 'bad'> = { complete: 'ok', pending: 'warn', failed: 'bad' };

/** `/admin/images?status=`: the generated-image cache. Deleting an entry makes the next request regenerate it. */
export function ImagesPage() {
  useAdminTitle('Generated images');
  const { isAdmin } = useAdmin();
  const [params, setParams] = useSearchParams();
  const status = parseImageStatus(params.get('status'));
  // The radios follow this at once; the URL (and the list) follow in a router transition.
  const [shown, setShown] = useState(status);
  useEffect(() => setShown(status), [status]);
  const list = usePagedList((cursor, signal) => listImages({ status: status ?? undefined, cursor, limit: 24 }, signal), status ?? 'all');
  const remove = useMutation();
  const [removing, setRemoving] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  async function onDelete(image: GeneratedImage) {
    setRemoving(image.id);
    setRemoved(null);
    const result = await remove.run(() => deleteImage(image.id));
    setRemoving(null);
    // Already gone (another admin, another tab): drop it from the list all the same.
    const gone = result.ok || (result.error as { status?: number } | null)?.status === 404;
    if (gone) {
      list.update((items) => items.filter((i) => i.id !== image.id));
      setRemoved('Image deleted. The next buyer who asks for this combination gets a fresh one.');
      if (!result.ok) remove.clearError();
    }
  }

  return (
    <>
      <PageHead title="Generated images">
        <p>Room images made for buyers' selections, newest first. They are reused whenever another buyer picks the same combination.</p>
      </PageHead>
      <ReadOnlyNote />
      <fieldset className="admin-segmented">
        <legend>Show</legend>
        {[null, ...IMAGE_STATUSES].map((s) => (
          <label key={s ?? 'all'} className="admin-segmented__option">
            <input
              type="radio"
              name="image-status"
              checked={shown === s}
              onChange={() => {
                setShown(s);
                setParams(s ? { status: s } : {}, { replace: true });
              }}
            />
            <span>{s ? imageStatusLabel(s) : 'All'}</span>
          </label>
        ))}
      </fieldset>
      <ErrorText error={remove.error} />
      <p className="visually-hidden" role="status">
        {removed}
      </p>
      {list.state.status === 'loading' ? (
        <Loading label="Loading images…" />
      ) : list.state.status === 'error' ? (
        <LoadError error={list.state.error} onRetry={list.reload} />
      ) : list.state.items.length === 0 ? (
        <p className="admin-empty" role="status">
          {status ? `No ${imageStatusLabel(status).toLowerCase()} images.` : 'No images have been generated yet.'}
        </p>
      ) : (
        <>
          <ul className="admin-images" aria-label="Generated images">
            {list.state.items.map((image) => {
              const titleId = `img-${image.id}`;
              return (
                <li key={image.id} className="admin-image" aria-labelledby={titleId}>
                  <div className="admin-image__thumb">
                    {image.url ? (
                      <a href={image.url} target="_blank" rel="noopener">
                        <img src={image.url} alt="" loading="lazy" width={320} height={213} />
                        <span className="visually-hidden">Open the full-size image (new tab)</span>
                      </a>
                    ) : (
                      <span className="admin-image__none">{image.status === 'failed' ? 'No image' : 'Generating…'}</span>
                    )}
                  </div>
                  <div className="admin-image__body">
                    <p id={titleId} className="admin-image__title">
                      <StatusBadge tone={TONE[image.status]}>{imageStatusLabel(image.status)}</StatusBadge>{' '}
                      <span>{formatDateTime(image.createdAt)}</span>
                    </p>
                    <p className="admin-image__meta">
                      {plural(Object.keys(image.selections).length, 'selection')} · {image.model}
                      {image.buyerSessionId ? (
                        <>
                          {' · '}
                          <Link to={`/admin/sessions/${image.buyerSessionId}`}>Buyer session</Link>
                        </>
                      ) : null}
                    </p>
                    {image.error ? <p className="admin-image__error">{image.error}</p> : null}
                    {isAdmin ? (
                      <ConfirmButton
                        label="Delete"
                        confirmLabel={`Confirm deleting the image from ${formatDateTime(image.createdAt)}`}
                        pending={removing === image.id}
                        describedBy={titleId}
                        onConfirm={() => void onDelete(image)}
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ul>
          <LoadMore
            hasMore={Boolean(list.state.nextCursor)}
            loading={list.state.loadingMore}
            error={list.state.moreError}
            onLoadMore={list.loadMore}
            label="Load more images"
          />
        </>
      )}
    </>
  );
}
