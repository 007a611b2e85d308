import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { FinchHeader, Footer, Main } from '../components/Layout';
import { Loading, Notice } from '../components/Status';
import { apiFetch, ApiError } from '../lib/api';
import { useDocumentTitle } from '../lib/brand';
import { STATUS_LEGEND } from './geometry';
import type { ElementType, SceneResponse } from './types';

// Babylon.js lives only in this lazily loaded chunk; buyer pages never load it.
const loadViewer = () => import('./ProjectViewer');
const ProjectViewer = lazy(loadViewer);

type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; scene: SceneResponse }
  | { status: 'error'; error: ApiError };

/** `/projects/:id` — 3D project viewer. Needs an admin session (cookie). */
export function ProjectPage() {
  const { id = '' } = useParams();
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    apiFetch<SceneResponse>(`/api/projects/${encodeURIComponent(id)}/scene`, { signal: controller.signal }).then(
      (scene) => {
        setState({ status: 'ready', scene });
        // Start fetching the 3D chunk as soon as we know we'll need it.
        void loadViewer();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong. Please try again.'),
        });
      },
    );
    return () => controller.abort();
  }, [id, attempt]);

  const projectName = state.status === 'ready' ? state.scene.project.name : 'Project';
  useDocumentTitle(`${projectName} — Finch`);

  return (
    <>
      <FinchHeader wide>
        <span className="site-header__tag">Projects</span>
      </FinchHeader>
      <Main wide>
        {state.status === 'loading' ? <Loading label="Loading project…" /> : null}
        {state.status === 'error' ? (
          <ProjectError error={state.error} id={id} retry={() => setAttempt((n) => n + 1)} />
        ) : null}
        {state.status === 'ready' ? <ProjectView scene={state.scene} /> : null}
      </Main>
      <Footer wide />
    </>
  );
}

function ProjectError({ error, id, retry }: { error: ApiError; id: string; retry: () => void }) {
  if (error.status === 401) {
    const next = `/projects/${encodeURIComponent(id)}`;
    return (
      <Notice
        level={1}
        title="Sign in to open projects"
        action={
          <Link className="button" to={`/admin?next=${encodeURIComponent(next)}`}>
            Go to sign-in
          </Link>
        }
      >
        <p>
          Sign in at <Link to={`/admin?next=${encodeURIComponent(next)}`}>/admin</Link> to open projects.
        </p>
      </Notice>
    );
  }
  // The API validates the id (a UUID) before looking it up, so a malformed id is a 400.
  if (error.status === 404 || (error.status === 400 && error.code === 'validation_failed')) {
    return (
      <Notice level={1} title="Project not found">
        <p>There is no project with this address, or it belongs to another builder.</p>
      </Notice>
    );
  }
  return (
    <Notice
      level={1}
      tone="error"
      title="We couldn't load this project"
      action={
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      }
    >
      <p>{error.message}</p>
    </Notice>
  );
}

const TYPE_LABELS: Record<ElementType, [string, string]> = {
  wall: ['wall', 'walls'],
  door: ['door', 'doors'],
  window: ['window', 'windows'],
  furniture: ['piece of furniture', 'pieces of furniture'],
  fixture: ['fixture', 'fixtures'],
};

function summarize(scene: SceneResponse): string {
  const counts = new Map<ElementType, number>();
  for (const el of scene.elements) counts.set(el.type, (counts.get(el.type) ?? 0) + 1);
  const parts = [...counts].map(([type, n]) => {
    const labels = TYPE_LABELS[type] ?? [type, type];
    return `${n} ${n === 1 ? labels[0] : labels[1]}`;
  });
  return parts.length ? parts.join(', ') : 'no elements';
}

function ProjectView({ scene }: { scene: SceneResponse }) {
  const summary = summarize(scene);
  return (
    <>
      <div className="project-head">
        <h1 className="project-head__title">{scene.project.name}</h1>
        <p className="project-head__summary">{summary}</p>
      </div>
      <ul className="legend" aria-label="Colour key">
        {STATUS_LEGEND.map((item) => (
          <li key={item.status}>
            <span className="legend__swatch" style={{ background: item.color }} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <ErrorBoundary
        fallback={(error, reset) => (
          <Notice
            tone="error"
            title="The 3D viewer couldn't start"
            action={
              <button type="button" className="button" onClick={reset}>
                Try again
              </button>
            }
          >
            <p>{error.message}</p>
          </Notice>
        )}
      >
        <Suspense fallback={<Loading label="Loading 3D viewer…" />}>
          <ProjectViewer scene={scene} description={`3D model of ${scene.project.name}: ${summary}.`} />
        </Suspense>
      </ErrorBoundary>
    </>
  );
}
