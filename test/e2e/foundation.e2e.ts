import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, tenantOrigin } from './browser';

const origin = inject('e2eOrigin');
const projectId = inject('e2eProjectId');

describe.skipIf(!origin)('the local stack in Chromium', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Same-origin fetch from the page: Node cannot resolve *.localhost, Chromium can. */
  async function fetchInPage(p: Page, path: string): Promise<any> {
    return p.evaluate(`fetch(${JSON.stringify(path)}).then((r) => r.json())`);
  }

  async function open(url: string, viewport = { width: 1280, height: 800 }) {
    page = await browser.newPage({ viewport });
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    const response = await page.goto(url, { waitUntil: 'networkidle' });
    return { response, scripts };
  }

  it('Should show the summit floorplan chooser in its own brand colours', async () => {
    const { response, scripts } = await open(tenantOrigin(origin, 'summit'));
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Choose your floorplan' }).waitFor();
    const cards = page.getByRole('list', { name: 'Floorplans' }).getByRole('listitem');
    expect(await cards.count()).toBeGreaterThanOrEqual(2);

    const api = await fetchInPage(page, '/api/floorplans');
    // Evaluated in the page (a string, so this Node-side file needs no DOM types).
    const primary = String(
      await page.evaluate(
        "getComputedStyle(document.querySelector('[style*=\"--color-primary\"]') ?? document.documentElement).getPropertyValue('--color-primary').trim()",
      ),
    );
    expect(primary.toLowerCase()).toBe(api.org.theme.primaryColor.toLowerCase());
    // Buyer pages never pull the 3D engine.
    expect(scripts.filter((s) => /babylon|ProjectViewer/i.test(s))).toEqual([]);
    await screenshot(page, 'summit-chooser');
    await page.close();
  });

  it('Should open a floorplan from the chooser', async () => {
    await open(tenantOrigin(origin, 'summit'));
    const first = page.getByRole('list', { name: 'Floorplans' }).getByRole('link').first();
    const name = await first.textContent();
    await first.click();
    await page.getByRole('heading', { name: name!.trim() }).first().waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/');
    await page.close();
  });

  it('Should keep the second tenant separate', async () => {
    await open(tenantOrigin(origin, 'summit'));
    const summitApi = await fetchInPage(page, '/api/floorplans');
    await page.close();
    await open(tenantOrigin(origin, 'harbor'));
    const harborApi = await fetchInPage(page, '/api/floorplans');
    expect(harborApi.org.slug).toBe('harbor');
    const summitSlugs = new Set(summitApi.floorplans.map((f: { slug: string }) => f.slug));
    expect(harborApi.floorplans.some((f: { slug: string }) => summitSlugs.has(f.slug))).toBe(false);
    await screenshot(page, 'harbor-landing');
    await page.close();
  });

  it('Should answer an unknown tenant with a JSON 404', async () => {
    const { response } = await open(`${tenantOrigin(origin, 'nobody')}/api/floorplans`);
    expect(response?.status()).toBe(404);
    expect(response?.headers()['content-type']).toContain('application/json');
    expect((await response!.json()).error.code).toBe('tenant_not_found');
    await page.close();
  });

  it('Should report every binding green at /api/health', async () => {
    const { response } = await open(`${origin}/api/health`);
    expect(response?.status()).toBe(200);
    const body = await response!.json();
    expect(body.status).toBe('ok');
    expect(Object.values(body.checks).every((c: any) => c.ok)).toBe(true);
    await page.close();
  });

  it('Should show the product landing on the bare domain', async () => {
    await open(origin);
    await page.getByText(/upgrade visualization for home builders/i).first().waitFor();
    await page.close();
  });

  it('Should lazy-load the 3D viewer only on a project page', async () => {
    expect(projectId).not.toBe('');
    // Projects are for the builder's staff: signed out, the page asks for a sign-in.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await page.goto(`${tenantOrigin(origin, 'summit')}/projects/${projectId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Sign in to open projects' }).waitFor();
    const login = await page.evaluate(
      `fetch('/api/admin/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'viewer@summit.test', password: 'finch-demo-1234' }) }).then((r) => r.status)`,
    );
    expect(login).toBe(200);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('canvas').first().waitFor();
    expect(scripts.some((s) => /babylon/i.test(s))).toBe(true);
    await screenshot(page, 'project-viewer');
    await context.close();
  });
});
