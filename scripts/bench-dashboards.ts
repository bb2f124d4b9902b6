import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ingestArticle } from '../src/ingest/ingest.service';
import { loadReferenceData } from '../src/reference/reference-data';
import { startRuntime } from '../src/server/runtime';
import { CLI_CALLER } from '../src/seed/seed-loader';
import { loadConfig } from '../src/shared/config';
import { domainEvents } from '../src/shared/domain-events';
import { toGlobalId } from '../src/shared/global-id';
import { StatementForm } from '../src/shared/graphql/enums';
import { createLogger } from '../src/shared/logger';
import { createDriver, Database } from '../src/shared/neo4j/database';
import { EmbeddedNeo4j } from '../src/shared/neo4j/embedded-neo4j';
import { migrate } from '../src/shared/neo4j/migrations';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic } from '../src/synth/synth-load';
import { freePort } from '../test/helpers/free-port';

/**
 * `npm run bench:dash -- [--statements N] [--events E]`: figures for issue 13, printed.
 * 1. Export throughput: an API process (dist/src/main.js) on a synthetic graph of N statements (src/synth, default
 *    10 000) streams /export/statements.csv, .jsonl and .jsonld; statements per second, MB/s, the process's RSS
 *    before, and its peak RSS (VmHWM) after each export.
 * 2. statementAdded delivery latency: from the moment ingestArticle's transaction committed (the domain event) to a
 *    graphql-ws subscriber receiving the statement, E ingests, in process and through Redis (redis-server on a free
 *    port; the publish goes out to Redis and comes back to the subscribing process).
 * Without NEO4J_URI it starts an embedded Neo4j in a temporary folder (removed afterwards).
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]!.replace(/_/g, '')) : fallback;
}

const root = path.resolve(__dirname, '..', '..');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error('API process exited');
    if (
      (await fetch(`${url}/ready`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function exportThroughput(uri: string, statements: number): Promise<void> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      NEO4J_URI: uri,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child);
    console.log(`\nExport throughput, ${statements} synthetic statements, one API process (pid ${child.pid})`);
    console.log('format    records    seconds  statements/s    MB    MB/s  RSS before  peak RSS after');
    for (const format of ['csv', 'jsonl', 'jsonld']) {
      const before = memoryOf(child.pid!);
      const started = performance.now();
      const response = await fetch(`${url}/export/statements.${format}`);
      let bytes = 0;
      let newlines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) newlines += 1;
      }
      const seconds = (performance.now() - started) / 1000;
      const records = format === 'csv' ? newlines - 1 : format === 'jsonl' ? newlines : newlines - 3;
      const after = memoryOf(child.pid!);
      console.log(
        `${format.padEnd(8)} ${String(records).padStart(8)} ${seconds.toFixed(1).padStart(10)} ${(records / seconds)
          .toFixed(0)
          .padStart(13)} ${mb(bytes).padStart(6)} ${(bytes / 1024 / 1024 / seconds).toFixed(1).padStart(7)} ${mb(
          before.rss,
        ).padStart(8)} MB ${mb(after.peak).padStart(11)} MB`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

async function startRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', ''], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function deliveryLatency(uri: string, redisUrl: string | null, events: number, label: string): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    REDIS_URL: redisUrl ?? '',
  });
  const runtime = await startRuntime(config, createLogger('warn'));
  const committed = new Map<string, number>();
  const onCommit = (event: { statements: string[] }) => {
    const now = performance.now();
    for (const key of event.statements) committed.set(toGlobalId('Statement', key), now);
  };
  domainEvents.on('statementsCreated', onCommit);
  const latencies: number[] = [];
  const client = createClient({ url: `ws://127.0.0.1:${runtime.port}/graphql`, webSocketImpl: WebSocket });
  let received = 0;
  const done = new Promise<void>((resolve) => {
    client.subscribe(
      { query: 'subscription { statementAdded { id } }' },
      {
        next: (value) => {
          const id = (value.data as { statementAdded: { id: string } }).statementAdded.id;
          latencies.push(performance.now() - committed.get(id)!);
          if (++received === events) resolve();
        },
        error: (error) => console.error(error),
        complete: () => undefined,
      },
    );
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const stamp = Date.now();
  for (let i = 0; i < events; i++) {
    const sentence = `Bench speaker said in round ${i} of run ${stamp} that talks go on.`;
    await ingestArticle(
      runtime.db,
      {
        title: `Bench ${stamp} ${i}`,
        language: 'en',
        url: `https://bench.invalid/${stamp}/${i}`,
        outlet: { name: 'Bench Wire', kind: 'MEDIA' as never },
        text: sentence,
        statements: [
          {
            speaker: { name: 'Bench Speaker', kind: 'PERSON' as never },
            form: StatementForm.PARAPHRASE,
            text: sentence,
            about: [{ id: toGlobalId('Country', 'RU') }],
            cameo: '036',
            span: { start: 0, end: sentence.length },
          },
        ],
        createMissing: true,
      },
      CLI_CALLER,
    );
  }
  await done;
  domainEvents.off('statementsCreated', onCommit);
  await client.dispose();
  await runtime.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(28)} n=${events}  p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(
      2,
    )} ms  max ${sorted[sorted.length - 1]!.toFixed(2)} ms`,
  );
}

async function main(): Promise<void> {
  const statements = arg('statements', 10_000);
  const events = arg('events', 50);
  const log = createLogger('warn');
  let embedded: EmbeddedNeo4j | null = null;
  let dataDir: string | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'diplograph-bench-dash-'));
    const config = loadConfig({
      ...process.env,
      EMBEDDED_NEO4J_DATA: dataDir,
      EMBEDDED_NEO4J_PORT: String(await freePort()),
    });
    embedded = await EmbeddedNeo4j.start(config.projectRoot, config.embedded, log);
    uri = embedded.uri;
  }
  const redis = await startRedis();
  try {
    const config = loadConfig({ ...process.env, NEO4J_URI: uri });
    const driver = createDriver(uri, config.neo4j.user, config.neo4j.password);
    const db = new Database(driver, config.neo4j.database);
    await migrate(db, path.join(root, 'schema'), log);
    await loadReferenceData(db, log);
    const [row] = await db.read<{ n: number }>('MATCH (s:Statement) RETURN count(s) AS n');
    const n = row?.n ?? 0;
    if (n < statements) {
      const load = await loadSynthetic(db, new SynthGenerator({ statements, seed: 1 }), { label: 'synth' });
      console.log(`Loaded ${load.statements} synthetic statements in ${load.seconds.toFixed(0)} s`);
    }
    await driver.close();
    await exportThroughput(uri, statements);
    console.log('\nstatementAdded delivery latency, transaction commit to graphql-ws subscriber (same machine)');
    await deliveryLatency(uri, null, events, 'in process');
    await deliveryLatency(uri, redis.url, events, 'through Redis pub/sub');
  } finally {
    redis.stop();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
