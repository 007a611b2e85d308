/**
 * `npm run bench:pricing`: per-call cost of the pure pricing code the Worker runs, on a
 * synthetic catalog of 300 subcategories (~4 options each, some additive, 50 rules) and a
 * session with all 300 chosen. Prints mean / p50 / p99 in µs against a baseline measured in
 * the same process (a JSON round trip of the same 300 selections). Goal: under 1 ms per save.
 *
 * BENCH_ITERATIONS (default 20000) sets the timed calls per measurement.
 */
import { performance } from 'node:perf_hooks';
import { indexCatalog, type Catalog, type CatalogCategory, type CatalogOption, type CatalogRule, type CatalogSubcategory, type Quantities, type Selections } from '../../worker/domain/catalog';
import { computeTotal, defaultSelections, validateSelections } from '../../worker/domain/pricing';
import { findConflicts } from '../../worker/domain/rules';
import { envInt, fmt, heading, printTable, ratio, summarize, type Summary } from './stats';

const SUBCATEGORIES = 300;
const PER_CATEGORY = 10;
const OPTION_COUNTS = [3, 4, 5, 4]; // cycles: 4 options per subcategory on average
const ADDITIVE_EVERY = 6;
const RULES = 50;
const ITERATIONS = envInt('BENCH_ITERATIONS', 20_000, 100, 10_000_000);
const WARMUP = Math.max(1_000, Math.round(ITERATIONS / 5));
/** Each measurement also stops after this long, so a slow machine still finishes. */
const MAX_MS_PER_MEASUREMENT = 5_000;
const GOAL_US = 1_000;

// ---------------------------------------------------------------------------------------------
// Synthetic catalog (deterministic)

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(0xf1ac4);
const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
/** UUID-shaped ids, like the real catalog's. */
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

interface Synthetic {
  catalog: Catalog;
  selections: Selections;
  quantities: Quantities;
}

function buildSynthetic(): Synthetic {
  const subs: CatalogSubcategory[] = [];
  for (let i = 0; i < SUBCATEGORIES; i++) {
    const count = OPTION_COUNTS[i % OPTION_COUNTS.length]!;
    const additive = i % ADDITIVE_EVERY === 0;
    const options: CatalogOption[] = Array.from({ length: count }, (_, j) => ({
      id: uuid(),
      slug: `option-${i}-${j}`,
      name: `Option ${j + 1} of subcategory ${i + 1}`,
      description: j % 2 ? 'A longer description of the upgrade, as an admin would write it.' : null,
      priceCents: j === 0 ? 0 : Math.round(random() * 2_000_000),
      swatchUrl: j % 3 === 0 ? null : `/media/org/swatches/${i}-${j}.png`,
      swatchColor: '#a0a0a0',
      isDefault: j === 0,
    }));
    subs.push({
      id: uuid(),
      slug: `subcategory-${i}`,
      name: `Subcategory ${i + 1}`,
      isVisual: i % 2 === 0,
      isAdditive: additive,
      maxQuantity: additive ? 20 : 1,
      unitLabel: additive ? 'each' : null,
      options,
    });
  }
  const categories: CatalogCategory[] = [];
  for (let c = 0; c * PER_CATEGORY < subs.length; c++) {
    categories.push({ id: uuid(), slug: `category-${c}`, name: `Category ${c + 1}`, subcategories: subs.slice(c * PER_CATEGORY, (c + 1) * PER_CATEGORY) });
  }

  // Every subcategory chosen, mostly priced upgrades (the most work for every check).
  const selections: Selections = {};
  const quantities: Quantities = {};
  subs.forEach((s, i) => {
    selections[s.id] = s.options[1 + (i % (s.options.length - 1))]!.id;
    if (s.isAdditive) quantities[s.id] = 1 + (i % s.maxQuantity);
  });

  // 50 rules, all on chosen options so each one is evaluated, and all satisfied (a save that succeeds):
  // "requires" points at the other subcategory's chosen option, "excludes" at one that is not chosen.
  const rules: CatalogRule[] = [];
  for (let r = 0; r < RULES; r++) {
    const from = subs[(r * 7) % subs.length]!;
    const to = subs[(r * 7 + 3 + r) % subs.length]!;
    const chosenTo = selections[to.id]!;
    const target = r % 2 === 0 ? chosenTo : to.options.find((o) => o.id !== chosenTo)!.id;
    rules.push({ optionId: selections[from.id]!, kind: r % 2 === 0 ? 'requires' : 'excludes', targetOptionId: target, message: r % 4 === 0 ? 'Needs the matching upgrade' : null });
  }

  const catalog: Catalog = {
    org: { slug: 'bench', name: 'Bench Homes', theme: { primaryColor: '#112233', secondaryColor: '#ffffff', accentColor: '#cc5500' }, logoUrl: null },
    floorplan: { id: uuid(), slug: 'bench-plan', name: 'Bench Plan', description: null, bedrooms: 4, bathrooms: 3, squareFeet: 2500, basePriceCents: 45_000_000 },
    version: 1,
    steps: categories.map((cat, i) => ({
      id: uuid(),
      slug: `step-${i}`,
      name: cat.name,
      subtitle: null,
      sections: [{ title: cat.name, subcategoryIds: cat.subcategories.map((s) => s.id) }],
      photos: [],
    })),
    categories,
    rules,
  };
  return { catalog, selections, quantities };
}

// ---------------------------------------------------------------------------------------------
// Timing

let sink = 0;
/** Keeps results alive so the JIT cannot drop the work. */
function consume(value: unknown): void {
  if (typeof value === 'number') sink = (sink + value) | 0;
  else if (Array.isArray(value)) sink = (sink + value.length) | 0;
  else if (value && typeof value === 'object') sink = (sink + 1) | 0;
}

interface Measurement {
  name: string;
  perCall: Summary;
  /** Mean from timing a tight loop of calls as one block (no per-call timer overhead). */
  batchedMeanUs: number;
}

function bench(name: string, fn: () => unknown): Measurement {
  for (let i = 0; i < WARMUP; i++) consume(fn());
  const samples = new Float64Array(ITERATIONS);
  const stopAt = performance.now() + MAX_MS_PER_MEASUREMENT;
  let n = 0;
  while (n < ITERATIONS) {
    const t0 = performance.now();
    const result = fn();
    const t1 = performance.now();
    consume(result);
    samples[n++] = (t1 - t0) * 1000;
    if ((n & 255) === 0 && t1 > stopAt) break;
  }
  const block = Math.max(1, Math.min(n, 5_000));
  const b0 = performance.now();
  for (let i = 0; i < block; i++) consume(fn());
  const batchedMeanUs = ((performance.now() - b0) * 1000) / block;
  return { name, perCall: summarize(samples.subarray(0, n)), batchedMeanUs };
}

// ---------------------------------------------------------------------------------------------

const { catalog, selections, quantities } = buildSynthetic();
const catalogJson = JSON.stringify(catalog);
const index = indexCatalog(catalog);
const optionCount = index.options.size;
const additive = [...index.subcategories.values()].filter((s) => s.isAdditive).length;

// Sanity: the session is valid and conflict-free, so the save path below is the successful one.
const issues = validateSelections(index, selections, quantities);
const conflicts = findConflicts(index, selections);
if (issues.length || conflicts.length) throw new Error(`synthetic session is not valid: ${issues.length} issues, ${conflicts.length} conflicts`);
const total = computeTotal(index, selections, quantities);

heading('Pricing (pure domain code, Node ' + process.version + ')');
console.log(
  `catalog: ${index.subcategories.size} subcategories (${additive} additive), ${optionCount} options, ${catalog.rules.length} rules, ` +
    `${catalogJson.length.toLocaleString('en-US')} bytes as JSON; session: ${Object.keys(selections).length} selections, ` +
    `${Object.keys(quantities).length} quantities, total ${(total / 100).toLocaleString('en-US', { style: 'currency', currency: 'USD' })}`,
);
console.log(`${ITERATIONS.toLocaleString('en-US')} timed calls each (at most ${MAX_MS_PER_MEASUREMENT / 1000} s) after ${WARMUP.toLocaleString('en-US')} warm-up calls`);

const overhead = bench('timer overhead (empty call)', () => 0);
const baseline = bench('baseline: JSON round trip of the 300 selections', () => JSON.parse(JSON.stringify(selections)));
const totalOnly = bench('computeTotal', () => computeTotal(index, selections, quantities));
const save = bench('save path: validateSelections + findConflicts + computeTotal', () => {
  const found = validateSelections(index, selections, quantities).length + findConflicts(index, selections).length;
  return found + computeTotal(index, selections, quantities);
});
const validateOnly = bench('  of which validateSelections', () => validateSelections(index, selections, quantities));
const conflictsOnly = bench('  of which findConflicts', () => findConflicts(index, selections));
const indexing = bench('indexCatalog (once per request on the server)', () => indexCatalog(catalog));
const defaults = bench('defaultSelections', () => defaultSelections(index));
const parse = bench('JSON.parse of the catalog JSON (getCatalog, per request)', () => JSON.parse(catalogJson));
// What PUT /api/sessions/:id does in CPU besides I/O: parse the cached catalog JSON, index it,
// reconcile the stored session against it (defaults + merge), then validate, check and price.
const full = bench('full save CPU: JSON.parse(catalog) + index + reconcile + save path', () => {
  const parsed = JSON.parse(catalogJson) as Catalog;
  const idx = indexCatalog(parsed);
  const merged: Selections = { ...defaultSelections(idx) };
  for (const [sub, opt] of Object.entries(selections)) if (idx.options.get(opt)?.subcategory.id === sub) merged[sub] = opt;
  const found = validateSelections(idx, selections, quantities).length + findConflicts(idx, merged).length;
  return found + computeTotal(idx, merged, quantities);
});
const results = [overhead, baseline, totalOnly, save, validateOnly, conflictsOnly, indexing, defaults, parse, full];

heading('Per call (µs)');
printTable(
  ['measurement', 'calls', 'mean µs', 'batched mean µs', 'p50 µs', 'p99 µs', 'max µs', 'mean vs baseline', 'p99 vs baseline'],
  results.map((r) => [
    r.name,
    r.perCall.n.toLocaleString('en-US'),
    fmt(r.perCall.mean),
    fmt(r.batchedMeanUs),
    fmt(r.perCall.p50),
    fmt(r.perCall.p99),
    fmt(r.perCall.max),
    r === baseline || r === overhead ? '-' : ratio(r.perCall.mean, baseline.perCall.mean),
    r === baseline || r === overhead ? '-' : ratio(r.perCall.p99, baseline.perCall.p99),
  ]),
);

heading(`Goal: server price computation for 300 selections under ${GOAL_US} µs`);
const verdict = (us: number) => (us < GOAL_US ? '\x1b[32mwithin\x1b[0m' : '\x1b[31mover\x1b[0m');
const pct = (us: number) => `${fmt((us / GOAL_US) * 100, 1)} % of the budget`;
console.log(`${verdict(save.perCall.p99)}  ${save.name}: p99 ${fmt(save.perCall.p99)} µs = ${pct(save.perCall.p99)} (mean ${fmt(save.perCall.mean)} µs)`);
const withIndex = save.perCall.mean + indexing.perCall.mean;
console.log(`${verdict(withIndex)}  + indexCatalog, which the server builds per request: mean ${fmt(withIndex)} µs = ${pct(withIndex)}`);
console.log(
  `context: ${full.name}: mean ${fmt(full.perCall.mean)} µs, p99 ${fmt(full.perCall.p99)} µs ` +
    `(JSON.parse of the ${Math.round(catalogJson.length / 1000)} kB catalog alone: mean ${fmt(parse.perCall.mean)} µs)`,
);
console.log(`(figures from Node/V8 on this machine; workerd runs the same V8, the edge's CPUs differ. sink ${sink & 1})`);
