import { createServer, type ServerResponse } from 'node:http';
import neo4j from 'neo4j-driver';
import { createDriver } from '../src/shared/neo4j/database';
import { intOption, option } from './args';
import { writeFloorArticle } from './floor-ingest';
import { FLOOR } from './floor-queries';
import type { FloorArticleRows } from './ingest-articles';

/**
 * The floor contender: a tiny HTTP server that runs one hand-written Cypher query per workload through
 * neo4j-driver (the same driver settings as Diplograph) and returns the records as JSON. POST /<workload> with the
 * parameters as the JSON body; POST /ingest writes one article (the write floor). Prints `READY <port>` when listening.
 */
const argv = process.argv.slice(2);
const driver = createDriver(option(argv, 'uri', 'bolt://127.0.0.1:7687'), 'neo4j', 'neo4j');
const INTEGER_PARAMS = new Set(['top']);
const SINGLE_QUERY = new Set(['Q1', 'Q2', 'Q3', 'Q4', 'Q5']);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      const workload = (req.url ?? '').slice(1);
      if (workload === 'ingest') {
        await ingest(Buffer.concat(chunks).toString('utf8'), res);
        return;
      }
      const plan = FLOOR[workload];
      if (!plan) {
        res.writeHead(404).end();
        return;
      }
      const params = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      for (const key of Object.keys(params)) {
        if (INTEGER_PARAMS.has(key)) params[key] = neo4j.int(params[key] as number);
      }
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        // As Diplograph does: a single read as an auto-commit query, several (Q6) in one read transaction.
        const data = SINGLE_QUERY.has(workload)
          ? await plan(async (cypher, p) => (await session.run(cypher, p)).records.map((r) => r.toObject()), params)
          : await session.executeRead((tx) =>
              plan(async (cypher, p) => (await tx.run(cypher, p)).records.map((r) => r.toObject()), params),
            );
        const body = JSON.stringify({ data });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      } catch (error) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
      } finally {
        await session.close();
      }
    })();
  });
});

/** POST /ingest: the write floor (floor-ingest.ts) for one article's rows, the JSON body. */
async function ingest(body: string, res: ServerResponse): Promise<void> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.WRITE });
  try {
    await writeFloorArticle(session, JSON.parse(body) as FloorArticleRows);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
  } finally {
    await session.close();
  }
}

server.listen(intOption(argv, 'port', 4100), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`READY ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
