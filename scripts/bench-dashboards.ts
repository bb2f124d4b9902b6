import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';
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
import { SynthLoaderRepository } from '../src/synth/synth-loader.repository';
import { freePort } from '../test/helpers/free-port';

/**
 * `npm run bench:dash -- [--statements N] [--events E] [--no-load]`: figures for issue 13, printed.
 * 1. Export throughput: an API process (dist/src/main.js) streams /export/statements.csv, .jsonl, .jsonld,
 *    /export/neighborhood.graphml (Russia, depth 1 and 2) and /export/bundle.json; records per second, MB/s, the
 *    process's RSS before, and its peak RSS during each export (the kernel's high-water mark, VmHWM, reset before
 *    each through /proc/<pid>/clear_refs, and a 50 ms sampling of VmRSS as a check).
 * 2. statementAdded delivery latency: from the moment ingestArticle's transaction committed (the domain event) to a
 *    subscriber receiving the statement, E ingests (default 50), over graphql-ws and graphql-sse, in process and
 *    through Redis (redis-server on a free port; the publish goes out to Redis and comes back to the subscribing
 *    process).
 * The database: NEO4J_URI when set; else the embedded Neo4j on EMBEDDED_NEO4J_DATA when set (an existing folder is
 * used as it is and kept); else a temporary folder, removed afterwards. When it holds fewer than N statements
 * (default 10 000), synthetic ones (src/synth, seed 1) are loaded up to N, unless --no-load. The latency part adds
 * E small articles ("Bench Wire") to the database.
 */
function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]!.replace(/_/g, '')) : fallback;
}

const FORMATS = [
  { label: 'csv', path: '/export/statements.csv', unit: 'statements' },
  { label: 'jsonl', path: '/export/statements.jsonl', unit: 'statements' },
  { label: 'jsonld', path: '/export/statements.jsonld', unit: 'statements' },
  {
    label: 'graphml d=1',
    path: `/export/neighborhood.graphml?id=${toGlobalId('Country', 'RU')}&depth=1`,
    unit: 'nodes+edges',
  },
  {
    label: 'graphml d=2',
    path: `/export/neighborhood.graphml?id=${toGlobalId('Country', 'RU')}&depth=2`,
    unit: 'nodes+edges',
  },
  { label: 'bundle', path: '/export/bundle.json', unit: 'statements' },
] as const;

/** Counts the records of an export as it streams: the patterns that open one record of each format. */
function recordCounter(format: (typeof FORMATS)[number]): { add(chunk: string): void; total(): number } {
  const pattern =
    format.label === 'csv' || format.label === 'jsonl'
      ? /\n/g
      : format.label === 'jsonld'
        ? /"@type":"Claim"/g
        : format.label === 'bundle'
          ? /"speaker":/g
          : /<node |<edge /g;
  let carry = '';
  let count = 0;
  return {
    add(chunk) {
      const text = carry + chunk;
      count += text.match(pattern)?.length ?? 0;
      // Keep a tail shorter than any pattern, so a record split across chunks is counted once.
      carry = text.slice(-15);
      count -= carry.match(pattern)?.length ?? 0;
    },
    total: () => count + (carry.match(pattern)?.length ?? 0) - (format.label === 'csv' ? 1 : 0),
  };
}

const root = path.resolve(__dirname, '..', '..');
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function memoryOf(pid: number): { rss: number; peak: number } {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return { rss: 0, peak: 0 }; // the process is gone; its exit is reported
  }
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

/** Resets the process's peak RSS (VmHWM) to its current RSS (Linux 4.0+); false when not allowed. */
function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
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
      // An export of 1M statements runs for minutes; the bench measures it whole.
      HTTP_REQUEST_TIMEOUT_MS: '3600000',
      // Each export batch is one query bounded by NEO4J_TX_TIMEOUT_MS (10 s by default); on a busy machine the
      // first batches after a cold start can take longer. The bench measures throughput, so it allows 60 s.
      NEO4J_TX_TIMEOUT_MS: process.env.NEO4J_TX_TIMEOUT_MS ?? '60000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`The API process exited: code ${code}, signal ${signal}`);
  });
  try {
    await waitReady(url, child);
    const idle = memoryOf(child.pid!);
    console.log(
      `\nExport throughput, ${statements} statements in the database, one API process (pid ${child.pid}, ` +
        `RSS ${mb(idle.rss)} MB when ready)`,
    );
    console.log(
      'export         records  unit          seconds   records/s      MB    MB/s  RSS before  peak RSS (HWM / sampled)',
    );
    for (const format of FORMATS) {
      const reset = resetPeak(child.pid!);
      const before = memoryOf(child.pid!);
      let sampled = before.rss;
      const sampler = setInterval(() => {
        sampled = Math.max(sampled, memoryOf(child.pid!).rss);
      }, 50);
      const started = performance.now();
      const response = await fetch(`${url}${format.path}`);
      const counter = recordCounter(format);
      const decoder = new TextDecoder();
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        counter.add(decoder.decode(chunk, { stream: true }));
      }
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      const after = memoryOf(child.pid!);
      sampled = Math.max(sampled, after.rss);
      if (response.status !== 200) {
        console.log(`${format.label.padEnd(12)} HTTP ${response.status} (${bytes} bytes)`);
        continue;
      }
      const records = counter.total();
      console.log(
        `${format.label.padEnd(12)} ${String(records).padStart(9)}  ${format.unit.padEnd(12)} ${seconds
          .toFixed(1)
          .padStart(8)} ${(records / seconds).toFixed(0).padStart(11)} ${mb(bytes).padStart(7)} ${(
          bytes /
          1024 /
          1024 /
          seconds
        )
          .toFixed(1)
          .padStart(7)} ${mb(before.rss).padStart(8)} MB  ${reset ? mb(after.peak).padStart(7) : '    n/a'} / ${mb(
          sampled,
        ).padStart(7)} MB`,
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

/** Subscribes to statementAdded over one transport; `onId` gets each statement's id as it arrives. */
function subscribeStatements(
  transport: 'graphql-ws' | 'graphql-sse',
  port: number,
  onId: (id: string) => void,
): () => Promise<void> {
  const query = 'subscription { statementAdded { id } }';
  const sink = {
    next: (value: { data?: unknown }) => onId((value.data as { statementAdded: { id: string } }).statementAdded.id),
    error: (error: unknown) => console.error(error),
    complete: () => undefined,
  };
  if (transport === 'graphql-ws') {
    const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket });
    client.subscribe({ query }, sink);
    return () => client.dispose() as Promise<void>;
  }
  const client = createSseClient({ url: `http://127.0.0.1:${port}/graphql/stream`, retryAttempts: 0 });
  const stop = client.subscribe({ query }, sink);
  return async () => {
    stop();
    client.dispose();
  };
}

async function deliveryLatency(
  uri: string,
  redisUrl: string | null,
  events: number,
  transport: 'graphql-ws' | 'graphql-sse',
  label: string,
): Promise<void> {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    // A busy machine can hold an ingest for seconds; the bench measures delivery, not the request bound.
    NEO4J_TX_TIMEOUT_MS: '60000',
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
  let received = 0;
  let resolveDone: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const dispose = subscribeStatements(transport, runtime.port, (id) => {
    latencies.push(performance.now() - committed.get(id)!);
    if (++received === events) resolveDone();
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
  await dispose();
  await runtime.stop();
  const sorted = [...latencies].sort((a, b) => a - b);
  console.log(
    `${`${transport}, ${label}`.padEnd(36)} n=${events}  p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(
      sorted,
      95,
    ).toFixed(2)} ms  max ${sorted[sorted.length - 1]!.toFixed(2)} ms`,
  );
}

/** Statements in the database (the synth loader's per-label count, served from Neo4j's count store). */
async function statementCount(db: Database): Promise<number> {
  return (await new SynthLoaderRepository(db).counts()).Statement ?? 0;
}

async function main(): Promise<void> {
  const statements = arg('statements', 10_000);
  const events = arg('events', 50);
  const log = createLogger('warn');
  let embedded: EmbeddedNeo4j | null = null;
  let temporary: string | null = null;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    // An existing store (EMBEDDED_NEO4J_DATA) is used and kept; otherwise a throwaway one.
    const dataDir =
      process.env.EMBEDDED_NEO4J_DATA ?? (temporary = mkdtempSync(path.join(tmpdir(), 'diplograph-bench-dash-')));
    console.log(
      `Embedded Neo4j on ${existsSync(path.join(dataDir, 'data')) ? 'the existing store' : 'a new store'} ${dataDir}`,
    );
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
    // Start-up work and loads are bulk work (NEO4J_BULK_TX_TIMEOUT_MS), as in the command-line scripts.
    const db = new Database(driver, config.neo4j.database, undefined, config.neo4j.timeouts).bulk();
    await migrate(db, path.join(root, 'schema'), log);
    await loadReferenceData(db, log);
    let n = await statementCount(db);
    if (n < statements && !process.argv.includes('--no-load')) {
      const load = await loadSynthetic(db, new SynthGenerator({ statements, seed: 1 }), { label: 'synth' });
      console.log(`Loaded ${load.statements} synthetic statements in ${load.seconds.toFixed(0)} s`);
      n = await statementCount(db);
    }
    await driver.close();
    await exportThroughput(uri, n);
    console.log(
      `\nstatementAdded delivery latency at ${n} statements, transaction commit to subscriber (same machine)`,
    );
    for (const transport of ['graphql-ws', 'graphql-sse'] as const) {
      await deliveryLatency(uri, null, events, transport, 'in process');
      await deliveryLatency(uri, redis.url, events, transport, 'through Redis pub/sub');
    }
  } finally {
    redis.stop();
    await embedded?.stop();
    if (temporary) rmSync(temporary, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
