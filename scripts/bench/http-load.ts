/**
 * A bounded closed-loop HTTP load generator on node:http (no dependencies): `concurrency`
 * keep-alive connections to 127.0.0.1, each sending the next request as soon as the last
 * answer is read, until the duration or the request cap is reached. Latency is measured per
 * request from send to the last body byte.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Target {
  name: string;
  port: number;
  path: string;
  /** Host header (tenant routing); the TCP connection always goes to 127.0.0.1. */
  host: string;
}

export interface Reply {
  status: number;
  body: Buffer;
  ms: number;
}

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  maxRequests: number;
  /** A reply counts as an error unless it has this status (and, if set, this body length). */
  expectStatus: number;
  expectBytes?: number;
}

export interface LoadResult {
  target: Target;
  requests: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  /** Per-request latency in ms (successful requests only). */
  latencies: Float64Array;
}

const REQUEST_TIMEOUT_MS = 10_000;

function send(agent: http.Agent | false, target: Target): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      { agent, host: '127.0.0.1', port: target.port, path: target.path, method: 'GET', headers: { host: target.host } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), ms: performance.now() - started }));
      },
    );
    req.setTimeout(REQUEST_TIMEOUT_MS, () => req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** One request on a fresh connection (no keep-alive), for cold timings and checks. */
export function fetchOnce(target: Target): Promise<Reply> {
  return send(false, target);
}

export async function runLoad(target: Target, opts: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const latencies = new Float64Array(opts.maxRequests);
  let started = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  const t0 = performance.now();
  const deadline = t0 + opts.durationMs;

  const worker = async () => {
    while (started < opts.maxRequests && performance.now() < deadline) {
      started++;
      try {
        const reply = await send(agent, target);
        const ok = reply.status === opts.expectStatus && (opts.expectBytes === undefined || reply.body.length === opts.expectBytes);
        if (ok) latencies[done++] = reply.ms;
        else {
          errors++;
          firstError ??= `status ${reply.status}, ${reply.body.length} bytes: ${reply.body.toString('utf8', 0, 200)}`;
        }
      } catch (err) {
        errors++;
        firstError ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: opts.concurrency }, worker));
  } finally {
    agent.destroy();
  }
  return { target, requests: done + errors, errors, firstError, elapsedMs: performance.now() - t0, latencies: latencies.subarray(0, done) };
}
