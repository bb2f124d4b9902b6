import path from 'node:path';
import type { AppConfig } from '../shared/config';
import type { Logger } from '../shared/logger';
import { createDriver, Database } from '../shared/neo4j/database';
import { EmbeddedNeo4j } from '../shared/neo4j/embedded-neo4j';
import { migrate } from '../shared/neo4j/migrations';
import { loadReferenceData } from '../reference/reference-data';
import { seedIfEmpty } from '../seed/seed-loader';
import { createHttpApp, type HttpApp } from './http-server';
import { startTracing } from '../shared/observability/tracing';

/** A running Diplograph: database connection, optional embedded Neo4j, and the HTTP server. */
export interface Runtime {
  db: Database;
  http: HttpApp;
  port: number;
  embedded: EmbeddedNeo4j | null;
  /** Drains requests, closes the driver, then stops the embedded database. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Connects to Neo4j (starting the embedded one when NEO4J_URI is unset), applies migrations and reference data,
 * seeds an empty database when configured, and starts listening.
 */
export async function startRuntime(config: AppConfig, log: Logger): Promise<Runtime> {
  const embedded = config.neo4j.uri ? null : await EmbeddedNeo4j.start(config.projectRoot, config.embedded, log);
  const uri = config.neo4j.uri ?? embedded!.uri;
  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password, config.neo4j.timeouts);
  const tracing = startTracing(config.tracing);
  let http: HttpApp | null = null;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (http) await http.close();
      await driver.close();
      if (embedded) await embedded.stop();
      await tracing.shutdown();
      log.info('Stopped');
    })());

  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
    const db = new Database(driver, config.neo4j.database, undefined, config.neo4j.timeouts);
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    if (config.seedOnEmpty) await seedIfEmpty(db, config.projectRoot, log);
    http = await createHttpApp(config, db, log);
    const port = await http.listen(config.port, config.host);
    log.info({ url: `http://localhost:${port}/graphql`, neo4j: uri }, 'Diplograph is ready');
    return { db, http, port, embedded, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
