import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, HARBOR, json, seedDemo, send, SUMMIT } from '../../test/fixtures';
import { indexCatalog, type Catalog } from '../domain/catalog';
import { computeTotal } from '../domain/pricing';

interface Session {
  id: string;
  floorplanSlug: string;
  selections: Record<string, string>;
  quantities: Record<string, number>;
  totalCents: number;
  email: string | null;
}

let catalog: Catalog;
beforeAll(async () => {
  await seedDemo();
  catalog = await json(await call(SUMMIT, '/api/catalog/kinkade'));
});

const subs = () => catalog.categories.flatMap((c) => c.subcategories);
const paid = (additive = false) => subs().find((s) => s.isAdditive === additive && s.options.some((o) => o.priceCents > 0))!;

async function create(host = SUMMIT, floorplanSlug = 'kinkade') {
  const res = await send(host, 'POST', '/api/sessions', { floorplanSlug });
  expect(res.status).toBe(201);
  return { session: await json<Session>(res), cookie: res.headers.get('set-cookie')! };
}

async function stored(id: string) {
  return json<Session>(await call(SUMMIT, `/api/sessions/${id}`));
}

describe('buyer session lifecycle', () => {
  it('Should create a session with defaults and a signed HttpOnly Lax cookie', async () => {
    const { session, cookie } = await create();
    expect(session.floorplanSlug).toBe('kinkade');
    expect(Object.keys(session.selections).length).toBe(subs().filter((s) => s.options.some((o) => o.isDefault || o.priceCents === 0)).length);
    expect(session.totalCents).toBe(computeTotal(indexCatalog(catalog), session.selections, {}));
    expect(cookie).toMatch(/^finch_session_kinkade=/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
  });

  it('Should find the session the cookie points at, and not a forged one', async () => {
    const { session, cookie } = await create();
    const pair = cookie.split(';')[0]!;
    const res = await call(SUMMIT, '/api/sessions/current?floorplanSlug=kinkade', { headers: { cookie: pair } });
    expect((await json<Session>(res)).id).toBe(session.id);
    const forged = `finch_session_kinkade=${session.id}.AAAA`;
    expect((await call(SUMMIT, '/api/sessions/current?floorplanSlug=kinkade', { headers: { cookie: forged } })).status).toBe(404);
    expect((await call(SUMMIT, '/api/sessions/current?floorplanSlug=kinkade')).status).toBe(404);
  });

  it('Should save selections and price them on the server, ignoring a client total', async () => {
    const { session } = await create();
    const sub = paid();
    const option = sub.options.find((o) => o.priceCents > 0)!;
    const res = await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, { selections: { [sub.id]: option.id }, totalCents: 1 });
    expect(res.status).toBe(200);
    const saved = await json<Session>(res);
    expect(saved.selections[sub.id]).toBe(option.id);
    expect(saved.totalCents).toBe(computeTotal(indexCatalog(catalog), saved.selections, saved.quantities));
    expect(saved.totalCents).toBeGreaterThanOrEqual(option.priceCents);
    expect((await stored(session.id)).totalCents).toBe(saved.totalCents);
  });

  it('Should multiply additive picks by their quantity', async () => {
    const { session } = await create();
    const sub = paid(true);
    const option = sub.options.find((o) => o.priceCents > 0)!;
    const one = await json<Session>(await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, { selections: { [sub.id]: option.id } }));
    const three = await json<Session>(await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, { selections: {}, quantities: { [sub.id]: 3 } }));
    expect(three.totalCents - one.totalCents).toBe(option.priceCents * 2);
  });

  it('Should apply the floorplan price override to the total', async () => {
    const row = await env.DB.prepare(
      `SELECT p.option_id AS optionId, p.price_cents AS price, o.subcategory_id AS subId, f.slug AS fp FROM option_floorplan_pricing p
       JOIN options o ON o.id = p.option_id JOIN floorplans f ON f.id = p.floorplan_id JOIN organizations g ON g.id = p.org_id
       WHERE g.slug = 'summit' AND p.price_cents != o.price_cents LIMIT 1`,
    ).first<{ optionId: string; price: number; subId: string; fp: string }>();
    const { session } = await create(SUMMIT, row!.fp);
    const before = session.totalCents;
    const defaultPrice = 0;
    const after = await json<Session>(await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, { selections: { [row!.subId]: row!.optionId } }));
    expect(after.totalCents - before).toBe(row!.price - defaultPrice);
  });
});

describe('bad saves change nothing', () => {
  it('Should 400 an unknown option, an option of another floorplan and a bad quantity', async () => {
    const { session } = await create();
    const before = await stored(session.id);
    const sub = paid();
    const additive = paid(true);
    const scoped = await env.DB.prepare(
      `SELECT s.option_id AS optionId, o.subcategory_id AS subId FROM option_floorplans s JOIN options o ON o.id = s.option_id
       JOIN floorplans f ON f.id = s.floorplan_id WHERE f.slug = 'aspen' AND s.option_id NOT IN (SELECT option_id FROM option_floorplans x JOIN floorplans g ON g.id = x.floorplan_id WHERE g.slug = 'kinkade') LIMIT 1`,
    ).first<{ optionId: string; subId: string }>();
    const bodies = [
      { selections: { [sub.id]: crypto.randomUUID() } },
      { selections: { [scoped!.subId]: scoped!.optionId } },
      { selections: { [sub.id]: sub.options[1]!.id }, quantities: { [additive.id]: 0 } },
      { selections: {}, quantities: { [additive.id]: additive.maxQuantity + 1 } },
      { selections: {}, quantities: { [sub.id]: 2 } },
      { selections: 'nope' },
      { selections: { [sub.id]: 42 } },
    ];
    for (const body of bodies) {
      const res = await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await json(res)).error.code).toBe('validation_failed');
    }
    expect(await stored(session.id)).toEqual(before);
  });

  it('Should 422 a rule conflict with the conflicts listed', async () => {
    const { session } = await create();
    const before = await stored(session.id);
    const rule = catalog.rules.find((r) => r.kind === 'requires')!;
    const index = indexCatalog(catalog);
    const sub = index.options.get(rule.optionId)!.subcategory;
    const targetSub = index.options.get(rule.targetOptionId)!.subcategory;
    const other = targetSub.options.find((o) => o.id !== rule.targetOptionId)!;
    const res = await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, { selections: { [sub.id]: rule.optionId, [targetSub.id]: other.id } });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error.code).toBe('rule_conflict');
    expect(body.error.details).toContainEqual(expect.objectContaining({ kind: 'requires', optionId: rule.optionId, targetOptionId: rule.targetOptionId }));
    expect(await stored(session.id)).toEqual(before);
  });
});

describe('tenancy', () => {
  it('Should 404 a session id on another tenant host', async () => {
    const { session } = await create();
    expect((await call(HARBOR, `/api/sessions/${session.id}`)).status).toBe(404);
    expect((await send(HARBOR, 'PUT', `/api/sessions/${session.id}`, { selections: {} })).status).toBe(404);
    expect((await send(HARBOR, 'POST', `/api/sessions/${session.id}/email`, { email: 'a@b.co' })).status).toBe(404);
  });

  it('Should 404 an unknown id and 400 a malformed one', async () => {
    expect((await call(SUMMIT, `/api/sessions/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await call(SUMMIT, '/api/sessions/123')).status).toBe(400);
  });
});

describe('save by email and resume', () => {
  async function linkFor(address: string): Promise<string> {
    const row = await env.DB.prepare('SELECT body_text AS body FROM outbox WHERE to_email = ? ORDER BY created_at DESC LIMIT 1').bind(address).first<{ body: string }>();
    return row!.body.match(/\/resume\/([A-Za-z0-9_-]+)/)![1]!;
  }

  it('Should email a resume link that restores the session and sets the cookie', async () => {
    const { session } = await create();
    const sub = paid();
    await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, { selections: { [sub.id]: sub.options.find((o) => o.priceCents > 0)!.id } });
    const res = await send(SUMMIT, 'POST', `/api/sessions/${session.id}/email`, { email: ' Buyer@Example.com ' });
    expect(res.status).toBe(202);
    const token = await linkFor('buyer@example.com');
    const resumed = await call(SUMMIT, `/api/sessions/resume/${token}`);
    expect(resumed.status).toBe(200);
    expect((await json<Session>(resumed)).selections).toEqual((await stored(session.id)).selections);
    expect(resumed.headers.get('set-cookie')).toMatch(/^finch_session_kinkade=/);
    // The token is stored hashed, never as sent.
    const raw = await env.DB.prepare('SELECT resume_token_hash AS h FROM buyer_sessions WHERE id = ?').bind(session.id).first<{ h: string }>();
    expect(raw!.h).not.toBe(token);
    expect(raw!.h).toMatch(/^[0-9a-f]{64}$/);
  });

  it('Should refuse an expired, unknown or other-tenant token', async () => {
    const { session } = await create();
    await send(SUMMIT, 'POST', `/api/sessions/${session.id}/email`, { email: 'late@example.com' });
    const token = await linkFor('late@example.com');
    expect((await call(HARBOR, `/api/sessions/resume/${token}`)).status).toBe(404);
    await env.DB.prepare('UPDATE buyer_sessions SET resume_token_expires_at = ? WHERE id = ?').bind(Date.now() - 1, session.id).run();
    expect((await call(SUMMIT, `/api/sessions/resume/${token}`)).status).toBe(404);
    expect((await call(SUMMIT, `/api/sessions/resume/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('Should 400 selections with a mistyped value without echoing the client-chosen key', async () => {
    const { session } = await create();
    const marker = 'zz-session-key-marker';
    for (const body of [{ selections: { [marker]: 42 } }, { selections: {}, quantities: { [marker]: 'three' } }]) {
      const res = await send(SUMMIT, 'PUT', `/api/sessions/${session.id}`, body);
      expect(res.status).toBe(400);
      const text = await res.text();
      expect(text).not.toContain(marker);
      expect(JSON.parse(text).error.details[0]).toEqual({ path: Object.keys(body).at(-1), message: 'Invalid entry' });
    }
  });

  it('Should 400 a bad email without echoing it', async () => {
    const { session } = await create();
    const res = await send(SUMMIT, 'POST', `/api/sessions/${session.id}/email`, { email: 'not-an-email<script>' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('<script>');
  });

  it('Should answer resume-by-email the same whether or not the address is known', async () => {
    const { session } = await create();
    await send(SUMMIT, 'POST', `/api/sessions/${session.id}/email`, { email: 'known@example.com' });
    const headers = { 'cf-connecting-ip': '203.0.113.7' };
    const known = await send(SUMMIT, 'POST', '/api/sessions/resume-by-email', { email: 'known@example.com' }, headers);
    const unknown = await send(SUMMIT, 'POST', '/api/sessions/resume-by-email', { email: 'stranger@example.com' }, headers);
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.text()).toBe(await unknown.text());
    const sent = await env.DB.prepare("SELECT to_email AS t FROM outbox WHERE to_email IN ('known@example.com', 'stranger@example.com')").all<{ t: string }>();
    expect(sent.results.map((r) => r.t)).toEqual(['known@example.com', 'known@example.com']);
  });

  it('Should rate-limit resume-by-email per client', async () => {
    const headers = { 'cf-connecting-ip': '198.51.100.9' };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push((await send(SUMMIT, 'POST', '/api/sessions/resume-by-email', { email: `p${i}@example.com` }, headers)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
