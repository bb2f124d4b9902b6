import 'reflect-metadata';
import path from 'node:path';
import { loadReferenceData } from '../src/reference/reference-data';
import { CLI_CALLER, describeResult, loadBundleFile } from '../src/seed/seed-loader';
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
  await withDatabase(config, log, async (db) => {
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    for (const file of files) {
      process.stdout.write(`${describeResult(await loadBundleFile(db, path.resolve(file), CLI_CALLER, log))}\n`);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
