import type { AppConfig } from '../src/shared/config';
import type { Logger } from '../src/shared/logger';
import { createDriver, Database } from '../src/shared/neo4j/database';
import { EmbeddedNeo4j } from '../src/shared/neo4j/embedded-neo4j';

/**
 * Runs `work` against the configured database for a command-line script: the embedded Neo4j is started for the
 * duration when NEO4J_URI is unset, and everything is closed afterwards.
 */
export async function withDatabase<T>(config: AppConfig, log: Logger, work: (db: Database) => Promise<T>): Promise<T> {
  const embedded = config.neo4j.uri ? null : await EmbeddedNeo4j.start(config.projectRoot, config.embedded, log);
  const uri = config.neo4j.uri ?? embedded!.uri;
  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password, config.neo4j.timeouts);
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
    // Command-line loads are bulk work: each transaction may run NEO4J_BULK_TX_TIMEOUT_MS.
    return await work(new Database(driver, config.neo4j.database, undefined, config.neo4j.timeouts).bulk());
  } finally {
    await driver.close();
    if (embedded) await embedded.stop();
  }
}
