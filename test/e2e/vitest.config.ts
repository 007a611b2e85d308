import { defineConfig } from 'vitest/config';

// Browser tests run in Node and drive Debian's Chromium against a real `wrangler dev`
// (its own port and state directory, so a running `npm start` is left alone).
export default defineConfig({
  test: {
    root: '.',
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
