import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../src/shared/logger';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic, type LoadResult, type RowWriter } from '../src/synth/synth-load';
import { SynthLoaderRepository } from '../src/synth/synth-loader.repository';
import { FloorWriter } from './floor-loader';
import { startBenchNeo4j, WORK_DIR, type BenchNeo4j, type Neo4jMemory } from './neo4j';

/** What a loaded scale database holds, recorded beside it so later runs reuse it. */
export interface ScaleMarker {
  statements: number;
  seed: number;
  load: LoadResult;
  counts: Record<string, number>;
  busiestCountry: string;
  topSpeaker: string;
}

/** Memory for the bench's Neo4j by scale: 24 GiB are shared with other work on this machine. */
export function memoryFor(statements: number): Neo4jMemory {
  if (statements <= 20_000) return { heap: '1g', pageCache: '512m', txMemory: '1g' };
  if (statements <= 200_000) return { heap: '3g', pageCache: '2g', txMemory: '2g' };
  return { heap: '3g', pageCache: '3g', txMemory: '2g' };
}

export function scaleDbName(statements: number, seed: number, mode: 'merge' | 'floor' = 'merge'): string {
  return `${mode === 'merge' ? 'db' : 'floor'}-${statements}-s${seed}`;
}

function markerPath(name: string): string {
  return path.join(WORK_DIR, name, 'synth.json');
}

/** Records that database `name` holds a complete load. */
export function writeMarker(name: string, marker: ScaleMarker): void {
  writeFileSync(markerPath(name), JSON.stringify(marker, null, 2));
}

/** The marker of an already loaded scale database, or null. */
export function readMarker(name: string): ScaleMarker | null {
  const file = markerPath(name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ScaleMarker) : null;
}

/**
 * Loads `statements` synthetic statements into a fresh database `name` with the idempotent loader (`merge`) or the
 * CREATE-only floor, leaving Neo4j running. A database that already has its marker is reused as it is.
 */
export async function loadScale(
  statements: number,
  seed: number,
  mode: 'merge' | 'floor',
  log: Logger,
): Promise<{ neo4j: BenchNeo4j; marker: ScaleMarker; reused: boolean }> {
  const name = scaleDbName(statements, seed, mode);
  const existing = readMarker(name);
  if (!existing) rmSync(path.join(WORK_DIR, name), { recursive: true, force: true });
  const neo4j = await startBenchNeo4j(name, memoryFor(statements), log);
  if (existing) return { neo4j, marker: existing, reused: true };
  try {
    const generator = new SynthGenerator({ statements, seed });
    const writer: RowWriter = mode === 'merge' ? new SynthLoaderRepository(neo4j.db) : new FloorWriter(neo4j.db);
    const load = await loadSynthetic(neo4j.db, generator, { writer, label: `${mode} ${statements}` });
    const counts = await new SynthLoaderRepository(neo4j.db).counts();
    const marker: ScaleMarker = {
      statements,
      seed,
      load,
      counts,
      busiestCountry: generator.busiestCountry,
      topSpeaker: generator.topSpeaker,
    };
    writeMarker(name, marker);
    return { neo4j, marker, reused: false };
  } catch (error) {
    await neo4j.stop();
    throw error;
  }
}

/** A bulk load as the report shows it: the idempotent loader's rate from a scale database's marker. */
export interface BulkLoad {
  statements: number;
  seconds: number;
  statementsPerSecond: number;
  /** The marker it was read from, relative to the bench work folder or as given. */
  source: string;
}

/** The bulk load of a marker file (`<work>/db-<n>-s<seed>/synth.json`), or null when there is none. */
export function bulkLoadOf(file: string, source = file): BulkLoad | null {
  if (!existsSync(file)) return null;
  const marker = JSON.parse(readFileSync(file, 'utf8')) as ScaleMarker;
  return { ...marker.load, statements: marker.statements, source };
}

/** The bulk loads recorded by every scale database of this checkout's bench work folder. */
export function bulkLoads(): BulkLoad[] {
  if (!existsSync(WORK_DIR)) return [];
  return readdirSync(WORK_DIR)
    .filter((name) => /^db-\d+-s\d+$/.test(name))
    .flatMap((name) => bulkLoadOf(markerPath(name), `${name}/synth.json`) ?? []);
}
