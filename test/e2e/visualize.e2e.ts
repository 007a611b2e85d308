import type { Browser, BrowserContext, Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { resolve } from 'node:path';
import { SHOTS, launch, screenshot, tenantOrigin } from './browser';

const origin = inject('e2eOrigin');
// The local stack has no GEMINI_API_KEY: images come from the built-in compositor via the queue.
const IMAGE_TIMEOUT = 45_000;

describe.skipIf(!origin)('Visualize in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The Visualize API traffic, shown when a wait times out (was it the page or the server?). */
  let trail: string[] = [];

  async function open(path: string, viewport = { width: 1280, height: 900 }) {
    context = await browser.newContext({ viewport });
    page = await context.newPage();
    trail = [];
    page.on('response', async (r) => {
      const { pathname } = new URL(r.url());
      if (!pathname.startsWith('/api/generate/')) return;
      trail.push(`${pathname} ${r.status()} ${(await r.text().catch(() => '')).slice(0, 160)}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') trail.push(`console: ${m.text().slice(0, 200)}`);
    });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${tenantOrigin(origin, 'summit')}${path}`, { waitUntil: 'networkidle' });
    return { scripts };
  }

  /** A close-up of one element next to the full-page shots. */
  const closeUp = (target: Locator, name: string) => target.screenshot({ path: resolve(SHOTS, `${name}.png`) });
  const status = (card: Locator) => card.getAttribute('data-status');
  const naturalWidth = (img: Locator) => img.evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth);

  /** Waits until the card's image of the buyer's choices has really loaded. */
  async function visualized(card: Locator): Promise<string> {
    const image = card.getByTestId('visualized-image');
    try {
      await image.waitFor({ timeout: IMAGE_TIMEOUT });
    } catch (error) {
      throw new Error(`${(error as Error).message}\nstatus=${await status(card)}\n${trail.slice(-12).join('\n')}`);
    }
    await expect.poll(() => naturalWidth(image), { timeout: 10_000 }).toBeGreaterThan(0);
    return (await image.getAttribute('src'))!;
  }

  it('Should visualize the kitchen photo, keep it across a reload, flag it stale and show it in the summary', async () => {
    const { scripts } = await open('/kinkade?step=kitchen');
    const card = page.getByTestId('photo-card').first();
    await card.waitFor();
    expect(await status(card)).toBe('idle');

    const generate = page.waitForResponse((r: Response) => new URL(r.url()).pathname === '/api/generate/photo');
    await card.getByTestId('visualize-button').click();
    const response = await generate;
    expect([200, 202], `generate answered ${response.status()}: ${await response.text()}`).toContain(response.status());
    if (response.status() === 202) {
      // The progress state (unless the compositor already finished).
      const shown = await status(card);
      expect(['pending', 'complete']).toContain(shown);
      if (shown === 'pending') await closeUp(card, 'visualize-card-pending');
    }

    const src = await visualized(card);
    expect(src).toMatch(/^\/media\//);
    expect(await status(card)).toBe('complete');
    expect(await card.getByTestId('visualized-image').getAttribute('alt')).toMatch(/visualized with your choices/);
    await screenshot(page, 'visualize-kitchen-complete');
    await closeUp(card, 'visualize-card-complete');

    // Lightbox: opens on the image, toggles to the original, Esc closes, focus returns.
    await card.getByTestId('visualized-image').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('lightbox-image').getAttribute('src')).toBe(src);
    await page.screenshot({ path: resolve(SHOTS, 'visualize-lightbox.png') });
    await dialog.getByRole('button', { name: 'Original photo' }).click();
    expect(await dialog.getByTestId('lightbox-image').getAttribute('src')).not.toBe(src);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate('document.activeElement?.querySelector("[data-testid=visualized-image]") !== null')).toBe(true);

    // A reload restores the image from the session's memory (after a check with the server).
    await page.reload({ waitUntil: 'networkidle' });
    const again = page.getByTestId('photo-card').first();
    expect(await visualized(again)).toBe(src);
    expect(await status(again)).toBe('complete');
    await screenshot(page, 'visualize-after-reload');

    // A different countertop makes the image stale; one click brings it up to date.
    const countertops = page.getByRole('radiogroup', { name: 'Kitchen Countertops' });
    await countertops.getByRole('radio', { checked: false }).first().click();
    await expect.poll(() => status(again)).toBe('stale');
    await closeUp(again, 'visualize-card-stale');
    await again.getByTestId('visualize-button').click();
    await expect.poll(() => status(again), { timeout: IMAGE_TIMEOUT }).toBe('complete');
    const updated = await visualized(again);
    expect(updated).not.toBe(src);

    // The summary lists the room images generated so far.
    await page.getByRole('link', { name: 'View summary' }).click();
    const summaryImage = page.getByTestId('summary-image').first();
    await summaryImage.waitFor({ timeout: IMAGE_TIMEOUT });
    expect(await summaryImage.getAttribute('src')).toBe(updated);
    await screenshot(page, 'visualize-summary');

    // The buyer bundle stays free of 3D code.
    expect(scripts.filter((s) => /babylon|ProjectViewer/i.test(s))).toEqual([]);
    await context.close();
  });

  it('Should visualize every room from the gallery with Visualize all', async () => {
    await open('/kinkade?step=gallery');
    const cards = page.getByTestId('photo-card');
    const count = await cards.count();
    expect(count).toBeGreaterThan(1);
    await page.getByTestId('visualize-all').click();
    for (let i = 0; i < count; i++) {
      await expect.poll(() => status(cards.nth(i)), { timeout: IMAGE_TIMEOUT }).toBe('complete');
      await cards.nth(i).scrollIntoViewIfNeeded();
      await visualized(cards.nth(i));
    }
    expect(await page.getByTestId('visualize-all-progress').textContent()).toContain(`${count} of ${count}`);
    await screenshot(page, 'visualize-gallery-all');
    await context.close();
  });
});
