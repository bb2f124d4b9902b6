import 'reflect-metadata';
import { loadConfig, type AppConfig } from '../../src/shared/config';
import { createLogger } from '../../src/shared/logger';
import { startRuntime, type Runtime } from '../../src/server/runtime';
import { Label } from '../../src/shared/graph-schema';
import { loadSeed } from '../../src/seed/seed-loader';
import type { Database } from '../../src/shared/neo4j/database';

/** A GraphQL response as the tests read it. */
export interface GqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface TestServer {
  url: string;
  runtime: Runtime;
  config: AppConfig;
  db: Database;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

/**
 * Starts the real server in this process against the test run's Neo4j (NEO4J_URI, set by scripts/run-tests),
 * on a free port. `env` overrides configuration variables.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const config = loadConfig({
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false',
    LOG_LEVEL: 'warn',
    // The shared test machine runs several suites on 2 cores: a cold query can take seconds there. The bounds
    // themselves are tested with their own, tighter values (test/faults.test.ts).
    NEO4J_TX_TIMEOUT_MS: '60000',
    ...env,
  });
  const runtime = await startRuntime(config, createLogger(config.logLevel));
  const url = `http://127.0.0.1:${runtime.port}`;
  return {
    url,
    runtime,
    config,
    db: runtime.db,
    async gql(query, variables = {}, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-diplograph-debug': '1', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GqlResponse, 'status'>;
      return { status: response.status, ...body } as GqlResponse<any>;
    },
    stop: () => runtime.stop(),
  };
}

/** Deletes all domain data but keeps the schema records and the country reference data. */
export async function resetData(db: Database): Promise<void> {
  await db.writeTx(async (tx) => {
    await tx.run(
      `MATCH (n) WHERE n:${Label.Actor} OR n:${Label.Statement} OR n:${Label.Meeting} OR n:${Label.Article}
         OR n:${Label.Topic} OR n:${Label.Role} OR n:${Label.Report} OR n:${Label.StatusChange} OR n:${Label.Redirect}
         OR n:${Label.SubjectMonth} OR n:${Label.TimelineMonth} OR n:${Label.IngestReceipt} OR n:${Label.StatsCell}
       DETACH DELETE n`,
    );
    await tx.run(`MATCH (a:${Label.Alias}) WHERE NOT (a)<-[]-() DELETE a`);
  });
}

/**
 * A test server on a graph holding the seed and nothing else: started with `env`, emptied of domain data
 * (resetData), then seeded. The set-up most suites share.
 */
export async function startSeededServer(env: Record<string, string> = {}): Promise<TestServer> {
  const server = await startTestServer(env);
  await resetData(server.db);
  await loadSeed(server.db);
  return server;
}
