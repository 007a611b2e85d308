/**
 * The `wrangler dev` processes a benchmark starts (a bare baseline Worker, a harness, Finch
 * with bench settings): spawned quietly with their output kept for error messages, polled
 * until ready, and never left running: Ctrl+C (or SIGTERM) stops them gracefully, a second
 * one kills them at once, and any other exit sends SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT } from '../lib/local';

export interface Server {
  name: string;
  child: ChildProcess;
  stop: () => Promise<void>;
  /** The last 20 kB the process printed. */
  output?: () => string;
}

/** `wrangler <args>` with its output captured; added to `running` so the exit hooks see it. */
export function spawnWrangler(name: string, args: string[], running: Server[]): Server {
  const child = spawn(resolve(ROOT, 'node_modules/.bin/wrangler'), args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output = (output + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (output = (output + d).slice(-20_000)));
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });
  const server: Server = { name, child, stop, output: () => output };
  running.push(server);
  return server;
}

/** Polls `ready` every 500 ms for up to 2 minutes; fails at once (with its output) if the process exits. */
export async function waitUntilReady(server: Server, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) throw new Error(`${server.name} exited (${server.child.exitCode})\n${server.output?.() ?? ''}`);
    try {
      if (await ready()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${server.name} did not answer within 120 s\n${server.output?.() ?? ''}`);
}

/**
 * The bare baseline (`scripts/bench/hello`: `new Response('hello')`, no bindings, the root's
 * compatibility settings) under the same `wrangler dev` as Finch, ready when it answers.
 */
export async function startHello(opts: { port: number; inspectorPort: number; persistTo: string }, running: Server[]): Promise<Server> {
  const server = spawnWrangler(
    'hello',
    [
      'dev',
      '--config', resolve(ROOT, 'scripts/bench/hello/wrangler.toml'),
      '--ip', '127.0.0.1',
      '--port', String(opts.port),
      '--inspector-port', String(opts.inspectorPort),
      '--persist-to', opts.persistTo,
      '--show-interactive-dev-session=false',
    ],
    running,
  );
  await waitUntilReady(server, async () => (await (await fetch(`http://127.0.0.1:${opts.port}/`)).text()) === 'hello');
  return server;
}

export function stopServersOnExit(running: readonly Server[], stopAll: () => Promise<void>): { signalled: () => boolean } {
  let signalled = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (signalled) {
        // Second Ctrl+C: do not wait for a graceful stop.
        for (const s of running) s.child.kill('SIGKILL');
        process.exit(130);
      }
      signalled = true;
      console.error(`\n${signal}: stopping the servers`);
      void stopAll().then(() => process.exit(130));
    });
  }
  // Last resort if the process exits any other way: no wrangler dev is left behind.
  process.on('exit', () => {
    for (const s of running) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGTERM');
  });
  return { signalled: () => signalled };
}
