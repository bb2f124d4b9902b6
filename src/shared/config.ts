import { createHash } from 'node:crypto';
import path from 'node:path';

/** Thrown when an environment variable holds a value the server cannot use; start-up stops with its message. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`Invalid configuration: ${variable} ${reason}`);
    this.name = 'ConfigError';
  }
}

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type ApiRole = 'editor' | 'admin';

/** One accepted API key: its role and the SHA-256 (hex) of the key. */
export interface ApiKeyEntry {
  role: ApiRole;
  sha256: string;
}

/** Options for the embedded Neo4j that runs when NEO4J_URI is not set. */
export interface EmbeddedNeo4jOptions {
  /** Bolt port on 127.0.0.1. */
  port: number;
  /** Store folder; data persists across restarts. */
  dataDir: string;
  /** JVM heap, in a java -Xmx form such as "1g". */
  heap: string;
  /** Page cache size in bytes. */
  pageCacheBytes: number;
  /** Global cap on transaction memory, in bytes. */
  txMemoryBytes: number;
  /** Restarts of a JVM that died, within `restartWindowMs`, before the launcher gives up. */
  maxRestarts: number;
  /** The window over which restarts are counted, in milliseconds. */
  restartWindowMs: number;
}

/**
 * Bounds on database work, in milliseconds. A database call (one query with its retries, or one transaction) is
 * abandoned with SERVICE_UNAVAILABLE when it has not finished `txTimeoutMs + 1000` ms after it started, and all the
 * database work of one GraphQL request within the same time from the request's start: a frozen server cannot hold a
 * request longer (the server-side timeout alone cannot fire when the server itself is stopped).
 */
export interface Neo4jTimeouts {
  /** TCP connect to a Neo4j server (driver `connectionTimeout`). */
  connectTimeoutMs: number;
  /** Waiting for a pooled connection, a new one's handshake included (driver `connectionAcquisitionTimeout`). */
  acquisitionTimeoutMs: number;
  /** How long the driver retries a write transaction on transient errors (driver `maxTransactionRetryTime`). */
  retryTimeMs: number;
  /** Server-side timeout of every transaction and query that serves a request. */
  txTimeoutMs: number;
  /** The same for start-up work (migrations, reference data, seed) and command-line loads. */
  bulkTxTimeoutMs: number;
}

/** The documented defaults of {@link Neo4jTimeouts}, for code that runs without a configuration (benchmarks). */
export const DEFAULT_NEO4J_TIMEOUTS: Neo4jTimeouts = {
  connectTimeoutMs: 5_000,
  acquisitionTimeoutMs: 5_000,
  retryTimeMs: 5_000,
  txTimeoutMs: 10_000,
  bulkTxTimeoutMs: 600_000,
};

/** Which OTLP encoding spans are sent in (`OTEL_EXPORTER_OTLP_PROTOCOL`); gRPC is not bundled. */
export type OtlpProtocol = 'http/protobuf' | 'http/json';

/**
 * OpenTelemetry tracing, from the standard `OTEL_*` variables
 * (https://opentelemetry.io/docs/specs/otel/configuration/sdk-environment-variables/). Off unless
 * OTEL_TRACES_EXPORTER names an exporter: the specification's default (`otlp`) would have every install try to reach
 * a collector on localhost.
 */
export interface TracingConfig {
  /** Exporters to send spans to; empty means tracing is off. */
  exporters: ('otlp' | 'console')[];
  serviceName: string;
  /** Full URL of the OTLP traces endpoint, such as http://localhost:4318/v1/traces. */
  otlpEndpoint: string;
  otlpProtocol: OtlpProtocol;
  /** Extra headers for the OTLP exporter (OTEL_EXPORTER_OTLP_HEADERS, `key=value,...`). */
  otlpHeaders: Record<string, string>;
  /** Sampler name from OTEL_TRACES_SAMPLER, and its ratio (OTEL_TRACES_SAMPLER_ARG) for the ratio samplers. */
  sampler:
    | 'always_on'
    | 'always_off'
    | 'traceidratio'
    | 'parentbased_always_on'
    | 'parentbased_always_off'
    | 'parentbased_traceidratio';
  samplerRatio: number;
}

/** Query limits enforced at validation time, before any database work. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  /** Most tokens in a document, checked before parsing (graphql-js counts punctuators, names and values). */
  maxTokens: number;
  maxPageSize: number;
  bodyLimitBytes: number;
}

/**
 * Limits of the HTTP server against slow or greedy clients. Times in milliseconds; Node's http server enforces
 * them (server.headersTimeout, requestTimeout, keepAliveTimeout, maxConnections).
 */
export interface HttpLimits {
  /** Longest time to receive a request's headers; then the connection is answered 408 and closed. */
  headersTimeoutMs: number;
  /** Longest time to receive a whole request, headers and body; then 408 and closed. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open after a response. */
  keepAliveTimeoutMs: number;
  /** Most open connections; Node closes any connection beyond it at once. */
  maxConnections: number;
  /** Failed authentications (an Authorization header naming no key) per client address per minute. */
  authFailuresPerMinute: number;
}

/**
 * Trusted-documents mode (TRUSTED_DOCUMENTS): only registered operations run, over HTTP, WebSocket and SSE. The
 * registered operations always resolve by id (extensions.persistedQuery.sha256Hash), in either mode.
 */
export interface TrustedDocumentsConfig {
  /** Refuse every operation that is not registered (PERSISTED_QUERY_NOT_IN_LIST). */
  enforce: boolean;
  /**
   * Manifests in Apollo's persisted query manifest format: schema/persisted-query-manifest.json (the explorer's and
   * the README's operations), then those of TRUSTED_DOCUMENTS_FILES (comma-separated paths, relative to the project).
   */
  files: string[];
}

export interface AppConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  logLevel: LogLevel;
  neo4j: {
    /** Null means: start the embedded Neo4j. */
    uri: string | null;
    user: string;
    password: string;
    database: string;
    timeouts: Neo4jTimeouts;
  };
  embedded: EmbeddedNeo4jOptions;
  /** Serve Prometheus metrics at GET /metrics. */
  metrics: boolean;
  tracing: TracingConfig;
  /** Load the seed annotation when the database holds no article. */
  seedOnEmpty: boolean;
  apiKeys: ApiKeyEntry[];
  readsRequireKey: boolean;
  /**
   * Redis for subscription events across API processes (REDIS_URL, such as redis://localhost:6379); null: events
   * stay in this process.
   */
  redisUrl: string | null;
  /** Origins allowed to call the API from a browser (CORS_ORIGINS, comma-separated; `*` any); none by default. */
  corsOrigins: string[];
  limits: QueryLimits;
  http: HttpLimits;
  /**
   * Answer introspection queries (GraphiQL's completion and docs need them). Default: on, off in trusted-documents
   * mode.
   */
  introspection: boolean;
  /** Serve the GraphiQL IDE at /graphiql and, for browsers, at /graphql. Default: on, off in trusted-documents mode. */
  ide: boolean;
  trustedDocuments: TrustedDocumentsConfig;
  /**
   * Key of the HMAC that signs pagination cursors (see src/shared/graphql/pagination.ts): CURSOR_SECRET, else one
   * derived from the database connection settings, so every replica on one database and every restart agrees.
   */
  cursorSecret: Buffer;
  projectRoot: string;
}

type Env = Record<string, string | undefined>;

const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return Number(value);
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false (got "${value}")`);
}

function corsOrigins(env: Env): string[] {
  const list = (read(env, 'CORS_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of list) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(
        'CORS_ORIGINS',
        `must list origins such as https://dash.example.org or * (got "${origin}")`,
      );
    }
  }
  return list;
}

function redisUrl(env: Env): string | null {
  const value = read(env, 'REDIS_URL');
  if (value === undefined) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(value)) throw new ConfigError('REDIS_URL', `must be a redis:// or rediss:// URL`);
  return value;
}

const SIZE_UNITS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

function byteSize(env: Env, name: string, fallback: string): { text: string; bytes: number } {
  const text = read(env, name) ?? fallback;
  const match = /^(\d+)([kmg]?)$/i.exec(text);
  const unit = match ? SIZE_UNITS[(match[2] ?? '').toLowerCase()] : undefined;
  if (!match || unit === undefined || Number(match[1]) === 0) {
    throw new ConfigError(name, `must be a size such as 512m or 2g (got "${text}")`);
  }
  return { text: text.toLowerCase(), bytes: Number(match[1]) * unit };
}

function neo4jUri(env: Env): string | null {
  const value = read(env, 'NEO4J_URI');
  if (value === undefined) return null;
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^/\s]+/.test(value)) {
    throw new ConfigError(
      'NEO4J_URI',
      `must be a bolt:// or neo4j:// URI (optionally +s or +ssc), such as bolt://localhost:7687 (got "${value}")`,
    );
  }
  return value;
}

function apiKeys(env: Env): ApiKeyEntry[] {
  const value = read(env, 'API_KEYS');
  if (value === undefined) return [];
  return value.split(',').map((entry, index) => {
    const match = /^(editor|admin):([0-9a-f]{64})$/i.exec(entry.trim());
    if (!match) {
      throw new ConfigError(
        'API_KEYS',
        `entry ${index + 1} must be role:sha256hex with role editor or admin and 64 hex digits`,
      );
    }
    return { role: match[1]!.toLowerCase() as ApiRole, sha256: match[2]!.toLowerCase() };
  });
}

function neo4jTimeouts(env: Env): Neo4jTimeouts {
  const d = DEFAULT_NEO4J_TIMEOUTS;
  const timeouts = {
    connectTimeoutMs: integer(env, 'NEO4J_CONNECT_TIMEOUT_MS', d.connectTimeoutMs, 100, 600_000),
    acquisitionTimeoutMs: integer(env, 'NEO4J_ACQUISITION_TIMEOUT_MS', d.acquisitionTimeoutMs, 100, 600_000),
    retryTimeMs: integer(env, 'NEO4J_RETRY_TIME_MS', d.retryTimeMs, 0, 600_000),
    txTimeoutMs: integer(env, 'NEO4J_TX_TIMEOUT_MS', d.txTimeoutMs, 100, 3_600_000),
    bulkTxTimeoutMs: integer(env, 'NEO4J_BULK_TX_TIMEOUT_MS', d.bulkTxTimeoutMs, 1_000, 86_400_000),
  };
  if (timeouts.bulkTxTimeoutMs < timeouts.txTimeoutMs) {
    throw new ConfigError('NEO4J_BULK_TX_TIMEOUT_MS', 'must be at least NEO4J_TX_TIMEOUT_MS');
  }
  return timeouts;
}

const OTEL_SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;

function otlpHeaders(env: Env, name: string): Record<string, string> {
  const value = read(env, name);
  if (value === undefined) return {};
  const headers: Record<string, string> = {};
  for (const entry of value.split(',')) {
    const at = entry.indexOf('=');
    if (at <= 0) throw new ConfigError(name, 'must be key=value pairs separated by commas');
    headers[decodeURIComponent(entry.slice(0, at).trim())] = decodeURIComponent(entry.slice(at + 1).trim());
  }
  return headers;
}

function tracingConfig(env: Env): TracingConfig {
  const names = (read(env, 'OTEL_TRACES_EXPORTER') ?? 'none').split(',').map((name) => name.trim().toLowerCase());
  for (const name of names) {
    if (!['none', 'otlp', 'console'].includes(name)) {
      throw new ConfigError('OTEL_TRACES_EXPORTER', `must be none, otlp or console, comma-separated (got "${name}")`);
    }
  }
  const disabled = bool(env, 'OTEL_SDK_DISABLED', false) || names.includes('none');
  const protocol = read(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL')
    ? oneOf(env, 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL', ['http/protobuf', 'http/json'] as const, 'http/protobuf')
    : oneOf(env, 'OTEL_EXPORTER_OTLP_PROTOCOL', ['http/protobuf', 'http/json'] as const, 'http/protobuf');
  const base = (read(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') ?? 'http://localhost:4318').replace(/\/+$/, '');
  const endpoint = read(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? `${base}/v1/traces`;
  if (!/^https?:\/\/[^/\s]+/.test(endpoint)) {
    throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', `must be an http:// or https:// URL (got "${endpoint}")`);
  }
  const ratio = read(env, 'OTEL_TRACES_SAMPLER_ARG') ?? '1';
  if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(ratio)) {
    throw new ConfigError('OTEL_TRACES_SAMPLER_ARG', `must be a ratio from 0 to 1 (got "${ratio}")`);
  }
  return {
    exporters: disabled ? [] : (names as ('otlp' | 'console')[]),
    serviceName: read(env, 'OTEL_SERVICE_NAME') ?? 'diplograph',
    otlpEndpoint: endpoint,
    otlpProtocol: protocol,
    otlpHeaders: {
      ...otlpHeaders(env, 'OTEL_EXPORTER_OTLP_HEADERS'),
      ...otlpHeaders(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'),
    },
    sampler: oneOf(env, 'OTEL_TRACES_SAMPLER', OTEL_SAMPLERS, 'parentbased_always_on'),
    samplerRatio: Number(ratio),
  };
}

function httpLimits(env: Env): HttpLimits {
  const headersTimeoutMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000);
  const requestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000);
  // Node refuses a headers timeout above the request timeout: the whole request includes its headers.
  if (headersTimeoutMs > requestTimeoutMs) {
    throw new ConfigError(
      'HTTP_HEADERS_TIMEOUT_MS',
      `must not exceed HTTP_REQUEST_TIMEOUT_MS (${headersTimeoutMs} > ${requestTimeoutMs})`,
    );
  }
  return {
    headersTimeoutMs,
    requestTimeoutMs,
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 0, 600_000),
    maxConnections: integer(env, 'HTTP_MAX_CONNECTIONS', 1024, 1, 1_000_000),
    authFailuresPerMinute: integer(env, 'AUTH_FAILURES_PER_MINUTE', 10, 1, 100_000),
  };
}

/**
 * CURSOR_SECRET (at least 32 characters) when set. Otherwise a key derived from the database settings (URI or
 * embedded store, user, password, database): stable across restarts and the same on every replica that serves the
 * same database, which a random per-process key would not be (cursors would then fail after a restart or on
 * another replica). A cursor carries only a position in a list, never access, so the secret guards against edited
 * and foreign cursors; set CURSOR_SECRET to rotate it or when the database password is a known default.
 */
function cursorSecret(env: Env, database: AppConfig['neo4j'], embeddedDataDir: string): Buffer {
  const value = read(env, 'CURSOR_SECRET');
  if (value !== undefined) {
    if (value.length < 32) throw new ConfigError('CURSOR_SECRET', 'must be at least 32 characters long');
    return Buffer.from(value, 'utf8');
  }
  const store = database.uri ?? `embedded:${embeddedDataDir}`;
  return createHash('sha256')
    .update(['diplograph cursor secret', store, database.user, database.password, database.database].join('\n'))
    .digest();
}

/**
 * Reads and validates the whole configuration once. Nothing else in the code base reads the environment.
 * @throws ConfigError naming the first variable whose value is unusable.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  // Production unless told otherwise: masked errors, no stack traces (issue 14). `npm run dev` sets development.
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'production');
  const embeddedHeap = byteSize(env, 'EMBEDDED_NEO4J_HEAP', '1g');
  // Production hardening: with only registered operations allowed, the IDE and introspection default to off.
  const trustedDocuments = bool(env, 'TRUSTED_DOCUMENTS', false);
  const dataDir = read(env, 'EMBEDDED_NEO4J_DATA') ?? path.join(PROJECT_ROOT, '.data', 'neo4j');
  const neo4j = {
    uri: neo4jUri(env),
    user: read(env, 'NEO4J_USER') ?? 'neo4j',
    password: read(env, 'NEO4J_PASSWORD') ?? 'neo4j',
    database: read(env, 'NEO4J_DATABASE') ?? 'neo4j',
    timeouts: neo4jTimeouts(env),
  };
  return {
    nodeEnv,
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: read(env, 'HOST') ?? '0.0.0.0',
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      nodeEnv === 'test' ? 'warn' : 'info',
    ),
    neo4j,
    embedded: {
      port: integer(env, 'EMBEDDED_NEO4J_PORT', 7687, 1, 65535),
      dataDir: path.resolve(PROJECT_ROOT, dataDir),
      heap: embeddedHeap.text,
      pageCacheBytes: byteSize(env, 'EMBEDDED_NEO4J_PAGE_CACHE', '512m').bytes,
      txMemoryBytes: byteSize(env, 'EMBEDDED_NEO4J_TX_MEMORY', '1g').bytes,
      maxRestarts: integer(env, 'EMBEDDED_NEO4J_MAX_RESTARTS', 5, 0, 100),
      restartWindowMs: 10 * 60_000,
    },
    metrics: bool(env, 'METRICS', true),
    tracing: tracingConfig(env),
    seedOnEmpty: bool(env, 'SEED_ON_EMPTY', true),
    apiKeys: apiKeys(env),
    readsRequireKey: bool(env, 'READS_REQUIRE_KEY', false),
    redisUrl: redisUrl(env),
    corsOrigins: corsOrigins(env),
    limits: {
      maxDepth: integer(env, 'MAX_QUERY_DEPTH', 8, 2, 50),
      maxAliases: integer(env, 'MAX_QUERY_ALIASES', 15, 1, 1000),
      maxCost: integer(env, 'MAX_QUERY_COST', 5000, 10, 1_000_000),
      // Ten times the playground's introspection query (about 180 tokens).
      maxTokens: integer(env, 'MAX_QUERY_TOKENS', 2000, 200, 100_000),
      maxPageSize: 100,
      bodyLimitBytes: byteSize(env, 'MAX_BODY_SIZE', '2m').bytes,
    },
    http: httpLimits(env),
    introspection: bool(env, 'INTROSPECTION', !trustedDocuments),
    ide: bool(env, 'IDE', !trustedDocuments),
    trustedDocuments: {
      enforce: trustedDocuments,
      files: [
        path.join(PROJECT_ROOT, 'schema', 'persisted-query-manifest.json'),
        ...(read(env, 'TRUSTED_DOCUMENTS_FILES') ?? '')
          .split(',')
          .map((file) => file.trim())
          .filter(Boolean)
          .map((file) => path.resolve(PROJECT_ROOT, file)),
      ],
    },
    cursorSecret: cursorSecret(env, neo4j, path.resolve(PROJECT_ROOT, dataDir)),
    projectRoot: PROJECT_ROOT,
  };
}
