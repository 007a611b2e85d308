import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { adminErrorMessage, requestPasswordReset } from '../api';
import { looksLikeEmail } from '../auth';
import { PublicFrame } from './PublicFrame';

type State = { status: 'idle' } | { status: 'submitting' } | { status: 'sent'; email: string } | { status: 'error'; message: string };

/** `/admin/reset`: asks for a reset link. The answer is the same whether or not the address has an account. */
export function ResetRequestPage() {
  const [state, setState] = useState<State>({ status: 'idle' });
  const ids = { email: useId(), error: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.status === 'submitting') return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    if (!looksLikeEmail(email)) {
      setState({ status: 'error', message: 'Enter the email address you sign in with.' });
      return;
    }
    setState({ status: 'submitting' });
    try {
      await requestPasswordReset(email);
      setState({ status: 'sent', email });
    } catch (error) {
      setState({ status: 'error', message: adminErrorMessage(error) });
    }
  }

  if (state.status === 'sent') {
    return (
      <PublicFrame title="Reset your password" heading="Check your email">
        <p role="status">
          If <strong>{state.email}</strong> has an account here, we sent it a link to choose a new password. The link works once, for one hour.
        </p>
        <p className="admin-public__links">
          <Link to="/admin/login">Back to sign in</Link>
        </p>
      </PublicFrame>
    );
  }

  const submitting = state.status === 'submitting';
  const errorMessage = state.status === 'error' ? state.message : null;
  return (
    <PublicFrame title="Reset your password" heading="Reset your password">
      <p>Enter the email you sign in with and we will send you a link to choose a new password.</p>
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
            aria-invalid={errorMessage ? true : undefined}
            aria-describedby={errorMessage ? ids.error : undefined}
          />
        </div>
        <div id={ids.error} className="form__error" role="alert">
          {errorMessage}
        </div>
        <button type="submit" className="button button--block" aria-disabled={submitting || undefined}>
          {submitting ? 'Sending…' : 'Send reset link'}
        </button>
      </form>
      <p className="admin-public__links">
        <Link to="/admin/login">Back to sign in</Link>
      </p>
    </PublicFrame>
  );
}
