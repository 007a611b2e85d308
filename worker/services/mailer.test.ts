import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import { getDb } from '../db/client';
import { createMailer } from './mailer';

const email = { orgId: null, to: 'buyer@example.com', subject: 'Hi', text: 'link', kind: 'test' };
const outboxRow = (to: string) => env.DB.prepare('SELECT status, error FROM outbox WHERE to_email = ?').bind(to).first<{ status: string; error: string | null }>();

describe('mailer', () => {
  it('Should keep mail in the outbox locally and send nothing out', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    vi.spyOn(console, 'log').mockImplementation(() => {});
    await createMailer(getDb(env.DB), { EMAIL_PROVIDER: 'outbox', EMAIL_FROM: 'x@y.z', RESEND_API_KEY: '', APP_DOMAIN: 'localhost:8787' }, fetchImpl).send(email);
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(await outboxRow('buyer@example.com')).toEqual({ status: 'queued', error: null });
  });

  it('Should deliver through the provider over HTTP and mark the row sent', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response('{"id":"1"}', { status: 200 }));
    await createMailer(getDb(env.DB), { EMAIL_PROVIDER: 'resend', EMAIL_FROM: 'Finch <a@finch.app>', RESEND_API_KEY: 're_test', APP_DOMAIN: 'finch.app' }, fetchImpl).send({
      ...email,
      to: 'sent@example.com',
    });
    const [url, init] = fetchImpl.mock.calls[0]!;
    expect(url).toBe('https://api.resend.com/emails');
    expect(new Headers(init!.headers).get('authorization')).toBe('Bearer re_test');
    expect(JSON.parse(String(init!.body))).toMatchObject({ from: 'Finch <a@finch.app>', to: ['sent@example.com'], subject: 'Hi' });
    expect((await outboxRow('sent@example.com'))!.status).toBe('sent');
  });

  it('Should mark the row failed without throwing when the provider refuses', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response('nope', { status: 500 }));
    await createMailer(getDb(env.DB), { EMAIL_PROVIDER: 'resend', EMAIL_FROM: 'a@finch.app', RESEND_API_KEY: 're_test', APP_DOMAIN: 'finch.app' }, fetchImpl).send({
      ...email,
      to: 'failed@example.com',
    });
    expect(await outboxRow('failed@example.com')).toEqual({ status: 'failed', error: 'delivery failed' });
  });

  it('Should print the links of local mail but never on a real domain', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const secret = { ...email, to: 'logs@example.com', text: 'https://summit.finch.app/resume/SECRET-TOKEN' };
    await createMailer(getDb(env.DB), { EMAIL_PROVIDER: 'outbox', EMAIL_FROM: 'x@y.z', RESEND_API_KEY: '', APP_DOMAIN: 'finch.app' }).send(secret);
    expect(JSON.stringify(log.mock.calls)).not.toContain('SECRET-TOKEN');
    await createMailer(getDb(env.DB), { EMAIL_PROVIDER: 'outbox', EMAIL_FROM: 'x@y.z', RESEND_API_KEY: '', APP_DOMAIN: 'localhost:8787' }).send(secret);
    expect(JSON.stringify(log.mock.calls)).toContain('SECRET-TOKEN');
  });
});
