import neo4j, { type Driver } from 'neo4j-driver';

/**
 * Ends the queries a cell left behind. When a cell's time is up the load tool drops its connections, but the
 * servers' queries go on in Neo4j, and a slow contender's backlog (seconds per query at 32 clients) would run
 * into the next cell and slow whoever runs there. Terminates every transaction but this one, then waits until
 * Neo4j is idle (at most `maxMs`).
 */
export async function drainDatabase(driver: Driver, maxMs = 30_000): Promise<number> {
  const started = Date.now();
  let terminated = 0;
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.WRITE });
  try {
    for (;;) {
      const rows = await session.run(
        `SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
         RETURN collect(transactionId) AS ids`,
      );
      const ids = (rows.records[0]?.get('ids') as string[] | undefined) ?? [];
      if (ids.length === 0 || Date.now() - started > maxMs) return terminated;
      await session.run('TERMINATE TRANSACTIONS $ids', { ids });
      terminated += ids.length;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await session.close();
  }
}
