import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSeed } from '../src/seed/seed-loader';
import { createLogger } from '../src/shared/logger';
import { freePort } from '../test/helpers/free-port';
import { intOption, option } from './args';
import { runCell, type CellResult } from './measure';
import { startBenchNeo4j } from './neo4j';
import type { BenchRequest } from './workloads';

/**
 * A/B of Diplograph's HTTP path: this checkout's server against another build of it (`--base <checkout>`, a
 * directory holding a built dist/), both on one embedded Neo4j holding the seed (bench/.work/http-path), in
 * interleaved rounds of `--seconds` per cell at concurrency 1 and 32. Two requests: a country by code (about all
 * HTTP and GraphQL overhead) and the seed's statements page. Prints req/s, p50/p99 (means over rounds) and the
 * server's CPU time per request (from /proc, Linux only), the figure least disturbed by other load on the machine.
 *
 *   node dist/bench/http-path.js --base /path/to/other/checkout --seconds 5 --rounds 2
 */
const ROOT = path.resolve(__dirname, '..', '..');

const REQUESTS: { name: string; request: BenchRequest }[] = [
  { name: 'country by code', request: body('{ country(code: "UA") { id name } }') },
  {
    name: 'seed statements page',
    request: body(
      '{ statements(first: 10) { totalCount edges { node { id text speaker { name } about { name } } } } }',
    ),
  },
];

function body(query: string): BenchRequest {
  return { path: '/graphql', body: JSON.stringify({ query }) };
}

interface Server {
  name: string;
  port: number;
  child: ChildProcess;
}

/** CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startServer(name: string, checkout: string, uri: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(checkout, 'dist', 'src', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NEO4J_URI: uri,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false',
    },
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode})`);
    const status = await fetch(`http://127.0.0.1:${port}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return { name, port, child };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} not ready`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const seconds = intOption(argv, 'seconds', 5);
  const rounds = intOption(argv, 'rounds', 2);
  const base = option(argv, 'base', '');
  const log = createLogger('warn');
  const neo4j = await startBenchNeo4j('http-path', { heap: '512m', pageCache: '128m', txMemory: '256m' }, log);
  const servers: Server[] = [];
  try {
    await loadSeed(neo4j.db);
    if (base) servers.push(await startServer('base', path.resolve(base), neo4j.uri));
    servers.push(await startServer('current', ROOT, neo4j.uri));
    const cells = new Map<string, (CellResult & { cpu: number })[]>();
    for (const { name, request } of REQUESTS) {
      for (const server of servers) await runCell(server.port, request, 4, 2); // warm-up
      for (let round = 0; round < rounds; round++) {
        for (const connections of [1, 32]) {
          for (const server of servers) {
            const key = `${name} | c=${connections} | ${server.name}`;
            const cpuBefore = cpuMs(server.child.pid!);
            const result = await runCell(server.port, request, connections, seconds);
            const cpu = (cpuMs(server.child.pid!) - cpuBefore) / Math.max(1, result.requests);
            cells.set(key, [...(cells.get(key) ?? []), { ...result, cpu }]);
          }
        }
      }
    }
    process.stdout.write(
      '| request | concurrency | server | req/s | p50 ms | p99 ms | server CPU ms/request | errors |\n' +
        '|---|---|---|---|---|---|---|---|\n',
    );
    for (const [key, results] of cells) {
      const mean = (pick: (r: CellResult & { cpu: number }) => number) =>
        Math.round((results.reduce((sum, r) => sum + pick(r), 0) / results.length) * 100) / 100;
      const [request, concurrency, server] = key.split(' | ');
      process.stdout.write(
        `| ${request} | ${concurrency} | ${server} | ${mean((r) => r.rps)} | ${mean((r) => r.p50)} | ` +
          `${mean((r) => r.p99)} | ${mean((r) => r.cpu)} | ${results.reduce((sum, r) => sum + r.errors, 0)} |\n`,
      );
    }
  } finally {
    for (const server of servers) server.child.kill('SIGTERM');
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
