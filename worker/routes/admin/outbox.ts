/**
 * The org's sent-mail log (locally, with EMAIL_PROVIDER=outbox, the only inbox there is).
 * Invite and reset links are credentials, so bodies come back with every link hidden,
 * except to admins on a local stack, where the outbox is the developer's inbox.
 */
import { and, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { outbox } from '../../db/schema';
import { validate } from '../../lib/validate';
import { currentAdmin } from '../../middleware/admin-auth';
import { isLocalAppDomain, redactLinks } from '../../services/admin-auth';
import type { AppEnv } from '../../types';
import { keyset, pageOf, pageQuery, readPage } from './paging';

export const outboxRoutes = new Hono<AppEnv>().get('/', validate('query', z.object(pageQuery)), async (c) => {
  const page = readPage(c.req.valid('query'));
  const { where, orderBy } = keyset(outbox.createdAt, outbox.id, page);
  const rows = await c.get('db')
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, c.get('org').id), where))
    .orderBy(...orderBy)
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page, (r) => ({ time: r.createdAt, id: r.id }));
  const showLinks = currentAdmin(c).role === 'admin' && c.env.EMAIL_PROVIDER === 'outbox' && isLocalAppDomain(c.env.APP_DOMAIN);
  return c.json({
    messages: items.map((r) => ({
      id: r.id,
      to: r.toEmail,
      subject: r.subject,
      kind: r.kind,
      status: r.status,
      body: showLinks ? r.bodyText : redactLinks(r.bodyText),
      createdAt: r.createdAt,
      sentAt: r.sentAt,
    })),
    linksHidden: !showLinks,
    nextCursor,
  });
});
