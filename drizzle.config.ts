import { defineConfig } from 'drizzle-kit';

// Migrations are generated offline (`npm run db:generate`) and applied by wrangler,
// so the same SQL files run locally, in tests and on Cloudflare.
export default defineConfig({
  dialect: 'sqlite',
  schema: './worker/db/schema.ts',
  out: './migrations',
});
