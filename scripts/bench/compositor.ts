/**
 * `npm run bench:compositor`: the offline compositor provider on a 1536x1024 seed room photo
 * (primary bath: 6 surfaces) with 6 seed swatches, the size and shape of a real Visualize job.
 *
 * Measured twice, the same code and inputs:
 *   1. in this Node process (V8, @cf-wasm/photon's `node` build), and
 *   2. inside workerd: a tiny harness Worker (generated under .bench/compositor-harness, run with
 *      `wrangler dev` on 127.0.0.1:8796) that times the calls itself with performance.now()
 *      (which advances during CPU work in local workerd, unlike on the edge). Each /once
 *      request is also timed from here as a cross-check that includes the HTTP hop.
 * Prints mean / p50 / p99 / max ms of the whole provider call and of decode (photo + swatches),
 * paint (tiles + coverage + shading) and encode, and the output bytes, for the default lossless
 * WebP output and for PNG (to show why WebP is the default). Goal: under 300 ms per call.
 *
 * BENCH_ITERATIONS (default 30) timed calls per measurement (each also stops after 30 s);
 * BENCH_WORKERD=0 skips the workerd half; BENCH_COMPOSITOR_PORT (default 8796, inspector +1).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRoomPhoto, renderSwatch, type SwatchSpec } from '../seed/images/index';
import type { PhotoSurface } from '../../worker/domain/surfaces';
import type { OutputFormat } from '../../worker/generation/codec';
import { createCompositor, type CompositorTimings } from '../../worker/generation/compositor';
import type { GenerationItem, GenerationRequest } from '../../worker/generation/provider';
import { spawnWrangler, stopServersOnExit, waitUntilReady, type Server } from './servers';
import { envInt, fmt, heading, printTable, summarize } from './stats';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const ITERATIONS = envInt('BENCH_ITERATIONS', 30, 3, 10_000);
const WARMUP = 3;
const MAX_MS_PER_MEASUREMENT = 30_000;
const PORT = envInt('BENCH_COMPOSITOR_PORT', 8796, 1024, 65_000);
const HARNESS_DIR = resolve(ROOT, '.bench/compositor-harness');
const GOAL_MS = 300;

// ---------------------------------------------------------------------------------------------
// Inputs: the seed's own renderer, so the polygons, tile scales and photo statistics are real.

const SWATCHES: Record<string, Omit<SwatchSpec, 'seed'>> = {
  floor: { material: 'tile', color: '#a39a8e', accent: '#7d756b' },
  walls: { material: 'paint', color: '#cdd3c8' },
  vanity: { material: 'wood', color: '#3b2a22', accent: '#2a1d17' },
  'vanity-top': { material: 'quartz', color: '#f5f4f0' },
  'shower-tile': { material: 'tile', color: '#2f6f8f' },
  mirror: { material: 'metal', color: '#c9ccd0' },
};

interface Inputs {
  photo: Uint8Array;
  surfaces: PhotoSurface[];
  items: Array<{ subcategoryId: string; swatch: Uint8Array }>;
}

function buildInputs(): Inputs {
  const room = renderRoomPhoto('primary-bath', { width: 1536, height: 1024, seed: 42 });
  const surfaces: PhotoSurface[] = room.surfaces.map((s) => ({ key: s.key, label: s.label, subcategoryId: s.key, polygons: s.polygons, tileScale: s.tileScale }));
  const items = room.surfaces.map((s, i) => {
    const spec = SWATCHES[s.key];
    if (!spec) throw new Error(`no bench swatch for surface "${s.key}"`);
    return { subcategoryId: s.key, swatch: renderSwatch({ ...spec, seed: 100 + i }) };
  });
  return { photo: room.jpeg, surfaces, items };
}

function toRequest(inputs: Inputs): GenerationRequest {
  const items: GenerationItem[] = inputs.items.map((it) => ({
    subcategoryId: it.subcategoryId,
    subcategoryName: it.subcategoryId,
    optionId: `bench-${it.subcategoryId}`,
    optionName: it.subcategoryId,
    descriptor: null,
    swatch: { bytes: it.swatch, mimeType: 'image/png' },
    swatchColor: null,
  }));
  return {
    hash: 'bench',
    model: 'compositor',
    photo: { bytes: inputs.photo, mimeType: 'image/jpeg', width: 1536, height: 1024 },
    surfaces: inputs.surfaces,
    spatialHint: null,
    policy: null,
    items,
    scratch: { put: async () => {}, get: async () => null },
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Sample extends CompositorTimings {
  totalMs: number;
  bytes: number;
  swatchCount: number;
}

interface Run {
  where: string;
  format: OutputFormat;
  coldMs: number | null;
  samples: Sample[];
  /** Wall time of the same calls seen from outside (workerd only: includes the HTTP hop). */
  wallMs?: number[];
}

async function runInNode(inputs: Inputs, format: OutputFormat, withCold: boolean): Promise<Run> {
  let last: CompositorTimings | null = null;
  const compositor = createCompositor({ format, onTimings: (t) => (last = t) });
  const request = toRequest(inputs);
  const call = async (): Promise<Sample> => {
    const t0 = performance.now();
    const result = await compositor.generate(request);
    const totalMs = performance.now() - t0;
    return { ...last!, totalMs, bytes: result.image.bytes.length, swatchCount: result.swatchCount };
  };
  const coldMs = withCold ? (await call()).totalMs : null;
  for (let i = 0; i < WARMUP; i++) await call();
  const samples: Sample[] = [];
  const stopAt = performance.now() + MAX_MS_PER_MEASUREMENT;
  while (samples.length < ITERATIONS && performance.now() < stopAt) samples.push(await call());
  return { where: `Node ${process.version}`, format, coldMs, samples };
}

// --- workerd: a generated harness Worker under `wrangler dev` ---------------------------------

const HARNESS_SOURCE = `// Generated by scripts/bench/compositor.ts; safe to delete.
import { createCompositor, type CompositorTimings } from '../../worker/generation/compositor';
import type { GenerationRequest } from '../../worker/generation/provider';

let request: GenerationRequest | null = null;
const bytes = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));

async function call(format: 'webp' | 'png') {
  let last: CompositorTimings | null = null;
  const compositor = createCompositor({ format, onTimings: (t) => (last = t) });
  const t0 = performance.now();
  const result = await compositor.generate(request!);
  const totalMs = performance.now() - t0;
  return { ...last!, totalMs, bytes: result.image.bytes.length, swatchCount: result.swatchCount };
}

export default {
  async fetch(req: Request): Promise<Response> {
    const url = new URL(req.url);
    if (url.pathname === '/') return new Response('ready');
    if (url.pathname === '/setup') {
      const body = (await req.json()) as { photo: string; surfaces: GenerationRequest['surfaces']; items: Array<{ subcategoryId: string; swatch: string }> };
      request = {
        hash: 'bench',
        model: 'compositor',
        photo: { bytes: bytes(body.photo), mimeType: 'image/jpeg', width: 1536, height: 1024 },
        surfaces: body.surfaces,
        spatialHint: null,
        policy: null,
        items: body.items.map((it) => ({
          subcategoryId: it.subcategoryId,
          subcategoryName: it.subcategoryId,
          optionId: 'bench-' + it.subcategoryId,
          optionName: it.subcategoryId,
          descriptor: null,
          swatch: { bytes: bytes(it.swatch), mimeType: 'image/png' as const },
          swatchColor: null,
        })),
        scratch: { put: async () => {}, get: async () => null },
      };
      return new Response('ok');
    }
    if (!request) return new Response('not set up', { status: 409 });
    if (url.pathname === '/once') {
      const format = url.searchParams.get('format') === 'png' ? 'png' : 'webp';
      return Response.json(await call(format));
    }
    return new Response('not found', { status: 404 });
  },
};
`;

const running: Server[] = [];
const stopAll = () => Promise.all(running.splice(0).map((s) => s.stop())).then(() => undefined);
stopServersOnExit(running, stopAll);

function compatibilitySettings(): { date: string; flags: string } {
  const toml = readFileSync(resolve(ROOT, 'wrangler.toml'), 'utf8');
  const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  const flags = /^compatibility_flags\s*=\s*(\[[^\]]*\])/m.exec(toml)?.[1];
  if (!date) throw new Error('compatibility_date not found in wrangler.toml');
  return { date, flags: flags ?? '[]' };
}

async function startHarness(): Promise<string> {
  mkdirSync(HARNESS_DIR, { recursive: true });
  const { date, flags } = compatibilitySettings();
  writeFileSync(resolve(HARNESS_DIR, 'worker.ts'), HARNESS_SOURCE);
  writeFileSync(
    resolve(HARNESS_DIR, 'wrangler.toml'),
    `# Generated by scripts/bench/compositor.ts (same compatibility settings as the root wrangler.toml).\n` +
      `name = "finch-bench-compositor"\nmain = "worker.ts"\ncompatibility_date = "${date}"\ncompatibility_flags = ${flags}\nsend_metrics = false\nminify = true\n`,
  );
  const server = spawnWrangler(
    'compositor harness',
    [
      'dev',
      '--config', resolve(HARNESS_DIR, 'wrangler.toml'),
      '--ip', '127.0.0.1',
      '--port', String(PORT),
      '--inspector-port', String(PORT + 1),
      '--persist-to', resolve(HARNESS_DIR, 'state'),
      '--show-interactive-dev-session=false',
    ],
    running,
  );
  const base = `http://127.0.0.1:${PORT}`;
  await waitUntilReady(server, async () => (await (await fetch(`${base}/`)).text()) === 'ready');
  return base;
}

async function runInWorkerd(base: string, inputs: Inputs, format: OutputFormat, withCold: boolean): Promise<Run> {
  const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
  const setup = await fetch(`${base}/setup`, {
    method: 'POST',
    body: JSON.stringify({ photo: b64(inputs.photo), surfaces: inputs.surfaces, items: inputs.items.map((it) => ({ subcategoryId: it.subcategoryId, swatch: b64(it.swatch) })) }),
  });
  if (!setup.ok) throw new Error(`harness setup failed: ${setup.status} ${await setup.text()}`);
  const once = async (): Promise<{ sample: Sample; wallMs: number }> => {
    const t0 = performance.now();
    const reply = await fetch(`${base}/once?format=${format}`, { method: 'POST' });
    const body = await reply.text();
    const wallMs = performance.now() - t0;
    if (!reply.ok) throw new Error(`harness /once failed: ${reply.status} ${body.slice(0, 300)}`);
    return { sample: JSON.parse(body) as Sample, wallMs };
  };
  const coldMs = withCold ? (await once()).sample.totalMs : null;
  for (let i = 0; i < WARMUP; i++) await once();
  const samples: Sample[] = [];
  const wallMs: number[] = [];
  const stopAt = performance.now() + MAX_MS_PER_MEASUREMENT;
  while (samples.length < ITERATIONS && performance.now() < stopAt) {
    const { sample, wallMs: w } = await once();
    samples.push(sample);
    wallMs.push(w);
  }
  return { where: 'workerd (wrangler dev)', format, coldMs, samples, wallMs };
}

// ---------------------------------------------------------------------------------------------
// Report

function rows(run: Run): string[][] {
  const label = `${run.where}, ${run.format}`;
  const measures: Array<[string, number[]]> = [
    ['whole provider call', run.samples.map((s) => s.totalMs)],
    ['  decode (photo + swatches)', run.samples.map((s) => s.decodeMs)],
    ['  paint (tiles, coverage, shading)', run.samples.map((s) => s.paintMs)],
    ['  encode', run.samples.map((s) => s.encodeMs)],
  ];
  if (run.wallMs) measures.push(['  /once seen from Node (incl. HTTP)', run.wallMs]);
  return measures.map(([name, values], i) => {
    const s = summarize(values);
    return [i === 0 ? label : '', name, String(s.n), fmt(s.mean), fmt(s.p50), fmt(s.p99), fmt(s.max)];
  });
}

async function main(): Promise<void> {
  heading('Compositor provider: 1536x1024 JPEG room photo (primary bath), 6 surfaces, 6 swatches (256x256 PNG)');
  const t0 = performance.now();
  const inputs = buildInputs();
  const polygons = inputs.surfaces.reduce((n, s) => n + s.polygons.length, 0);
  console.log(
    `inputs rendered by the seed in ${fmt(performance.now() - t0, 0)} ms: photo ${inputs.photo.length.toLocaleString('en-US')} B JPEG, ` +
      `surfaces ${inputs.surfaces.map((s) => `${s.key} (tileScale ${s.tileScale})`).join(', ')}; ${polygons} polygons; ` +
      `${ITERATIONS} timed calls per row after ${WARMUP} warm-up calls`,
  );

  const runs: Run[] = [];
  runs.push(await runInNode(inputs, 'webp', true));
  runs.push(await runInNode(inputs, 'png', false));

  if (process.env.BENCH_WORKERD !== '0') {
    console.log(`starting the harness Worker with wrangler dev on 127.0.0.1:${PORT}`);
    try {
      const base = await startHarness();
      runs.push(await runInWorkerd(base, inputs, 'webp', true));
      runs.push(await runInWorkerd(base, inputs, 'png', false));
    } finally {
      await stopAll();
    }
  }

  heading('Per call (ms)');
  printTable(['where, output', 'measurement', 'calls', 'mean ms', 'p50 ms', 'p99 ms', 'max ms'], runs.flatMap(rows));

  heading('Output and first call');
  printTable(
    ['where, output', 'output bytes', 'vs input JPEG', 'swatches painted', 'first call ms (WASM instantiation, cold JIT)'],
    runs.map((r) => {
      const bytes = r.samples[r.samples.length - 1]!.bytes;
      return [`${r.where}, ${r.format}`, `${bytes.toLocaleString('en-US')} B`, `${fmt(bytes / inputs.photo.length, 1)}x`, String(r.samples[0]!.swatchCount), r.coldMs === null ? '-' : fmt(r.coldMs)];
    }),
  );

  const headline = runs.find((r) => r.where.startsWith('workerd') && r.format === 'webp') ?? runs[0]!;
  const s = summarize(headline.samples.map((x) => x.totalMs));
  heading(`Goal: under ${GOAL_MS} ms per call (the default lossless WebP output)`);
  const verdict = s.p99 < GOAL_MS ? '\x1b[32mwithin\x1b[0m' : '\x1b[31mover\x1b[0m';
  console.log(`${verdict}  ${headline.where}: p50 ${fmt(s.p50)} ms, p99 ${fmt(s.p99)} ms = ${fmt((s.p99 / GOAL_MS) * 100, 1)} % of the budget`);
  console.log('Figures from this machine (local workerd and Node share its cores with wrangler); the edge\'s CPUs differ.');
  console.log('Lossless only: pixels outside the painted surfaces must stay identical to the decoded photo.');
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
