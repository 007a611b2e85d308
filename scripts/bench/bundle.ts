/**
 * `npm run bench:bundle`: builds the web app and measures the JavaScript a buyer page
 * (`/` and `/:floorplanSlug`, both served dist/web/index.html) loads eagerly: the entry
 * script, the modulepreloads, and the static import graph of those chunks. Dynamic `import()`
 * targets are lazy and listed separately. Prints raw and gzip (level 9) bytes against the goal
 * (< 150 kB gzip, kB = 1000 bytes as Vite prints them), and exits 1 if an eagerly loaded chunk
 * contains Babylon.js.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWeb, ROOT } from '../lib/local';
import { fmt, heading, printTable } from './stats';

const DIST = resolve(ROOT, 'dist/web');
const GOAL_GZIP_BYTES = 150_000;
/** Strings only Babylon.js ships (it registers classes as "BABYLON.<Name>"); case-sensitive. */
const BABYLON_MARKERS = ['BABYLON', '@babylonjs', 'ArcRotateCamera'];

interface Chunk {
  /** URL path, e.g. /assets/index-abc.js */
  url: string;
  raw: number;
  gzip: number;
  staticImports: string[];
  dynamicImports: string[];
  babylon: string[];
}

const chunks = new Map<string, Chunk>();

function resolveSpecifier(fromUrl: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && !specifier.startsWith('/')) return null; // bare / external
  return specifier.startsWith('/') ? specifier : posix.normalize(posix.join(posix.dirname(fromUrl), specifier));
}

/**
 * Static imports of a minified ES chunk: the `import … from "./x.js"` / `import "./x.js"`
 * statements at its top (after Vite's one-line `__vite__mapDeps` helper, if present), plus
 * any `export … from "./x.js"` re-exports anywhere.
 */
function staticImportsOf(code: string): string[] {
  const found: string[] = [];
  const statement =
    /\s*(?:const __vite__mapDeps=[^\n]*\n|import\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s*[\w$]+|\{[^}]*\})?\s*(?:from\s*)?(["'`])([^"'`]+)\1\s*;?|import\s*[\w$]+\s*from\s*(["'`])([^"'`]+)\3\s*;?)/y;
  let match: RegExpExecArray | null;
  while ((match = statement.exec(code))) {
    const specifier = match[2] ?? match[4];
    if (specifier) found.push(specifier);
  }
  for (const m of code.matchAll(/export\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*(["'`])([^"'`]+)\1/g)) found.push(m[2]!);
  return [...new Set(found)];
}

function dynamicImportsOf(code: string): string[] {
  return [...new Set([...code.matchAll(/\bimport\(\s*(["'`])([^"'`$]+)\1\s*\)/g)].map((m) => m[2]!))];
}

function load(url: string): Chunk {
  const cached = chunks.get(url);
  if (cached) return cached;
  const file = resolve(DIST, `.${url}`);
  if (!existsSync(file)) throw new Error(`${url} is referenced but ${file} does not exist`);
  const buf = readFileSync(file);
  const code = buf.toString('utf8');
  const chunk: Chunk = {
    url,
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    staticImports: staticImportsOf(code).map((s) => resolveSpecifier(url, s)).filter((s): s is string => !!s),
    dynamicImports: dynamicImportsOf(code).map((s) => resolveSpecifier(url, s)).filter((s): s is string => !!s),
    babylon: BABYLON_MARKERS.filter((m) => code.includes(m)),
  };
  chunks.set(url, chunk);
  return chunk;
}

/** The static closure of `roots` (in discovery order), skipping `exclude`. */
function closure(roots: string[], exclude = new Set<string>()): Chunk[] {
  const seen = new Set<string>();
  const out: Chunk[] = [];
  const visit = (url: string) => {
    if (seen.has(url) || exclude.has(url)) return;
    seen.add(url);
    const chunk = load(url);
    out.push(chunk);
    chunk.staticImports.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

const kb = (bytes: number) => `${fmt(bytes / 1000, 1)} kB`;

// ---------------------------------------------------------------------------------------------

heading('Buyer page JavaScript (vite build)');
buildWeb();
const html = readFileSync(resolve(DIST, 'index.html'), 'utf8');
const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`).exec(tag)?.[1];
const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
const entries = tags.filter((t) => t.startsWith('<script') && /type\s*=\s*["']module["']/.test(t)).map((t) => attr(t, 'src')).filter((s): s is string => !!s);
const preloads = tags.filter((t) => /rel\s*=\s*["']modulepreload["']/.test(t)).map((t) => attr(t, 'href')).filter((s): s is string => !!s);
const styles = tags.filter((t) => /rel\s*=\s*["']stylesheet["']/.test(t)).map((t) => attr(t, 'href')).filter((s): s is string => !!s);
if (entries.length === 0) throw new Error('dist/web/index.html has no module script');
const local = (u: string) => u.startsWith('/') && !u.startsWith('//');
for (const u of [...entries, ...preloads].filter((u) => !local(u))) console.warn(`  ! external script not measured: ${u}`);

const eager = closure([...entries, ...preloads].filter(local));
const eagerSet = new Set(eager.map((c) => c.url));
const why = (c: Chunk) =>
  [entries.includes(c.url) && 'entry', preloads.includes(c.url) && 'modulepreload', eager.some((p) => p.staticImports.includes(c.url)) && 'static import']
    .filter(Boolean)
    .join(', ');
const notPreloaded = eager.filter((c) => !entries.includes(c.url) && !preloads.includes(c.url));

const eagerRaw = eager.reduce((s, c) => s + c.raw, 0);
const eagerGzip = eager.reduce((s, c) => s + c.gzip, 0);
console.log(`entry ${entries.join(', ')}; ${preloads.length} modulepreload(s); ${eager.length} chunk(s) in the static graph`);
printTable(
  ['eager chunk', 'loaded as', 'raw', 'gzip', 'Babylon markers'],
  [
    ...eager.map((c) => [c.url, why(c), kb(c.raw), kb(c.gzip), c.babylon.join(', ') || 'none']),
    ['total', '', kb(eagerRaw), kb(eagerGzip), ''],
  ],
);
if (notPreloaded.length) console.log(`note: statically imported but not modulepreloaded (a request waterfall): ${notPreloaded.map((c) => c.url).join(', ')}`);
for (const href of styles.filter(local)) {
  const buf = readFileSync(resolve(DIST, `.${href}`));
  console.log(`(CSS, not counted: ${href} ${kb(buf.length)} raw, ${kb(gzipSync(buf, { level: 9 }).length)} gzip)`);
}

// Lazy: every dynamic import() reachable from anything loaded, with what it adds on top.
heading('Lazy chunks (dynamic import(), not loaded by buyer pages up front)');
const lazyRows: string[][] = [];
const lazySeen = new Set<string>();
// `loaded`: what is already in the page when that import() runs (the eager graph, plus the
// lazy chunks that led there), so "adds" is what that import downloads on top.
const queue = eager.flatMap((c) => c.dynamicImports.map((target) => ({ from: c.url, target, loaded: eagerSet })));
for (let i = 0; i < queue.length && i < 10_000; i++) {
  const { from, target, loaded } = queue[i]!;
  if (eagerSet.has(target) || lazySeen.has(target)) continue;
  lazySeen.add(target);
  const own = load(target);
  const adds = closure([target], loaded);
  const addsGzip = adds.reduce((s, c) => s + c.gzip, 0);
  const markers = [...new Set(adds.flatMap((c) => c.babylon))];
  const via = loaded === eagerSet ? posix.basename(from) : `${posix.basename(from)} (lazy)`;
  lazyRows.push([target, via, kb(own.raw), kb(own.gzip), `${adds.length} chunk(s), ${kb(addsGzip)}`, markers.join(', ') || 'none']);
  const after = new Set([...loaded, ...adds.map((c) => c.url)]);
  for (const c of adds) for (const t of c.dynamicImports) queue.push({ from: c.url, target: t, loaded: after });
}
if (lazyRows.length) printTable(['lazy chunk', 'imported by', 'raw', 'gzip', 'downloads (with static imports, gzip)', 'Babylon markers'], lazyRows);
else console.log('none');

// ---------------------------------------------------------------------------------------------

heading('Verdict');
const babylonEager = eager.filter((c) => c.babylon.length > 0);
const detectorWorks = [...chunks.values()].some((c) => c.babylon.length > 0);
const within = eagerGzip < GOAL_GZIP_BYTES;
console.log(
  `${within ? '\x1b[32mwithin\x1b[0m' : '\x1b[31mover\x1b[0m'}  eager JS ${kb(eagerGzip)} gzip of the ${kb(GOAL_GZIP_BYTES)} goal ` +
    `(${fmt((eagerGzip / GOAL_GZIP_BYTES) * 100, 1)} %; ${eagerGzip.toLocaleString('en-US')} bytes, ${eagerRaw.toLocaleString('en-US')} raw)`,
);
if (!detectorWorks) console.warn('  ! no chunk at all contains a Babylon marker: the check below cannot tell (is Babylon still in the build?)');
if (babylonEager.length) {
  console.error(`\x1b[31mFAIL\x1b[0m  Babylon is loaded eagerly by buyer pages: ${babylonEager.map((c) => `${c.url} (${c.babylon.join(', ')})`).join('; ')}`);
  process.exit(1);
}
console.log(`\x1b[32mok\x1b[0m    no eagerly loaded chunk contains Babylon${detectorWorks ? ' (the markers are found in the lazy chunks, so the check is live)' : ''}`);
