/** Prepares local state for `npm run dev` (vite dev with @cloudflare/vite-plugin reads the same .wrangler/state). */
import { applyMigrations, defaultStack, ensureDevVars, seedLocal } from './lib/local';

ensureDevVars();
applyMigrations(defaultStack);
await seedLocal(defaultStack, { reset: false });
