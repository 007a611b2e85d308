import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../lib/api';
import { emailResumeLink, resumeByEmail } from './api';

type FormState = { status: 'idle' } | { status: 'sending' } | { status: 'sent' } | { status: 'error'; message: string };

function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}

function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'rate_limited') return 'Too many requests. Please wait a while and try again.';
    if (error.status === 400) return 'Enter a valid email address.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

interface EmailFormProps {
  title: string;
  intro: string;
  submitLabel: string;
  sentMessage: string;
  defaultEmail?: string;
  send: (email: string) => Promise<unknown>;
  headingLevel?: 2 | 3;
  className?: string;
}

/** Email input with a label, submit, and a polite confirmation. */
function EmailForm({ title, intro, submitLabel, sentMessage, defaultEmail = '', send, headingLevel = 2, className = '' }: EmailFormProps) {
  const [state, setState] = useState<FormState>({ status: 'idle' });
  const ids = { email: useId(), error: useId() };
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.status === 'sending') return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    if (!looksLikeEmail(email)) {
      setState({ status: 'error', message: 'Enter a valid email address.' });
      return;
    }
    setState({ status: 'sending' });
    try {
      await send(email);
      setState({ status: 'sent' });
    } catch (error) {
      setState({ status: 'error', message: errorText(error) });
    }
  }

  const sending = state.status === 'sending';
  const error = state.status === 'error' ? state.message : null;
  return (
    <div className={`email-form ${className}`}>
      <Heading className="email-form__title">
        {title}
      </Heading>
      <p className="email-form__intro">{intro}</p>
      <form className="email-form__form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor={ids.email}>Email</label>
          <input
            id={ids.email}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={defaultEmail}
            readOnly={sending}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
          />
        </div>
        <button type="submit" className="button" aria-disabled={sending || undefined}>
          {sending ? 'Sending…' : submitLabel}
        </button>
      </form>
      <div id={ids.error} className="form__error" role="alert">
        {error}
      </div>
      <p className="email-form__sent" role="status">
        {state.status === 'sent' ? sentMessage : null}
      </p>
    </div>
  );
}

/** "Save & email me a link" for the open session. */
export function EmailLinkForm({ sessionId, defaultEmail, headingLevel, className }: { sessionId: string; defaultEmail?: string | null; headingLevel?: 2 | 3; className?: string }) {
  return (
    <EmailForm
      title="Save & email me a link"
      intro="Your choices save automatically. Get a link to pick up on another device."
      submitLabel="Email me a link"
      sentMessage="Check your inbox — we sent a link to resume."
      defaultEmail={defaultEmail ?? ''}
      send={(email) => emailResumeLink(sessionId, email)}
      headingLevel={headingLevel}
      className={className}
    />
  );
}

/** On the floorplan chooser: ask for a resume link by email (same answer whether or not one exists). */
export function ResumeByEmailForm({ className }: { className?: string }) {
  return (
    <EmailForm
      title="Resume with your email"
      intro="Started choosing upgrades earlier? We'll email you a link back to your saved selections."
      submitLabel="Send me my link"
      sentMessage="If we have a saved selection for that address, a link is on its way."
      send={resumeByEmail}
      className={className}
    />
  );
}
