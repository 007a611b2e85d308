/**
 * The builder admin's catalog editors in Chromium against the seeded local stack: an admin
 * signs in, uploads a swatch (a real PNG made here; an SVG is refused with a readable
 * message), changes an option's price and sees it on the buyer page, then draws a surface
 * polygon on a room photo, drags one of its points and saves it in normalized coordinates.
 *
 * Whatever the test changes is put back afterwards (price, surfaces), so the other browser
 * tests sharing this stack see the seeded catalog. The replaced swatch cannot be restored
 * (its object is deleted), which no other test depends on.
 */
import { encode as encodePng } from 'fast-png';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, tenantOrigin } from './browser';

const origin = inject('e2eOrigin');

interface Opt { id: string; slug: string; name: string; priceCents: number; subcategoryId: string; swatchKey: string | null; swatchUrl: string | null }
interface Sub { id: string; slug: string; name: string; options: Opt[] }
interface Tree { categories: { name: string; subcategories: Sub[] }[] }
interface Surface { key: string; label: string; subcategoryId: string | null; polygons: [number, number][][]; tileScale: number }
interface Photo { id: string; width: number; height: number; surfaces: Surface[]; policy?: Record<string, unknown> | null }
interface FloorplanDetail { id: string; slug: string; steps: { id: string; slug: string; name: string; photos: Photo[] }[] }

/** A 1024x1024 PNG (the smallest room photo the API takes), in flat bands so it encodes small. */
function roomPng(): Buffer {
  const size = 1024;
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    const band = y < 600 ? [214, 208, 196] : [150, 118, 86];
    for (let x = 0; x < size; x++) data.set(band, (y * size + x) * 3);
  }
  return Buffer.from(encodePng({ width: size, height: size, data, channels: 3, depth: 8 }));
}

/** A 64x64 two-tone PNG, so the stored swatch is a real, decodable image. */
function swatchPng(): Buffer {
  const size = 64;
  const data = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 3;
      const stripe = (x + y) % 16 < 8;
      data[i] = stripe ? 180 : 120;
      data[i + 1] = stripe ? 140 : 96;
      data[i + 2] = stripe ? 100 : 70;
    }
  }
  return Buffer.from(encodePng({ width: size, height: size, data, channels: 3, depth: 8 }));
}

describe.skipIf(!origin)('the admin catalog editors in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const summit = () => tenantOrigin(origin, 'summit');

  // Chosen in beforeAll from the seeded catalog.
  let option: Opt;
  let kinkade: FloorplanDetail;
  let photo: Photo;
  let photoStepId: string;

  /** Same-origin fetch from the page (with the admin cookie): Node cannot resolve *.localhost. */
  const api = <T,>(path: string, init?: { method: string; body: unknown }): Promise<T> =>
    page.evaluate(
      `fetch(${JSON.stringify(path)}, ${JSON.stringify(init ? { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) } : {})}).then(async (r) => ({ status: r.status, body: r.status === 204 ? null : await r.json() }))`,
    ) as Promise<T>;
  const get = async <T,>(path: string): Promise<T> => {
    const res = await api<{ status: number; body: T }>(path);
    expect(res.status, path).toBe(200);
    return res.body;
  };
  const optionRow = (): Locator => page.locator(`li.cat-option[data-option-id="${option.id}"]`);

  beforeAll(async () => {
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    try {
      // Put the seeded catalog back for the other browser tests on this stack.
      if (option) await api('/api/admin/options/' + option.id, { method: 'PATCH', body: { priceCents: option.priceCents } });
      if (photo) await api('/api/admin/step-photos/' + photo.id, { method: 'PATCH', body: { surfaces: photo.surfaces } });
    } finally {
      await browser?.close();
    }
  });

  it('Should sign an admin in and show the option tree', async () => {
    await page.goto(`${summit()}/admin/login?next=${encodeURIComponent('/admin/options')}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill('admin@summit.test');
    await page.getByLabel('Password').fill('finch-demo-1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Option tree', level: 1 }).waitFor({ timeout: 20_000 });
    await page.locator('li.cat-option').first().waitFor({ timeout: 20_000 });

    const tree = await get<Tree>('/api/admin/categories');
    // An option without a Kinkade price override, so its base price is what Kinkade buyers pay.
    const subs = tree.categories.flatMap((c) => c.subcategories);
    const flooring = subs.find((s) => s.slug === 'main-flooring')!;
    option = flooring.options.find((o) => o.slug === 'flooring-lvp-weathered-ash')!;
    expect(option).toBeDefined();
    const floorplans = await get<{ floorplans: { id: string; slug: string }[] }>('/api/admin/floorplans');
    kinkade = await get<FloorplanDetail>(`/api/admin/floorplans/${floorplans.floorplans.find((f) => f.slug === 'kinkade')!.id}`);
    const overrides = await get<{ overrides: { optionId: string }[] }>(`/api/admin/pricing-overrides?floorplanId=${kinkade.id}`);
    expect(overrides.overrides.some((o) => o.optionId === option.id)).toBe(false);
    const step = kinkade.steps.find((s) => s.photos.length > 0)!;
    photoStepId = step.id;
    photo = step.photos[0]!;

    await optionRow().scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-catalog-option-tree');
  });

  it('Should refuse an SVG swatch with a readable message and store a real PNG', async () => {
    const row = optionRow();
    const input = row.locator('input[type="file"]');

    await input.setInputFiles({ name: 'swatch.png', mimeType: 'image/png', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>') });
    const alert = row.getByRole('alert').filter({ hasText: 'was refused' });
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toBe('The file was refused: upload a PNG, JPEG or WebP image.');
    // Nothing changed on the server.
    expect((await get<Opt>(`/api/admin/options/${option.id}`)).swatchKey).toBe(option.swatchKey);

    await input.setInputFiles({ name: 'weathered-ash.png', mimeType: 'image/png', buffer: swatchPng() });
    await expect.poll(async () => (await get<Opt>(`/api/admin/options/${option.id}`)).swatchKey, { timeout: 15_000 }).not.toBe(option.swatchKey);
    const stored = await get<Opt>(`/api/admin/options/${option.id}`);
    expect(stored.swatchKey).toMatch(new RegExp(`/swatches/${option.subcategoryId}/[0-9a-f-]{36}\\.png$`));
    // The row shows the new image and the error is gone.
    await expect.poll(() => row.locator('.cat-swatch img').getAttribute('src'), { timeout: 10_000 }).toBe(stored.swatchUrl);
    expect(await row.getByRole('alert').filter({ hasText: 'was refused' }).count()).toBe(0);
    const served = (await page.evaluate(`fetch(${JSON.stringify(stored.swatchUrl)}).then((r) => [r.status, r.headers.get('content-type')])`)) as [number, string];
    expect(served).toEqual([200, 'image/png']);
    await screenshot(page, 'admin-catalog-swatch');
  });

  it('Should remove a swatch image, delete its object, and take a new one', async () => {
    const row = optionRow();
    const before = await get<Opt>(`/api/admin/options/${option.id}`);
    expect(before.swatchUrl).not.toBeNull();
    await row.getByRole('button', { name: `Remove swatch image of ${option.name}` }).click();
    await expect.poll(async () => (await get<Opt>(`/api/admin/options/${option.id}`)).swatchKey, { timeout: 15_000 }).toBeNull();
    expect(await row.locator('.cat-swatch img').count()).toBe(0);
    // no-store: media is served immutable, so the browser would otherwise answer from its cache.
    const gone = await page.evaluate(`fetch(${JSON.stringify(before.swatchUrl)}, { cache: "no-store" }).then((r) => r.status)`);
    expect(gone).toBe(404);
    // Leave the option with an image again for the tests after this one.
    await row.locator('input[type="file"]').setInputFiles({ name: 'weathered-ash.png', mimeType: 'image/png', buffer: swatchPng() });
    await expect.poll(async () => (await get<Opt>(`/api/admin/options/${option.id}`)).swatchKey, { timeout: 15_000 }).not.toBeNull();
  });

  it('Should validate, then save a new price that the buyer page shows', async () => {
    const price = optionRow().getByLabel(`Price of ${option.name}`, { exact: true });
    await price.fill('19.999');
    await price.press('Enter');
    await optionRow().getByRole('alert').filter({ hasText: 'at most two decimals' }).waitFor();
    expect((await get<Opt>(`/api/admin/options/${option.id}`)).priceCents).toBe(option.priceCents);

    await price.fill('1,975.50');
    await price.press('Enter');
    await expect.poll(async () => (await get<Opt>(`/api/admin/options/${option.id}`)).priceCents, { timeout: 15_000 }).toBe(197_550);
    await expect.poll(() => price.inputValue()).toBe('1975.50');

    const buyer = await context.newPage();
    try {
      const catalog = (await buyer.goto(`${summit()}/api/catalog/kinkade`).then((r) => r!.json())) as { steps: { slug: string; sections: { subcategoryIds: string[] }[] }[] };
      const step = catalog.steps.find((s) => s.sections.some((sec) => sec.subcategoryIds.includes(option.subcategoryId)))!;
      await buyer.goto(`${summit()}/kinkade?step=${encodeURIComponent(step.slug)}`, { waitUntil: 'networkidle' });
      const card = buyer.locator(`[data-option-id="${option.id}"]`).first();
      await card.waitFor({ timeout: 20_000 });
      await card.scrollIntoViewIfNeeded();
      expect(await card.textContent()).toContain('+$1,975.50');
      await screenshot(buyer, 'admin-catalog-buyer-price');
    } finally {
      await buyer.close();
    }
  });

  it('Should draw a surface polygon on a room photo, drag a point and save it normalized', async () => {
    await page.goto(`${summit()}/admin/photos?floorplan=${kinkade.id}&step=${photoStepId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Photos', level: 1 }).waitFor();
    await page.getByRole('button', { name: /^Edit surfaces/ }).first().click();

    const add = page.getByRole('form', { name: 'Add a surface' });
    await add.getByLabel('New surface name').fill('E2E island');
    await add.getByLabel('Shows subcategory').selectOption(option.subcategoryId);
    await add.getByRole('button', { name: 'Add surface and draw' }).click();

    const canvas = page.getByTestId('surface-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const corners: [number, number][] = [
      [0.2, 0.6],
      [0.5, 0.6],
      [0.5, 0.9],
      [0.2, 0.9],
    ];
    for (const [x, y] of corners) await canvas.click({ position: { x: x * box.width, y: y * box.height } });
    await page.getByRole('button', { name: 'Close shape' }).click();
    await page.getByText('1 shape', { exact: true }).waitFor();

    // Drag the third corner down and to the right (page coordinates: measure again, the
    // panel beside the photo may have changed the layout).
    const at = (await canvas.boundingBox())!;
    await page.mouse.move(at.x + 0.5 * at.width, at.y + 0.9 * at.height);
    await page.mouse.down();
    await page.mouse.move(at.x + 0.55 * at.width, at.y + 0.92 * at.height, { steps: 5 });
    await page.mouse.up();

    await page.getByRole('button', { name: 'Save surfaces' }).click();
    await expect.poll(() => page.getByTestId('surface-status').textContent(), { timeout: 15_000 }).toBe('Surfaces saved.');
    await screenshot(page, 'admin-catalog-surface');

    const saved = await get<Photo>(`/api/admin/step-photos/${photo.id}`);
    // The seeded surfaces are untouched and the new one is appended.
    expect(saved.surfaces.slice(0, photo.surfaces.length)).toEqual(photo.surfaces);
    const island = saved.surfaces.find((s) => s.key === 'e2e_island')!;
    expect(island).toMatchObject({ label: 'E2E island', subcategoryId: option.subcategoryId, tileScale: 0.1 });
    expect(island.polygons).toHaveLength(1);
    const expected: [number, number][] = [corners[0]!, corners[1]!, [0.55, 0.92], corners[3]!];
    const points = island.polygons[0]!;
    expect(points).toHaveLength(4);
    points.forEach(([x, y], i) => {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(1);
      // Within a couple of pixels of where the pointer was (the canvas is ~900 px wide).
      expect(Math.abs(x - expected[i]![0]), `x of point ${i}`).toBeLessThan(0.006);
      expect(Math.abs(y - expected[i]![1]), `y of point ${i}`).toBeLessThan(0.006);
    });
  });

  it('Should save visualizer instructions for a photo and clear them again', async () => {
    await page.goto(`${summit()}/admin/photos?floorplan=${kinkade.id}&step=${photoStepId}`, { waitUntil: 'networkidle' });
    const card = page.getByRole('article').first();
    await card.locator('summary', { hasText: 'Visualizer instructions' }).click();
    await card.getByLabel('Rules, one per line').fill('The island stays where it is.\n\n  Keep the pendant lights.  ');
    await card.getByLabel(/Start Gemini from the composited image/).check();
    await card.getByRole('button', { name: /^Save instructions/ }).click();
    await expect.poll(async () => (await get<Photo>(`/api/admin/step-photos/${photo.id}`)).policy, { timeout: 15_000 }).toEqual({
      rules: ['The island stays where it is.', 'Keep the pendant lights.'],
      startFromComposite: true,
    });
    // The form shows what was stored, with no unsaved changes left.
    // (The API answers before React re-renders, so these wait for the form too.)
    await expect.poll(() => card.getByLabel('Rules, one per line').inputValue()).toBe('The island stays where it is.\nKeep the pendant lights.');
    await expect.poll(() => card.getByText('Unsaved changes').count()).toBe(0);
    await screenshot(page, 'admin-catalog-policy');

    await card.getByLabel('Rules, one per line').fill('');
    await card.getByLabel(/Start Gemini from the composited image/).uncheck();
    await card.getByRole('button', { name: /^Save instructions/ }).click();
    await expect.poll(async () => (await get<Photo>(`/api/admin/step-photos/${photo.id}`)).policy, { timeout: 15_000 }).toBeNull();
  });

  it('Should upload a room photo, drag it ahead of the hero, and delete it again', async () => {
    interface StepDetail { photos: { id: string; isHero: boolean }[] }
    await page.goto(`${summit()}/admin/photos?floorplan=${kinkade.id}&step=${photoStepId}`, { waitUntil: 'networkidle' });
    const before = (await get<StepDetail>(`/api/admin/steps/${photoStepId}`)).photos;
    await page.locator('.cat-upload input[type="file"]').setInputFiles({ name: 'e2e-room.png', mimeType: 'image/png', buffer: roomPng() });
    await expect.poll(async () => (await get<StepDetail>(`/api/admin/steps/${photoStepId}`)).photos.length, { timeout: 20_000 }).toBe(before.length + 1);
    const uploaded = (await get<StepDetail>(`/api/admin/steps/${photoStepId}`)).photos.at(-1)!;
    expect(uploaded.isHero).toBe(false);

    const items = page.locator('ol.cat-photo-grid > li');
    await expect.poll(() => items.count()).toBe(before.length + 1);
    // HTML5 drag and drop by hand: the new photo's handle onto the first card. (locator.dragTo
    // jumps straight to the target, too fast for Chromium to begin a native drag here.)
    const from = (await items.last().locator('.cat-handle').boundingBox())!;
    const to = (await items.first().boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + from.height / 2 + 5, { steps: 5 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 3, { steps: 10 });
    await page.mouse.up();
    await expect.poll(async () => (await get<StepDetail>(`/api/admin/steps/${photoStepId}`)).photos[0]!.id, { timeout: 15_000 }).toBe(uploaded.id);
    // Moving is not promoting: the hero stays the seeded photo.
    const after = (await get<StepDetail>(`/api/admin/steps/${photoStepId}`)).photos;
    expect(after.find((p) => p.isHero)!.id).toBe(before.find((p) => p.isHero)!.id);

    const card = items.first();
    await card.getByRole('button', { name: 'Delete photo' }).click();
    await card.getByRole('button', { name: /^Confirm deleting/ }).click();
    await expect.poll(async () => (await get<StepDetail>(`/api/admin/steps/${photoStepId}`)).photos.map((p) => p.id), { timeout: 15_000 }).toEqual(before.map((p) => p.id));
  });
});
