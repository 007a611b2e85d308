import { defineConfig } from 'vitest/config';

/**
 * Runs only the seed image tests in plain Node, without the repo's workerd
 * pool (vitest.config.ts), which these pure functions do not need:
 *   npx vitest run --config scripts/seed/images/vitest.local.config.ts
 */
export default defineConfig({
  test: {
    include: ['scripts/seed/images/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
