/**
 * `npm run bench`: every benchmark in sequence, each in its own process (so the pricing
 * micro-benchmark's JIT and GC state is not shared with the others). Exits non-zero if any failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../lib/local';

const BENCHES = ['catalog', 'pricing', 'bundle', 'compositor', 'generate'] as const;
let current: ChildProcess | undefined;
let interrupted = false;

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    // The child cleans up its own servers on the signal (and gets SIGINT from the terminal too).
    current?.kill(signal);
  });
}

function run(name: string): Promise<number> {
  return new Promise((done) => {
    // `node --import tsx` rather than the tsx CLI: no wrapper process between us and the bench, so a
    // signal reaches the bench itself (the CLI SIGKILLs a child that does not acknowledge it in 30 ms).
    current = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, `scripts/bench/${name}.ts`)], { cwd: ROOT, stdio: 'inherit' });
    current.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
    current.on('error', () => done(1));
  });
}

const results: { name: string; code: number; seconds: number }[] = [];
for (const name of BENCHES) {
  if (interrupted) break;
  console.log(`\n\x1b[7m bench:${name} \x1b[0m`);
  const t0 = Date.now();
  const code = await run(name);
  results.push({ name, code, seconds: (Date.now() - t0) / 1000 });
}

console.log('\n' + results.map((r) => `bench:${r.name} ${r.code === 0 ? 'ok' : `exit ${r.code}`} (${r.seconds.toFixed(0)} s)`).join(', '));
process.exit(interrupted ? 130 : results.some((r) => r.code !== 0) ? 1 : 0);
