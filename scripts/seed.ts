/** `npm run seed` seeds an empty local database; `npm run seed -- --reset` starts over. */
import { applyMigrations, defaultStack, log, seedLocal } from './lib/local';

const reset = process.argv.includes('--reset');
applyMigrations(defaultStack);
const result = await seedLocal(defaultStack, { reset });
if (result === 'already-seeded') log('the local database already has tenants; use `npm run seed -- --reset` to start over');
