import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import neo4j from 'neo4j-driver';
import { Label, Rel } from '../src/shared/graph-schema';
import { streamArticle } from './helpers/fault-articles';
import { freePort } from './helpers/free-port';
import { asEditor, INGEST, TEST_API_KEYS } from './helpers/write-keys';

/**
 * The database going away, for real: a Diplograph process (dist/src/main.js) on its OWN embedded Neo4j (never the
 * suite's shared one), whose JVM is killed with SIGKILL, then frozen with SIGSTOP, under a stream of requests.
 */

const root = path.resolve(__dirname, '..', '..');
/**
 * NEO4J_TX_TIMEOUT_MS of the server under test: its bound on database work is this plus 1 s. Shorter than the
 * default (10 s) so the test is quicker, long enough for a cold ingest on a busy shared machine.
 */
const TX_TIMEOUT_MS = 8_000;
const BOUND_MS = TX_TIMEOUT_MS + 1_000;
/** What a request may take beyond the bound on this shared 2-core machine (HTTP, JSON, a busy event loop). */
const SLACK_MS = 3_000;

interface Outcome {
  /** The article's index, for writes. */
  i?: number;
  ok: boolean;
  status: number;
  code?: string;
  retryAfter?: string | null;
  ms: number;
  at: number;
}

function javaPid(dataDir: string): number {
  const ps = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  const line = ps.stdout.split('\n').find((l) => l.includes('EmbeddedNeo4j') && l.includes(dataDir));
  assert.ok(line, 'the embedded JVM is running');
  return Number(line.trim().split(/\s+/)[0]);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the database going away', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'diplograph-faults-'));
  const tag = `flt${Date.now().toString(36)}`;
  let child: ChildProcess;
  let output = '';
  let url: string;
  let boltPort: number;
  /** Every acknowledged ingest and every failed one, over both scenarios. */
  const acked = new Set<number>();
  const unacked = new Set<number>();
  let next = 0;

  /** One GraphQL POST with a hard client-side cap (a request still open then counts as hanging). */
  async function post(body: unknown, headers: Record<string, string> = {}): Promise<Outcome & { data?: any }> {
    const started = Date.now();
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(BOUND_MS + 30_000),
      });
      const json = (await response.json()) as { data?: any; errors?: { extensions?: { code?: string } }[] };
      return {
        ok: response.status === 200 && !json.errors,
        status: response.status,
        code: json.errors?.[0]?.extensions?.code,
        retryAfter: response.headers.get('retry-after'),
        data: json.data,
        ms: Date.now() - started,
        at: started,
      };
    } catch (error) {
      return { ok: false, status: 0, code: `client: ${(error as Error).name}`, ms: Date.now() - started, at: started };
    }
  }

  async function ingest(): Promise<Outcome> {
    const i = next++;
    const outcome = await post({ query: INGEST, variables: { input: streamArticle(tag, i) } }, asEditor);
    if (outcome.ok) acked.add(i);
    else unacked.add(i);
    return { ...outcome, i };
  }

  async function read(): Promise<Outcome> {
    return post({ query: '{ countries(first: 5) { totalCount edges { node { code aliases { text } } } } }' });
  }

  /**
   * Runs `workers` loops until `stop()`, the first `writers` of them ingesting and the others reading; resolves with
   * every outcome. Few writers: they all create the same speaker and outlet, and on this shared machine a cold
   * ingest can take seconds, so writers queueing on each other's locks would test the machine, not the server.
   */
  function load(workers: number, writers: number) {
    let running = true;
    const outcomes: Outcome[] = [];
    const loops = Array.from({ length: workers }, async (_, w) => {
      while (running) {
        const outcome = w < writers ? await ingest() : await read();
        outcomes.push(outcome);
        // A client that got 503 waits a little, as Retry-After asks (shortened: the test measures the server).
        if (!outcome.ok) await sleep(200);
      }
    });
    return {
      outcomes,
      stop: async () => {
        running = false;
        await Promise.all(loops);
        return outcomes;
      },
    };
  }

  async function waitUntil(what: string, timeoutMs: number, check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      assert.equal(child.exitCode, null, `the API process died while waiting for ${what}:\n${output.slice(-3000)}`);
      if (await check()) return Date.now();
      await sleep(250);
    }
    assert.fail(`${what} did not happen within ${timeoutMs / 1000} s`);
  }

  /** Reads until one succeeds (at most 60 s); returns it. A failure lists what the reads got. */
  async function recoveredRead(after: string): Promise<Outcome> {
    const tried: Outcome[] = [];
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      const outcome = await read();
      if (outcome.ok) return outcome;
      tried.push(outcome);
      await sleep(250);
    }
    assert.fail(`no read succeeded within 60 s of ${after}: ${JSON.stringify(tried)}\n${output.slice(-4000)}`);
  }

  /** Every failure while the database is away is the documented one: 503, SERVICE_UNAVAILABLE, Retry-After. */
  function assertFailuresDocumented(outcomes: Outcome[]): void {
    for (const o of outcomes.filter((x) => !x.ok)) {
      assert.equal(o.code, 'SERVICE_UNAVAILABLE', JSON.stringify(o));
      assert.equal(o.status, 503, JSON.stringify(o));
      assert.equal(o.retryAfter, '5', JSON.stringify(o));
    }
  }

  before(async () => {
    boltPort = await freePort();
    const httpPort = await freePort();
    url = `http://127.0.0.1:${httpPort}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      EMBEDDED_NEO4J_DATA: dataDir,
      EMBEDDED_NEO4J_PORT: String(boltPort),
      EMBEDDED_NEO4J_HEAP: '512m',
      EMBEDDED_NEO4J_PAGE_CACHE: '64m',
      PORT: String(httpPort),
      HOST: '127.0.0.1',
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'info',
      API_KEYS: TEST_API_KEYS,
      NEO4J_TX_TIMEOUT_MS: String(TX_TIMEOUT_MS),
    };
    delete env.NEO4J_URI;
    child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    await waitUntil('readiness', 240_000, async () =>
      fetch(`${url}/ready`).then(
        (r) => r.status === 200,
        () => false,
      ),
    );
  });

  after(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
    if (process.env.FAULTS_LOG) writeFileSync(process.env.FAULTS_LOG, output);
  });

  it('kill -9 of Neo4j mid-stream: fails fast with 503, restarts Neo4j, recovers, loses no acknowledged write', async () => {
    const stream = load(4, 1);
    await waitUntil('a few acknowledged ingests', 120_000, async () => acked.size >= 6);
    const killedPid = javaPid(dataDir);
    process.kill(killedPid, 'SIGKILL');
    const killedAt = Date.now();

    // While it is away, /ready says so without internal details (production mode).
    await waitUntil('/ready to turn 503', 15_000, async () => (await fetch(`${url}/ready`)).status === 503);
    const ready = (await (await fetch(`${url}/ready`)).json()) as { ready: boolean; error?: string };
    assert.equal(ready.ready, false);
    assert.doesNotMatch(JSON.stringify(ready), /Exception|at |\/|bolt:|ECONNREFUSED|isRetryable/);

    await waitUntil('the launcher to restart Neo4j', 240_000, async () => /Embedded Neo4j restarted/.test(output));
    const back = Date.now();
    assert.match(output, /Embedded Neo4j died: killed with SIGKILL/);
    assert.notEqual(javaPid(dataDir), killedPid);
    // Neo4j is back when it answers over Bolt; a JVM just started is slow for a while on a busy machine, and that
    // time is Neo4j's, not the API's. From then on the API must recover by itself within 30 s.
    const answers = await waitUntil('Neo4j to answer over Bolt', 120_000, async () => {
      const probe = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', 'x'));
      try {
        await probe.executeQuery('RETURN 1', {}, { database: 'neo4j' });
        return true;
      } catch {
        return false;
      } finally {
        await probe.close();
      }
    });
    const firstOk = await recoveredRead('the restart');
    assert.ok(
      firstOk.at - answers < 30_000,
      `first successful read started ${firstOk.at - answers} ms after Neo4j answered (${answers - back} ms after its restart)`,
    );
    process.stdout.write(
      `# Neo4j down ${back - killedAt} ms, answering ${answers - back} ms after its restart, ` +
        `API serving ${firstOk.at + firstOk.ms - answers} ms after that\n`,
    );
    const ackedBefore = acked.size;
    await waitUntil('more acknowledged ingests after the restart', 120_000, async () => acked.size >= ackedBefore + 4);
    const outcomes = await stream.stop();

    assert.equal(child.exitCode, null, 'the API process is still up');
    const during = outcomes.filter((o) => o.at >= killedAt && o.at < back);
    assert.ok(
      during.some((o) => !o.ok),
      'requests made while Neo4j was down failed',
    );
    assertFailuresDocumented(outcomes);
    // Failing fast: nothing waited past the bound. How long Neo4j stays away is the JVM's start time (about 10 s on
    // an idle machine, 45 s on a loaded one), so it is reported above, not asserted: a fast restart is no fault.
    for (const o of outcomes) assert.ok(o.ms <= BOUND_MS + SLACK_MS, `a request took ${o.ms} ms: ${JSON.stringify(o)}`);
  });

  it('SIGSTOP of Neo4j for 20 s under load: no request waits past the bound, none hangs, all recover', async () => {
    const stream = load(6, 2);
    await sleep(2_000);
    const pid = javaPid(dataDir);
    process.kill(pid, 'SIGSTOP');
    const stoppedAt = Date.now();
    try {
      await sleep(20_000);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    const resumedAt = Date.now();
    const firstOk = await recoveredRead('SIGCONT');
    assert.ok(
      firstOk.at - resumedAt < 30_000,
      `first successful read started ${firstOk.at - resumedAt} ms after SIGCONT`,
    );
    await sleep(3_000);
    const outcomes = await stream.stop();

    assert.equal(child.exitCode, null, 'the API process is still up');
    const frozen = outcomes.filter((o) => o.at >= stoppedAt && o.at + o.ms <= resumedAt);
    assert.ok(frozen.length >= 3, `requests answered while Neo4j was frozen: ${frozen.length}`);
    assert.ok(
      frozen.every((o) => !o.ok),
      'nothing the database serves can succeed while it is frozen',
    );
    assertFailuresDocumented(outcomes);
    for (const o of outcomes) assert.ok(o.ms <= BOUND_MS + SLACK_MS, `a request took ${o.ms} ms: ${JSON.stringify(o)}`);
    assert.ok(
      outcomes.filter((o) => o.at > resumedAt).some((o) => o.ok),
      'requests succeed after SIGCONT',
    );
  });

  it('keeps every acknowledged article exactly once, and every unacknowledged one absent or complete', async () => {
    assert.ok(acked.size >= 10 && unacked.size >= 1, `acknowledged ${acked.size}, unacknowledged ${unacked.size}`);
    const driver = neo4j.driver(`bolt://127.0.0.1:${boltPort}`, neo4j.auth.basic('neo4j', 'x'), {
      disableLosslessIntegers: true,
    });
    try {
      const { records } = await driver.executeQuery(
        `UNWIND $urls AS url
         OPTIONAL MATCH (a:${Label.Article} {url: url})
         OPTIONAL MATCH (a)<-[:${Rel.IN_ARTICLE}]-(r:${Label.Report})<-[:${Rel.HAS_REPORT}]-(s:${Label.Statement})
         OPTIONAL MATCH (s)-[:${Rel.SAID_BY}]->(speaker:${Label.Actor})
         WITH url, a, count(DISTINCT s) AS statements, count(DISTINCT speaker) AS speakers
         RETURN url, count(a) AS articles, sum(statements) AS statements, sum(speakers) AS speakers`,
        { urls: [...acked, ...unacked].map((i) => streamArticle(tag, i).url) },
      );
      const byUrl = new Map(records.map((r) => [r.get('url') as string, r.toObject()]));
      for (const i of acked) {
        const row = byUrl.get(streamArticle(tag, i).url)!;
        assert.deepEqual(row, { url: row.url, articles: 1, statements: 2, speakers: 1 }, `acknowledged article ${i}`);
      }
      for (const i of unacked) {
        const row = byUrl.get(streamArticle(tag, i).url)!;
        if (row.articles === 0) continue;
        assert.deepEqual(row, { url: row.url, articles: 1, statements: 2, speakers: 1 }, `unacknowledged article ${i}`);
      }
    } finally {
      await driver.close();
    }
  });
});
