/**
 * `npm run bench:catalog`: throughput and latency of the buyer catalog route
 * (`GET /api/catalog/kinkade` on the summit host, served from the edge cache) against a bare
 * "hello" Worker in the same local runtime (`wrangler dev`, workerd), plus the cold (uncached)
 * catalog build time. Prints figures and ratios; asserts nothing about timings.
 *
 * Two more Finch targets split the catalog's cost: `/api/catalog/kinkade` on the apex host
 * (404 before any cache or D1 access: Hono, middleware, error path) and `/api/catalog/Not_A_Slug`
 * on the summit host (400 at the slug check, after the cached tenant lookup).
 *
 * Finch runs on 127.0.0.1:8790 with fresh state in .bench/state, hello on 127.0.0.1:8791
 * (inspector 8792). BENCH_CONCURRENCY (default 10) and BENCH_DURATION_S (default 10, per
 * target, split over two rounds: hello, apex, tenant, catalog, then the reverse) tune the
 * loaded phase; a second phase at concurrency 1 (half as long) gives per-request service time.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyMigrations, buildWeb, ensureDevVars, ROOT, seedLocal, startWrangler, type RunningStack, type StackOptions } from '../lib/local';
import { fetchOnce, runLoad, type LoadResult, type Reply, type Target } from './http-load';
import { startHello, stopServersOnExit, type Server } from './servers';
import { envInt, fmt, heading, printTable, ratio, summarize } from './stats';

const FINCH_PORT = 8790;
const HELLO_PORT = 8791;
const HELLO_INSPECTOR_PORT = 8792;
const STATE = resolve(ROOT, '.bench/state');
const HELLO_DIR = resolve(ROOT, 'scripts/bench/hello');

const concurrency = envInt('BENCH_CONCURRENCY', 10, 1, 200);
const durationS = envInt('BENCH_DURATION_S', 10, 2, 120);
const ROUNDS = 2;
const roundMs = (durationS * 1000) / ROUNDS;
const WARMUP_MS = 2_000;
/** Hard cap per measured round, so a very fast target still stops by count. */
const MAX_REQUESTS_PER_ROUND = 500_000;

const finchStack: StackOptions = { persistTo: STATE, port: FINCH_PORT };
const summitHost = `summit.localhost:${FINCH_PORT}`;
const targets = {
  hello: { name: 'hello (bare Worker)', port: HELLO_PORT, path: '/', host: `localhost:${HELLO_PORT}` },
  // The apex host is no tenant: Finch's middleware answers 404 before any cache or D1 access.
  apex: { name: 'app, no tenant (404)', port: FINCH_PORT, path: '/api/catalog/kinkade', host: `localhost:${FINCH_PORT}` },
  tenant: { name: 'tenant only (400)', port: FINCH_PORT, path: '/api/catalog/Not_A_Slug', host: summitHost },
  catalog: { name: 'catalog (cached)', port: FINCH_PORT, path: '/api/catalog/kinkade', host: summitHost },
} satisfies Record<string, Target>;

// ---------------------------------------------------------------------------------------------
// Servers

const running: Server[] = [];
let pendingFinch: Promise<RunningStack> | undefined;

async function startFinch(): Promise<Server> {
  pendingFinch = startWrangler(finchStack, { quiet: true });
  const stack = await pendingFinch;
  const server = { name: 'finch', child: stack.child, stop: stack.stop };
  running.push(server);
  pendingFinch = undefined;
  return server;
}

let stopping: Promise<void> | undefined;
function stopAll(): Promise<void> {
  stopping ??= (async () => {
    // A Finch stack still starting is stopped as soon as it is up (startWrangler stops it itself on failure).
    const late = pendingFinch?.then(
      (s) => s.stop(),
      () => undefined,
    );
    await Promise.all([...running.map((s) => s.stop()), late]);
  })();
  return stopping;
}

const { signalled } = stopServersOnExit(running, stopAll);

// ---------------------------------------------------------------------------------------------
// Checks and measurements

function compatibilityDate(path: string): string | undefined {
  return /^\s*compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(path, 'utf8'))?.[1];
}

function describeReply(r: Reply): string {
  return `${r.status}, ${r.body.length} B: ${r.body.toString('utf8', 0, 300)}`;
}

function parseCatalog(reply: Reply, floorplan: string): { orgSlug: string; floorplanSlug: string; version: number } {
  if (reply.status !== 200) throw new Error(`GET /api/catalog/${floorplan} on ${summitHost} was not 200 (${describeReply(reply)})`);
  const json = JSON.parse(reply.body.toString('utf8')) as { org?: { slug?: string }; floorplan?: { slug?: string }; version?: number };
  const result = { orgSlug: json.org?.slug ?? '', floorplanSlug: json.floorplan?.slug ?? '', version: json.version ?? -1 };
  if (result.orgSlug !== 'summit' || result.floorplanSlug !== floorplan) {
    throw new Error(`the Worker did not see the summit tenant: org.slug=${result.orgSlug}, floorplan.slug=${result.floorplanSlug}`);
  }
  return result;
}

async function measure(
  target: Target,
  conc: number,
  durationMs: number,
  maxRequests: number,
  expect: { status: number; bytes: number },
): Promise<LoadResult> {
  const result = await runLoad(target, { concurrency: conc, durationMs, maxRequests, expectStatus: expect.status, expectBytes: expect.bytes });
  if (result.errors > 0) {
    console.warn(`  ! ${target.name}: ${result.errors} of ${result.requests} requests failed (first: ${result.firstError})`);
  }
  return result;
}

async function main(): Promise<void> {
  heading('Catalog route vs bare Worker (local wrangler dev / workerd)');
  const rootDate = compatibilityDate(resolve(ROOT, 'wrangler.toml'));
  const helloDate = compatibilityDate(resolve(HELLO_DIR, 'wrangler.toml'));
  if (rootDate !== helloDate) {
    console.warn(`  ! compatibility_date differs: wrangler.toml ${rootDate}, scripts/bench/hello/wrangler.toml ${helloDate}; update the hello config`);
  }

  rmSync(STATE, { recursive: true, force: true });
  mkdirSync(STATE, { recursive: true });
  ensureDevVars();
  // wrangler dev needs the assets directory; the catalog route itself does not use it.
  if (!existsSync(resolve(ROOT, 'dist/web/index.html'))) buildWeb();
  applyMigrations(finchStack);
  const seeded = await seedLocal(finchStack, { reset: false });
  if (seeded !== 'seeded') throw new Error(`expected a fresh database in ${STATE}, got ${seeded}`);

  console.log(`starting Finch on 127.0.0.1:${FINCH_PORT} and hello on 127.0.0.1:${HELLO_PORT}`);
  await Promise.all([startFinch(), startHello({ port: HELLO_PORT, inspectorPort: HELLO_INSPECTOR_PORT, persistTo: resolve(STATE, 'hello') }, running)]);

  // Cold: the first catalog request after start (health check only so far) looks the tenant up
  // in D1, builds the catalog from D1 and stores both in the Cache API.
  const kinkadeTarget = targets.catalog;
  const aspenTarget: Target = { ...kinkadeTarget, name: 'catalog aspen', path: '/api/catalog/aspen' };
  const cold = await fetchOnce(kinkadeTarget);
  const info = parseCatalog(cold, 'kinkade');
  const warm1 = await fetchOnce(kinkadeTarget);
  parseCatalog(warm1, 'kinkade');
  const aspenCold = await fetchOnce(aspenTarget);
  parseCatalog(aspenCold, 'aspen');
  const aspenWarm = await fetchOnce(aspenTarget);
  parseCatalog(aspenWarm, 'aspen');
  if (warm1.body.length !== cold.body.length) throw new Error('the cached catalog differs in size from the built one');

  // Tenancy really comes from the Host header: another host is a 404, not summit's catalog.
  const unknown = await fetchOnce({ ...kinkadeTarget, host: `nobody.localhost:${FINCH_PORT}` });
  if (unknown.status !== 404) throw new Error(`unknown tenant host should be 404, got ${describeReply(unknown)}`);
  const tenantOnly = await fetchOnce(targets.tenant);
  if (tenantOnly.status !== 400) throw new Error(`${targets.tenant.path} should be a 400, got ${describeReply(tenantOnly)}`);
  const apex = await fetchOnce(targets.apex);
  if (apex.status !== 404) throw new Error(`the apex host should be a 404, got ${describeReply(apex)}`);
  const hello = await fetchOnce(targets.hello);

  console.log(
    `tenant check: ${summitHost} -> org.slug=${info.orgSlug}, floorplan=${info.floorplanSlug}, version=${info.version}; ` +
      `nobody.localhost -> ${unknown.status}`,
  );
  console.log(`catalog JSON: ${cold.body.length.toLocaleString('en-US')} bytes (uncompressed, no-cache to browsers)`);

  heading('Single requests on a new connection (ms)');
  printTable(
    ['request', 'ms', 'what it pays for'],
    [
      ['kinkade, 1st after start', fmt(cold.ms), 'D1: tenant, floorplan, then a batch of 8 queries; tenant cache put; catalog put in waitUntil'],
      ['kinkade, 2nd', fmt(warm1.ms), 'tenant and catalog from the Cache API'],
      ['aspen, 1st', fmt(aspenCold.ms), 'tenant cached; catalog built from D1'],
      ['aspen, 2nd', fmt(aspenWarm.ms), 'both cached'],
      ['hello', fmt(hello.ms), 'bare Worker, new connection'],
    ],
  );
  console.log(`cold build (kinkade 1st - kinkade 2nd): ${fmt(cold.ms - warm1.ms)} ms; (aspen 1st - aspen 2nd): ${fmt(aspenCold.ms - aspenWarm.ms)} ms`);

  // Warm-up: JIT, connections, and both caches filled (the tenant entry lives 15 s, so the
  // catalog runs refresh it from D1 once or twice; that request is in the figures).
  const expect: Record<TargetKey, { status: number; bytes: number }> = {
    hello: { status: 200, bytes: hello.body.length },
    apex: { status: 404, bytes: apex.body.length },
    tenant: { status: 400, bytes: tenantOnly.body.length },
    catalog: { status: 200, bytes: cold.body.length },
  };
  console.log(`\nwarming up ${WARMUP_MS / 1000} s each at concurrency ${concurrency}`);
  for (const key of ORDER) await measure(targets[key], concurrency, WARMUP_MS, 100_000, expect[key]);

  const loaded = await phase(expect, concurrency, durationS * 1000, ROUNDS);
  printPhase(`Results at concurrency ${concurrency} (${durationS} s per target, keep-alive)`, loaded);
  printRatios(loaded);

  // Concurrency 1: no queueing, so latency is the service time of one request.
  const c1Ms = Math.max(2_000, (durationS * 1000) / 2);
  const single = await phase(expect, 1, c1Ms, ROUNDS);
  printPhase(`Service time at concurrency 1 (${c1Ms / 1000} s per target)`, single);
  printRatios(single);

  const catalogP50 = loaded.find((r) => r.key === 'catalog')!.lat.p50;
  console.log(
    `\ncold catalog: ${fmt(cold.ms)} ms for the first request = ${ratio(cold.ms, warm1.ms, 1)} the second (cached) one; ` +
      `cached p50 under load ${fmt(catalogP50)} ms.`,
  );
  console.log('throughput < 1x and latency > 1x mean slower than hello. The load generator, wrangler and workerd');
  console.log("share this machine's cores, and hello already pays wrangler dev's local proxy: compare ratios and added ms.");
}

const ORDER = ['hello', 'apex', 'tenant', 'catalog'] as const;
type TargetKey = (typeof ORDER)[number];

interface Row {
  key: TargetKey;
  requests: number;
  errors: number;
  rps: number;
  roundRps: number[];
  lat: ReturnType<typeof summarize>;
}

/** `rounds` rounds over all targets, alternating the order (ABC CBA) so drift hits all alike. */
async function phase(expect: Record<TargetKey, { status: number; bytes: number }>, conc: number, totalMs: number, rounds: number): Promise<Row[]> {
  const sequence = [...ORDER, ...[...ORDER].reverse()];
  console.log(`measuring ${totalMs / 1000} s per target in ${rounds} rounds (order ${sequence.join(', ')}) at concurrency ${conc}`);
  const results: Record<TargetKey, LoadResult[]> = { hello: [], apex: [], tenant: [], catalog: [] };
  for (let round = 0; round < rounds; round++) {
    for (const key of round % 2 === 0 ? ORDER : [...ORDER].reverse()) {
      results[key].push(await measure(targets[key], conc, totalMs / rounds, MAX_REQUESTS_PER_ROUND, expect[key]));
    }
  }
  return ORDER.map((key) => {
    const runs = results[key];
    const requests = runs.reduce((s, r) => s + r.requests, 0);
    const errors = runs.reduce((s, r) => s + r.errors, 0);
    const elapsed = runs.reduce((s, r) => s + r.elapsedMs, 0);
    return {
      key,
      requests,
      errors,
      rps: ((requests - errors) / elapsed) * 1000,
      roundRps: runs.map((r) => ((r.requests - r.errors) / r.elapsedMs) * 1000),
      lat: summarize(concatLatencies(runs)),
    };
  });
}

function printPhase(title: string, rows: Row[]): void {
  const hello = rows.find((r) => r.key === 'hello')!;
  heading(title);
  printTable(
    ['target', 'requests', 'errors', 'req/s', 'req/s per round', 'mean ms', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'p50 over hello'],
    rows.map((r) => [
      targets[r.key].name,
      r.requests.toLocaleString('en-US'),
      String(r.errors),
      fmt(r.rps, 0),
      r.roundRps.map((x) => fmt(x, 0)).join(' / '),
      fmt(r.lat.mean),
      fmt(r.lat.p50),
      fmt(r.lat.p90),
      fmt(r.lat.p99),
      fmt(r.lat.max),
      r.key === 'hello' ? '-' : `+${fmt(r.lat.p50 - hello.lat.p50)} ms`,
    ]),
  );
}

function printRatios(rows: Row[]): void {
  const get = (key: TargetKey) => rows.find((r) => r.key === key)!;
  const line = (label: string, a: Row, b: Row) => [label, ratio(a.rps, b.rps), ratio(a.lat.p50, b.lat.p50), ratio(a.lat.p99, b.lat.p99)];
  const h = get('hello');
  console.log('');
  printTable(
    ['ratio (same run)', 'throughput', 'p50', 'p99'],
    [
      line('catalog / hello', get('catalog'), h),
      line('tenant-only / hello', get('tenant'), h),
      line('no-tenant / hello', get('apex'), h),
      line('catalog / tenant-only', get('catalog'), get('tenant')),
    ],
  );
}

function concatLatencies(runs: LoadResult[]): Float64Array {
  const out = new Float64Array(runs.reduce((s, r) => s + r.latencies.length, 0));
  let offset = 0;
  for (const r of runs) {
    out.set(r.latencies, offset);
    offset += r.latencies.length;
  }
  return out;
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  // After a signal the servers going away is expected; the signal handler exits with 130.
  if (!signalled()) console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  exitCode = signalled() ? 130 : 1;
} finally {
  await stopAll();
}
process.exit(exitCode);
