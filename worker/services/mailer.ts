/**
 * Outgoing email. Every message is recorded in the `outbox` table first; in production a
 * provider selected by EMAIL_PROVIDER then delivers it. Locally (`outbox`) nothing leaves
 * the machine: the message stays in the outbox and the link is logged for the developer.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';

export interface Email {
  orgId: string | null;
  to: string;
  subject: string;
  text: string;
  kind: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

type Fetch = typeof fetch;

/** Resend's HTTP API; `fetchImpl` is the seam tests fake (the HTTP boundary). */
export function resendTransport(apiKey: string, from: string, fetchImpl: Fetch = fetch) {
  return async (email: Email): Promise<void> => {
    const res = await fetchImpl('https://api.resend.com/emails', {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from, to: [email.to], subject: email.subject, text: email.text }),
    });
    if (!res.ok) throw new Error(`email provider answered ${res.status}`);
  };
}

export function createMailer(db: Db, env: Pick<Env, 'EMAIL_PROVIDER' | 'EMAIL_FROM' | 'RESEND_API_KEY' | 'APP_DOMAIN'>, fetchImpl?: Fetch): Mailer {
  // Printing bodies is how a local developer follows a resume or invite link; on a real
  // domain those links are credentials and must never reach the logs.
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(env.APP_DOMAIN);
  const transport =
    env.EMAIL_PROVIDER === 'resend' && env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY, env.EMAIL_FROM, fetchImpl) : null;
  return {
    async send(email) {
      const id = crypto.randomUUID();
      await db.insert(outbox).values({
        id,
        orgId: email.orgId,
        toEmail: email.to,
        subject: email.subject,
        bodyText: email.text,
        kind: email.kind,
        status: 'queued',
        createdAt: Date.now(),
      });
      if (!transport) {
        if (local) console.log(`[outbox] ${email.kind} to ${email.to}: ${email.subject}\n${email.text}`);
        else console.log('[outbox] message kept in the outbox table', { kind: email.kind });
        return;
      }
      try {
        await transport(email);
        await db.update(outbox).set({ status: 'sent', sentAt: Date.now() }).where(eq(outbox.id, id));
      } catch (err) {
        console.error('email delivery failed', err);
        await db.update(outbox).set({ status: 'failed', error: 'delivery failed' }).where(eq(outbox.id, id));
      }
    },
  };
}
