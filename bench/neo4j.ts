import path from 'node:path';
import { loadReferenceData } from '../src/reference/reference-data';
import { loadConfig } from '../src/shared/config';
import type { Logger } from '../src/shared/logger';
import { createDriver, Database } from '../src/shared/neo4j/database';
import { EmbeddedNeo4j } from '../src/shared/neo4j/embedded-neo4j';
import { migrate } from '../src/shared/neo4j/migrations';
import { freePort } from '../test/helpers/free-port';

/** Where the bench keeps its databases (git-ignored). */
export const WORK_DIR = path.resolve(__dirname, '..', '..', 'bench', '.work');

/** Memory for the bench's Neo4j: a larger heap and page cache than the dev default, so loads are not GC-bound. */
export interface Neo4jMemory {
  heap: string;
  pageCache: string;
  txMemory: string;
}

/** A running embedded Neo4j for the bench, with the schema migrated and the country reference data loaded. */
export interface BenchNeo4j {
  embedded: EmbeddedNeo4j;
  db: Database;
  uri: string;
  stop(): Promise<void>;
}

/** Starts the embedded Neo4j on `bench/.work/<name>` exactly as the server would, then migrates it. */
export async function startBenchNeo4j(name: string, memory: Neo4jMemory, log: Logger): Promise<BenchNeo4j> {
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: '',
    EMBEDDED_NEO4J_DATA: path.join(WORK_DIR, name),
    EMBEDDED_NEO4J_PORT: String(await freePort()),
    EMBEDDED_NEO4J_HEAP: memory.heap,
    EMBEDDED_NEO4J_PAGE_CACHE: memory.pageCache,
    EMBEDDED_NEO4J_TX_MEMORY: memory.txMemory,
  });
  const embedded = await EmbeddedNeo4j.start(config.projectRoot, config.embedded, log);
  const driver = createDriver(embedded.uri, config.neo4j.user, config.neo4j.password);
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await driver.close();
      await embedded.stop();
    })());
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
    // Loads and migrations are bulk work: the 10 s request bound would cut a 1M load's batches short.
    const db = new Database(driver, config.neo4j.database, undefined, config.neo4j.timeouts).bulk();
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    return { embedded, db, uri: embedded.uri, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
