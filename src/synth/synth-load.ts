import type { Database } from '../shared/neo4j/database';
import type { SynthGenerator } from './generator';
import { SynthLoaderRepository } from './synth-loader.repository';
import type { ArticleBatch, WorldRows } from './synth-rows';

/** What a load took. */
export interface LoadResult {
  statements: number;
  seconds: number;
  statementsPerSecond: number;
}

/** Something that writes the generator's rows: the idempotent loader, or the bench's CREATE-only floor. */
export interface RowWriter {
  writeWorld(world: WorldRows): Promise<void>;
  writeBatch(batch: ArticleBatch): Promise<void>;
}

/** A one-line progress readout on stderr, rewritten in place on a terminal and every 10% otherwise. */
export function progressLine(label: string, total: number): (done: number, startedMs: number) => void {
  let lastDecile = -1;
  return (done, startedMs) => {
    const seconds = (performance.now() - startedMs) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const pct = Math.floor((done / total) * 100);
    const width = 30;
    const bar = '#'.repeat(Math.round((pct / 100) * width)).padEnd(width, '.');
    const line = `${label} [${bar}] ${pct}% ${done}/${total} statements, ${Math.round(rate)} st/s, ${seconds.toFixed(1)} s`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
    else if (Math.floor(pct / 10) !== lastDecile || done >= total) {
      lastDecile = Math.floor(pct / 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

/**
 * Streams the generator's batches through `writer` (by default the idempotent MERGE loader), reporting progress.
 * The world rows go first, then the articles in batches of `batchStatements` statements, one transaction each.
 */
export async function loadSynthetic(
  db: Database,
  generator: SynthGenerator,
  options: { batchStatements?: number; writer?: RowWriter; label?: string } = {},
): Promise<LoadResult> {
  const writer = options.writer ?? new SynthLoaderRepository(db);
  const total = generator.options.statements;
  const progress = progressLine(options.label ?? 'load', total);
  const started = performance.now();
  await writer.writeWorld(generator.world);
  let done = 0;
  for (const batch of generator.batches(options.batchStatements ?? 2_000)) {
    await writer.writeBatch(batch);
    done += batch.statements.length;
    progress(done, started);
  }
  const seconds = (performance.now() - started) / 1000;
  return { statements: done, seconds, statementsPerSecond: done / seconds };
}
