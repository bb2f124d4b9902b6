import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../src/shared/logger';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic, progressLine, type RowWriter } from '../src/synth/synth-load';
import { SynthLoaderRepository } from '../src/synth/synth-loader.repository';
import { intOption } from './args';
import { FloorWriter } from './floor-loader';
import { startBenchNeo4j, WORK_DIR, type BenchNeo4j } from './neo4j';
import { memoryFor, scaleDbName, writeMarker } from './scale-db';

interface Side {
  name: 'merge' | 'floor';
  neo4j: BenchNeo4j;
  writer: RowWriter;
  ms: number;
}

/**
 * `node dist/bench/load-bench.js --statements N [--seed S] [--batch B] [--rerun]`: loads N synthetic statements into
 * two fresh databases at once, one through the idempotent MERGE loader and one through the CREATE-only floor,
 * alternating batch by batch (and which goes first), so that both see the same machine load. With --rerun, the
 * MERGE loader runs again over its own data and every count must stay the same. The MERGE database is kept (with
 * its marker) for `npm run bench` to reuse.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const statements = intOption(argv, 'statements', 10_000);
  const seed = intOption(argv, 'seed', 1);
  const batchSize = intOption(argv, 'batch', 2_000);
  const log = createLogger('warn');
  const memory = memoryFor(statements);
  const sides: Side[] = [];
  try {
    for (const name of ['merge', 'floor'] as const) {
      rmSync(path.join(WORK_DIR, scaleDbName(statements, seed, name)), { recursive: true, force: true });
      const neo4j = await startBenchNeo4j(scaleDbName(statements, seed, name), memory, log);
      const writer = name === 'merge' ? new SynthLoaderRepository(neo4j.db) : new FloorWriter(neo4j.db);
      sides.push({ name, neo4j, writer, ms: 0 });
    }
    const generator = new SynthGenerator({ statements, seed });
    const timed = async (side: Side, work: () => Promise<void>): Promise<void> => {
      const started = performance.now();
      await work();
      side.ms += performance.now() - started;
    };
    for (const side of sides) await timed(side, () => side.writer.writeWorld(generator.world));
    const progress = progressLine(`merge+floor ${statements}`, statements);
    const started = performance.now();
    let done = 0;
    let round = 0;
    for (const batch of generator.batches(batchSize)) {
      const order = round++ % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) await timed(side, () => side.writer.writeBatch(batch));
      done += batch.statements.length;
      progress(done, started);
    }
    const result: Record<string, unknown> = { statements, seed, batchSize, memory };
    for (const side of sides) {
      const counts = await new SynthLoaderRepository(side.neo4j.db).counts();
      const seconds = side.ms / 1000;
      result[side.name] = { statements, seconds, statementsPerSecond: statements / seconds, counts };
      if (side.name === 'merge') {
        writeMarker(scaleDbName(statements, seed), {
          statements,
          seed,
          load: { statements, seconds, statementsPerSecond: statements / seconds },
          counts,
          busiestCountry: generator.busiestCountry,
          topSpeaker: generator.topSpeaker,
        });
      }
    }
    const merge = result.merge as { statementsPerSecond: number; counts: Record<string, number> };
    const floor = result.floor as { statementsPerSecond: number; counts: Record<string, number> };
    result.ratio = merge.statementsPerSecond / floor.statementsPerSecond;
    result.sameCounts = JSON.stringify(merge.counts) === JSON.stringify(floor.counts);
    await sides[1]!.neo4j.stop();
    if (argv.includes('--rerun')) {
      const again = await loadSynthetic(sides[0]!.neo4j.db, new SynthGenerator({ statements, seed }), {
        label: 'rerun',
        batchStatements: batchSize,
      });
      const counts = await new SynthLoaderRepository(sides[0]!.neo4j.db).counts();
      result.rerun = { ...again, unchanged: JSON.stringify(counts) === JSON.stringify(merge.counts) };
    }
    const dir = path.resolve(__dirname, '..', '..', 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `load-${statements}.json`), JSON.stringify(result, null, 2));
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    for (const side of sides) await side.neo4j.stop();
    rmSync(path.join(WORK_DIR, scaleDbName(statements, seed, 'floor')), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
