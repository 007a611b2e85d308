/**
 * `npm run deploy`: build the web app, apply D1 migrations remotely, then deploy.
 * Needs a Cloudflare account (`wrangler login`) and the resources named in wrangler.toml;
 * see README "Deploying". Set APP_DOMAIN to your domain, e.g. APP_DOMAIN=finch.app.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT, buildWeb, log } from './lib/local';

function wrangler(args: string[]): void {
  const r = spawnSync(resolve(ROOT, 'node_modules/.bin/wrangler'), args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const domain = process.env.APP_DOMAIN;
if (!domain) {
  console.error('Set APP_DOMAIN to the domain tenants live under, e.g. APP_DOMAIN=finch.app npm run deploy');
  process.exit(2);
}
buildWeb();
log('applying D1 migrations to the remote database');
wrangler(['d1', 'migrations', 'apply', 'DB', '--remote']);
log(`deploying with APP_DOMAIN=${domain}`);
wrangler(['deploy', '--var', `APP_DOMAIN:${domain}`]);
