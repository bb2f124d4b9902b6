import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import type { CellResult } from './measure';
import type { QueryCost } from './profile';
import type { BulkLoad } from './scale-db';
import { WRITE_CONNECTIONS, WRITE_WORKLOADS, type WriteCell } from './write-bench';

export interface Cell extends CellResult {
  round: number;
  workload: string;
  contender: 'diplograph' | 'floor' | 'peer';
  connections: number;
}

export interface BenchResult {
  startedAt: string;
  minutes: number;
  scale: number;
  seed: number;
  secondsPerCell: number;
  rounds: number;
  connections: number[];
  machine: ReturnType<typeof machineDescription> & { loadAverageAfter: number[] };
  database: { reused: boolean; load: { statementsPerSecond: number }; counts: Record<string, number> };
  workloads: { id: string; title: string; peerNote: string }[];
  checks: Record<string, Record<string, string>>;
  costs: Record<string, { diplograph: QueryCost; floor: QueryCost }>;
  cells: Cell[];
  /** The write workloads (absent in results written before they existed). */
  writes?: WriteCell[];
  /** Bulk loads read from scale database markers (absent in older results). */
  bulkLoads?: BulkLoad[];
  diplographRssMiB: number[];
}

const RESULTS = path.resolve(__dirname, '..', '..', 'bench', 'results');

function run(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (error) {
    // java -version writes to stderr
    const e = error as { stderr?: string };
    return (e.stderr ?? '').trim();
  }
}

/** The machine, as the report describes it: results are only comparable on the same one. */
export function machineDescription() {
  // java -version prints on stderr.
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return {
    nproc: Number(run('nproc', [])),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    freeMemoryGiB: Math.round((freemem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    java: `${(java.stderr || java.stdout || 'java unknown').split('\n')[0]}`,
    loadAverage: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function median(values: number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median over rounds of each figure, errors summed. */
export function summarize(cells: Cell[]): Map<string, CellResult> {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) {
    const key = `${cell.workload}|${cell.contender}|${cell.connections}`;
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const out = new Map<string, CellResult>();
  for (const [key, list] of groups) {
    out.set(key, {
      requests: list.reduce((n, c) => n + c.requests, 0),
      rps: median(list.map((c) => c.rps)),
      p50: median(list.map((c) => c.p50)),
      p95: median(list.map((c) => c.p95)),
      p99: median(list.map((c) => c.p99)),
      errors: list.reduce((n, c) => n + c.errors, 0),
      unfinished: list.reduce((n, c) => n + (c.unfinished ?? 0), 0),
    });
  }
  return out;
}

const fmt = (x: number | undefined, digits = 1): string =>
  x === undefined || !Number.isFinite(x) ? '–' : x >= 100 ? String(Math.round(x)) : x.toFixed(digits);
const ratio = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? undefined : a / b;
/** Throughput ratio: a contender that finished nothing in the cell loses to one that finished something. */
const rpsRatio = (a: number | undefined, b: number | undefined): number | undefined =>
  b === 0 && a !== undefined && a > 0 ? Infinity : ratio(a, b);
const times = (x: number | undefined): string =>
  x === undefined ? 'n/a' : x === Infinity ? '∞ (none finished)' : `${fmt(x, 2)}×`;
const yes = (met: boolean | undefined): string => (met === undefined ? 'n/a' : met ? '**met**' : '**not met**');

interface LoadFile {
  statements: number;
  merge: { statementsPerSecond: number };
  floor: { statementsPerSecond: number };
  ratio: number;
  rerun?: { unchanged: boolean; statementsPerSecond: number };
}

function loadResults(): LoadFile[] {
  if (!existsSync(RESULTS)) return [];
  return readdirSync(RESULTS)
    .filter((f) => /^load-\d+\.json$/.test(f))
    .map((f) => JSON.parse(readFileSync(path.join(RESULTS, f), 'utf8')) as LoadFile)
    .sort((a, b) => a.statements - b.statements);
}

/** The latest bench result of each scale (this one included), for the growth curve. */
function latestPerScale(current: BenchResult): BenchResult[] {
  const byScale = new Map<number, BenchResult>();
  if (existsSync(RESULTS)) {
    for (const file of readdirSync(RESULTS)
      .filter((f) => /^\d{8}T\d{6}Z?\.json$/.test(f))
      .sort()) {
      const result = JSON.parse(readFileSync(path.join(RESULTS, file), 'utf8')) as BenchResult;
      // A run of the write workloads alone has no read figures for the curve.
      if (result.cells.length > 0) byScale.set(result.scale, result);
    }
  }
  if (current.cells.length > 0 || !byScale.has(current.scale)) byScale.set(current.scale, current);
  return [...byScale.values()].sort((a, b) => a.scale - b.scale);
}

/** Renders the Markdown report. */
export function markdown(result: BenchResult): string {
  const s = summarize(result.cells);
  const get = (w: string, c: string, n: number) => s.get(`${w}|${c}|${n}`);
  const lines: string[] = [];
  const m = result.machine;
  lines.push(`# Diplograph benchmark — ${result.scale.toLocaleString('en')} statements`, '');
  lines.push(
    `Run ${result.startedAt} (${result.minutes} min): ${result.rounds} interleaved rounds, ${result.secondsPerCell} s per cell, ` +
      `concurrency ${result.connections.join(', ')}; figures are medians over rounds (errors summed). A request still ` +
      'running when a cell ends counts in the percentiles with the time it had waited when that exceeds every ' +
      'finished one (a lower bound), so a contender slower than the cell shows as at least that; the queries it left ' +
      'in Neo4j are terminated before the next cell.',
    '',
    `Machine: ${m.nproc} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM (${m.freeMemoryGiB} free at start), ` +
      `Node ${m.node}, ${m.java}. Load average at start ${m.loadAverage.join(' / ')}, at end ` +
      `${m.loadAverageAfter.join(' / ')} — the machine is shared, so read the ratios (measured side by side), not ` +
      'the absolute numbers.',
    '',
    `Database: ${Object.entries(result.database.counts)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}${result.database.reused ? ' (reused)' : ''}.`,
    '',
  );

  lines.push('## Ratios and targets', '');
  lines.push(
    '| workload | p50 @1 Diplograph/floor | p50 @1 Diplograph/peer | req/s @32 Diplograph/floor | req/s @32 Diplograph/peer |',
    '| --- | --- | --- | --- | --- |',
  );
  const maxConn = Math.max(...result.connections);
  const latencyMet: boolean[] = [];
  const throughputMet: boolean[] = [];
  for (const w of result.workloads) {
    const d1 = get(w.id, 'diplograph', 1)?.p50;
    const f1 = get(w.id, 'floor', 1)?.p50;
    const p1 = get(w.id, 'peer', 1)?.p50;
    const dN = get(w.id, 'diplograph', maxConn)?.rps;
    const fN = get(w.id, 'floor', maxConn)?.rps;
    const pN = get(w.id, 'peer', maxConn)?.rps;
    const lat = ratio(d1, f1);
    const thr = rpsRatio(dN, pN);
    if (lat !== undefined) latencyMet.push(lat <= 1.5);
    if (thr !== undefined) throughputMet.push(['Q2', 'Q3', 'Q4'].includes(w.id) ? thr >= 1.5 : thr >= 1.0);
    lines.push(`| ${w.id} | ${times(lat)} | ${times(ratio(d1, p1))} | ${times(rpsRatio(dN, fN))} | ${times(thr)} |`);
  }
  lines.push('');

  const loads = loadResults();
  const loadAtScale = loads.find((l) => l.statements === result.scale);
  const curve = latestPerScale(result);
  const p99 = (r: BenchResult, w: string) => summarize(r.cells).get(`${w}|diplograph|1`)?.p99;
  const smallest = curve[0];
  const largest = curve[curve.length - 1];
  const growthMet =
    smallest && largest && largest.scale >= 1_000_000 && smallest.scale <= 10_000
      ? ['Q2', 'Q3'].every((w) => (ratio(p99(largest, w), p99(smallest, w)) ?? Infinity) <= 2)
      : undefined;
  const rss = result.diplographRssMiB;
  const afterFirst = rss[1] ?? rss[0]!;
  const leakMet = rss.length >= 3 ? rss[rss.length - 1]! <= afterFirst * 1.1 : undefined;
  lines.push(
    `- p50 at concurrency 1 within 1.5× of the floor on every workload: ${yes(latencyMet.length ? latencyMet.every(Boolean) : undefined)} ` +
      `(${latencyMet.filter(Boolean).length} of ${latencyMet.length}).`,
    `- Throughput at concurrency ${maxConn} at least 1.5× @neo4j/graphql on Q2–Q4 and never below 1.0×: ` +
      `${yes(throughputMet.length ? throughputMet.every(Boolean) : undefined)} (${throughputMet.filter(Boolean).length} of ${throughputMet.length}).`,
    `- Bulk load at least 0.8× the CREATE floor: ${yes(loadAtScale ? loadAtScale.ratio >= 0.8 : undefined)}` +
      (loadAtScale ? ` (${fmt(loadAtScale.ratio, 2)}× at ${result.scale}).` : ' (no load run at this scale).'),
    `- Q2/Q3 p99 at 1M within 2× of 10k: ${yes(growthMet)}` +
      (growthMet === undefined ? ' (needs bench runs at 10k and 1M; see the curve below).' : '.'),
    ...writeTargets(result.writes ?? []),
    `- Diplograph RSS does not grow across rounds (last ≤ 1.1× after round 1): ${yes(leakMet)} — ` +
      `RSS MiB before/after each round: ${rss.join(' → ')}.`,
    '',
  );

  lines.push('## Per workload', '');
  for (const w of result.workloads) {
    lines.push(`### ${w.id} — ${w.title}`, '');
    lines.push(`Peer: ${w.peerNote}`, '');
    const checks = result.checks[w.id] ?? {};
    lines.push(
      `Answers: ${Object.entries(checks)
        .map(([c, v]) => `${c}: ${v}`)
        .join(' · ')}`,
      '',
    );
    lines.push(
      '| concurrency | contender | req/s | p50 ms | p95 ms | p99 ms | errors | unfinished at cell end |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
    );
    for (const n of result.connections) {
      for (const c of ['diplograph', 'floor', 'peer'] as const) {
        const cell = get(w.id, c, n);
        if (!cell) continue;
        lines.push(
          `| ${n} | ${c} | ${fmt(cell.rps)} | ${fmt(cell.p50)} | ${fmt(cell.p95)} | ${fmt(cell.p99)} | ${cell.errors} | ${cell.unfinished} |`,
        );
      }
    }
    lines.push('');
  }

  lines.push('## Database cost per request', '');
  lines.push(
    '| workload | Diplograph round trips | Diplograph db hits (all queries) | Diplograph main query db hits | floor db hits | main/floor |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const w of result.workloads) {
    const c = result.costs[w.id];
    if (!c) continue;
    lines.push(
      `| ${w.id} | ${c.diplograph.roundTrips} | ${c.diplograph.dbHits} | ${c.diplograph.mainDbHits} | ${c.floor.dbHits} | ` +
        `${fmt(ratio(c.diplograph.mainDbHits, c.floor.dbHits), 2)}× |`,
    );
  }
  lines.push('');

  lines.push('Costliest operators of each query (PROFILE):', '');
  for (const w of result.workloads) {
    const c = result.costs[w.id];
    if (!c) continue;
    for (const [who, cost] of [
      ['Diplograph', c.diplograph],
      ['floor', c.floor],
    ] as const) {
      for (const q of cost.queries ?? []) {
        lines.push(`- ${w.id} ${who}, ${q.dbHits} hits: \`${q.cypher.slice(0, 90)}…\` — ${q.top.join('; ')}`);
      }
    }
  }
  lines.push('');

  lines.push('## Bulk load', '');
  lines.push(
    '| statements | idempotent MERGE loader st/s | UNWIND…CREATE floor st/s | ratio | rerun creates nothing |',
    '| --- | --- | --- | --- | --- |',
  );
  for (const l of loads) {
    lines.push(
      `| ${l.statements.toLocaleString('en')} | ${fmt(l.merge.statementsPerSecond)} | ${fmt(l.floor.statementsPerSecond)} | ` +
        `${fmt(l.ratio, 2)}× | ${l.rerun ? (l.rerun.unchanged ? 'yes' : 'NO') : 'not run'} |`,
    );
  }
  // Scales loaded only by the bench's own load (`npm run bench -- --scale N`): the loader's rate, no floor beside it.
  const markerOnly = (result.bulkLoads ?? [])
    .filter((b) => !loads.some((l) => l.statements === b.statements))
    .sort((a, b) => a.statements - b.statements);
  for (const b of markerOnly) {
    lines.push(
      `| ${b.statements.toLocaleString('en')} | ${fmt(b.statementsPerSecond)} (${fmt(b.seconds / 60)} min) | not run | – | not run |`,
    );
  }
  lines.push('');
  if (markerOnly.length > 0) {
    lines.push(
      `Rows without a floor come from the scale database's marker (${markerOnly.map((b) => b.source).join(', ')}): ` +
        'the loader alone, as `npm run bench -- --scale N` loaded it; `node dist/bench/load-bench.js --statements N` ' +
        'measures it beside the floor (a second load of the same size).',
      '',
    );
  }

  lines.push(...writeSection(result.writes ?? []));

  lines.push('## Growth curve (Diplograph, concurrency 1, latest run of each scale)', '');
  lines.push(
    '| statements | Q2 p50 | Q2 p99 | Q3 p50 | Q3 p99 | floor Q2 p99 | floor Q3 p99 |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const r of curve) {
    const rs = summarize(r.cells);
    const c = (w: string) => rs.get(`${w}|diplograph|1`);
    lines.push(
      `| ${r.scale.toLocaleString('en')} | ${fmt(c('Q2')?.p50)} | ${fmt(c('Q2')?.p99)} | ${fmt(c('Q3')?.p50)} | ${fmt(c('Q3')?.p99)} | ` +
        `${fmt(rs.get('Q2|floor|1')?.p99)} | ${fmt(rs.get('Q3|floor|1')?.p99)} |`,
    );
  }
  lines.push('', 'Reproduce: `npm run bench -- --scale 100000` (see README, Performance).', '');
  return lines.join('\n');
}

/** Writes bench/results/<timestamp>.json and .md, and latest.md. */
export function writeReport(result: BenchResult): string[] {
  mkdirSync(RESULTS, { recursive: true });
  const stamp = result.startedAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const json = path.join(RESULTS, `${stamp}.json`);
  const md = path.join(RESULTS, `${stamp}.md`);
  writeFileSync(json, JSON.stringify(result, null, 2));
  const text = markdown(result);
  writeFileSync(md, text);
  writeFileSync(path.join(RESULTS, 'latest.md'), text);
  return [json, md, path.join(RESULTS, 'latest.md')];
}

/** Median over rounds of one write cell. */
function writeFigure(
  writes: WriteCell[],
  workload: string,
  contender: string,
  connections: number,
): { articlesPerSecond: number; p50: number; p99: number; errors: number; articles: number } | undefined {
  const list = writes.filter(
    (w) => w.workload === workload && w.contender === contender && w.connections === connections,
  );
  if (list.length === 0) return undefined;
  return {
    articlesPerSecond: median(list.map((w) => w.articlesPerSecond)),
    p50: median(list.map((w) => w.p50)),
    p99: median(list.map((w) => w.p99)),
    errors: list.reduce((n, w) => n + w.errors, 0),
    articles: list.reduce((n, w) => n + w.articles, 0),
  };
}

/** The issue-15 write targets: ingest ≥ 0.7× the floor's articles/s at concurrency 8; replays ≥ 3× first ingests. */
function writeTargets(writes: WriteCell[]): string[] {
  if (writes.length === 0) return [];
  const top = Math.max(...WRITE_CONNECTIONS);
  const ingest = writeFigure(writes, 'W1', 'diplograph', top)?.articlesPerSecond;
  const floor = writeFigure(writes, 'W1', 'floor', top)?.articlesPerSecond;
  const vsFloor = ratio(ingest, floor);
  const replays = WRITE_CONNECTIONS.map((n) => ({
    n,
    r: ratio(
      writeFigure(writes, 'W2', 'diplograph', n)?.articlesPerSecond,
      writeFigure(writes, 'W1', 'diplograph', n)?.articlesPerSecond,
    ),
  })).filter((x) => x.r !== undefined);
  return [
    `- Ingest through the API at least 0.7× the floor's articles/s at concurrency ${top}: ` +
      `${yes(vsFloor === undefined ? undefined : vsFloor >= 0.7)} (${times(vsFloor)}).`,
    `- Replays at least 3× faster than first ingests (articles/s): ` +
      `${yes(replays.length ? replays.every((x) => x.r! >= 3) : undefined)} (` +
      `${replays.map((x) => `${times(x.r)} at concurrency ${x.n}`).join(', ')}).`,
  ];
}

/** The write workloads' table: articles per second and latency per article, medians over rounds. */
function writeSection(writes: WriteCell[]): string[] {
  if (writes.length === 0) return [];
  const lines = ['## Writes (ingestArticle)', ''];
  for (const w of WRITE_WORKLOADS) lines.push(`- ${w.id}: ${w.title}.`);
  lines.push(
    '',
    'Each request is one article of 3 statements, by ids (outlet, speakers, countries), all through the busiest ' +
      'outlet and about the busiest country. The floor writes the same nodes, properties and relationships (search ' +
      'shadows, subject-month and timeline-month entries included; not the ingest receipt, one node and one ' +
      'relationship per article) with one hand-written CREATE statement in one transaction per article ' +
      '(bench/floor-ingest.ts): no lookup, idempotence, validation or name resolution. Both first write ' +
      'unmeasured articles for the JIT (--write-warmup seconds, 90 by default; the floor a third of it). Articles ' +
      'written by the run are removed at its end. Errors include answers that did not do what the workload expects ' +
      '(a replay that created anything).',
    '',
    '| workload | concurrency | contender | articles/s | p50 ms | p99 ms | articles | errors | vs floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const w of WRITE_WORKLOADS) {
    for (const n of WRITE_CONNECTIONS) {
      const floor = writeFigure(writes, 'W1', 'floor', n);
      for (const c of ['diplograph', 'floor'] as const) {
        const f = writeFigure(writes, w.id, c, n);
        if (!f) continue;
        const vs = c === 'diplograph' ? times(ratio(f.articlesPerSecond, floor?.articlesPerSecond)) : '';
        lines.push(
          `| ${w.id} | ${n} | ${c} | ${fmt(f.articlesPerSecond)} | ${fmt(f.p50)} | ${fmt(f.p99)} | ${f.articles} | ${f.errors} | ${vs} |`,
        );
      }
    }
  }
  const firstError = writes.find((w) => w.firstError)?.firstError;
  lines.push('', ...(firstError ? [`First error: ${firstError}`, ''] : []));
  return lines;
}
