import 'reflect-metadata';
import { createLogger } from '../src/shared/logger';
import { createDriver } from '../src/shared/neo4j/database';
import { intOption, option } from './args';
import { BENCH_API_KEY, rssMiB, startContenders, type Contender } from './contenders';
import { drainDatabase } from './drain';
import { runCell, type CellResult } from './measure';
import { profileWorkloads } from './profile';
import { machineDescription, writeReport, type BenchResult, type Cell } from './report';
import { bulkLoads, loadScale } from './scale-db';
import { workloads, type BenchRequest, type Workload } from './workloads';
import { ingestSubjects, measureWrites, removeBenchArticles, WRITE_WORKLOADS, type WriteCell } from './write-bench';

/**
 * `npm run bench -- --scale 100000 [--seed 1] [--seconds 5] [--rounds 3] [--connections 1,8,32] [--only Q1,Q2]`
 * `[--cpu-prof <dir>] [--write-warmup 90]`:
 * loads the scale once (reused when already loaded), starts Diplograph, the floor and @neo4j/graphql against the
 * same embedded Neo4j, checks every query answers, profiles them, then measures in interleaved rounds and writes
 * bench/results/<timestamp>.{json,md} and bench/results/latest.md. `--profile-only` stops after the answers and
 * the PROFILE figures. The write workloads W1 and W2 (write-bench.ts: ingestArticle beside the write floor, and
 * replays) run after the reads, at concurrency 1 and 8; `--only W1,W2` runs them alone.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const scale = intOption(argv, 'scale', 100_000);
  const seed = intOption(argv, 'seed', 1);
  const seconds = intOption(argv, 'seconds', 5);
  const rounds = intOption(argv, 'rounds', 3);
  const warmupSeconds = intOption(argv, 'write-warmup', 90);
  const connections = option(argv, 'connections', '1,8,32').split(',').map(Number);
  const only = option(argv, 'only', '').split(',').filter(Boolean);
  const cpuProfileDir = option(argv, 'cpu-prof', '') || null;
  const log = createLogger('warn');
  const started = Date.now();
  const machineBefore = machineDescription();

  process.stderr.write(`bench: scale ${scale}, seed ${seed}\n`);
  const { neo4j, marker, reused } = await loadScale(scale, seed, 'merge', log);
  process.stderr.write(
    `bench: database ${reused ? 'reused' : 'loaded'} (${Math.round(marker.load.statementsPerSecond)} st/s at load)\n`,
  );
  let contenders: Contender[] = [];
  const admin = createDriver(neo4j.uri, 'neo4j', 'neo4j');
  const cleanUp = async (): Promise<void> => {
    for (const c of contenders) await c.stop();
    await admin.close();
    await neo4j.stop();
  };
  // Ctrl-C must not leave the servers or the JVM behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    contenders = await startContenders(neo4j.uri, cpuProfileDir);
    const byName = Object.fromEntries(contenders.map((c) => [c.name, c])) as Record<Contender['name'], Contender>;
    const list = workloads({
      statementId: `syn-st-${String(Math.floor(scale / 2)).padStart(7, '0')}`,
      busiestCountry: marker.busiestCountry,
      topSpeaker: marker.topSpeaker,
      year: '2023',
      searchWord: 'الحوار',
    }).filter((w) => only.length === 0 || only.includes(w.id));

    const checks = await checkAnswers(list, byName);
    process.stderr.write(`bench: answers ${JSON.stringify(checks)}\n`);
    const costs = await profileWorkloads(neo4j.uri, list);
    process.stderr.write(`bench: costs ${JSON.stringify(costs, null, 1)}\n`);
    if (argv.includes('--profile-only')) return;

    // Warm-up: JIT, plan caches and page cache for every contender and query, not measured.
    for (const w of list) {
      for (const c of contenders) {
        const request = requestOf(w, c.name);
        if (request) await runCell(c.port, request, 4, 2);
        await drainDatabase(admin);
      }
    }

    const cells: Cell[] = [];
    const rss: number[] = [rssMiB(byName.diplograph.pid)];
    for (let round = 0; round < rounds; round++) {
      for (const w of list) {
        for (const conc of connections) {
          // Rotate who goes first so drift on a shared machine does not favour one contender.
          const order = rotate(contenders, round + cells.length);
          for (const c of order) {
            const request = requestOf(w, c.name);
            if (!request) continue;
            const result: CellResult = await runCell(c.port, request, conc, seconds);
            await drainDatabase(admin);
            cells.push({ round, workload: w.id, contender: c.name, connections: conc, ...result });
            process.stderr.write(
              `bench: r${round} ${w.id} c${conc} ${c.name}: ${result.rps} req/s p50 ${result.p50} ms p99 ${result.p99} ms` +
                `${result.errors ? ` errors ${result.errors}` : ''}${result.unfinished ? ` unfinished ${result.unfinished}` : ''}\n`,
            );
          }
        }
      }
      rss.push(rssMiB(byName.diplograph.pid));
    }

    // The write workloads (W1, W2) after the reads: what they store is removed again at the end.
    let writes: WriteCell[] = [];
    const writeIds = WRITE_WORKLOADS.map((w) => w.id as string).filter((id) => only.length === 0 || only.includes(id));
    if (writeIds.length > 0) {
      const subjects = await ingestSubjects(admin, marker.topSpeaker, marker.busiestCountry);
      try {
        writes = await measureWrites(
          contenders.filter((c) => c.name !== 'peer'),
          BENCH_API_KEY,
          subjects,
          { rounds, seconds, warmupSeconds, only: writeIds, log: (line) => process.stderr.write(`${line}\n`) },
        );
      } finally {
        process.stderr.write(`bench: removed ${await removeBenchArticles(admin)} bench articles\n`);
      }
      rss.push(rssMiB(byName.diplograph.pid));
    }

    const result: BenchResult = {
      startedAt: new Date(started).toISOString(),
      minutes: Math.round((Date.now() - started) / 600) / 100,
      scale,
      seed,
      secondsPerCell: seconds,
      rounds,
      connections,
      machine: { ...machineBefore, loadAverageAfter: machineDescription().loadAverage },
      database: { reused, load: marker.load, counts: marker.counts },
      workloads: list.map((w) => ({ id: w.id, title: w.title, peerNote: w.peerNote })),
      checks,
      costs,
      cells,
      writes,
      bulkLoads: bulkLoads(),
      diplographRssMiB: rss,
    };
    const files = writeReport(result);
    process.stderr.write(`bench: wrote ${files.join(', ')}\n`);
  } finally {
    await cleanUp();
  }
}

function requestOf(w: Workload, name: Contender['name']): BenchRequest | null {
  return name === 'diplograph' ? w.diplograph : name === 'floor' ? w.floor : w.peer;
}

function rotate<T>(items: T[], by: number): T[] {
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Sends each query once to each contender: status, GraphQL errors, and a size to compare answers by. */
async function checkAnswers(
  list: Workload[],
  byName: Record<Contender['name'], Contender>,
): Promise<Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, string>> = {};
  for (const w of list) {
    out[w.id] = {};
    for (const name of ['diplograph', 'floor', 'peer'] as const) {
      const request = requestOf(w, name);
      if (!request) {
        out[w.id]![name] = 'n/a';
        continue;
      }
      const res = await fetch(`http://127.0.0.1:${byName[name].port}${request.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: request.body,
      });
      const text = await res.text();
      let summary = `HTTP ${res.status}, ${text.length} bytes`;
      try {
        const body = JSON.parse(text) as { errors?: { message: string }[]; data?: unknown; error?: string };
        if (body.errors)
          summary += `, errors: ${body.errors
            .map((e) => e.message)
            .join('; ')
            .slice(0, 300)}`;
        if (body.error) summary += `, error: ${body.error.slice(0, 300)}`;
        const total = /"totalCount":(\d+)/.exec(text) ?? /"total":(\d+)/.exec(text);
        if (total) summary += `, total ${total[1]}`;
      } catch {
        summary += ', not JSON';
      }
      out[w.id]![name] = summary;
    }
  }
  return out;
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
