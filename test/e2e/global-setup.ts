import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { applyMigrations, buildWeb, ensureDevVars, queryLocal, ROOT, seedLocal, startWrangler, type RunningStack } from '../../scripts/lib/local';
import { E2E_PORT, chromiumPath } from './browser';

let stack: RunningStack | undefined;

export async function setup(project: TestProject): Promise<void> {
  const chromium = chromiumPath();
  if (!chromium) {
    if (process.env.CI === 'true') throw new Error('Chromium is required under CI=true: apt-get install chromium');
    console.warn('\n\x1b[41m SKIPPING BROWSER TESTS \x1b[0m Chromium not found at /usr/bin/chromium (apt-get install chromium)\n');
    project.provide('e2eOrigin', '');
    project.provide('e2eProjectId', '');
    return;
  }
  const persistTo = resolve(ROOT, '.e2e', `state-${E2E_PORT}`);
  rmSync(persistTo, { recursive: true, force: true });
  ensureDevVars();
  buildWeb();
  const options = { persistTo, port: E2E_PORT };
  applyMigrations(options);
  await seedLocal(options, { reset: false });
  const [demo] = await queryLocal<{ id: string }>(options, "SELECT p.id FROM projects p JOIN organizations o ON o.id = p.org_id WHERE o.slug = 'summit' LIMIT 1");
  project.provide('e2eProjectId', demo?.id ?? '');
  stack = await startWrangler(options, { quiet: true });
  project.provide('e2eOrigin', stack.origin());
}

export async function teardown(): Promise<void> {
  await stack?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eOrigin: string;
    e2eProjectId: string;
  }
}
