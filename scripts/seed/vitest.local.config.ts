import { defineConfig } from 'vitest/config';

// Plain Node run of the seed's pure tests (no bindings):
//   npx vitest run --config scripts/seed/vitest.local.config.ts
export default defineConfig({
  test: {
    include: ['scripts/seed/*.test.ts'],
    // Needs `cloudflare:test` bindings (D1, R2): run by the repo's workerd config only.
    exclude: ['scripts/seed/*.workers.test.ts'],
    testTimeout: 60_000,
  },
});
