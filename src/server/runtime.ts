import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { AppConfig } from '../shared/config';
import type { Logger } from '../shared/logger';
import type { Database } from '../shared/neo4j/database';
import type { EmbeddedNeo4j } from '../shared/neo4j/embedded-neo4j';
import { createHttpApp, type HttpApp } from './http-server';
import type { Tracing } from '../shared/observability/tracing';
import { Startup, STARTUP_STEPS, type StartupStep } from './startup';

/** A running Diplograph: database connection, optional embedded Neo4j, and the HTTP server. */
export interface Runtime {
  db: Database;
  http: HttpApp;
  port: number;
  embedded: EmbeddedNeo4j | null;
  startup: Startup;
  /** Drains requests, closes the driver, then stops the embedded database. Safe to call twice. */
  stop(): Promise<void>;
}

/** Optional callbacks into start-up, for whoever wants to watch it (tests, the launcher). */
export interface StartHooks {
  /**
   * Called once the HTTP server listens, before any other start-up step, with the runtime's `stop` (which a
   * signal during start-up should call: the promise of startRuntime then rejects).
   */
  listening?(port: number, startup: Startup, stop: () => Promise<void>): void;
}

/**
 * Starts Diplograph, honest while it starts: the HTTP server listens first (/health 200; /ready and GraphQL 503
 * with Retry-After, naming what is awaited), then, at the same time, the GraphQL schema is built and Neo4j is
 * reached (the embedded one started when NEO4J_URI is unset); then migrations, reference data and, into an empty
 * database when configured, the seed. Each step's duration is logged. Resolves once everything is ready.
 * @throws when a step fails (the embedded Neo4j cannot start, the database is unreachable, a migration fails),
 *   after stopping whatever had started.
 */
export async function startRuntime(config: AppConfig, log: Logger, hooks: StartHooks = {}): Promise<Runtime> {
  let tracing: Tracing | null = null;
  const startup = new Startup();
  const http = createHttpApp(config, startup, log);
  let embedded: EmbeddedNeo4j | null = null;
  let driver: Driver | null = null;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await http.close();
      await driver?.close();
      if (embedded) await embedded.stop();
      await tracing?.shutdown();
      log.info('Stopped');
    })());

  const port = await http.listen(config.port, config.host);
  log.info(
    { port, processUptimeMs: Math.round(process.uptime() * 1000) },
    'Listening; /ready answers 503 until start-up is done',
  );
  hooks.listening?.(port, startup, stop);
  // Loaded after listening, like the driver: the OpenTelemetry SDK takes ~0.1 s to load on an idle machine. Started
  // before any start-up step, so the database work of start-up is traced too.
  tracing = (await import('../shared/observability/tracing')).startTracing(config.tracing);

  let last = Date.now();
  const done = (step: StartupStep): void => {
    const now = Date.now();
    log.info({ step, ms: now - last }, `Start-up step done: ${step}`);
    last = now;
    startup.done(step);
  };

  const graphqlStep = async (): Promise<void> => {
    const started = Date.now();
    await http.graphql.start();
    log.info({ step: 'graphql', ms: Date.now() - started }, 'Start-up step done: graphql');
    startup.done('graphql');
  };
  const databaseSteps = async (): Promise<Database> => {
    // Loaded after listening: the driver and the domain modules take seconds to load on a busy machine.
    const [{ createDriver, Database }, { EmbeddedNeo4j }, { migrate }, { loadReferenceData }, { seedIfEmpty }] =
      await Promise.all([
        import('../shared/neo4j/database'),
        import('../shared/neo4j/embedded-neo4j'),
        import('../shared/neo4j/migrations'),
        import('../reference/reference-data'),
        import('../seed/seed-loader'),
      ]);
    if (!config.neo4j.uri) embedded = await EmbeddedNeo4j.start(config.projectRoot, config.embedded, log);
    const uri = config.neo4j.uri ?? embedded!.uri;
    driver = createDriver(uri, config.neo4j.user, config.neo4j.password, config.neo4j.timeouts);
    await driver.verifyConnectivity({ database: config.neo4j.database });
    const db = new Database(driver, config.neo4j.database, undefined, config.neo4j.timeouts);
    startup.db = db;
    done('database');
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    done('migrations');
    await loadReferenceData(db, log);
    done('referenceData');
    if (config.seedOnEmpty) await seedIfEmpty(db, config.projectRoot, log);
    done('seed');
    return db;
  };

  // The schema is built in this process while the JVM starts in its own: the two overlap.
  const [graphql, database] = await Promise.allSettled([graphqlStep(), databaseSteps()]);
  if (graphql.status === 'rejected' || database.status === 'rejected') {
    await stop().catch(() => undefined);
    throw graphql.status === 'rejected' ? graphql.reason : (database as PromiseRejectedResult).reason;
  }
  log.info({ url: `http://localhost:${port}/graphql`, ms: Date.now() - startup.startedAt }, 'Diplograph is ready');
  return { db: database.value, http, port, embedded, startup, stop };
}

/**
 * An HTTP app, GraphQL started, on a database someone else connected, migrated and loaded (the bench's
 * profiling run uses it with a profiling driver); nothing to wait for, so it is ready at once. Call `listen`.
 */
export async function serveDatabase(config: AppConfig, db: Database, log: Logger): Promise<HttpApp> {
  const startup = new Startup();
  startup.db = db;
  for (const step of STARTUP_STEPS) startup.done(step);
  const http = createHttpApp(config, startup, log);
  await http.graphql.start();
  return http;
}
