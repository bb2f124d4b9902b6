import neo4j, { Neo4jError, type Driver, type ManagedTransaction, type RecordShape, type Session } from 'neo4j-driver';
import { DEFAULT_NEO4J_TIMEOUTS, type Neo4jTimeouts } from '../config';
import { DATABASE_TIMEOUT_MESSAGE, mapDriverError, ServiceUnavailableError } from '../errors';
import { recordQuery, type DbMode } from '../observability/metrics';
import {
  endSpan,
  inSpan,
  parentContext,
  SpanKind,
  startSpan,
  tracingEnabled,
  type Context,
} from '../observability/tracing';

/** Per-operation counters, read by the debug extension and by tests. */
export class DbStats {
  roundTrips = 0;
  timeMs = 0;
}

/** Attempts of one read before its error is returned, and the pause before the next (times the attempt). */
const READ_ATTEMPTS = 3;
const RETRY_DELAY_MS = 200;

/**
 * What our own deadline adds to the server-side transaction timeout: the server's timeout fires first whenever the
 * server runs, and this one when it cannot (stopped, frozen, unreachable mid-query).
 */
export const DEADLINE_MARGIN_MS = 1_000;

/** A transaction handle that counts each query it sends. */
export interface Tx {
  run<T extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}

/** How one view of the database is bounded and traced. */
interface Scope {
  /** Start-up and command-line work: the bulk transaction timeout applies. */
  bulk: boolean;
  /** Epoch ms by which all the work of this view's request must end; null outside requests. */
  deadlineAt: number | null;
  /** The span that database spans hang under when no span is active (the GraphQL operation's). */
  traceParent: Context | null;
}

function outcomeOf(error: unknown): 'unavailable' | 'timeout' | 'error' {
  const mapped = mapDriverError(error);
  if (mapped instanceof ServiceUnavailableError) {
    return mapped.message === DATABASE_TIMEOUT_MESSAGE ? 'timeout' : 'unavailable';
  }
  return 'error';
}

/**
 * The one gateway to Neo4j: sessions with an explicit database and access mode, closed in `finally`; single reads
 * as auto-commit queries in READ sessions, several reads in one read transaction (a cluster routes both to
 * readers), writes in managed transactions that the driver retries.
 *
 * Every call is bounded (see {@link Neo4jTimeouts}): each transaction and query carries the server-side timeout,
 * and our own deadline of that timeout plus {@link DEADLINE_MARGIN_MS} abandons a call the server cannot end (a
 * stopped or frozen server): the caller gets SERVICE_UNAVAILABLE, and the session is closed once the driver gives
 * its connection back. Each instance carries the counters of one operation; `withStats` gives a request its own
 * view, whose calls together end within the same bound from the request's start.
 */
export class Database {
  private readonly scope: Scope;

  constructor(
    readonly driver: Driver,
    readonly name: string,
    readonly stats: DbStats = new DbStats(),
    readonly timeouts: Neo4jTimeouts = DEFAULT_NEO4J_TIMEOUTS,
    scope: Partial<Scope> = {},
  ) {
    this.scope = { bulk: false, deadlineAt: null, traceParent: null, ...scope };
  }

  /**
   * The same driver and database for one GraphQL operation: counting into fresh stats, and with the whole
   * operation's database work bounded to `txTimeoutMs + DEADLINE_MARGIN_MS` from now.
   */
  withStats(stats: DbStats = new DbStats()): Database {
    return new Database(this.driver, this.name, stats, this.timeouts, {
      ...this.scope,
      deadlineAt: Date.now() + this.timeouts.txTimeoutMs + DEADLINE_MARGIN_MS,
    });
  }

  /**
   * Parents this view's database spans on `parent` when no span is active (the GraphQL operation's span). For the
   * per-request view of `withStats` only: it changes this instance.
   */
  traceUnder(parent: Context): void {
    this.scope.traceParent = parent;
  }

  /**
   * A view for start-up work and command-line loads (migrations, index builds, reference data, seed, synthetic
   * loads): each transaction may run `bulkTxTimeoutMs`, and no request deadline applies.
   */
  bulk(): Database {
    return new Database(this.driver, this.name, this.stats, this.timeouts, {
      ...this.scope,
      bulk: true,
      deadlineAt: null,
    });
  }

  /** The span database work of this view hangs under when no span is active (null outside traced requests). */
  get traceParent(): Context | null {
    return this.scope.traceParent;
  }

  /** The server-side timeout each transaction of this view carries, in ms. */
  get txTimeoutMs(): number {
    return this.scope.bulk ? this.timeouts.bulkTxTimeoutMs : this.timeouts.txTimeoutMs;
  }

  /**
   * Runs one read query and returns its records as plain objects. It runs as an auto-commit transaction in a READ
   * session (a cluster routes it to a reader): one exchange with the server where a managed transaction takes three
   * writes and two waits (BEGIN, RUN, COMMIT), about 1 ms per query on the bench machine. Reads are idempotent, so
   * what the driver would retry in a managed transaction (a transient error, a lost or expired connection) is
   * retried here, up to READ_ATTEMPTS times in all, within the call's deadline.
   * @throws ServiceUnavailableError when the database is unreachable or does not answer within the bound.
   */
  async read<T extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.bounded('read', async (deadline) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.readOnce<T>(cypher, params, deadline);
        } catch (error) {
          if (attempt >= READ_ATTEMPTS || !(error instanceof Neo4jError && error.retryable)) throw error;
        }
        await deadline.sleep(RETRY_DELAY_MS * attempt);
      }
    });
  }

  /** Runs several reads in one read transaction. */
  async readTx<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.transaction('read', work);
  }

  /** Runs `work` in one managed write transaction. The driver may retry it, so `work` must be idempotent. */
  async writeTx<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.transaction('write', work);
  }

  /** Runs a statement outside an explicit transaction: schema commands and CALL { } IN TRANSACTIONS need it. */
  async autoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<void> {
    await this.bounded('schema', async (deadline) => {
      const session = this.session(neo4j.session.WRITE);
      await deadline.race(
        this.query('schema', cypher, async () => (await session.run(cypher, params, this.txConfig())).records),
        session,
      );
    });
  }

  private txConfig() {
    return { timeout: this.txTimeoutMs };
  }

  private session(mode: typeof neo4j.session.READ | typeof neo4j.session.WRITE): Session {
    return this.driver.session({ database: this.name, defaultAccessMode: mode });
  }

  private async readOnce<T extends RecordShape>(
    cypher: string,
    params: Record<string, unknown>,
    deadline: Deadline,
  ): Promise<T[]> {
    const session = this.session(neo4j.session.READ);
    const records = await deadline.race(
      this.query('read', cypher, async () => (await session.run<T>(cypher, params, this.txConfig())).records),
      session,
    );
    return records.map((record) => record.toObject() as T);
  }

  private async transaction<R>(mode: 'read' | 'write', work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.bounded(
      mode,
      async (deadline, spanContext) => {
        const session = this.session(mode === 'read' ? neo4j.session.READ : neo4j.session.WRITE);
        const run = (tx: ManagedTransaction) => work(this.counting(tx, mode, spanContext));
        const done =
          mode === 'read' ? session.executeRead(run, this.txConfig()) : session.executeWrite(run, this.txConfig());
        return deadline.race(done, session);
      },
      `neo4j ${mode} transaction`,
    );
  }

  /**
   * Runs one database call under a deadline (the tighter of the call's bound and the request's), inside a span of
   * its own when `spanName` is given and tracing is on, and maps its error in the one place errors are mapped.
   */
  private async bounded<R>(
    mode: DbMode,
    call: (deadline: Deadline, spanContext: Context | undefined) => Promise<R>,
    spanName?: string,
  ): Promise<R> {
    const ms = Math.min(
      this.txTimeoutMs + DEADLINE_MARGIN_MS,
      this.scope.deadlineAt === null ? Infinity : this.scope.deadlineAt - Date.now(),
    );
    if (ms <= 0) throw new ServiceUnavailableError(DATABASE_TIMEOUT_MESSAGE);
    const deadline = new Deadline(ms);
    try {
      if (!spanName || !tracingEnabled()) return await call(deadline, undefined);
      return await inSpan(spanName, this.scope.traceParent, SpanKind.CLIENT, this.spanBase(mode), (spanContext) =>
        call(deadline, spanContext),
      );
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      deadline.clear();
    }
  }

  private spanBase(mode: DbMode) {
    return { 'db.system.name': 'neo4j', 'db.namespace': this.name, 'diplograph.db.mode': mode };
  }

  /**
   * Sends one query: counts the round trip and its time into the stats and metrics, and traces it with its text
   * (never its parameters, which carry user data).
   */
  private async query<R>(mode: DbMode, cypher: string, send: () => Promise<R>, parent?: Context): Promise<R> {
    const started = performance.now();
    this.stats.roundTrips += 1;
    const traced = tracingEnabled()
      ? startSpan(`neo4j ${mode}`, parent ?? parentContext(this.scope.traceParent), SpanKind.CLIENT, {
          ...this.spanBase(mode),
          'db.query.text': cypher,
        })
      : null;
    try {
      const result = await send();
      const seconds = (performance.now() - started) / 1000;
      recordQuery(mode, seconds, 'ok');
      if (traced) endSpan(traced.span);
      return result;
    } catch (error) {
      recordQuery(mode, (performance.now() - started) / 1000, outcomeOf(error));
      if (traced) endSpan(traced.span, mapDriverError(error));
      throw error;
    } finally {
      this.stats.timeMs += performance.now() - started;
    }
  }

  private counting(tx: ManagedTransaction, mode: 'read' | 'write', parent: Context | undefined): Tx {
    return {
      run: async <T extends RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> => {
        const records = await this.query(mode, cypher, async () => (await tx.run<T>(cypher, params)).records, parent);
        return records.map((record) => record.toObject() as T);
      },
    };
  }
}

/**
 * Our clock on one database call. `race` settles with the work or, at the deadline, with SERVICE_UNAVAILABLE; the
 * session is closed when the work settles, however late, so an abandoned call gives its connection back to the pool
 * as soon as the driver does.
 */
class Deadline {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly endsAt: number;

  constructor(ms: number) {
    this.endsAt = Date.now() + ms;
  }

  race<R>(work: Promise<R>, session: Session): Promise<R> {
    const close = (): void => void session.close().catch(() => undefined);
    work.then(close, close);
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new ServiceUnavailableError(DATABASE_TIMEOUT_MESSAGE)),
        Math.max(0, this.endsAt - Date.now()),
      );
      this.timers.add(timer);
      work.then(resolve, reject).finally(() => {
        clearTimeout(timer);
        this.timers.delete(timer);
      });
    });
  }

  /** Waits `ms`, or fails at once when the deadline would pass first. */
  async sleep(ms: number): Promise<void> {
    if (Date.now() + ms >= this.endsAt) throw new ServiceUnavailableError(DATABASE_TIMEOUT_MESSAGE);
    await new Promise((resolve) => setTimeout(resolve, ms));
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

/**
 * One driver per process, with every wait bounded by `timeouts`. Integers arrive as JS numbers: no count here comes
 * near 2^53.
 */
export function createDriver(
  uri: string,
  user: string,
  password: string,
  timeouts: Neo4jTimeouts = DEFAULT_NEO4J_TIMEOUTS,
): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    connectionTimeout: timeouts.connectTimeoutMs,
    connectionAcquisitionTimeout: timeouts.acquisitionTimeoutMs,
    maxTransactionRetryTime: timeouts.retryTimeMs,
  });
}

/**
 * A JS number as a Cypher INTEGER parameter. JS numbers travel as floats, which LIMIT and SKIP refuse, so every
 * integer-valued parameter that Cypher needs as an integer goes through this.
 */
export function int(value: number) {
  return neo4j.int(value);
}
