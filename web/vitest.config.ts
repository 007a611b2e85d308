import { defineConfig } from 'vitest/config';

// Pure unit tests for the web app (no DOM, no Workers runtime).
// Run from the repo root: `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  root: '.',
  test: {
    include: ['web/src/**/*.test.ts'],
    environment: 'node',
  },
});
