/**
 * `npm run bench:generate`: what Visualize costs outside the model, on a fresh local stack.
 *
 * 1. Cache-hit `POST /api/generate/photo` (tenant, cached catalog, selection checks, the photo
 *    and option lookup, the hash, the cache row) at concurrency 1, against a bare "hello"
 *    Worker and `POST /api/generate/photo/check {hash}` in the same run. Goal: hit p50 < 10 ms.
 * 2. The pipeline with a stub model: claim → queue → consumer (load photo and swatches from
 *    R2, build the Gemini request) → stub → persist (R2 put, D1 row, audit row) → the first
 *    `/check` that sees it complete. Goal: < 100 ms outside the model.
 *
 * The stub model: the Worker runs with `GEMINI_API_KEY=bench-not-a-real-key` and
 * `GEMINI_BASE_URL=http://127.0.0.1:8797` (passed as `--var`), so the real Gemini provider
 * (@google/genai, real request body with the room photo and swatches inlined) calls a tiny
 * node:http server started here, which answers every generateContent at once with a small PNG.
 *
 * The stack is `wrangler dev` on 127.0.0.1:8794 with fresh state in .bench/generate-state
 * (migrated, seeded with the rendered demo photos and swatches) and a copy of wrangler.toml
 * with absolute paths, so the queue's `max_batch_timeout` can be varied: the pipeline runs once
 * with the repo's value and once with 0 (a batch is delivered as soon as it has a message).
 * hello runs on 8795 (inspector 8796). Everything is stopped at the end, on error and on signals.
 *
 * Tune with BENCH_HIT_REQUESTS (default 2000 per target), BENCH_PIPELINE_JOBS (default 20 per
 * run) and BENCH_POLL_MS (default 5, the /check polling interval).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { resolve } from 'node:path';
import { encode as encodePng } from 'fast-png';
import { indexCatalog, type Catalog, type CatalogPhoto, type Selections } from '../../worker/domain/catalog';
import { defaultOptionId, defaultSelections } from '../../worker/domain/pricing';
import { applyMigrations, buildWeb, ensureDevVars, queryLocal, ROOT, seedLocal, type StackOptions } from '../lib/local';
import { closeAgents, requestJson, type Endpoint } from '../pregenerate';
import { spawnWrangler, startHello, stopServersOnExit, waitUntilReady, type Server } from './servers';
import { envInt, fmt, heading, printTable, summarize } from './stats';

const FINCH_PORT = 8794;
const HELLO_PORT = 8795;
const HELLO_INSPECTOR_PORT = 8796;
const STUB_PORT = 8797;
const STATE = resolve(ROOT, '.bench/generate-state');
const stack: StackOptions = { persistTo: STATE, port: FINCH_PORT };

const hitRequests = envInt('BENCH_HIT_REQUESTS', 2000, 50, 200_000);
const pipelineJobs = envInt('BENCH_PIPELINE_JOBS', 20, 3, 200);
const pollMs = envInt('BENCH_POLL_MS', 5, 1, 1000);
/** Long enough for one retry (the consumer backs off 10 s after a failed attempt). */
const JOB_TIMEOUT_S = 60;
const HIT_GOAL_MS = 10;
const OVERHEAD_GOAL_MS = 100;

const summit: Endpoint = { url: new URL(`http://127.0.0.1:${FINCH_PORT}`), host: `summit.localhost:${FINCH_PORT}` };
const hello: Endpoint = { url: new URL(`http://127.0.0.1:${HELLO_PORT}`), host: `localhost:${HELLO_PORT}` };
/** Epoch milliseconds with sub-millisecond resolution, comparable with the Worker's Date.now(). */
const wall = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------------------------
// Processes

const running: Server[] = [];

/** wrangler.toml with absolute paths (it lives in .bench/) and the queue's batch timeout set. */
function writeConfig(batchTimeoutS: number): string {
  let toml = readFileSync(resolve(ROOT, 'wrangler.toml'), 'utf8');
  const edits: Array<[RegExp, string]> = [
    [/^main = ".*"$/m, `main = "${resolve(ROOT, 'worker/index.ts')}"`],
    [/^directory = ".*"$/m, `directory = "${resolve(ROOT, 'dist/web')}"`],
    [/^migrations_dir = ".*"$/m, `migrations_dir = "${resolve(ROOT, 'migrations')}"`],
    [/(queue = "finch-generation"\s*\n(?:#.*\n)*max_batch_size = \d+\s*\nmax_batch_timeout = )\d+/, `$1${batchTimeoutS}`],
  ];
  for (const [pattern, replacement] of edits) {
    if (!pattern.test(toml)) throw new Error(`wrangler.toml changed shape: ${pattern} not found; update scripts/bench/generate.ts`);
    toml = toml.replace(pattern, replacement);
  }
  const path = resolve(STATE, `wrangler.batch-${batchTimeoutS}.toml`);
  writeFileSync(path, toml);
  return path;
}

function repoBatchTimeout(): number {
  const m = /queue = "finch-generation"\s*\n(?:#.*\n)*max_batch_size = \d+\s*\nmax_batch_timeout = (\d+)/.exec(readFileSync(resolve(ROOT, 'wrangler.toml'), 'utf8'));
  if (!m) throw new Error('wrangler.toml: no max_batch_timeout for finch-generation');
  return Number(m[1]);
}

async function startFinch(batchTimeoutS: number): Promise<Server> {
  const server = spawnWrangler(
    `finch (max_batch_timeout ${batchTimeoutS})`,
    [
      'dev',
      '--config', writeConfig(batchTimeoutS),
      '--ip', '127.0.0.1',
      '--port', String(FINCH_PORT),
      '--inspector-port', String(FINCH_PORT + 10_000),
      '--persist-to', STATE,
      '--show-interactive-dev-session=false',
      // .dev.vars is not read (the config lives in .bench/), so every secret comes from here.
      '--var', `APP_DOMAIN:localhost:${FINCH_PORT}`,
      '--var', `SESSION_SECRET:${randomBytes(32).toString('base64url')}`,
      '--var', 'GEMINI_API_KEY:bench-not-a-real-key',
      '--var', `GEMINI_BASE_URL:http://127.0.0.1:${STUB_PORT}`,
    ],
    running,
  );
  await waitUntilReady(server, async () => (await requestJson({ ...summit, host: `localhost:${FINCH_PORT}` }, 'GET', '/api/health')).status === 200);
  return server;
}

async function stopServer(server: Server): Promise<void> {
  await server.stop();
  running.splice(running.indexOf(server), 1);
}

// ---------------------------------------------------------------------------------------------
// The stub model

interface StubCall {
  /** Request headers received (the upload of the ~1 MB body follows). */
  startedAt: number;
  answeredAt: number;
  bytes: number;
}
const stubCalls: StubCall[] = [];

function startStub(): Promise<http.Server> {
  const data = new Uint8Array(48 * 32 * 4).fill(200);
  const png = Buffer.from(encodePng({ width: 48, height: 32, data, channels: 4 })).toString('base64');
  const answer = JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ inlineData: { mimeType: 'image/png', data: png } }] }, finishReason: 'STOP' }] });
  const server = http.createServer((req, res) => {
    const startedAt = wall();
    let bytes = 0;
    req.on('data', (c: Buffer) => (bytes += c.length));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.includes(':generateContent')) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer, () => stubCalls.push({ startedAt, answeredAt: wall(), bytes }));
    });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(STUB_PORT, '127.0.0.1', () => done(server));
  });
}

// ---------------------------------------------------------------------------------------------
// Measurements

async function timeRequests(name: string, n: number, send: () => Promise<boolean>): Promise<{ name: string; lat: Float64Array; errors: number }> {
  const lat = new Float64Array(n);
  let ok = 0;
  let errors = 0;
  const deadline = performance.now() + 60_000;
  for (let i = 0; i < n && performance.now() < deadline; i++) {
    const t = performance.now();
    const good = await send();
    const ms = performance.now() - t;
    if (good) lat[ok++] = ms;
    else errors++;
  }
  return { name, lat: lat.subarray(0, ok), errors };
}

interface PipelineSample {
  hash: string;
  apiMs: number;
  sentAt: number;
  acceptedAt: number;
  seenCompleteAt: number;
  stub: StubCall;
}

async function runPipeline(photo: CatalogPhoto, combos: Selections[]): Promise<PipelineSample[]> {
  const samples: PipelineSample[] = [];
  for (const selections of combos) {
    const before = stubCalls.length;
    const sentAt = wall();
    const reply = await requestJson(summit, 'POST', '/api/generate/photo', { floorplanSlug: 'kinkade', stepPhotoId: photo.id, selections });
    const acceptedAt = wall();
    if (reply.status !== 202) throw new Error(`expected a miss (202), got ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`);
    const hash = reply.body.hash as string;
    const deadline = Date.now() + JOB_TIMEOUT_S * 1000;
    let seenCompleteAt = 0;
    while (Date.now() < deadline) {
      await sleep(pollMs);
      const checked = await requestJson(summit, 'POST', '/api/generate/photo/check', { hash });
      if (checked.body?.status === 'complete') {
        seenCompleteAt = wall();
        break;
      }
      if (checked.body?.status !== 'pending') throw new Error(`job ${hash} ended ${JSON.stringify(checked.body)}`);
    }
    if (!seenCompleteAt) {
      const attempts = await queryLocal(stack, `SELECT attempt, status, error, duration_ms FROM generation_jobs WHERE hash = '${hash.replace(/[^0-9a-f]/g, '')}'`).catch(() => []);
      throw new Error(`job ${hash} not complete after ${JOB_TIMEOUT_S} s (stub calls so far: ${stubCalls.length}; attempts: ${JSON.stringify(attempts)})`);
    }
    if (stubCalls.length !== before + 1) throw new Error(`expected one stub model call for ${hash}, saw ${stubCalls.length - before}`);
    samples.push({ hash, apiMs: acceptedAt - sentAt, sentAt, acceptedAt, seenCompleteAt, stub: stubCalls[stubCalls.length - 1]! });
  }
  return samples;
}

interface JobTimes {
  hash: string;
  claimed_at: number;
  completed_at: number;
  job_started: number;
  duration_ms: number;
  provider: string;
  passes: number;
  swatch_count: number;
}

function printPipeline(title: string, samples: PipelineSample[], rows: JobTimes[]): { overheadP50: number; outsideQueueP50: number } {
  const byHash = new Map(rows.map((r) => [r.hash, r]));
  const cols = {
    api: [] as number[],
    queue: [] as number[],
    before: [] as number[],
    model: [] as number[],
    persist: [] as number[],
    seen: [] as number[],
    total: [] as number[],
    outside: [] as number[],
    outsideQueue: [] as number[],
  };
  for (const s of samples) {
    const r = byHash.get(s.hash);
    if (!r) throw new Error(`no job row for ${s.hash}`);
    if (r.provider !== 'gemini') throw new Error(`job ${s.hash} ran on ${r.provider}, not the Gemini stub`);
    const model = s.stub.answeredAt - s.stub.startedAt;
    const total = s.seenCompleteAt - s.sentAt;
    const queue = r.job_started - r.claimed_at;
    cols.api.push(s.apiMs);
    cols.queue.push(queue);
    cols.before.push(s.stub.startedAt - r.job_started);
    cols.model.push(model);
    cols.persist.push(r.completed_at - s.stub.answeredAt);
    cols.seen.push(s.seenCompleteAt - r.completed_at);
    cols.total.push(total);
    cols.outside.push(total - model);
    cols.outsideQueue.push(total - model - queue);
  }
  heading(title);
  const line = (label: string, xs: number[], note: string) => {
    const st = summarize(xs);
    return [label, fmt(st.p50), fmt(st.p90), fmt(st.max), note];
  };
  printTable(
    ['step (ms)', 'p50', 'p90', 'max', 'what it is'],
    [
      line('generate → 202', cols.api, 'client: validate, hash, rate limit, claim (one upsert), queue send'),
      line('queue wait', cols.queue, 'row claimed_at → consumer start (Worker clock): batching + delivery'),
      line('consumer → model call', cols.before, 'row check, audit row, D1 loads, R2 photo + swatches, request build'),
      line('stub model', cols.model, 'stub: request headers → answer sent (includes the upload)'),
      line('persist', cols.persist, 'answer → row complete: decode, R2 put, D1 update'),
      line('complete → check sees it', cols.seen, `includes the ${pollMs} ms polling interval`),
      line('end to end', cols.total, 'client: POST sent → first /check saying complete'),
      line('outside the model', cols.outside, `end to end − stub model (goal < ${OVERHEAD_GOAL_MS} ms)`),
      line('… without queue wait', cols.outsideQueue, 'the same, minus the queue wait'),
    ],
  );
  const first = rows[0];
  if (first) console.log(`jobs: ${samples.length}, provider ${first.provider}, ${first.passes} pass(es), ${first.swatch_count} swatches per request, ~${fmt(summarize(samples.map((s) => s.stub.bytes)).p50 / 1024, 0)} KiB sent to the model`);
  return { overheadP50: summarize(cols.outside).p50, outsideQueueP50: summarize(cols.outsideQueue).p50 };
}

async function readJobTimes(hashes: string[]): Promise<JobTimes[]> {
  const list = hashes.map((h) => `'${h.replace(/[^0-9a-f]/g, '')}'`).join(',');
  return queryLocal<JobTimes>(
    stack,
    `SELECT g.hash, g.claimed_at, g.completed_at, j.created_at AS job_started, j.duration_ms, j.provider, j.passes, j.swatch_count
       FROM generated_images g JOIN generation_jobs j ON j.hash = g.hash AND j.org_id = g.org_id AND j.status = 'complete'
      WHERE g.hash IN (${list})`,
  );
}

/**
 * seedLocal renders the images (seconds of blocking CPU) while its bindings proxy holds an
 * idle keep-alive socket, which workerd may close meanwhile: the first R2 put then fails with
 * "other side closed". A failed attempt writes no rows (objects first, rows in one batch),
 * so it is simply run again.
 */
async function seedFresh(): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if ((await seedLocal(stack, { reset: false })) !== 'seeded') throw new Error(`expected a fresh database in ${STATE}`);
      return;
    } catch (err) {
      if (attempt >= 3 || !/fetch failed/.test(String(err))) throw err;
      console.warn(`  ! seeding failed (${(err as Error).message}); trying again`);
    }
  }
}

/** Distinct visual combinations for one photo: single upgrades, then pairs. */
function combosFor(catalog: Catalog, photo: CatalogPhoto, count: number): Selections[] {
  const index = indexCatalog(catalog);
  const defaults = defaultSelections(index);
  const upgrades = photo.subcategoryIds.flatMap((subId) => {
    const sub = index.subcategories.get(subId)!;
    return sub.options.filter((o) => o.id !== defaultOptionId(sub)).map((o) => [subId, o.id] as const);
  });
  const combos: Selections[] = upgrades.map(([s, o]) => ({ ...defaults, [s]: o }));
  for (let i = 0; i < upgrades.length && combos.length < count; i++) {
    for (let j = i + 1; j < upgrades.length && combos.length < count; j++) {
      const [a, b] = [upgrades[i]!, upgrades[j]!];
      if (a[0] !== b[0]) combos.push({ ...defaults, [a[0]]: a[1], [b[0]]: b[1] });
    }
  }
  if (combos.length < count) throw new Error(`only ${combos.length} distinct combinations for this photo; lower BENCH_PIPELINE_JOBS`);
  return combos.slice(0, count);
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  heading('Visualize: cache hits and pipeline overhead (local wrangler dev / workerd)');
  rmSync(STATE, { recursive: true, force: true });
  mkdirSync(STATE, { recursive: true });
  ensureDevVars();
  if (!existsSync(resolve(ROOT, 'dist/web/index.html'))) buildWeb();
  applyMigrations(stack);
  await seedFresh();

  const stub = await startStub();
  const repoTimeout = repoBatchTimeout();
  console.log(`stub model on 127.0.0.1:${STUB_PORT}; starting Finch on 127.0.0.1:${FINCH_PORT} (max_batch_timeout ${repoTimeout} s, as in wrangler.toml) and hello on ${HELLO_PORT}`);
  let [finch] = await Promise.all([startFinch(repoTimeout), startHello({ port: HELLO_PORT, inspectorPort: HELLO_INSPECTOR_PORT, persistTo: resolve(STATE, 'hello') }, running)]);

  const catalogReply = await requestJson<Catalog>(summit, 'GET', '/api/catalog/kinkade');
  if (catalogReply.status !== 200 || catalogReply.body.org.slug !== 'summit') throw new Error(`catalog on ${summit.host}: ${catalogReply.status}`);
  const catalog = catalogReply.body;
  const photo = catalog.steps.flatMap((s) => s.photos).sort((a, b) => b.subcategoryIds.length - a.subcategoryIds.length)[0]!;
  const combos = combosFor(catalog, photo, pipelineJobs * 2 + 1);
  console.log(`photo ${photo.alt ?? photo.id} shows ${photo.subcategoryIds.length} subcategories`);

  // ---- cache hits
  const hitBody = { floorplanSlug: 'kinkade', stepPhotoId: photo.id, selections: combos[0]! };
  const first = await runPipeline(photo, [combos[0]!]);
  const hash = first[0]!.hash;
  const hit = async () => {
    const r = await requestJson(summit, 'POST', '/api/generate/photo', hitBody);
    return r.status === 200 && r.body.cacheHit === true && r.body.hash === hash;
  };
  const checkHash = async () => (await requestJson(summit, 'POST', '/api/generate/photo/check', { hash })).body?.status === 'complete';
  const bare = async () => (await requestJson(hello, 'GET', '/')).body === 'hello';
  if (!(await hit())) throw new Error('the first generate after completion was not a cache hit');

  console.log(`\nwarming up, then ${hitRequests} sequential requests per target in two rounds (keep-alive, concurrency 1)`);
  for (const f of [bare, hit, checkHash]) await timeRequests('warm-up', 200, f);
  const rounds = [
    [
      ['hello (bare Worker)', bare],
      ['generate, cache hit', hit],
      ['check by hash', checkHash],
    ],
  ] as const;
  const results = new Map<string, { lat: number[]; errors: number }>();
  for (const order of [rounds[0], [...rounds[0]].reverse()]) {
    for (const [name, f] of order) {
      const r = await timeRequests(name, Math.ceil(hitRequests / 2), f);
      const acc = results.get(name) ?? { lat: [], errors: 0 };
      acc.lat.push(...r.lat);
      acc.errors += r.errors;
      results.set(name, acc);
    }
  }
  heading('Single requests at concurrency 1 (ms, send → last byte)');
  const helloP50 = summarize(results.get('hello (bare Worker)')!.lat).p50;
  printTable(
    ['target', 'n', 'errors', 'mean', 'p50', 'p90', 'p99', 'max', 'p50 over hello'],
    [...results.entries()].map(([name, r]) => {
      const s = summarize(r.lat);
      return [name, String(s.n), String(r.errors), fmt(s.mean), fmt(s.p50), fmt(s.p90), fmt(s.p99), fmt(s.max), name.startsWith('hello') ? '-' : `+${fmt(s.p50 - helloP50)} ms`];
    }),
  );
  const hitStats = summarize(results.get('generate, cache hit')!.lat);

  // ---- pipeline, repo config
  const runA = await runPipeline(photo, combos.slice(1, 1 + pipelineJobs));
  await stopServer(finch);
  const a = printPipeline(`Pipeline with the stub model, max_batch_timeout ${repoTimeout} s (wrangler.toml)`, runA, await readJobTimes(runA.map((s) => s.hash)));

  // ---- pipeline, no batching wait
  let b: { overheadP50: number; outsideQueueP50: number } | undefined;
  if (repoTimeout !== 0) {
    console.log('\nrestarting Finch with max_batch_timeout 0');
    finch = await startFinch(0);
    const runB = await runPipeline(photo, combos.slice(1 + pipelineJobs, 1 + 2 * pipelineJobs));
    await stopServer(finch);
    b = printPipeline('Pipeline with the stub model, max_batch_timeout 0', runB, await readJobTimes(runB.map((s) => s.hash)));
  }
  stub.close();

  heading('Verdict');
  console.log(`cache-hit generate p50 ${fmt(hitStats.p50)} ms, p99 ${fmt(hitStats.p99)} ms (goal p50 < ${HIT_GOAL_MS} ms): ${hitStats.p50 < HIT_GOAL_MS ? 'met' : 'NOT met'}; bare Worker p50 ${fmt(helloP50)} ms`);
  console.log(
    `outside the model, max_batch_timeout ${repoTimeout} s: p50 ${fmt(a.overheadP50)} ms (${fmt(a.outsideQueueP50)} ms without the queue wait)` +
      (b ? `; max_batch_timeout 0: p50 ${fmt(b.overheadP50)} ms` : '') +
      ` (goal < ${OVERHEAD_GOAL_MS} ms)`,
  );
  console.log('The load generator, wrangler and workerd share this machine; compare with the bare Worker, not across machines.');
}

let stopping: Promise<void> | undefined;
const stopAll = () => (stopping ??= Promise.all(running.map((s) => s.stop())).then(() => undefined));
const { signalled } = stopServersOnExit(running, stopAll);

let exitCode = 0;
try {
  await main();
} catch (err) {
  if (!signalled()) console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  exitCode = signalled() ? 130 : 1;
} finally {
  closeAgents();
  await stopAll();
}
process.exit(exitCode);
