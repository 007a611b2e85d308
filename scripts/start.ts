/**
 * `npm start`: the whole local edge stack with demo tenants, no account and no network.
 * Builds the web app, applies migrations, seeds an empty database and serves on :8787.
 */
import { applyMigrations, buildWeb, defaultStack, ensureDevVars, log, seedLocal, startWrangler } from './lib/local';
import { DEMO_LOGINS } from './seed/demo-data';

ensureDevVars();
buildWeb();
applyMigrations(defaultStack);
await seedLocal(defaultStack, { reset: false });
const stack = await startWrangler(defaultStack);

log('Finch is running (Ctrl+C to stop)');
log(`  Summit Homes (buyer):   ${stack.origin('summit')}`);
log(`  Harbor Builders:        ${stack.origin('harbor')}`);
log(`  Admin:                  ${stack.origin('summit')}/admin`);
log(`  Health:                 ${stack.origin()}/api/health`);
log('  Demo logins (local only):');
for (const login of DEMO_LOGINS) log(`    ${login.email.padEnd(22)} ${login.password}  (${login.role} of ${login.org})`);

const shutdown = () => void stack.stop().then(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
stack.child.on('exit', (code) => process.exit(code ?? 0));
