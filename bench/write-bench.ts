import type { Driver } from 'neo4j-driver';
import { Label, Rel } from '../src/shared/graph-schema';
import { benchArticle, INGEST_MUTATION, type IngestSubjects } from './ingest-articles';

/** The write workloads: ingestArticle through the API (new articles, replays) beside the write floor. */
export const WRITE_WORKLOADS = [
  { id: 'W1', title: 'ingestArticle, new articles (3 statements each), beside the write floor' },
  { id: 'W2', title: 'ingestArticle, replays of articles already ingested (must create nothing)' },
] as const;

export type WriteWorkloadId = (typeof WRITE_WORKLOADS)[number]['id'];

/** Concurrency of the write cells (issue 15: articles per second at concurrency 1 and 8). */
export const WRITE_CONNECTIONS = [1, 8];

/** One measured write cell. */
export interface WriteCell {
  round: number;
  workload: WriteWorkloadId;
  contender: 'diplograph' | 'floor';
  connections: number;
  articles: number;
  articlesPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Failed requests, and answers that did not do what the workload expects (a replay that created something). */
  errors: number;
  firstError?: string;
}

/** A contender's server; only Diplograph and the floor take part in the write workloads. */
interface Target {
  name: string;
  port: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return (
    Math.round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]! * 10) / 10
  );
}

/**
 * `connections` clients send articles one after another for `seconds`; each request is one article. `send(i)`
 * sends article number `i` of the cell and resolves to an error message, or null when the answer is right.
 */
async function runCell(
  send: (i: number) => Promise<string | null>,
  connections: number,
  seconds: number,
): Promise<Omit<WriteCell, 'round' | 'workload' | 'contender' | 'connections'>> {
  const latencies: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const endAt = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < endAt) {
        const t0 = performance.now();
        const problem = await send(next++).catch((error: unknown) => String(error));
        latencies.push(performance.now() - t0);
        if (problem) {
          errors += 1;
          firstError ??= problem.slice(0, 300);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    articles: latencies.length - errors,
    articlesPerSecond: Math.round(((latencies.length - errors) / elapsed) * 10) / 10,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    ...(firstError ? { firstError } : {}),
  };
}

interface IngestAnswer {
  data?: { ingestArticle?: { created: { articles: number; statements: number } } };
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function ingest(port: number, apiKey: string, input: unknown, replay: boolean): Promise<string | null> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
    body: JSON.stringify({ query: INGEST_MUTATION, variables: { input } }),
  });
  const body = (await res.json()) as IngestAnswer;
  if (body.errors?.length) return `${body.errors[0]!.extensions?.code ?? 'NO_CODE'}: ${body.errors[0]!.message}`;
  const created = body.data?.ingestArticle?.created;
  if (!created) return `HTTP ${res.status} without a result`;
  if (replay && (created.articles !== 0 || created.statements !== 0))
    return `a replay created ${JSON.stringify(created)}`;
  if (!replay && (created.articles !== 1 || created.statements !== 3))
    return `an ingest created ${JSON.stringify(created)}`;
  return null;
}

async function floorIngest(port: number, rows: unknown): Promise<string | null> {
  const res = await fetch(`http://127.0.0.1:${port}/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(rows),
  });
  const text = await res.text();
  return res.status === 200 ? null : `HTTP ${res.status}: ${text}`;
}

/** Picks the bench articles' outlet, speakers and countries from the loaded data: the busiest of each. */
export async function ingestSubjects(
  driver: Driver,
  topSpeaker: string,
  busiestCountry: string,
): Promise<IngestSubjects> {
  const session = driver.session({ database: 'neo4j' });
  try {
    const [outlet] = (
      await session.run(
        `MATCH (o:${Label.Actor})<-[:${Rel.PUBLISHED_BY}]-() RETURN o.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 1`,
      )
    ).records.map((r) => r.get('id') as string);
    const speakers = (
      await session.run(
        `MATCH (sp:${Label.Actor})<-[:${Rel.SAID_BY}]-() WHERE sp.id <> $top
         RETURN sp.id AS id, count(*) AS n ORDER BY n DESC, id LIMIT 2`,
        { top: topSpeaker },
      )
    ).records.map((r) => r.get('id') as string);
    const countries = (
      await session.run(`MATCH (c:${Label.Country}) WHERE c.id <> $busiest RETURN c.id AS id ORDER BY id LIMIT 5`, {
        busiest: busiestCountry,
      })
    ).records.map((r) => r.get('id') as string);
    if (!outlet) throw new Error('the bench database has no outlet');
    return { outlet, speakers: [topSpeaker, ...speakers], countries: [busiestCountry, ...countries] };
  } finally {
    await session.close();
  }
}

/**
 * Measures W1 (new articles: Diplograph's ingestArticle and the floor, interleaved, who goes first rotating) and
 * W2 (Diplograph replaying the articles it ingested in W1) at each concurrency of WRITE_CONNECTIONS, `rounds`
 * times, after `warmupSeconds` of unmeasured new articles at the highest concurrency (a third of it for the floor).
 * Diplograph and the floor write under different run tags, so neither ever sees the other's articles.
 */
export async function measureWrites(
  targets: readonly Target[],
  apiKey: string,
  subjects: IngestSubjects,
  options: { rounds: number; seconds: number; warmupSeconds: number; only: string[]; log: (line: string) => void },
): Promise<WriteCell[]> {
  const run = Date.now().toString(36);
  targets = targets.filter((t) => t.name === 'diplograph' || t.name === 'floor');
  const wanted = (id: WriteWorkloadId) => options.only.length === 0 || options.only.includes(id);
  const cells: WriteCell[] = [];
  // Articles Diplograph has ingested so far (0 .. sent - 1): W2 replays them, W1 continues after them.
  let sent = 0;
  let floorSent = 0;
  const record = (cell: WriteCell) => {
    cells.push(cell);
    options.log(
      `bench: r${cell.round} ${cell.workload} c${cell.connections} ${cell.contender}: ${cell.articlesPerSecond} articles/s ` +
        `p50 ${cell.p50} ms p99 ${cell.p99} ms${cell.errors ? ` errors ${cell.errors} (${cell.firstError})` : ''}`,
    );
  };
  // Warm-up, not measured: the JVM compiles the write paths (commit, index updates, the ingest's Cypher) only under
  // writes, and the read cells before do not reach them. Cold, the first thousand ingests run several times slower
  // (bench/ingest-profile.ts: 3.6 articles/s in a first cell, 70 warm), which would measure the JIT, not the API.
  for (const target of targets) {
    const warmup = target.name === 'diplograph' ? options.warmupSeconds : Math.ceil(options.warmupSeconds / 3);
    const send =
      target.name === 'diplograph'
        ? (i: number) => ingest(target.port, apiKey, benchArticle(`${run}w`, i, subjects).input, false)
        : (i: number) => floorIngest(target.port, benchArticle(`${run}v`, i, subjects).floor);
    if (warmup > 0) {
      const result = await runCell(send, Math.max(...WRITE_CONNECTIONS), warmup);
      options.log(`bench: write warm-up ${target.name}: ${result.articlesPerSecond} articles/s over ${warmup} s`);
    }
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const connections of WRITE_CONNECTIONS) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        if (!wanted('W1') && !(target.name === 'diplograph' && wanted('W2'))) continue;
        if (target.name === 'diplograph') {
          const base = sent;
          const result = await runCell(
            (i) => ingest(target.port, apiKey, benchArticle(`${run}d`, base + i, subjects).input, false),
            connections,
            options.seconds,
          );
          // Every article sent was stored whole or not at all; count what was sent so replays only pick stored ones.
          sent = base + result.articles + result.errors;
          if (wanted('W1')) record({ round, workload: 'W1', contender: 'diplograph', connections, ...result });
        } else if (wanted('W1')) {
          const base = floorSent;
          const result = await runCell(
            (i) => floorIngest(target.port, benchArticle(`${run}f`, base + i, subjects).floor),
            connections,
            options.seconds,
          );
          floorSent = base + result.articles + result.errors;
          record({ round, workload: 'W1', contender: 'floor', connections, ...result });
        }
      }
      const diplograph = targets.find((t) => t.name === 'diplograph');
      if (diplograph && wanted('W2') && sent > 0) {
        const stored = sent;
        const result = await runCell(
          (i) => ingest(diplograph.port, apiKey, benchArticle(`${run}d`, i % stored, subjects).input, true),
          connections,
          options.seconds,
        );
        record({ round, workload: 'W2', contender: 'diplograph', connections, ...result });
      }
    }
  }
  return cells;
}

/**
 * Removes what the write workloads stored (articles under https://bench.example/, their reports, statements and
 * ingest receipts),
 * so the bench database stays the loaded scale for the next run's reads. Raw Cypher: the API deletes nothing (a
 * wrong statement is deprecated, never deleted); derived figures a write path maintains are not adjusted here.
 */
export async function removeBenchArticles(driver: Driver): Promise<number> {
  const session = driver.session({ database: 'neo4j' });
  try {
    const result = await session.run(
      `MATCH (a:${Label.Article}) WHERE a.url STARTS WITH 'https://bench.example/'
       CALL (a) {
         OPTIONAL MATCH (a)<-[:${Rel.IN_ARTICLE}]-(r:${Label.Report})<-[:${Rel.HAS_REPORT}]-(s:${Label.Statement})
         DETACH DELETE r, s
         WITH DISTINCT a
         OPTIONAL MATCH (a)<-[:${Rel.RECEIPT_FOR}]-(receipt:${Label.IngestReceipt})
         DETACH DELETE receipt
         WITH DISTINCT a
         DETACH DELETE a
       } IN TRANSACTIONS OF 100 ROWS
       RETURN count(a) AS n`,
    );
    return result.records[0]?.get('n') as number;
  } finally {
    await session.close();
  }
}
