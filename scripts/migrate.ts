import 'reflect-metadata';
import path from 'node:path';
import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { migrate } from '../src/shared/neo4j/migrations';
import { loadReferenceData } from '../src/reference/reference-data';
import { withDatabase } from './with-database';

/** `npm run db:migrate`: applies schema/*.cypher and the reference data, on the embedded Neo4j or NEO4J_URI. */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  await withDatabase(config, log, async (db) => {
    const ran = await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    process.stdout.write(ran.length ? `Applied: ${ran.join(', ')}\n` : 'Schema already up to date\n');
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
