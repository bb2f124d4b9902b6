import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The process's Prometheus metrics (prom-client), served at GET /metrics. Names follow the Prometheus conventions
 * (https://prometheus.io/docs/practices/naming/): a `diplograph_` prefix, base units (seconds, bytes), `_total` on
 * counters. Label values come from bounded sets only: operation names are capped (see `operationLabel`).
 */
export const registry = new Registry();

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const graphqlRequests = new Counter({
  name: 'diplograph_graphql_requests_total',
  help: 'GraphQL operations answered, by operation name, type and outcome (ok or the first error code)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  registers: [registry],
});

const graphqlDuration = new Histogram({
  name: 'diplograph_graphql_request_duration_seconds',
  help: 'Time from the start of a GraphQL operation to its response, by operation name and type',
  labelNames: ['operation', 'type'] as const,
  buckets: SECONDS,
  registers: [registry],
});

const graphqlDbRoundTrips = new Histogram({
  name: 'diplograph_graphql_db_round_trips',
  help: 'Database round trips of one GraphQL operation, by operation name',
  labelNames: ['operation'] as const,
  buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55],
  registers: [registry],
});

const graphqlDbSeconds = new Histogram({
  name: 'diplograph_graphql_db_seconds',
  help: 'Time one GraphQL operation spent waiting on the database (summed over its queries), by operation name',
  labelNames: ['operation'] as const,
  buckets: SECONDS,
  registers: [registry],
});

const dbQueries = new Counter({
  name: 'diplograph_db_queries_total',
  help: 'Cypher queries sent (database round trips), by access mode and outcome (ok, unavailable, timeout, error)',
  labelNames: ['mode', 'outcome'] as const,
  registers: [registry],
});

const dbQueryDuration = new Histogram({
  name: 'diplograph_db_query_duration_seconds',
  help: 'Time of one Cypher query, from sending it to its last record, by access mode',
  labelNames: ['mode'] as const,
  buckets: SECONDS,
  registers: [registry],
});

const loaderBatchSize = new Histogram({
  name: 'diplograph_dataloader_batch_size',
  help: 'Keys in one DataLoader batch (one query each), by loader',
  labelNames: ['loader'] as const,
  buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
  registers: [registry],
});

const ingestArticles = new Counter({
  name: 'diplograph_ingest_articles_total',
  help: 'Articles through ingestArticle, by outcome: created, matched (already stored), rejected (bad input) or failed',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const ingestCreated = new Counter({
  name: 'diplograph_ingest_created_total',
  help: 'Nodes created by ingests, by kind (articles, actors, meetings, statements, topics)',
  labelNames: ['kind'] as const,
  registers: [registry],
});

const subscriptions = new Gauge({
  name: 'diplograph_graphql_subscriptions',
  help: 'GraphQL subscriptions open now',
  registers: [registry],
});

const embeddedRestarts = new Counter({
  name: 'diplograph_embedded_neo4j_restarts_total',
  help: 'Restarts of the embedded Neo4j after its JVM died, by outcome (restarted, failed, gave_up)',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

let defaultsOn = false;

/**
 * Starts prom-client's default Node metrics on the registry (once): event-loop lag (`nodejs_eventloop_lag_*`), heap
 * (`nodejs_heap_size_*_bytes`), resident memory, CPU, GC and handles. Called when /metrics is mounted, so that
 * command-line scripts sample nothing.
 */
export function enableDefaultMetrics(): void {
  if (defaultsOn) return;
  defaultsOn = true;
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
}

/** Most distinct operation names kept as label values; later ones count as `other` (clients choose the names). */
export const MAX_OPERATION_LABELS = 200;
const operationNames = new Set<string>();

/** The label value for an operation name: the name if it is a plain GraphQL name and there is room, else a bucket. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
  if (operationNames.has(name)) return name;
  if (operationNames.size >= MAX_OPERATION_LABELS) return 'other';
  operationNames.add(name);
  return name;
}

/** Records one answered GraphQL operation. `seconds` from its start; `dbSeconds` waited on the database. */
export function recordOperation(o: {
  operation: string;
  type: string;
  outcome: string;
  seconds: number;
  dbRoundTrips: number;
  dbSeconds: number;
}): void {
  graphqlRequests.inc({ operation: o.operation, type: o.type, outcome: o.outcome });
  graphqlDuration.observe({ operation: o.operation, type: o.type }, o.seconds);
  graphqlDbRoundTrips.observe({ operation: o.operation }, o.dbRoundTrips);
  graphqlDbSeconds.observe({ operation: o.operation }, o.dbSeconds);
}

/** Access modes of database work, as labels. */
export type DbMode = 'read' | 'write' | 'schema';

/** Records one Cypher query (one round trip) and how it ended. */
export function recordQuery(mode: DbMode, seconds: number, outcome: 'ok' | 'unavailable' | 'timeout' | 'error'): void {
  dbQueries.inc({ mode, outcome });
  dbQueryDuration.observe({ mode }, seconds);
}

/** Records the size of one DataLoader batch. */
export function recordBatch(loader: string, size: number): void {
  loaderBatchSize.observe({ loader }, size);
}

/** Records one ingest: its outcome, and what it created when it succeeded. */
export function recordIngest(outcome: 'created' | 'matched' | 'rejected' | 'failed', created?: Record<string, number>) {
  ingestArticles.inc({ outcome });
  for (const [kind, count] of Object.entries(created ?? {})) if (count > 0) ingestCreated.inc({ kind }, count);
}

/**
 * Sets the number of GraphQL subscriptions open now. For the subscription transport to call whenever one opens or
 * closes (with the count it holds), so the gauge never drifts.
 */
export function setSubscriptionCount(count: number): void {
  subscriptions.set(count);
}

/** Records what became of an attempt to restart the embedded Neo4j. */
export function recordEmbeddedRestart(outcome: 'restarted' | 'failed' | 'gave_up'): void {
  embeddedRestarts.inc({ outcome });
}
