import { env } from 'cloudflare:test';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminSend, loginAs } from '../../../test/admin-fixtures';
import { call, HARBOR, json, seedDemo, send, SUMMIT } from '../../../test/fixtures';
import { DEMO_PASSWORD } from '../../../scripts/seed/demo-data';
import { getDb } from '../../db/client';
import { buyerSessions, floorplans, options } from '../../db/schema';
import { indexCatalog, type Catalog } from '../../domain/catalog';
import { computeTotal } from '../../domain/pricing';

const db = getDb(env.DB);
let admin: string;
let viewer: string;
let kinkade: Catalog;
const ids = {} as Record<'one' | 'two' | 'three' | 'harbor', string>;

async function buyer(host: string, floorplanSlug: string, selections: Record<string, string> = {}, quantities: Record<string, number> = {}, email?: string) {
  const created = await json(await send(host, 'POST', '/api/sessions', { floorplanSlug }));
  const saved = await send(host, 'PUT', `/api/sessions/${created.id}`, { selections, quantities });
  expect(saved.status).toBe(200);
  if (email) expect((await send(host, 'POST', `/api/sessions/${created.id}/email`, { email })).status).toBe(202);
  return created.id as string;
}

const subs = () => kinkade.categories.flatMap((c) => c.subcategories);
const list = async (query = '', cookie = admin) => {
  const res = await adminSend(SUMMIT, cookie, 'GET', `/api/admin/buyer-sessions${query}`);
  expect(res.status).toBe(200);
  return json<{ sessions: Array<{ id: string; email: string | null; floorplan: { id: string; slug: string; name: string }; totalCents: number; selectionCount: number; lastActiveAt: number }>; nextCursor: string | null }>(res);
};

beforeAll(async () => {
  await seedDemo();
  admin = await loginAs(SUMMIT, 'admin@summit.test', DEMO_PASSWORD);
  viewer = await loginAs(SUMMIT, 'viewer@summit.test', DEMO_PASSWORD);
  kinkade = await json(await call(SUMMIT, '/api/catalog/kinkade'));
  const paid = subs().find((s) => !s.isAdditive && s.options.some((o) => o.priceCents > 0))!;
  const additive = subs().find((s) => s.isAdditive && s.options.some((o) => o.priceCents > 0))!;
  ids.one = await buyer(
    SUMMIT,
    'kinkade',
    { [paid.id]: paid.options.find((o) => o.priceCents > 0)!.id, [additive.id]: additive.options.find((o) => o.priceCents > 0)!.id },
    { [additive.id]: 3 },
    'buyer-one@example.test',
  );
  ids.two = await buyer(SUMMIT, 'aspen');
  ids.three = await buyer(SUMMIT, 'kinkade', {}, {}, 'buyer_two@example.test');
  ids.harbor = await buyer(HARBOR, 'bayview', {}, {}, 'buyer-one@example.test');
});

describe('GET /api/admin/buyer-sessions', () => {
  it("Should list this org's sessions newest first with their floorplan, total and pick count, and none of another org's", async () => {
    const { sessions, nextCursor } = await list();
    expect(nextCursor).toBeNull();
    expect(sessions.map((s) => s.id).sort()).toEqual([ids.one, ids.two, ids.three].sort());
    const times = sessions.map((s) => s.lastActiveAt);
    expect(times).toEqual([...times].sort((x, y) => y - x));
    const one = sessions.find((s) => s.id === ids.one)!;
    const stored = await db.select().from(buyerSessions).where(eq(buyerSessions.id, ids.one)).get();
    expect(one).toMatchObject({
      email: 'buyer-one@example.test',
      floorplan: { slug: 'kinkade', name: 'The Kinkade' },
      totalCents: stored!.totalCents,
      selectionCount: Object.keys(stored!.selections).length,
    });
    expect((await list('', viewer)).sessions.length).toBe(3);
  });

  it('Should page with a cursor, without gaps or repeats', async () => {
    const first = await list('?limit=2');
    expect(first.sessions.length).toBe(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.sessions.length).toBe(1);
    expect(second.nextCursor).toBeNull();
    expect([...first.sessions, ...second.sessions].map((s) => s.id)).toEqual((await list()).sessions.map((s) => s.id));
  });

  it('Should filter by floorplan and by part of the email, taking % and _ literally', async () => {
    const aspen = await db.select().from(floorplans).where(eq(floorplans.slug, 'aspen')).get();
    expect((await list(`?floorplanId=${aspen!.id}`)).sessions.map((s) => s.id)).toEqual([ids.two]);
    expect((await list('?email=BUYER-ONE')).sessions.map((s) => s.id)).toEqual([ids.one]);
    expect((await list('?email=buyer_')).sessions.map((s) => s.id)).toEqual([ids.three]);
    expect((await list('?email=%25')).sessions).toEqual([]);
    const bayview = await db.select().from(floorplans).where(eq(floorplans.slug, 'bayview')).get();
    expect((await list(`?floorplanId=${bayview!.id}`)).sessions).toEqual([]);
  });

  it('Should refuse a bad limit, cursor or floorplan id with 400', async () => {
    for (const q of ['?limit=0', '?limit=101', '?limit=abc', '?cursor=nope', '?floorplanId=kinkade']) {
      const res = await adminSend(SUMMIT, admin, 'GET', `/api/admin/buyer-sessions${q}`);
      expect(res.status, q).toBe(400);
    }
  });

  it('Should need a session', async () => {
    expect((await call(SUMMIT, '/api/admin/buyer-sessions')).status).toBe(401);
  });
});

describe('GET /api/admin/buyer-sessions/:id', () => {
  it('Should show the line items priced by the shared pricing code, matching the buyer total', async () => {
    const res = await adminSend(SUMMIT, viewer, 'GET', `/api/admin/buyer-sessions/${ids.one}`);
    expect(res.status).toBe(200);
    const detail = await json(res);
    const stored = (await db.select().from(buyerSessions).where(eq(buyerSessions.id, ids.one)).get())!;
    const expected = computeTotal(indexCatalog(kinkade), stored.selections, stored.quantities);
    expect(detail.totalCents).toBe(expected);
    expect(detail.session).toMatchObject({ id: ids.one, email: 'buyer-one@example.test', savedTotalCents: stored.totalCents, floorplan: { slug: 'kinkade' } });
    expect(detail.totalCents).toBe(stored.totalCents);
    expect(detail.lines.reduce((sum: number, l: { totalCents: number }) => sum + l.totalCents, 0)).toBe(expected);
    expect(detail.lines.length).toBe(Object.keys(stored.selections).length);
    expect(detail.unavailable).toEqual([]);

    const additive = detail.lines.find((l: { quantity: number }) => l.quantity === 3);
    const catalogOption = indexCatalog(kinkade).options.get(additive.optionId)!;
    expect(additive).toMatchObject({ unitPriceCents: catalogOption.option.priceCents, totalCents: catalogOption.option.priceCents * 3, optionActive: true });
    expect(additive.optionName).toBe(catalogOption.option.name);
    expect(additive.subcategoryName).toBe(catalogOption.subcategory.name);
    expect(detail.lines.every((l: { categoryName: string | null }) => typeof l.categoryName === 'string')).toBe(true);
  });

  it("Should answer 404 for another org's session or an unknown id, and 400 for a malformed one", async () => {
    expect((await adminSend(SUMMIT, admin, 'GET', `/api/admin/buyer-sessions/${ids.harbor}`)).status).toBe(404);
    expect((await adminSend(SUMMIT, admin, 'GET', `/api/admin/buyer-sessions/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await adminSend(SUMMIT, admin, 'GET', '/api/admin/buyer-sessions/not-an-id')).status).toBe(400);
  });

  it('Should still price a deactivated option, and list a deleted one as unavailable', async () => {
    const sub = subs().find((s) => !s.isAdditive && s.options.some((o) => o.priceCents > 0))!;
    const keep = sub.options.find((o) => o.priceCents > 0);
    const other = subs().find((s) => s.id !== sub.id && !s.isAdditive && s.options.some((o) => o.priceCents > 0))!;
    const otherOption = other.options.find((o) => o.priceCents > 0)!;
    const id = await buyer(SUMMIT, 'kinkade', { [sub.id]: keep!.id, [other.id]: otherOption.id });
    await db.update(options).set({ isActive: false }).where(eq(options.id, keep!.id));
    await db.delete(options).where(eq(options.id, otherOption.id));
    const detail = await json(await adminSend(SUMMIT, admin, 'GET', `/api/admin/buyer-sessions/${id}`));
    expect(detail.lines.find((l: { optionId: string }) => l.optionId === keep!.id)).toMatchObject({ optionActive: false, unitPriceCents: keep!.priceCents });
    expect(detail.unavailable).toEqual([{ subcategoryId: other.id, optionId: otherOption.id }]);
    expect(detail.lines.some((l: { optionId: string }) => l.optionId === otherOption.id)).toBe(false);
  });
});
