/**
 * What every benchmark that starts servers needs so none outlives it: Ctrl+C (or SIGTERM)
 * stops them gracefully, a second one kills them at once, and any other exit sends SIGTERM.
 */
import type { ChildProcess } from 'node:child_process';

export interface ChildServer {
  child: ChildProcess;
}

export function stopServersOnExit(running: readonly ChildServer[], stopAll: () => Promise<void>): { signalled: () => boolean } {
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
