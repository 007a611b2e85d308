/** The pages one-time email links open: `/admin/reset/:token` and `/admin/accept-invite/:token`. */
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Loading } from '../../components/Status';
import { acceptInvite, adminErrorMessage, completePasswordReset, fetchInvite, fetchResetLink } from '../api';
import { ADMIN_HOME, MIN_PASSWORD_LENGTH, isDeadLink, passwordProblem } from '../auth';
import { roleLabel } from '../format';
import { useLoad } from '../hooks';
import { PublicFrame } from './PublicFrame';

function DeadLink({ kind }: { kind: 'invite' | 'reset' }) {
  return (
    <>
      <p role="alert">
        This link is invalid, has already been used, or has expired.{' '}
        {kind === 'invite' ? 'Ask an admin of the organization to send a new invite.' : 'Reset links work once, for one hour.'}
      </p>
      <p className="admin-public__links">
        {kind === 'reset' ? <Link to="/admin/reset">Send a new reset link</Link> : null}
        <Link to="/admin/login">Go to sign in</Link>
      </p>
    </>
  );
}

function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <>
      <p role="alert">{message}</p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </>
  );
}

type Submit = { status: 'idle' } | { status: 'submitting' } | { status: 'error'; message: string; field: 'password' | 'form' };

/** New password + confirmation, with the rule shown up front rather than only after a failure. */
function NewPasswordFields({ submitting, error, errorId }: { submitting: boolean; error: Submit; errorId: string }) {
  const ids = { password: useId(), confirm: useId(), hint: useId() };
  const invalid = error.status === 'error' && error.field === 'password';
  const describedBy = [ids.hint, error.status === 'error' ? errorId : null].filter(Boolean).join(' ');
  return (
    <>
      <div className="field">
        <label htmlFor={ids.password}>New password</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD_LENGTH}
          readOnly={submitting}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
        />
        <p id={ids.hint} className="admin-hint">
          At least {MIN_PASSWORD_LENGTH} characters. A few unrelated words make a good one.
        </p>
      </div>
      <div className="field">
        <label htmlFor={ids.confirm}>Confirm new password</label>
        <input
          id={ids.confirm}
          name="confirm"
          type="password"
          autoComplete="new-password"
          required
          readOnly={submitting}
          aria-invalid={invalid || undefined}
          aria-describedby={error.status === 'error' ? errorId : undefined}
        />
      </div>
    </>
  );
}

export function ResetPasswordPage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const link = useLoad((signal) => fetchResetLink(token, signal), token);
  const [submit, setSubmit] = useState<Submit>({ status: 'idle' });
  const errorId = useId();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.status === 'submitting') return;
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const problem = passwordProblem(password, String(form.get('confirm') ?? ''));
    if (problem) {
      setSubmit({ status: 'error', message: problem, field: 'password' });
      return;
    }
    setSubmit({ status: 'submitting' });
    try {
      await completePasswordReset(token, password);
      navigate(ADMIN_HOME, { replace: true });
    } catch (error) {
      setSubmit({
        status: 'error',
        message: isDeadLink(error) ? 'This link is no longer valid. Ask for a new one.' : adminErrorMessage(error),
        field: 'form',
      });
    }
  }

  return (
    <PublicFrame title="Choose a new password" heading="Choose a new password">
      {link.status === 'loading' ? (
        <Loading label="Checking your link…" />
      ) : link.status === 'error' ? (
        isDeadLink(link.error) ? <DeadLink kind="reset" /> : <LoadFailed message={adminErrorMessage(link.error)} onRetry={link.reload} />
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <p>
            For <strong>{link.data.email}</strong>. Every browser signed in with the old password is signed out.
          </p>
          <NewPasswordFields submitting={submit.status === 'submitting'} error={submit} errorId={errorId} />
          <div id={errorId} className="form__error" role="alert">
            {submit.status === 'error' ? submit.message : null}
          </div>
          <button type="submit" className="button button--block" aria-disabled={submit.status === 'submitting' || undefined}>
            {submit.status === 'submitting' ? 'Saving…' : 'Save password and sign in'}
          </button>
        </form>
      )}
    </PublicFrame>
  );
}

export function AcceptInvitePage() {
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invite = useLoad((signal) => fetchInvite(token, signal), token);
  const [submit, setSubmit] = useState<Submit>({ status: 'idle' });
  const ids = { name: useId(), current: useId(), error: useId() };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submit.status === 'submitting' || invite.status !== 'ready') return;
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '').trim();
    if (invite.data.existingUser) {
      if (!password) {
        setSubmit({ status: 'error', message: 'Enter the password you already use for Finch.', field: 'password' });
        return;
      }
    } else {
      if (!name) {
        setSubmit({ status: 'error', message: 'Enter your name.', field: 'form' });
        return;
      }
      const problem = passwordProblem(password, String(form.get('confirm') ?? ''));
      if (problem) {
        setSubmit({ status: 'error', message: problem, field: 'password' });
        return;
      }
    }
    setSubmit({ status: 'submitting' });
    try {
      await acceptInvite(token, password, invite.data.existingUser ? undefined : name.slice(0, 100));
      navigate(ADMIN_HOME, { replace: true });
    } catch (error) {
      setSubmit({
        status: 'error',
        message: isDeadLink(error) ? 'This invite is no longer valid. Ask for a new one.' : adminErrorMessage(error),
        field: invite.data.existingUser ? 'password' : 'form',
      });
    }
  }

  const submitting = submit.status === 'submitting';
  const heading = invite.status === 'ready' ? `Join ${invite.data.org.name}` : 'Accept your invite';
  return (
    <PublicFrame title="Accept your invite" heading={heading}>
      {invite.status === 'loading' ? (
        <Loading label="Checking your invite…" />
      ) : invite.status === 'error' ? (
        isDeadLink(invite.error) ? <DeadLink kind="invite" /> : <LoadFailed message={adminErrorMessage(invite.error)} onRetry={invite.reload} />
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate>
          <p>
            You were invited as <strong>{roleLabel(invite.data.role)}</strong> with <strong>{invite.data.email}</strong>.{' '}
            {invite.data.existingUser
              ? 'You already have a Finch account: confirm it is you with your current password.'
              : 'Choose your name and a password to finish.'}
          </p>
          {invite.data.existingUser ? (
            <div className="field">
              <label htmlFor={ids.current}>Your current password</label>
              <input
                id={ids.current}
                name="password"
                type="password"
                autoComplete="current-password"
                required
                readOnly={submitting}
                aria-invalid={(submit.status === 'error' && submit.field === 'password') || undefined}
                aria-describedby={submit.status === 'error' ? ids.error : undefined}
              />
            </div>
          ) : (
            <>
              <div className="field">
                <label htmlFor={ids.name}>Your name</label>
                <input
                  id={ids.name}
                  name="name"
                  type="text"
                  autoComplete="name"
                  maxLength={100}
                  required
                  readOnly={submitting}
                  aria-describedby={submit.status === 'error' ? ids.error : undefined}
                />
              </div>
              <NewPasswordFields submitting={submitting} error={submit} errorId={ids.error} />
            </>
          )}
          <div id={ids.error} className="form__error" role="alert">
            {submit.status === 'error' ? submit.message : null}
          </div>
          <button type="submit" className="button button--block" aria-disabled={submitting || undefined}>
            {submitting ? 'Joining…' : `Join ${invite.data.org.name}`}
          </button>
        </form>
      )}
    </PublicFrame>
  );
}
