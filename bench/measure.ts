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
        latencies.sort((a, b) => a - b);
        const elapsed = result.duration > 0 ? result.duration : seconds;
        resolve({
          requests: latencies.length,
          rps: Math.round((latencies.length / elapsed) * 10) / 10,
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
}
