import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, tenantOrigin } from './browser';

const origin = inject('e2eOrigin');

interface Opt { id: string; slug: string; priceCents: number; isDefault: boolean }
interface Sub { id: string; slug: string; isVisual: boolean; isAdditive: boolean; options: Opt[] }
interface CatalogJson {
  steps: { id: string; slug: string; name: string; sections: { subcategoryIds: string[] }[] }[];
  categories: { subcategories: Sub[] }[];
}
interface SessionJson { id: string; selections: Record<string, string>; quantities: Record<string, number>; totalCents: number }

/** "$12,345" / "$12,345.50" -> cents. */
const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^0-9.]/g, '')) * 100);

describe.skipIf(!origin)('the buyer picker in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let catalog: CatalogJson;
  const base = () => `${tenantOrigin(origin, 'summit')}/kinkade`;

  const subs = () => catalog.categories.flatMap((c) => c.subcategories);
  const option = (slug: string) => {
    for (const s of subs()) for (const o of s.options) if (o.slug === slug) return { sub: s, opt: o };
    throw new Error(`no option ${slug} in the kinkade catalog`);
  };
  const stepOf = (subId: string) => catalog.steps.find((s) => s.sections.some((sec) => sec.subcategoryIds.includes(subId)))!;

  /** Same-origin fetch from the page: Node cannot resolve *.localhost, Chromium can. */
  const fetchJson = <T,>(p: Page, path: string): Promise<T> => p.evaluate(`fetch(${JSON.stringify(path)}).then((r) => r.json())`) as Promise<T>;
  const serverSession = (p: Page) => fetchJson<SessionJson>(p, '/api/sessions/current?floorplanSlug=kinkade');

  async function shownTotal(p: Page): Promise<number> {
    return cents(await p.getByTestId('running-total').first().textContent());
  }
  async function settled(p: Page): Promise<void> {
    // Auto-save is debounced (~1 s); "Saved" means the server has the same selections.
    await p.waitForFunction(`document.querySelector('[data-testid="save-status"]')?.textContent?.trim() === 'Saved'`, undefined, { timeout: 15_000 });
  }
  async function pickOption(p: Page, optionId: string): Promise<void> {
    const radio = p.locator(`[data-option-id="${optionId}"]`).first();
    await radio.scrollIntoViewIfNeeded();
    await radio.click();
    await expect.poll(() => radio.getAttribute('aria-checked')).toBe('true');
  }
  async function gotoStep(p: Page, stepSlug: string): Promise<void> {
    await p.goto(`${base()}?step=${encodeURIComponent(stepSlug)}`, { waitUntil: 'networkidle' });
    await p.getByTestId('running-total').first().waitFor();
  }

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(base(), { waitUntil: 'networkidle' });
    await page.getByTestId('running-total').first().waitFor();
    catalog = await fetchJson<CatalogJson>(page, '/api/catalog/kinkade');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('Should start at the defaults with the same total as the server', async () => {
    const session = await serverSession(page);
    expect(session.totalCents).toBe(await shownTotal(page));
    // Every pick on the first step is the server's default selection.
    const checked = await page.locator('[data-option-id][aria-checked="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-option-id')));
    expect(checked.length).toBeGreaterThan(0);
    for (const id of checked) expect(Object.values(session.selections)).toContain(id);
  });

  it('Should update the total instantly and save picks made across steps', async () => {
    const before = await shownTotal(page);
    // A priced visual upgrade on the first step.
    const first = catalog.steps[0]!;
    const firstSubs = subs().filter((s) => first.sections.some((sec) => sec.subcategoryIds.includes(s.id)));
    const upgrade = firstSubs.flatMap((s) => s.options.filter((o) => !o.isDefault && o.priceCents > 0).map((o) => ({ s, o })))[0]!;
    const replaced = upgrade.s.options.find((o) => o.isDefault) ?? upgrade.s.options[0]!;
    await pickOption(page, upgrade.o.id);
    expect(await shownTotal(page)).toBe(before + upgrade.o.priceCents - replaced.priceCents);

    // Continue to the kitchen and pick a countertop there.
    await page.getByTestId('step-continue').click();
    const quartz = option('countertop-quartz-calacatta');
    await page.getByRole('heading', { name: stepOf(quartz.sub.id).name, level: 2 }).waitFor();
    const beforeQuartz = await shownTotal(page);
    const quartzWas = quartz.sub.options.find((o) => o.isDefault)!;
    await pickOption(page, quartz.opt.id);
    expect(await shownTotal(page)).toBe(beforeQuartz + quartz.opt.priceCents - quartzWas.priceCents);

    await settled(page);
    const session = await serverSession(page);
    expect(session.selections[upgrade.s.id]).toBe(upgrade.o.id);
    expect(session.selections[quartz.sub.id]).toBe(quartz.opt.id);
    expect(session.totalCents).toBe(await shownTotal(page));
  });

  it('Should price an additive pick by quantity and match the server', async () => {
    const additive = subs().find((s) => s.isAdditive && s.options.some((o) => o.priceCents > 0))!;
    await gotoStep(page, stepOf(additive.id).slug);
    const priced = additive.options.find((o) => o.priceCents > 0)!;
    await pickOption(page, priced.id);
    const once = await shownTotal(page);
    await page.getByRole('button', { name: `Increase ${await subName(additive.id)}` }).click();
    await expect.poll(() => shownTotal(page)).toBe(once + priced.priceCents);
    await settled(page);
    const session = await serverSession(page);
    expect(session.quantities[additive.id]).toBe(2);
    expect(session.totalCents).toBe(await shownTotal(page));
  });

  it('Should switch a conflicting choice back and say what changed', async () => {
    const laminate = option('countertop-laminate');
    const farmhouse = option('sink-farmhouse-fireclay');
    await gotoStep(page, stepOf(laminate.sub.id).slug);
    await pickOption(page, laminate.opt.id);
    await gotoStep(page, stepOf(farmhouse.sub.id).slug);
    await pickOption(page, farmhouse.opt.id);
    const notice = page.getByTestId('change-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/countertop/i);
    await settled(page);
    const session = await serverSession(page);
    expect(session.selections[farmhouse.sub.id]).toBe(farmhouse.opt.id);
    expect(session.selections[laminate.sub.id]).not.toBe(laminate.opt.id);
    expect(session.totalCents).toBe(await shownTotal(page));
  });

  it('Should restore every choice after a reload', async () => {
    const saved = await serverSession(page);
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('running-total').first().waitFor();
    expect(await shownTotal(page)).toBe(saved.totalCents);
    const again = await serverSession(page);
    expect(again.id).toBe(saved.id);
    expect(again.selections).toEqual(saved.selections);
    // The picks on the visible step are checked in the UI, not just on the server.
    const radios = page.locator('[data-option-id][aria-checked="true"]');
    const checked = await radios.evaluateAll((els) => els.map((e) => e.getAttribute('data-option-id')));
    expect(checked.length).toBeGreaterThan(0);
    for (const id of checked) expect(Object.values(saved.selections)).toContain(id);
  });

  it('Should print the summary with the server total to PDF', async () => {
    const session = await serverSession(page);
    await page.goto(`${base()}/summary`, { waitUntil: 'networkidle' });
    const total = page.getByTestId('summary-total');
    await total.waitFor();
    expect(cents(await total.textContent())).toBe(session.totalCents);
    await page.getByRole('button', { name: /Print \/ Save as PDF/ }).waitFor();
    await screenshot(page, 'picker-summary');

    await page.emulateMedia({ media: 'print' });
    // The print stylesheet hides the site chrome and the buttons.
    expect(await page.getByRole('button', { name: /Print \/ Save as PDF/ }).isVisible()).toBe(false);
    await screenshot(page, 'picker-summary-print');
    const pdf = await page.pdf({ format: 'Letter', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });

  it('Should show a sticky price bar on a phone', async () => {
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base()}?step=${encodeURIComponent(catalog.steps[1]!.slug)}`, { waitUntil: 'networkidle' });
    const bar = phone.getByRole('region', { name: 'Running total' });
    await bar.waitFor();
    await phone.mouse.wheel(0, 3000);
    await phone.waitForTimeout(300);
    const box = await bar.boundingBox();
    expect(box).not.toBeNull();
    // Pinned to the bottom of the viewport even after scrolling.
    expect(box!.y + box!.height).toBeLessThanOrEqual(844 + 1);
    expect(box!.y).toBeGreaterThan(844 / 2);
    const session = await serverSession(phone);
    expect(cents(await bar.getByTestId('running-total').textContent())).toBe(session.totalCents);
    // No desktop sidebar on a phone.
    expect(await phone.getByRole('complementary', { name: 'Step overview' }).count()).toBe(0);
    await phone.screenshot({ path: (await screenshot(phone, 'picker-mobile')).replace('.png', '-viewport.png') });
    await phone.close();
  });

  async function subName(id: string): Promise<string> {
    const all = await fetchJson<{ categories: { subcategories: { id: string; name: string }[] }[] }>(page, '/api/catalog/kinkade');
    return all.categories.flatMap((c) => c.subcategories).find((s) => s.id === id)!.name;
  }
});
