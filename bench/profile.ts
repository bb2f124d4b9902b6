import neo4j, { type Driver, type ManagedTransaction, type QueryResult, type Session } from 'neo4j-driver';
import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { createDriver, Database } from '../src/shared/neo4j/database';
import { serveDatabase } from '../src/server/runtime';
import { FLOOR } from './floor-queries';
import type { Workload } from './workloads';

/** What one request cost in the database. */
export interface QueryCost {
  /** Queries sent to Neo4j. */
  roundTrips: number;
  /** Sum of PROFILE db hits over all of them. */
  dbHits: number;
  /** PROFILE db hits of the most expensive one (the "main" Cypher). */
  mainDbHits: number;
  /** Each query: its first line and its costliest operators (for finding scans). */
  queries?: { cypher: string; dbHits: number; top: string[] }[];
  error?: string;
}

interface ProfiledPlan {
  operatorType: string;
  dbHits: number;
  rows: number;
  arguments?: Record<string, unknown>;
  children: ProfiledPlan[];
}

/** The three operators with the most db hits, as "Operator(details) hits/rows". */
function costliest(plan: ProfiledPlan | false | undefined | null): string[] {
  const all: ProfiledPlan[] = [];
  const walk = (p: ProfiledPlan): void => {
    all.push(p);
    p.children.forEach(walk);
  };
  if (plan) walk(plan);
  return all
    .sort((a, b) => b.dbHits - a.dbHits)
    .slice(0, 3)
    .map(
      (p) => `${p.operatorType}(${String(p.arguments?.Details ?? '').slice(0, 80)}) ${p.dbHits} hits/${p.rows} rows`,
    );
}

function firstLines(cypher: string): string {
  return cypher.replace(/\s+/g, ' ').trim().slice(0, 160);
}

/** A PROFILE plan's db hits, its operators' summed: the figure every profiling script in bench/ prints. */
export function totalHits(plan: ProfiledPlan | false | undefined | null): number {
  if (!plan) return 0;
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalHits(child), 0);
}

/**
 * A driver whose transactions PROFILE every query they run and record its db hits: Diplograph, running on it,
 * sends exactly the Cypher it always sends, and we see what each request cost.
 */
function profilingDriver(driver: Driver, sink: { hits: number[]; queries: QueryCost['queries'] & object }): Driver {
  const profiled =
    (run: (cypher: string, params?: Record<string, unknown>) => Promise<QueryResult>) =>
    async (cypher: string, params?: Record<string, unknown>): Promise<QueryResult> => {
      const result = await run(`PROFILE ${cypher}`, params);
      const plan = result.summary.profile as unknown as ProfiledPlan;
      sink.hits.push(totalHits(plan));
      sink.queries.push({ cypher: firstLines(cypher), dbHits: totalHits(plan), top: costliest(plan) });
      return result;
    };
  const wrapTx = (tx: ManagedTransaction): ManagedTransaction =>
    new Proxy(tx, {
      get(target, prop) {
        if (prop === 'run') {
          return profiled((cypher, params) => target.run(cypher, params));
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  const wrapSession = (session: Session): Session =>
    new Proxy(session, {
      get(target, prop) {
        // Diplograph sends single reads as auto-commit queries (session.run), several in a transaction.
        if (prop === 'run') {
          return profiled((cypher, params) => target.run(cypher, params));
        }
        if (prop === 'executeRead' || prop === 'executeWrite') {
          return <T>(work: (tx: ManagedTransaction) => Promise<T>) =>
            (target[prop] as (w: (tx: ManagedTransaction) => Promise<T>) => Promise<T>).call(target, (tx) =>
              work(wrapTx(tx)),
            );
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') return (config: Parameters<Driver['session']>[0]) => wrapSession(target.session(config));
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * For each workload: Diplograph's round trips (from its own debug extension) and the PROFILE db hits of every
 * query it sent, next to the db hits of the floor's single query. Diplograph runs in-process here, on a profiling
 * driver; the load rounds use the separate child process.
 */
export async function profileWorkloads(
  uri: string,
  list: Workload[],
): Promise<Record<string, { diplograph: QueryCost; floor: QueryCost }>> {
  const driver = createDriver(uri, 'neo4j', 'neo4j');
  const sink = { hits: [] as number[], queries: [] as NonNullable<QueryCost['queries']> };
  const config = loadConfig({ ...process.env, NEO4J_URI: uri, NODE_ENV: 'development', LOG_LEVEL: 'warn' });
  const log = createLogger('warn');
  const app = await serveDatabase(config, new Database(profilingDriver(driver, sink), 'neo4j'), log);
  const port = await app.listen(0, '127.0.0.1');
  const out: Record<string, { diplograph: QueryCost; floor: QueryCost }> = {};
  try {
    for (const workload of list) {
      sink.hits = [];
      sink.queries = [];
      let diplograph: QueryCost;
      try {
        const res = await fetch(`http://127.0.0.1:${port}${workload.diplograph.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-diplograph-debug': '1' },
          body: workload.diplograph.body,
        });
        const body = (await res.json()) as { errors?: { message: string }[]; extensions?: any };
        diplograph = {
          roundTrips: Number(body.extensions?.diplograph?.dbRoundTrips ?? sink.hits.length),
          dbHits: sink.hits.reduce((a, b) => a + b, 0),
          mainDbHits: Math.max(0, ...sink.hits),
          queries: sink.queries,
          ...(body.errors ? { error: body.errors.map((e) => e.message).join('; ') } : {}),
        };
      } catch (error) {
        diplograph = { roundTrips: NaN, dbHits: NaN, mainDbHits: NaN, error: String(error) };
      }
      let floor: QueryCost;
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const params = JSON.parse(workload.floor.body) as Record<string, unknown>;
        for (const key of ['top']) if (key in params) params[key] = neo4j.int(params[key] as number);
        const hits: number[] = [];
        const queries: NonNullable<QueryCost['queries']> = [];
        await session.executeRead((tx) =>
          FLOOR[workload.id]!(async (cypher, p) => {
            const result = await tx.run(`PROFILE ${cypher}`, p);
            const plan = result.summary.profile as unknown as ProfiledPlan;
            hits.push(totalHits(plan));
            queries.push({ cypher: firstLines(cypher), dbHits: totalHits(plan), top: costliest(plan) });
            return result.records.map((r) => r.toObject());
          }, params),
        );
        floor = {
          roundTrips: hits.length,
          dbHits: hits.reduce((a, b) => a + b, 0),
          mainDbHits: Math.max(0, ...hits),
          queries,
        };
      } catch (error) {
        floor = { roundTrips: NaN, dbHits: NaN, mainDbHits: NaN, error: String(error) };
      } finally {
        await session.close();
      }
      out[workload.id] = { diplograph, floor };
    }
  } finally {
    await app.close();
    await driver.close();
  }
  return out;
}
