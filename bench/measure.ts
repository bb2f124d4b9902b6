import { createRequire } from 'node:module';
import path from 'node:path';
import type { BenchRequest } from './workloads';

const benchRequire = createRequire(path.resolve(__dirname, '..', '..', 'bench', 'package.json'));
const autocannon = benchRequire('autocannon') as typeof import('autocannon');

/** One measured cell: a contender on a workload at a concurrency, for a fixed duration. */
export interface CellResult {
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /**
   * Requests still in flight when the time was up. Each counts in the percentiles with the time it had been
   * waiting (a lower bound), so a contender slower than the cell shows as "at least" that, not as nothing.
   */
  unfinished: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 100) / 100;
}

/**
 * Drives `connections` concurrent clients at one request for `seconds` with autocannon (programmatic API) and
 * computes exact percentiles from every response time (autocannon's own summary has no p95). Errors are
 * connection errors, timeouts and non-2xx answers.
 */
export function runCell(
  port: number,
  request: BenchRequest,
  connections: number,
  seconds: number,
): Promise<CellResult> {
  const latencies: number[] = [];
  const lastAnswer = new Map<unknown, number>();
  const startedAt = performance.now();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${request.path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
        connections,
        duration: seconds,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        const end = Math.max(performance.now(), startedAt + seconds * 1000);
        const finished = latencies.length;
        // Every client has one request in flight at the end, waiting since its last answer (or the start).
        const waiting = [...lastAnswer.values()];
        while (waiting.length < connections) waiting.push(startedAt);
        // Only waits longer than every finished request are informative (they are certainly the slowest); a
        // request sent just before the end says nothing yet.
        const slowest = latencies.reduce((max, ms) => (ms > max ? ms : max), 0);
        latencies.push(...waiting.map((since) => end - since).filter((ms) => ms > slowest));
        latencies.sort((a, b) => a - b);
        const elapsed = result.duration > 0 ? result.duration : seconds;
        resolve({
          requests: finished,
          rps: Math.round((finished / elapsed) * 10) / 10,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts + result.non2xx,
          unfinished: latencies.length - finished,
        });
      },
    );
    instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      lastAnswer.set(client, performance.now());
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}
