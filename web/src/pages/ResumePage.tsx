import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { BrandHeader, Footer, Main } from '../components/Layout';
import { Loading, Notice } from '../components/Status';
import { ApiError } from '../lib/api';
import { useBrandTheme, useDocumentTitle } from '../lib/brand';
import { useTenant } from '../lib/tenant';
import { resumeOnce } from '../picker/api';

type State = { status: 'loading' } | { status: 'invalid' } | { status: 'error'; message: string };

/**
 * `/resume/:token` — the emailed link. The API answers with the session and sets the
 * floorplan's cookie, so the floorplan page then finds the session by itself.
 */
export function ResumePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    resumeOnce(token).then(
      (session) => live && navigate(`/${encodeURIComponent(session.floorplanSlug)}`, { replace: true }),
      (error: unknown) => {
        if (!live) return;
        // Unknown, expired or malformed tokens (the API validates their shape: 400).
        if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setState({ status: 'invalid' });
        else setState({ status: 'error', message: error instanceof Error ? error.message : 'Something went wrong.' });
      },
    );
    return () => {
      live = false;
    };
  }, [token, attempt, navigate]);

  if (state.status === 'loading') {
    return (
      <Main>
        <Loading label="Opening your saved selections…" />
      </Main>
    );
  }
  return (
    <Branded>
      {state.status === 'invalid' ? (
        <Notice level={1} title="This link has expired or is invalid" action={<Link className="button" to="/">Go to the home page</Link>}>
          <p>Resume links work for 14 days. You can ask for a new one on the home page.</p>
        </Notice>
      ) : (
        <Notice
          level={1}
          tone="error"
          title="We couldn't open your saved selections"
          action={
            <button type="button" className="button" onClick={() => setAttempt((n) => n + 1)}>
              Try again
            </button>
          }
        >
          <p>{state.message}</p>
        </Notice>
      )}
    </Branded>
  );
}

function Branded({ children }: { children: ReactNode }) {
  const tenant = useTenant();
  const org = tenant.status === 'ready' ? tenant.data.org : null;
  useBrandTheme(org?.theme);
  useDocumentTitle(org ? `Resume — ${org.name}` : 'Resume');
  return (
    <>
      {org ? <BrandHeader org={org} /> : null}
      <Main>{children}</Main>
      <Footer orgName={org?.name} />
    </>
  );
}
