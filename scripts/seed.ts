import 'reflect-metadata';
import path from 'node:path';
import { loadReferenceData } from '../src/reference/reference-data';
import { CLI_CALLER, describeResult, loadBundleFile, SEED_FILE } from '../src/seed/seed-loader';
import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { migrate } from '../src/shared/neo4j/migrations';
import { withDatabase } from './with-database';

/** `npm run seed`: loads seed/al-ittihad-2025-05.json idempotently (a second run creates nothing). */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  await withDatabase(config, log, async (db) => {
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    const result = await loadBundleFile(db, path.join(config.projectRoot, SEED_FILE), CLI_CALLER, log);
    process.stdout.write(`${describeResult(result)}\n`);
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
