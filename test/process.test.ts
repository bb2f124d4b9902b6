import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import neo4j from 'neo4j-driver';
import { freePort } from './helpers/free-port';

const root = path.resolve(__dirname, '..', '..');
const main = path.join(root, 'dist', 'src', 'main.js');

function startMain(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const base = { ...process.env };
  delete base.NEO4J_URI;
  const child = spawn(process.execPath, [main], { env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output };
}

function exited(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', r));
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('server exited before it was ready');
    const status = await fetch(`${url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server not ready in time');
}

/** What a client saw while the server started: each poll of /health, /ready and a GraphQL POST. */
interface StartupObservation {
  health: number;
  ready: number;
  readyBody: any;
  graphql: number;
  graphqlRetryAfter: string | null;
  graphqlBody: any;
}

async function watchStartup(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<StartupObservation[]> {
  const seen: StartupObservation[] = [];
  const deadline = Date.now() + timeoutMs;
  const json = (r: Response) => r.json().catch(() => null);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('server exited before it was ready');
    try {
      const health = await fetch(`${url}/health`);
      const ready = await fetch(`${url}/ready`);
      const graphql = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ countries(first: 1) { totalCount } }' }),
      });
      seen.push({
        health: health.status,
        ready: ready.status,
        readyBody: await json(ready),
        graphql: graphql.status,
        graphqlRetryAfter: graphql.headers.get('retry-after'),
        graphqlBody: await json(graphql),
      });
      await health.body?.cancel();
      if (ready.status === 200) return seen;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server not ready in time');
}

function javaProcessesFor(dataDir: string): string[] {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => line.includes('EmbeddedNeo4j') && line.includes(dataDir));
}

describe('process lifecycle', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'diplograph-proc-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('stops start-up with a message naming a bad variable', async () => {
    for (const [name, value] of [
      ['PORT', 'eighty'],
      ['NEO4J_URI', 'http://localhost:7474'],
      ['LOG_LEVEL', 'loud'],
      ['API_KEYS', 'owner:abc'],
    ] as const) {
      const { child, output } = startMain({ [name]: value });
      assert.equal(await exited(child), 2, `${name} should stop start-up`);
      assert.match(output(), new RegExp(`Invalid configuration: ${name} `));
    }
  });

  it('runs on the embedded Neo4j, refuses a second start on the same folder, stops with no JVM left, keeps data', async () => {
    const boltPort = await freePort();
    const httpPort = await freePort();
    const env = {
      EMBEDDED_NEO4J_DATA: dataDir,
      EMBEDDED_NEO4J_PORT: String(boltPort),
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'info',
    };
    // No NODE_ENV: the process must run in production mode.
    const first = startMain({ ...env, NODE_ENV: '' });
    const seen = await watchStartup(`http://127.0.0.1:${httpPort}`, first.child);
    assert.match(first.output(), /"nodeEnv":"production"/);
    // Listening before the database: /health 200 while /ready says 503 and what it waits for, GraphQL 503.
    const starting = seen.filter((s) => s.ready === 503);
    assert.ok(starting.length > 0, 'no poll saw the server starting');
    assert.ok(
      starting.every((s) => s.health === 200),
      JSON.stringify(starting.map((s) => s.health)),
    );
    assert.ok(
      starting.some((s) => s.readyBody?.waitingFor?.includes('database')),
      JSON.stringify(starting[0]),
    );
    for (const s of starting) {
      assert.equal(s.readyBody.ready, false);
      assert.ok(s.readyBody.waitingFor.length > 0);
    }
    const graphqlStarting = seen.filter((s) => s.graphql === 503);
    assert.ok(graphqlStarting.length > 0);
    for (const s of graphqlStarting) {
      assert.equal(s.graphqlRetryAfter, '5');
      assert.equal(s.graphqlBody.errors[0].extensions.code, 'SERVICE_UNAVAILABLE');
      assert.equal('data' in s.graphqlBody, false);
    }
    const last = seen[seen.length - 1]!;
    assert.deepEqual([last.health, last.ready, last.graphql], [200, 200, 200]);
    assert.equal(last.graphqlBody.data.countries.totalCount > 0, true);
    assert.equal(javaProcessesFor(dataDir).length, 1);
    // Serve a query first: shutdown must also work once Apollo has handled requests.
    const served = await fetch(`http://127.0.0.1:${httpPort}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ country(code: "UA") { name } }' }),
    });
    assert.deepEqual(await served.json(), { data: { country: { name: 'Ukraine' } } });

    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', 'x'));
    await driver.executeQuery('MERGE (:ProcessTestMarker {id: 1})');
    await driver.close();

    const second = startMain({ ...env, EMBEDDED_NEO4J_PORT: String(await freePort()), PORT: String(await freePort()) });
    assert.equal(await exited(second.child), 1);
    assert.match(second.output(), /store is locked/);

    first.child.kill('SIGTERM');
    assert.equal(await exited(first.child), 0);
    assert.deepEqual(javaProcessesFor(dataDir), []);

    // Restart: the data survives. Then kill the Node process outright: the JVM must still go away by itself.
    const againPort = await freePort();
    const again = startMain({ ...env, PORT: String(againPort) });
    await waitReady(`http://127.0.0.1:${againPort}`, again.child);
    const check = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', 'x'));
    const { records } = await check.executeQuery('MATCH (m:ProcessTestMarker) RETURN count(m) AS n');
    await check.close();
    assert.equal(records[0]!.get('n').toNumber(), 1);

    again.child.kill('SIGKILL');
    await exited(again.child);
    const deadline = Date.now() + 60_000;
    while (javaProcessesFor(dataDir).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    assert.deepEqual(javaProcessesFor(dataDir), []);
  });
});
