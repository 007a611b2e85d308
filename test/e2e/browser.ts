import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// Overridable so two checkouts (or two people) can run the browser tests side by side.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 8788);
export const SHOTS = resolve(import.meta.dirname, '../../test-results');

export function chromiumPath(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  return candidates.find((p) => existsSync(p)) ?? null;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath()!,
    headless: true,
    // The machine has no network and no GPU: keep Chromium off both (SwiftShader renders WebGL).
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = resolve(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** `summit` -> http://summit.localhost:8788 (Chromium resolves *.localhost to loopback itself). */
export function tenantOrigin(origin: string, slug?: string): string {
  return slug ? origin.replace('://', `://${slug}.`) : origin;
}
