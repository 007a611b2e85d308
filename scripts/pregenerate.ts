/**
 * `npm run pregenerate -- --org summit --floorplan kinkade --limit 20 [--url http://127.0.0.1:8787]`
 *
 * Warms the Visualize cache so a buyer's first Visualize is instant: renders every photo of
 * the floorplan with the default picks, then the most likely first upgrades (the non-default
 * picks buyers chose most in saved sessions, else each visual subcategory's cheapest
 * upgrades), up to `--limit` images. It goes through the public API like the picker does
 * (`POST /api/generate/photo`, then polling `/check`), so claims, the queue, rate limits
 * and the cache behave exactly as for buyers, and images that exist already are hits.
 *
 * Tenancy is by Host header: with a local URL it connects to that address and sends
 * `{org}.localhost:{port}` (Node cannot resolve *.localhost); with any other URL the host is
 * `{org}.{url host}` unless the URL already names the tenant.
 *
 * Options: --concurrency N (2), --poll-ms N (1000), --timeout-s N per image (300),
 * --state DIR (local state to read saved sessions from; default .wrangler/state),
 * --no-sessions (skip the session statistics), --dry-run (print the plan only).
 */
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { indexCatalog, type Catalog, type CatalogPhoto, type Selections } from '../worker/domain/catalog';
import { defaultOptionId, defaultSelections } from '../worker/domain/pricing';

// ---------------------------------------------------------------------------------------------
// HTTP with an explicit Host header (fetch forbids setting it)

export interface Endpoint {
  /** Where to connect, e.g. http://127.0.0.1:8787 */
  url: URL;
  /** The tenant host the Worker should see. */
  host: string;
}

export interface JsonReply<T = any> {
  status: number;
  body: T;
  ms: number;
}

const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 16 }), https: new https.Agent({ keepAlive: true, maxSockets: 16 }) };

export function requestJson<T = any>(endpoint: Endpoint, method: 'GET' | 'POST', path: string, body?: unknown, timeoutMs = 30_000): Promise<JsonReply<T>> {
  const secure = endpoint.url.protocol === 'https:';
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((done, fail) => {
    const started = performance.now();
    const req = (secure ? https : http).request(
      {
        agent: secure ? agents.https : agents.http,
        host: endpoint.url.hostname,
        port: endpoint.url.port || (secure ? 443 : 80),
        path,
        method,
        servername: secure ? endpoint.host.split(':')[0] : undefined,
        headers: {
          host: endpoint.host,
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', fail);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON (an HTML error page): keep the text
          }
          done({ status: res.statusCode ?? 0, body: parsed as T, ms: performance.now() - started });
        });
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${path} timed out after ${timeoutMs} ms`)));
    req.on('error', fail);
    req.end(payload);
  });
}

export function closeAgents(): void {
  agents.http.destroy();
  agents.https.destroy();
}

const isLocalHost = (hostname: string) => hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '::1' || hostname === '[::1]';

export function tenantEndpoint(base: string, org: string): Endpoint {
  const url = new URL(base);
  if (isLocalHost(url.hostname)) return { url, host: `${org}.localhost${url.port ? `:${url.port}` : ''}` };
  if (url.hostname.startsWith(`${org}.`)) return { url, host: url.host };
  return { url, host: `${org}.${url.host}` };
}

// ---------------------------------------------------------------------------------------------
// The plan: defaults for every photo, then likely first upgrades

export interface Upgrade {
  subcategoryId: string;
  optionId: string;
  label: string;
  /** Saved sessions that chose it (0 when ranked by price). */
  chosenBy: number;
}

export interface Job {
  photo: CatalogPhoto;
  photoLabel: string;
  label: string;
  selections: Selections;
}

/**
 * Non-default visual picks ranked by how many saved sessions chose them, then (to fill the
 * budget, or alone without sessions) each visual subcategory's cheapest upgrade (in catalog
 * order), then the next cheapest of each, and so on: a first click is most often the smallest
 * step up.
 */
export function rankUpgrades(catalog: Catalog, sessionSelections: Selections[]): { upgrades: Upgrade[]; source: 'sessions' | 'price' } {
  const index = indexCatalog(catalog);
  const visual = [...index.subcategories.values()].filter((s) => s.isVisual);
  const label = (subId: string, optId: string) => `${index.subcategories.get(subId)!.name}: ${index.options.get(optId)!.option.name}`;

  const counts = new Map<string, number>();
  for (const selections of sessionSelections) {
    for (const sub of visual) {
      const opt = selections[sub.id];
      if (!opt || opt === defaultOptionId(sub) || index.options.get(opt)?.subcategory.id !== sub.id) continue;
      const key = `${sub.id} ${opt}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const chosen: Upgrade[] = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([key, chosenBy]) => {
      const [subcategoryId, optionId] = key.split(' ') as [string, string];
      return { subcategoryId, optionId, label: label(subcategoryId, optionId), chosenBy };
    });

  const perSub = visual.map((sub) =>
    sub.options
      .filter((o) => o.id !== defaultOptionId(sub))
      .sort((a, b) => a.priceCents - b.priceCents)
      .map((o) => ({ subcategoryId: sub.id, optionId: o.id, label: label(sub.id, o.id), chosenBy: 0 })),
  );
  const byPrice: Upgrade[] = [];
  for (let rank = 0; perSub.some((list) => list.length > rank); rank++) {
    for (const list of perSub) if (list[rank]) byPrice.push(list[rank]!);
  }
  // Sessions first; the cheapest upgrades fill the rest of the budget.
  const seen = new Set(chosen.map((u) => `${u.subcategoryId} ${u.optionId}`));
  const upgrades = [...chosen, ...byPrice.filter((u) => !seen.has(`${u.subcategoryId} ${u.optionId}`))];
  return { upgrades, source: chosen.length ? 'sessions' : 'price' };
}

export function planJobs(catalog: Catalog, upgrades: Upgrade[], limit: number): Job[] {
  const defaults = defaultSelections(indexCatalog(catalog));
  const photos = catalog.steps.flatMap((step) => step.photos.map((photo, i) => ({ photo, photoLabel: step.photos.length > 1 ? `${step.name} #${i + 1}` : step.name })));
  const jobs: Job[] = photos.map(({ photo, photoLabel }) => ({ photo, photoLabel, label: 'defaults', selections: defaults }));
  for (const upgrade of upgrades) {
    for (const { photo, photoLabel } of photos) {
      // An upgrade the photo does not show would only re-render its defaults.
      if (!photo.subcategoryIds.includes(upgrade.subcategoryId)) continue;
      jobs.push({ photo, photoLabel, label: upgrade.label, selections: { ...defaults, [upgrade.subcategoryId]: upgrade.optionId } });
    }
  }
  return jobs.slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// Running a job through the public API

export type Outcome = { kind: 'hit' | 'new'; hash: string; ms: number } | { kind: 'failed'; hash: string | null; ms: number; error: string };

export interface RunOptions {
  pollMs: number;
  timeoutMs: number;
  /** Called when a request is rate limited and the job waits. */
  onWait?: (seconds: number) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runJob(endpoint: Endpoint, floorplanSlug: string, job: Job, opts: RunOptions): Promise<Outcome> {
  const started = performance.now();
  const body = { floorplanSlug, stepPhotoId: job.photo.id, selections: job.selections };
  const deadline = started + opts.timeoutMs;
  const elapsed = () => performance.now() - started;

  let reply = await requestJson(endpoint, 'POST', '/api/generate/photo', body);
  for (let waits = 0; reply.status === 429 && waits < 5; waits++) {
    const seconds = Math.min(Math.max(1, Number(reply.body?.error?.details?.retryAfterSeconds) || 30), 120);
    opts.onWait?.(seconds);
    await sleep(seconds * 1000);
    reply = await requestJson(endpoint, 'POST', '/api/generate/photo', body);
  }
  const hash: string | null = reply.body?.hash ?? null;
  if (reply.status === 200 && reply.body?.status === 'complete') return { kind: 'hit', hash: hash!, ms: elapsed() };
  if (reply.status === 200 && reply.body?.status === 'failed') return { kind: 'failed', hash, ms: elapsed(), error: reply.body.error ?? 'failed' };
  if (reply.status !== 202 || !hash) return { kind: 'failed', hash, ms: elapsed(), error: `generate answered ${reply.status}: ${describe(reply.body)}` };

  while (performance.now() < deadline) {
    await sleep(opts.pollMs);
    const checked = await requestJson(endpoint, 'POST', '/api/generate/photo/check', { hash });
    const status = checked.body?.status;
    if (checked.status !== 200) return { kind: 'failed', hash, ms: elapsed(), error: `check answered ${checked.status}: ${describe(checked.body)}` };
    if (status === 'complete') return { kind: 'new', hash, ms: elapsed() };
    if (status === 'failed' || status === 'not_found') return { kind: 'failed', hash, ms: elapsed(), error: checked.body.error ?? status };
  }
  return { kind: 'failed', hash, ms: elapsed(), error: `not complete after ${Math.round(opts.timeoutMs / 1000)} s (still pending)` };
}

function describe(body: unknown): string {
  if (body && typeof body === 'object' && 'error' in body) {
    const e = (body as { error: { code?: string; message?: string } }).error;
    return `${e.code ?? ''} ${e.message ?? ''}`.trim();
  }
  return String(body).slice(0, 200);
}

// ---------------------------------------------------------------------------------------------
// CLI

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

async function sessionSelections(stateDir: string, org: string, floorplan: string): Promise<Selections[]> {
  const { queryLocal } = await import('./lib/local');
  // Slugs are checked against SLUG before they get here, so inlining them is safe.
  const rows = await queryLocal<{ selections: string }>(
    { persistTo: stateDir, port: 0 },
    `SELECT s.selections AS selections FROM buyer_sessions s
       JOIN floorplans f ON f.id = s.floorplan_id JOIN organizations o ON o.id = s.org_id
      WHERE o.slug = '${org}' AND f.slug = '${floorplan}'`,
  );
  return rows.map((r) => JSON.parse(r.selections) as Selections);
}

function fmtMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      floorplan: { type: 'string' },
      limit: { type: 'string', default: '20' },
      url: { type: 'string', default: 'http://127.0.0.1:8787' },
      concurrency: { type: 'string', default: '2' },
      'poll-ms': { type: 'string', default: '1000' },
      'timeout-s': { type: 'string', default: '300' },
      state: { type: 'string', default: '.wrangler/state' },
      'no-sessions': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const org = values.org ?? '';
  const floorplan = values.floorplan ?? '';
  if (!SLUG.test(org) || !SLUG.test(floorplan)) {
    console.error('usage: npm run pregenerate -- --org <slug> --floorplan <slug> [--limit N] [--url http://127.0.0.1:8787]');
    return 2;
  }
  const int = (name: string, v: string | undefined, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}`);
    return n;
  };
  const limit = int('limit', values.limit, 1, 1000);
  const concurrency = int('concurrency', values.concurrency, 1, 16);
  const pollMs = int('poll-ms', values['poll-ms'], 50, 60_000);
  const timeoutMs = int('timeout-s', values['timeout-s'], 1, 3600) * 1000;
  const endpoint = tenantEndpoint(values.url!, org);

  const catalogReply = await requestJson<Catalog>(endpoint, 'GET', `/api/catalog/${floorplan}`).catch((err: Error) => {
    throw new Error(`cannot reach ${endpoint.url.origin} (is \`npm start\` running?): ${err.message}`);
  });
  if (catalogReply.status !== 200) throw new Error(`GET /api/catalog/${floorplan} on ${endpoint.host} answered ${catalogReply.status}: ${describe(catalogReply.body)}`);
  const catalog = catalogReply.body;

  let sessions: Selections[] = [];
  if (!values['no-sessions'] && isLocalHost(endpoint.url.hostname)) {
    try {
      sessions = await sessionSelections(resolve(values.state!), org, floorplan);
    } catch (err) {
      console.warn(`! could not read saved sessions from ${values.state} (${(err as Error).message.split('\n')[0]}); ranking upgrades by price`);
    }
  }
  const { upgrades, source } = rankUpgrades(catalog, sessions);
  const jobs = planJobs(catalog, upgrades, limit);
  const photos = catalog.steps.reduce((n, s) => n + s.photos.length, 0);
  console.log(`${catalog.org.name} / ${catalog.floorplan.name} at ${endpoint.url.origin} (Host: ${endpoint.host})`);
  console.log(
    `${photos} photos; upgrades ranked by ${source === 'sessions' ? `${sessions.length} saved sessions, then by price` : 'price (no saved sessions with upgrades)'}; ` +
      `${jobs.length} images planned (limit ${limit}), ${concurrency} at a time`,
  );
  if (values['dry-run']) {
    jobs.forEach((j, i) => console.log(`  ${String(i + 1).padStart(3)}. ${j.photoLabel} · ${j.label}`));
    return 0;
  }

  const totals = { hit: 0, new: 0, failed: 0 };
  const started = performance.now();
  let next = 0;
  let done = 0;
  const width = String(jobs.length).length;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      let outcome: Outcome;
      try {
        outcome = await runJob(endpoint, floorplan, job, { pollMs, timeoutMs, onWait: (s) => console.log(`  … rate limited, waiting ${s} s`) });
      } catch (err) {
        outcome = { kind: 'failed', hash: null, ms: 0, error: (err as Error).message };
      }
      totals[outcome.kind]++;
      done++;
      const what = outcome.kind === 'failed' ? `FAILED: ${outcome.error}` : outcome.kind === 'hit' ? 'hit (cached)' : 'new';
      console.log(`[${String(done).padStart(width)}/${jobs.length}] ${job.photoLabel} · ${job.label} … ${what} (${fmtMs(outcome.ms)})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  console.log(`\ndone in ${fmtMs(performance.now() - started)}: ${totals.hit} hits, ${totals.new} new, ${totals.failed} failed`);
  return totals.failed > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  let code = 1;
  try {
    code = await main();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
  } finally {
    closeAgents();
  }
  process.exit(code);
}
