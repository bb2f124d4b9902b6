import type { Database } from '../shared/neo4j/database';

/**
 * What start-up waits for, in order: the GraphQL schema built and Apollo started, Neo4j answering, the schema
 * migrations applied, the reference data (countries) loaded, and the seed loaded into an empty database.
 */
export const STARTUP_STEPS = ['graphql', 'database', 'migrations', 'referenceData', 'seed'] as const;
export type StartupStep = (typeof STARTUP_STEPS)[number];

/**
 * The progress of start-up, shared by the runtime (which completes the steps) and the HTTP handlers (which answer
 * 503 until every step is done). The server listens before any step starts, so an orchestrator sees a live
 * process that is not ready yet, rather than a refused connection.
 */
export class Startup {
  private readonly pending = new Set<StartupStep>(STARTUP_STEPS);
  private connected: Database | null = null;
  /** When the process began starting (ms since the epoch), for the logs. */
  readonly startedAt = Date.now();

  /** Marks a step done. */
  done(step: StartupStep): void {
    this.pending.delete(step);
  }

  /** The steps not yet done, in start-up order. */
  waitingFor(): StartupStep[] {
    return STARTUP_STEPS.filter((step) => this.pending.has(step));
  }

  /** What a client is told while the server starts. */
  startingMessage(): string {
    return `The server is starting (waiting for ${this.waitingFor().join(', ')}); try again shortly`;
  }

  get ready(): boolean {
    return this.pending.size === 0;
  }

  /** The database, once connected (the `database` step); null before. */
  get db(): Database | null {
    return this.connected;
  }

  set db(db: Database) {
    this.connected = db;
  }
}
