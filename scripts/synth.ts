import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadReferenceData } from '../src/reference/reference-data';
import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { migrate } from '../src/shared/neo4j/migrations';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic } from '../src/synth/synth-load';
import { SynthLoaderRepository } from '../src/synth/synth-loader.repository';
import { withDatabase } from './with-database';

/**
 * `npm run synth -- --statements N --seed S [--batch B] [--out file.json] [--dry-run]`: generates the synthetic
 * graph and loads it idempotently into the configured database (the embedded one when NEO4J_URI is unset).
 * `--out` writes the rows as JSON instead (small scales only); `--dry-run` only counts them.
 */
function parseArgs(argv: string[]): {
  statements: number;
  seed: number;
  batch: number;
  out: string | null;
  dry: boolean;
} {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const positive = (name: string, fallback: number): number => {
    const raw = value(name);
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got "${raw}")`);
    return n;
  };
  return {
    statements: positive('statements', 10_000),
    seed: positive('seed', 1),
    batch: positive('batch', 2_000),
    out: value('out') ?? null,
    dry: argv.includes('--dry-run'),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const generator = new SynthGenerator({ statements: args.statements, seed: args.seed });
  if (args.out || args.dry) {
    const batches = [...generator.batches(args.batch)];
    const summary = {
      actors: generator.world.actors.length,
      roles: generator.world.roles.length,
      topics: generator.world.topics.length,
      meetings: generator.world.meetings.length,
      articles: batches.reduce((n, b) => n + b.articles.length, 0),
      statements: batches.reduce((n, b) => n + b.statements.length, 0),
    };
    if (args.out) writeFileSync(path.resolve(args.out), JSON.stringify({ world: generator.world, batches }, null, 1));
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return;
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  await withDatabase(config, log, async (db) => {
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    const result = await loadSynthetic(db, generator, { batchStatements: args.batch, label: 'synth' });
    const counts = await new SynthLoaderRepository(db).counts();
    process.stdout.write(`${JSON.stringify({ ...result, counts })}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
