import neo4j, { isRetriableError, type Driver, type ManagedTransaction, type RecordShape } from 'neo4j-driver';
import { mapDriverError } from '../errors';

/** Per-operation counters, read by the debug extension and by tests. */
export class DbStats {
  roundTrips = 0;
  timeMs = 0;
}

/** Attempts of one read before its error is returned, and the pause before the next (times the attempt). */
const READ_ATTEMPTS = 3;
const RETRY_DELAY_MS = 200;

/** A transaction handle that counts each query it sends. */
export interface Tx {
  run<T extends RecordShape = RecordShape>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}

/**
 * The one gateway to Neo4j: sessions with an explicit database and access mode, closed in `finally`; single reads
 * as auto-commit queries in READ sessions, several reads in one read transaction (a cluster routes both to
 * readers), writes in managed transactions that the driver retries.
 * Each instance carries the counters of one operation; `withStats` gives a request its own view.
 */
export class Database {
  constructor(
    readonly driver: Driver,
    readonly name: string,
    readonly stats: DbStats = new DbStats(),
  ) {}

  /** The same driver and database, counting into fresh stats (one per GraphQL operation). */
  withStats(stats: DbStats = new DbStats()): Database {
    return new Database(this.driver, this.name, stats);
  }

  /**
   * Runs one read query and returns its records as plain objects. It runs as an auto-commit transaction in a READ
   * session (a cluster routes it to a reader): one exchange with the server where a managed transaction takes three
   * writes and two waits (BEGIN, RUN, COMMIT), about 1 ms per query on the bench machine. Reads are idempotent, so
   * what the driver would retry in a managed transaction (a transient error, a lost or expired connection) is
   * retried here, up to READ_ATTEMPTS times in all.
   */
  async read<T extends RecordShape = RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
      const started = performance.now();
      this.stats.roundTrips += 1;
      try {
        const result = await session.run<T>(cypher, params);
        return result.records.map((record) => record.toObject() as T);
      } catch (error) {
        if (attempt >= READ_ATTEMPTS || !isRetriableError(error)) throw mapDriverError(error);
      } finally {
        this.stats.timeMs += performance.now() - started;
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
    }
  }

  /** Runs several reads in one read transaction. */
  async readTx<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.READ });
    try {
      return await session.executeRead((tx) => work(this.counting(tx)));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs `work` in one managed write transaction. The driver may retry it, so `work` must be idempotent. */
  async writeTx<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work(this.counting(tx)));
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  /** Runs a statement outside an explicit transaction: schema commands and CALL { } IN TRANSACTIONS need it. */
  async autoCommit(cypher: string, params: Record<string, unknown> = {}): Promise<void> {
    const session = this.driver.session({ database: this.name, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(cypher, params);
    } catch (error) {
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  private counting(tx: ManagedTransaction): Tx {
    const stats = this.stats;
    return {
      async run<T extends RecordShape>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
        const started = performance.now();
        stats.roundTrips += 1;
        try {
          const result = await tx.run<T>(cypher, params);
          return result.records.map((record) => record.toObject() as T);
        } finally {
          stats.timeMs += performance.now() - started;
        }
      },
    };
  }
}

/** One driver per process. Integers arrive as JS numbers: no count here comes near 2^53. */
export function createDriver(uri: string, user: string, password: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
    connectionAcquisitionTimeout: 30_000,
  });
}

/**
 * A JS number as a Cypher INTEGER parameter. JS numbers travel as floats, which LIMIT and SKIP refuse, so every
 * integer-valued parameter that Cypher needs as an integer goes through this.
 */
export function int(value: number) {
  return neo4j.int(value);
}
