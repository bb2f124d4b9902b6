import 'reflect-metadata';
import path from 'node:path';
import { loadReferenceData } from '../src/reference/reference-data';
import { readBundleFile } from '../src/seed/seed-file';
import type { Bundle } from '../src/seed/seed-file.schema';
import { CLI_CALLER, describeResult, loadBundle } from '../src/seed/seed-loader';
import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { migrate } from '../src/shared/neo4j/migrations';
import { withDatabase } from './with-database';

/**
 * `npm run ingest -- FILE.json [...]`: loads bundle files (or files holding one ArticleInput) through the same
 * code path as the ingestArticle mutation, as the caller admin:cli, on the embedded Neo4j or NEO4J_URI.
 */
async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length === 0) {
    process.stderr.write('Usage: npm run ingest -- FILE.json [FILE.json ...]\n');
    process.exit(2);
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  // Every file is checked before the database starts: an invalid one fails fast and nothing is written.
  const bundles: { file: string; bundle: Bundle }[] = [];
  for (const file of files.map((name) => path.resolve(name)))
    bundles.push({ file, bundle: await readBundleFile(file) });
  await withDatabase(config, log, async (db) => {
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    for (const { file, bundle } of bundles) {
      process.stdout.write(`${describeResult(await loadBundle(db, file, bundle, CLI_CALLER, log))}\n`);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
