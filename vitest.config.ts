import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';

/**
 * Worker, Durable Object and seed tests run inside workerd against real local D1, R2,
 * Queues and Durable Objects from wrangler.toml. Only the outside world is faked:
 * any fetch that leaves the Worker fails loudly unless a test routes it to a stub.
 */
export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          SESSION_SECRET: 'test-session-secret-not-for-production-0123456789',
          GEMINI_API_KEY: '',
          RESEND_API_KEY: '',
          TEST_MIGRATIONS: await readD1Migrations('./migrations'),
        },
        outboundService: (request: Request) => {
          throw new Error(`Outbound network is blocked in tests (${new URL(request.url).host})`);
        },
      },
    })),
  ],
  test: {
    include: ['worker/**/*.test.ts', 'durable-objects/**/*.test.ts', 'scripts/seed/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
