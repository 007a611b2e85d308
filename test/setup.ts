import { applyD1Migrations, env } from 'cloudflare:test';

// Runs before each test file; applyD1Migrations skips migrations already applied,
// so files that share storage do not re-run them.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
