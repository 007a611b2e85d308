import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { FinchHeader, Footer, Main } from '../components/Layout';
import { postJson } from '../lib/api';
import { isCredentialError, signInErrorMessage } from '../lib/auth';
import { useDocumentTitle } from '../lib/brand';
import { safeNextPath } from '../lib/format';

type FormState =
  | { status: 'idle' }
  | { status: 'submitting' }
  | { status: 'error'; message: string; invalid: boolean }
  | { status: 'signed-in' };

/** `/admin/*` — builder admin shell. For now: the sign-in form. */
export function AdminPage() {
  useDocumentTitle('Sign in — Finch admin');
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [state, setState] = useState<FormState>({ status: 'idle' });
  const ids = { email: useId(), password: useId(), error: useId() };

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
    setState({ status: 'submitting' });
    try {
      await postJson('/api/admin/login', { email, password });
      if (next) {
        navigate(next, { replace: true });
        return;
      }
      setState({ status: 'signed-in' });
    } catch (error) {
      setState({ status: 'error', message: signInErrorMessage(error), invalid: isCredentialError(error) });
    }
  }

  const submitting = state.status === 'submitting';
  const errorMessage = state.status === 'error' ? state.message : null;
  const invalid = state.status === 'error' && state.invalid;

  return (
    <>
      <FinchHeader>
        <span className="site-header__tag">Admin</span>
      </FinchHeader>
      <Main>
        <div className="auth">
          <h1 className="auth__title">Sign in</h1>
          {state.status === 'signed-in' ? (
            <div className="notice notice--info" role="status">
              <p>You're signed in. The admin console arrives in a later release.</p>
            </div>
          ) : (
            <form className="form" onSubmit={onSubmit} noValidate>
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
          )}
        </div>
      </Main>
      <Footer />
    </>
  );
}
