/**
 * The local edge stack, shared by `npm start`, `npm run seed` and the browser tests:
 * secrets for .dev.vars, the web build, D1 migrations, demo seeding and a supervised
 * `wrangler dev`. Everything runs offline on wrangler's embedded D1, R2, Queues and DOs.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getPlatformProxy, unstable_readConfig } from 'wrangler';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = resolve(ROOT, 'node_modules/.bin');

// Miniflare otherwise fetches Request.cf data from workers.cloudflare.com on every start: with
// no network that costs a 3 s timeout and an alarming ENOTFOUND in the log. Set for this
// process (getPlatformProxy) and inherited by the wrangler processes started here.
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false';

export interface StackOptions {
  /** wrangler's --persist-to directory; `.wrangler/state` is wrangler's own default. */
  persistTo: string;
  port: number;
}

export const defaultStack: StackOptions = { persistTo: resolve(ROOT, '.wrangler/state'), port: 8787 };

export function log(message: string): void {
  process.stdout.write(`\x1b[36m[finch]\x1b[0m ${message}\n`);
}

function run(cmd: string, args: string[], label: string): void {
  const result = spawnSync(resolve(BIN, cmd), args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`);
}

/** Local secrets live in .dev.vars (git-ignored); a fresh clone gets a random signing secret. */
export function ensureDevVars(): void {
  const path = resolve(ROOT, '.dev.vars');
  if (existsSync(path)) return;
  const template = readFileSync(resolve(ROOT, '.dev.vars.example'), 'utf8');
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(path, template.replace(/^SESSION_SECRET=.*$/m, `SESSION_SECRET=${secret}`), { mode: 0o600 });
  log('created .dev.vars with a random SESSION_SECRET');
}

export function buildWeb(): void {
  log('building the web app (vite build)');
  run('vite', ['build', '--logLevel', 'warn'], 'vite build');
}

export function applyMigrations(stack: StackOptions): void {
  log('applying D1 migrations to the local database');
  run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stack.persistTo], 'wrangler d1 migrations apply');
}

/**
 * wrangler.toml minus what a bindings proxy cannot or need not run: the Durable Object (its class
 * lives in the Worker, which the proxy does not load, so workerd warns that calls to it would
 * fail), queue consumers, assets and crons. D1 and R2 keep their ids and names, so the proxy
 * opens the very files `wrangler dev` uses.
 */
function proxyConfigPath(): string {
  const config = unstable_readConfig({ config: resolve(ROOT, 'wrangler.toml') });
  const dir = resolve(ROOT, '.wrangler/tmp');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, 'bindings-proxy.json');
  const pick = <T extends object>(items: T[], keys: (keyof T)[]) => items.map((item) => Object.fromEntries(keys.map((k) => [k, item[k]])));
  const json = {
    name: `${config.name}-scripts`,
    compatibility_date: config.compatibility_date,
    compatibility_flags: config.compatibility_flags,
    d1_databases: pick(config.d1_databases, ['binding', 'database_name', 'database_id']),
    r2_buckets: pick(config.r2_buckets, ['binding', 'bucket_name']),
    queues: { producers: pick(config.queues.producers ?? [], ['binding', 'queue']) },
  };
  writeFileSync(path, JSON.stringify(json, null, 2));
  return path;
}

/** Runs `fn` with the bindings of the same local state `wrangler dev` reads (D1, R2, queue producer). */
export async function withLocalEnv<T>(stack: StackOptions, fn: (env: Env) => Promise<T>): Promise<T> {
  const proxy = await getPlatformProxy<Env>({
    configPath: proxyConfigPath(),
    persist: { path: resolve(stack.persistTo, 'v3') },
    remoteBindings: false,
    envFiles: [],
  });
  try {
    return await fn(proxy.env);
  } finally {
    await proxy.dispose();
  }
}

/** Seeds the demo tenants into the same local state `wrangler dev` reads. */
export async function seedLocal(stack: StackOptions, opts: { reset: boolean }): Promise<'seeded' | 'already-seeded'> {
  const { buildDemoSeed } = await import('../seed/build');
  const { isSeeded, resetDatabase, writeDemoSeed } = await import('../seed/write');
  const state = await withLocalEnv(stack, async (env) => {
    if (opts.reset) {
      log('--reset: deleting every row and media object');
      await resetDatabase(env.DB, env.MEDIA);
      return 'empty';
    }
    return (await isSeeded(env.DB)) ? 'already-seeded' : 'empty';
  });
  if (state === 'already-seeded') return state;
  // Render before opening the bindings proxy again: rendering blocks Node's event loop for
  // seconds, long enough for workerd to drop the proxy's idle keep-alive connection, and the
  // next R2 put would then fail with "other side closed".
  log('rendering demo images and seeding tenants summit and harbor');
  const seed = await buildDemoSeed({ withImages: true });
  const written = await withLocalEnv(stack, (env) => writeDemoSeed(env.DB, env.MEDIA, seed));
  log(`seeded ${written.rows} rows and ${written.objects} media objects`);
  return 'seeded';
}

/** Reads from the local D1 the stack persists (used by browser tests to find seeded ids). */
export async function queryLocal<T>(stack: StackOptions, sql: string): Promise<T[]> {
  return withLocalEnv(stack, async (env) => (await env.DB.prepare(sql).all<T>()).results);
}

export interface RunningStack {
  child: ChildProcess;
  origin: (tenant?: string) => string;
  stop: () => Promise<void>;
}

/** Starts `wrangler dev` and resolves once /api/health is green. */
export async function startWrangler(stack: StackOptions, opts: { quiet?: boolean; extraVars?: Record<string, string> } = {}): Promise<RunningStack> {
  const appDomain = `localhost:${stack.port}`;
  const vars = { APP_DOMAIN: appDomain, ...opts.extraVars };
  const args = [
    'dev',
    '--ip', '127.0.0.1',
    '--port', String(stack.port),
    // A fixed inspector port per app port, so two stacks (dev + browser tests) never fight over 9229.
    '--inspector-port', String(stack.port + 10_000),
    '--persist-to', stack.persistTo,
    '--show-interactive-dev-session=false',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ];
  const child = spawn(resolve(BIN, 'wrangler'), args, {
    cwd: ROOT,
    stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  let output = '';
  child.stdout?.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr?.on('data', (d) => (output = (output + d).slice(-20_000)));
  const origin = (tenant?: string) => `http://${tenant ? `${tenant}.` : ''}${appDomain}`;
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode})\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${stack.port}/api/health`, { headers: { host: appDomain } });
      if (res.ok) return { child, origin, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`wrangler dev did not become healthy within 120 s\n${output}`);
}
