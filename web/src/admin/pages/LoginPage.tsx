import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { fetchMe, login } from '../api';
import { ADMIN_HOME, adminNextPath, isCredentialError, looksLikeEmail, signInErrorMessage } from '../auth';
import { PublicFrame } from './PublicFrame';

type FormState = { status: 'idle' } | { status: 'submitting' } | { status: 'error'; message: string; invalid: boolean };

/** `/admin/login?next=/admin/…` */
export function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = adminNextPath(params.get('next')) ?? ADMIN_HOME;
  const signedOut = Boolean((location.state as { signedOut?: boolean } | null)?.signedOut);
  const [state, setState] = useState<FormState>({ status: 'idle' });
  const ids = { email: useId(), password: useId(), error: useId() };

  // Already signed in (a bookmark, the back button): go straight on. Once per visit to the page.
  const nextRef = useRef(next);
  nextRef.current = next;
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  useEffect(() => {
    if (signedOut) return;
    const controller = new AbortController();
    fetchMe(controller.signal).then(
      () => !controller.signal.aborted && navigateRef.current(nextRef.current, { replace: true }),
      () => {},
    );
    return () => controller.abort();
  }, [signedOut]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.status === 'submitting') return;
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setState({ status: 'error', message: 'Enter your email and password.', invalid: true });
      return;
    }
    if (!looksLikeEmail(email)) {
      setState({ status: 'error', message: 'Enter a valid email address.', invalid: true });
      return;
    }
    setState({ status: 'submitting' });
    try {
      await login(email, password);
      navigate(next, { replace: true });
    } catch (error) {
      setState({ status: 'error', message: signInErrorMessage(error), invalid: isCredentialError(error) });
    }
  }

  const submitting = state.status === 'submitting';
  const errorMessage = state.status === 'error' ? state.message : null;
  const invalid = state.status === 'error' && state.invalid;

  return (
    <PublicFrame title="Sign in" heading="Sign in">
      {signedOut && state.status === 'idle' ? (
        <p className="admin-public__status" role="status">
          You have signed out.
        </p>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate aria-describedby={errorMessage ? ids.error : undefined}>
        <div className="field">
          <label htmlFor={ids.email}>Email</label>
          <input
            id={ids.email}
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            readOnly={submitting}
            aria-invalid={invalid || undefined}
            aria-describedby={errorMessage ? ids.error : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>Password</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            readOnly={submitting}
            aria-invalid={invalid || undefined}
            aria-describedby={errorMessage ? ids.error : undefined}
          />
        </div>
        <div id={ids.error} className="form__error" role="alert">
          {errorMessage}
        </div>
        {/* Not `disabled` while submitting, so keyboard focus stays on the button. */}
        <button type="submit" className="button button--block" aria-disabled={submitting || undefined}>
          {submitting ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="admin-public__links">
        <Link to="/admin/reset">Forgot your password?</Link>
      </p>
    </PublicFrame>
  );
}
