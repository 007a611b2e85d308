import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, screenshot, tenantOrigin } from './browser';

const origin = inject('e2eOrigin');
const PASSWORD = 'finch-demo-1234';

describe.skipIf(!origin)('the admin shell in Chromium', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  // Leave the page a failing test ended on in test-results/, then close every browser it opened.
  afterEach(async (ctx) => {
    const pages = contexts.flatMap((c) => c.pages());
    if (ctx.task.result?.state === 'fail' && pages.length) {
      const last = pages[pages.length - 1]!;
      await screenshot(last, `admin-failed-${ctx.task.name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => {});
      console.error(`[admin-shell] failed on ${last.url()}:`, (await last.locator('body').innerText().catch(() => '')).slice(0, 400));
    }
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** A fresh browser (own cookies) on a tenant's host. */
  async function fresh(viewport = { width: 1280, height: 860 }): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  }

  const at = (slug: string, path: string) => `${tenantOrigin(origin, slug)}${path}`;

  /** Same-origin fetch from the page (Node cannot resolve *.localhost, Chromium can). */
  const fetchIn = (p: Page, path: string, init?: { method: string; body?: unknown }): Promise<{ status: number; body: any }> =>
    p.evaluate(
      `fetch(${JSON.stringify(path)}, ${JSON.stringify(
        init ? { method: init.method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body ?? {}) } : {},
      )}).then(async (r) => ({ status: r.status, body: await r.text().then((t) => (t ? JSON.parse(t) : null)) }))`,
    ) as Promise<{ status: number; body: any }>;

  async function fillSignIn(p: Page, email: string, password = PASSWORD) {
    await p.getByLabel('Email').fill(email);
    await p.getByLabel('Password').fill(password);
    await p.getByRole('button', { name: 'Sign in' }).click();
  }

  /** The sign-in form's error line once it says something. */
  const formError = (p: Page) => p.locator('[role="alert"].form__error:not(:empty)').first();

  async function signIn(p: Page, slug: string, email: string): Promise<void> {
    await p.goto(at(slug, '/admin/login'), { waitUntil: 'networkidle' });
    await fillSignIn(p, email);
    const dashboard = p.getByRole('heading', { level: 1, name: 'Dashboard' });
    await dashboard.or(formError(p)).first().waitFor();
    // Fail with the page's own message rather than a bare timeout.
    if (!(await dashboard.isVisible())) throw new Error(`sign-in as ${email} failed: ${await formError(p).textContent()}`);
  }

  it('Should send a signed-out visitor to sign-in, then on to the page they asked for', async () => {
    const page = await fresh();
    await page.goto(at('summit', '/admin/sessions?email=nobody'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/admin/login');
    expect(url.searchParams.get('next')).toBe('/admin/sessions?email=nobody');

    await fillSignIn(page, 'admin@summit.test');
    await page.getByRole('heading', { level: 1, name: 'Buyer sessions' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/sessions');
    expect(await page.getByLabel('Buyer email contains').inputValue()).toBe('nobody');
  });

  it("Should sign the summit admin in to a dashboard in summit's colours", async () => {
    const page = await fresh();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    // A buyer saves a session with their email; the buyer site does not load the admin chunk.
    await page.goto(at('summit', '/'), { waitUntil: 'networkidle' });
    const buyerScripts = [...scripts];
    const fp = (await fetchIn(page, '/api/floorplans')).body.floorplans[0].slug;
    const buyer = await fetchIn(page, '/api/sessions', { method: 'POST', body: { floorplanSlug: fp } });
    const buyerEmail = `buyer.${Date.now()}@example.test`;
    expect((await fetchIn(page, `/api/sessions/${buyer.body.id}/email`, { method: 'POST', body: { email: buyerEmail } })).status).toBe(202);
    await signIn(page, 'summit', 'admin@summit.test');

    const header = page.getByRole('banner');
    const tenant = await fetchIn(page, '/api/floorplans');
    await header.getByText(tenant.body.org.name).waitFor();
    const primary = String(
      await page.evaluate(
        "getComputedStyle(document.querySelector('.app')).getPropertyValue('--color-primary').trim()",
      ),
    );
    expect(primary.toLowerCase()).toBe(tenant.body.org.theme.primaryColor.toLowerCase());

    for (const label of ['Active buyer sessions', 'Saved with an email', 'Ready', 'Generating', 'Failed']) {
      await page.getByText(label, { exact: true }).first().waitFor();
    }
    expect(Number(await page.getByTestId('stat-sessions').textContent())).toBeGreaterThanOrEqual(1);
    expect(Number(await page.getByTestId('stat-saved').textContent())).toBeGreaterThanOrEqual(1);
    await page.getByRole('region', { name: 'Latest buyer sessions' }).getByRole('link', { name: buyerEmail }).waitFor();
    expect(await page.getByText('Read-only access').count()).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Admin' });
    expect(await nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');

    const adminScripts = scripts.slice(buyerScripts.length).filter((s) => /AdminApp/.test(s));
    expect(adminScripts.length).toBeGreaterThan(0);
    expect(buyerScripts.filter((s) => /AdminApp/.test(s))).toEqual([]);
    await screenshot(page, 'admin-dashboard');

    // Users: the admin sees controls; a dead role change (last admin) would be refused server-side.
    await nav.getByRole('link', { name: 'Users & invites' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users & invites' }).waitFor();
    await page.getByRole('button', { name: 'Send invite' }).waitFor();
    expect(await page.getByRole('combobox', { name: /Role for viewer@summit.test/ }).inputValue()).toBe('viewer');
  });

  it('Should show an error for a wrong password and keep the visitor signed out', async () => {
    const page = await fresh();
    await page.goto(at('summit', '/admin/login'), { waitUntil: 'networkidle' });
    await fillSignIn(page, 'admin@summit.test', 'not-the-password');
    await formError(page).waitFor();
    expect(await formError(page).textContent()).toBe('Email or password is incorrect.');
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect((await fetchIn(page, '/api/admin/me')).status).toBe(401);
    await screenshot(page, 'admin-login-error');
  });

  it("Should not let harbor's admin sign in on summit's host", async () => {
    const page = await fresh();
    await page.goto(at('summit', '/admin/login'), { waitUntil: 'networkidle' });
    await fillSignIn(page, 'admin@harbor.test');
    await formError(page).waitFor();
    expect(await formError(page).textContent()).toBe('Email or password is incorrect.');
    expect((await fetchIn(page, '/api/admin/me')).status).toBe(401);

    // The same person signs in on their own host, in harbor's brand.
    await signIn(page, 'harbor', 'admin@harbor.test');
    const me = await fetchIn(page, '/api/admin/me');
    expect(me.body.org.slug).toBe('harbor');
    await page.getByRole('banner').getByText(me.body.org.name).waitFor();
  });

  it('Should give the viewer a read-only console', async () => {
    const page = await fresh();
    await signIn(page, 'summit', 'viewer@summit.test');
    await page.getByText('Read-only access.').first().waitFor();

    await page.goto(at('summit', '/admin/users'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Users & invites' }).waitFor();
    await page.getByRole('cell', { name: 'admin@summit.test' }).waitFor();
    expect(await page.getByRole('button', { name: 'Send invite' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await page.getByRole('combobox').count()).toBe(0);
    await page.getByText('Read-only access.').first().waitFor();
    await screenshot(page, 'admin-viewer-users');

    await page.goto(at('summit', '/admin/images'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Generated images' }).waitFor();
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    // And the server agrees: a viewer's write is a 403.
    const write = await fetchIn(page, '/api/admin/invites', { method: 'POST', body: { email: 'x@summit.test', role: 'viewer' } });
    expect(write.status).toBe(403);
  });

  it('Should sign out from the header menu with the keyboard', async () => {
    const page = await fresh();
    await signIn(page, 'summit', 'admin@summit.test');
    const menu = page.getByRole('button', { name: /account menu/ });
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    // Escape closes it and keeps focus on the button.
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate('document.activeElement?.getAttribute("aria-expanded")')).toBe('false');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const signOut = page.getByRole('button', { name: 'Sign out' });
    expect(await signOut.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByText('You have signed out.').waitFor();
    expect((await fetchIn(page, '/api/admin/me')).status).toBe(401);
    await page.goto(at('summit', '/admin'), { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  });

  /** Joined by the invite test; the reset test changes this person's password, never a demo login's. */
  let invitee = '';

  it('Should invite someone, open the link from the outbox and join as a viewer', async () => {
    const page = await fresh();
    await signIn(page, 'summit', 'admin@summit.test');
    await page.goto(at('summit', '/admin/users'), { waitUntil: 'networkidle' });
    invitee = `new.hire.${Date.now()}@summit.test`;
    const form = page.getByRole('region', { name: 'Invite someone' });
    await form.getByLabel('Email').fill(invitee);
    await form.getByLabel('Role').selectOption('viewer');
    await form.getByRole('button', { name: 'Send invite' }).click();
    await page.getByText(`Invite sent to ${invitee}`).waitFor();
    await page.getByRole('region', { name: 'Pending invites' }).getByRole('rowheader', { name: invitee }).waitFor();

    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Outbox' }).click();
    const mail = page.getByRole('article').filter({ hasText: invitee }).first();
    await mail.waitFor();
    await screenshot(page, 'admin-outbox');
    const link = mail.getByRole('link', { name: /\/admin\/invite\// });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/admin\/invite\/[A-Za-z0-9_-]{43}$/);
    await link.click();

    await page.getByRole('heading', { level: 1, name: /^Join / }).waitFor();
    await page.getByLabel('Your name').fill('New Hire');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('Confirm new password').fill('short');
    await page.getByRole('button', { name: /^Join / }).click();
    await page.getByRole('alert').filter({ hasText: 'at least 12 characters' }).waitFor();

    await page.getByLabel('New password', { exact: true }).fill('a long enough passphrase');
    await page.getByLabel('Confirm new password').fill('a long enough passphrase');
    await page.getByRole('button', { name: /^Join / }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const me = await fetchIn(page, '/api/admin/me');
    expect(me.body).toMatchObject({ role: 'viewer', user: { email: invitee, name: 'New Hire' } });
    await page.getByText('Read-only access.').first().waitFor();

    // The link was single-use.
    await page.goto(at('summit', href), { waitUntil: 'networkidle' });
    await page.getByText(/invalid, has already been used, or has expired/).waitFor();
  });

  it("Should list a buyer's session and show its read-only detail", async () => {
    const page = await fresh();
    await page.goto(at('summit', '/'), { waitUntil: 'networkidle' });
    const slug: string = (await fetchIn(page, '/api/floorplans')).body.floorplans[0].slug;
    const created = await fetchIn(page, '/api/sessions', { method: 'POST', body: { floorplanSlug: slug } });
    expect(created.status).toBe(201);
    // One priced upgrade (the first one the rules accept on its own).
    const catalog = (await fetchIn(page, `/api/catalog/${slug}`)).body;
    const upgrades = catalog.categories.flatMap((c: any) =>
      c.subcategories.filter((s: any) => !s.isAdditive).flatMap((s: any) => s.options.filter((o: any) => o.priceCents > 0).map((o: any) => ({ s, o }))),
    );
    let saved: { status: number; body: any } | null = null;
    let picked: any = null;
    for (const u of upgrades) {
      const put = await fetchIn(page, `/api/sessions/${created.body.id}`, { method: 'PUT', body: { selections: { [u.s.id]: u.o.id } } });
      if (put.status === 200) {
        saved = put;
        picked = u.o;
        break;
      }
    }
    expect(saved?.body.totalCents).toBeGreaterThan(0);

    await signIn(page, 'summit', 'admin@summit.test');
    await page.goto(at('summit', '/admin/sessions'), { waitUntil: 'networkidle' });
    await page.locator(`a[href="/admin/sessions/${created.body.id}"]`).click();
    await page.getByText("Total at today's prices").waitFor();
    const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^0-9.]/g, '')) * 100);
    expect(cents(await page.getByTestId('session-total').textContent())).toBe(saved!.body.totalCents);
    expect(await page.getByTestId('session-upgrades').textContent()).toMatch(/^1 of \d+ choices$/);
    await page.getByRole('cell', { name: picked.name }).first().waitFor();
    await screenshot(page, 'admin-session-detail');

    await page.getByLabel('Show only priced upgrades').check();
    const bodyRows = page.locator('table tbody tr');
    await expect.poll(() => bodyRows.count(), { timeout: 10_000 }).toBe(1);
    expect(await bodyRows.first().textContent()).toContain(picked.name);
  });

  it('Should open every catalog editor inside the shell, each as its own chunk', async () => {
    const page = await fresh();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await signIn(page, 'summit', 'admin@summit.test');
    // The dashboard does not pull the catalog editors.
    expect(scripts.filter((s) => /(OptionTree|Floorplans|Steps|Photos|Pricing)Page/.test(s))).toEqual([]);
    // The guard asks who is signed in once, not on every page change.
    let meCalls = 0;
    page.on('request', (r) => {
      if (new URL(r.url()).pathname === '/api/admin/me') meCalls++;
    });
    const nav = page.getByRole('navigation', { name: 'Admin' });
    for (const [label, path] of [
      ['Option tree', '/admin/options'],
      ['Floorplans', '/admin/floorplans'],
      ['Steps', '/admin/steps'],
      ['Photos', '/admin/photos'],
      ['Pricing', '/admin/pricing'],
    ] as const) {
      const link = nav.getByRole('link', { name: label, exact: true });
      await link.click();
      await page.waitForURL((u) => u.pathname === path);
      // Navigation is a transition: the previous page stays until the editor's chunk arrives.
      await expect.poll(() => link.getAttribute('aria-current'), { timeout: 15_000 }).toBe('page');
      await page.locator('main h1').first().waitFor();
      expect(await page.getByText('Something went wrong in the admin console').count()).toBe(0);
    }
    expect(scripts.some((s) => /PricingPage/.test(s))).toBe(true);
    expect(meCalls).toBe(0);
  });

  it('Should list a generated image, filter by status and let an admin delete it', async () => {
    const page = await fresh();
    await page.goto(at('summit', '/'), { waitUntil: 'networkidle' });
    const slug: string = (await fetchIn(page, '/api/floorplans')).body.floorplans[0].slug;
    const catalog = (await fetchIn(page, `/api/catalog/${slug}`)).body;
    const photo = catalog.steps.flatMap((s: any) => s.photos)[0];
    const made = await fetchIn(page, '/api/generate/photo', { method: 'POST', body: { floorplanSlug: slug, stepPhotoId: photo.id, selections: {} } });
    expect([200, 202]).toContain(made.status);

    await signIn(page, 'summit', 'admin@summit.test');
    // The built-in compositor finishes through the queue; wait for the cache entry to be ready.
    let image: any = null;
    await expect
      .poll(
        async () => {
          const list = await fetchIn(page, '/api/admin/images?status=complete');
          image = list.body.images.find((i: any) => i.stepPhotoId === photo.id) ?? null;
          return image !== null;
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true);

    await page.goto(at('summit', '/admin/images'), { waitUntil: 'networkidle' });
    await page.getByRole('group', { name: 'Show' }).waitFor();
    await page.getByLabel('Failed', { exact: true }).check();
    await page.waitForURL((u) => u.searchParams.get('status') === 'failed');
    await page.getByLabel('Ready', { exact: true }).check();
    await page.waitForURL((u) => u.searchParams.get('status') === 'complete');
    const card = page.locator('.admin-image').filter({ has: page.locator(`img[src="${image.url}"]`) });
    await card.waitFor();
    await expect.poll(() => card.locator('img').evaluate((el) => (el as unknown as { naturalWidth: number }).naturalWidth), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(page, 'admin-images');

    await card.getByRole('button', { name: 'Delete' }).click();
    // Two steps: focus moves to the confirm button; Escape would cancel.
    const confirm = card.getByRole('button', { name: /^Confirm deleting/ });
    expect(await confirm.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await card.waitFor({ state: 'detached' });
    const after = await fetchIn(page, '/api/admin/images');
    expect(after.body.images.some((i: any) => i.id === image.id)).toBe(false);
  });

  it('Should fit a phone screen with the menu behind a button', async () => {
    const page = await fresh({ width: 390, height: 844 });
    await signIn(page, 'summit', 'admin@summit.test');
    const nav = page.getByRole('navigation', { name: 'Admin' });
    expect(await nav.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Menu', exact: true }).click();
    await nav.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    await page.getByRole('article').first().waitFor();
    expect(await nav.isVisible()).toBe(false);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'admin-phone-outbox');
  });

  // Other test files sign in with the demo logins, so this resets the invited person's password.
  it('Should reset a forgotten password through the emailed link', async () => {
    expect(invitee, 'the invite test joins the person whose password is reset').not.toBe('');
    const person = await fresh();
    await person.goto(at('summit', '/admin/login'), { waitUntil: 'networkidle' });
    await person.getByRole('link', { name: 'Forgot your password?' }).click();
    await person.getByLabel('Email').fill(invitee);
    await person.getByRole('button', { name: 'Send reset link' }).click();
    await person.getByRole('heading', { level: 1, name: 'Check your email' }).waitFor();

    // The admin reads the local outbox (the mail is written just after the 202).
    const admin = await fresh();
    await signIn(admin, 'summit', 'admin@summit.test');
    const mail = admin.getByRole('article').filter({ hasText: invitee }).filter({ hasText: 'Reset your' }).first();
    await expect
      .poll(
        async () => {
          await admin.goto(at('summit', '/admin/outbox'), { waitUntil: 'networkidle' });
          await admin.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
          return mail.count();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
    const href = (await mail.getByRole('link', { name: /\/admin\/reset-password\// }).getAttribute('href'))!;

    await person.goto(at('summit', href), { waitUntil: 'networkidle' });
    await person.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    await person.getByText(invitee).waitFor();
    await person.getByLabel('New password', { exact: true }).fill('another long passphrase');
    await person.getByLabel('Confirm new password').fill('another long passphrase!');
    await person.getByRole('button', { name: 'Save password and sign in' }).click();
    await formError(person).waitFor();
    expect(await formError(person).textContent()).toBe('The two passwords do not match.');
    await person.getByLabel('Confirm new password').fill('another long passphrase');
    await person.getByRole('button', { name: 'Save password and sign in' }).click();
    await person.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect((await fetchIn(person, '/api/admin/me')).body.user.email).toBe(invitee);
  });
});
