import 'reflect-metadata';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ingestArticle } from '../src/ingest/ingest.service';
import { setMeetingStatus } from '../src/curation/curation.service';
import { CLI_CALLER } from '../src/seed/seed-loader';
import { toGlobalId } from '../src/shared/global-id';
import { MeetingStatus } from '../src/shared/graphql/enums';
import type { ArticleInputData } from '../src/ingest/ingest.model';
import { freePort } from './helpers/free-port';
import { startSeededServer, startTestServer, type TestServer } from './helpers/test-server';
import { asEditor, EDITOR_KEY, INGEST, TEST_API_KEYS } from './helpers/write-keys';
import { PESKOV, peskovArticle } from './helpers/peskov-article';

const root = path.resolve(__dirname, '..', '..');
const RU = toGlobalId('Country', 'RU');
const UA = toGlobalId('Country', 'UA');

/** A small article by Peskov about `about`, unique by `n`. */
function article(n: number, about: string, extra: Partial<ArticleInputData> = {}): ArticleInputData {
  return peskovArticle(n, about, { extra });
}

/** Subscribes and collects every `next` payload; `ready` resolves once the server acknowledged the connection. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: any[] = [];
  const errors: unknown[] = [];
  let wake: (() => void) | null = null;
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (value) => {
        received.push(value);
        wake?.();
      },
      error: (error) => {
        errors.push(error);
        wake?.();
      },
      complete: () => undefined,
    },
  );
  return {
    received,
    errors,
    dispose,
    /** Waits until `count` payloads (or an error) arrived, at most `ms`. */
    async until(count: number, ms = 20_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (received.length < count && errors.length === 0 && Date.now() < deadline) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 100);
        });
      }
    },
  };
}

function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams,
    lazy: false,
    retryAttempts: 0,
  });
}

/** Waits until the server has the subscription registered (it answers the first event it can). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

const STATEMENT_ADDED = `subscription($filter: StatementAddedFilter) {
  statementAdded(filter: $filter) { id text speaker { name } event { cameo } }
}`;

describe('subscriptions in one process', () => {
  let server: TestServer;
  let client: Client;

  before(async () => {
    server = await startSeededServer();
    client = wsClient(server.url);
  });

  after(async () => {
    await client.dispose();
    await server.stop();
  });

  it('statementAdded delivers what an ingest created, once, and nothing for a replay or a rolled-back write', async () => {
    const aboutRu = subscribe(client, STATEMENT_ADDED, { filter: { about: RU } });
    const aboutUa = subscribe(client, STATEMENT_ADDED, { filter: { about: UA } });
    const related = subscribe(client, STATEMENT_ADDED, { filter: { about: RU, includeRelated: true, cameo: '03' } });
    await settle();
    await ingestArticle(server.db, article(1, RU), CLI_CALLER);
    await aboutRu.until(1);
    assert.equal(aboutRu.received.length, 1);
    assert.equal(aboutRu.received[0].data.statementAdded.speaker.name, 'Dmitry Peskov');
    assert.equal(aboutRu.received[0].data.statementAdded.event.cameo, '036');

    // A replay creates nothing; a write that fails after its first MERGE (same URL, other text) rolls back.
    await ingestArticle(server.db, article(1, RU), CLI_CALLER);
    await assert.rejects(
      ingestArticle(server.db, { ...article(1, RU), text: article(1, RU).text + ' More.' }, CLI_CALLER),
      /different article text/,
    );
    // Then a new one: it must be the very next delivery.
    await ingestArticle(server.db, article(2, RU), CLI_CALLER);
    await aboutRu.until(2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(aboutRu.received.length, 2);
    assert.match(aboutRu.received[1].data.statementAdded.text, /day 2/);
    assert.equal(aboutUa.received.length, 0);
    // includeRelated: Peskov speaks for the Kremlin, a Russian government body, so a statement about him counts.
    await ingestArticle(server.db, article(3, PESKOV), CLI_CALLER);
    await related.until(3);
    assert.equal(related.received.length, 3);
    assert.equal(aboutRu.received.length, 2);
    for (const s of [aboutRu, aboutUa, related]) s.dispose();
  });

  it('meetingStatusChanged delivers a new status history entry from setMeetingStatus, not a replay of it', async () => {
    const [row] = await server.db.read<{ meeting: string; statement: string }>(
      `MATCH (m:Meeting)<-[:ABOUT]-(s:Statement) RETURN m.id AS meeting, s.id AS statement ORDER BY m.id, s.id LIMIT 1`,
    );
    const meeting = toGlobalId('Meeting', row!.meeting);
    const statement = toGlobalId('Statement', row!.statement);
    const [participant] = await server.db.read<{ id: string }>(
      `MATCH (:Meeting {id: $m})-[:PARTICIPANT]->(a:Actor) RETURN a.id AS id LIMIT 1`,
      { m: row!.meeting },
    );
    const query = `subscription($meeting: ID, $participant: ID) {
      meetingStatusChanged(meeting: $meeting, participant: $participant) { id status meeting { id } statement { id } }
    }`;
    const byMeeting = subscribe(client, query, { meeting });
    const byParticipant = subscribe(client, query, { participant: toGlobalId('Actor', participant!.id) });
    const byOther = subscribe(client, query, { participant: toGlobalId('Actor', 'no-such-actor') });
    await settle();
    await setMeetingStatus(server.db, CLI_CALLER, meeting, MeetingStatus.CANCELLED, statement);
    await setMeetingStatus(server.db, CLI_CALLER, meeting, MeetingStatus.CANCELLED, statement);
    await byMeeting.until(1);
    await byParticipant.until(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(byMeeting.received.length, 1);
    const change = byMeeting.received[0].data.meetingStatusChanged;
    assert.equal(change.status, 'CANCELLED');
    assert.equal(change.meeting.id, meeting);
    assert.equal(change.statement.id, statement);
    assert.equal(byParticipant.received.length, 1);
    assert.equal(byOther.received.length, 0);
    for (const s of [byMeeting, byParticipant, byOther]) s.dispose();
  });

  it('applies the query limits and refuses queries and mutations over WebSocket', async () => {
    const deep = subscribe(
      client,
      `subscription { statementAdded { about { ... on Actor { statements { edges { node { about { ... on Actor {
         statements { edges { node { id } } } } } } } } } } } }`,
    );
    await deep.until(1);
    assert.equal(deep.errors.length, 1);
    assert.match(JSON.stringify(deep.errors[0]), /QUERY_TOO_COMPLEX|deep/i);
    const query = subscribe(client, `{ __typename }`);
    await query.until(1);
    assert.match(JSON.stringify(query.errors[0]), /Only subscriptions/);
  });
});

describe('subscriptions need a key when reads do', () => {
  it('closes a connection without a valid key and serves one whose connectionParams carry it', async () => {
    const server = await startTestServer({ READS_REQUIRE_KEY: 'true', API_KEYS: TEST_API_KEYS });
    try {
      const refused = wsClient(server.url);
      const denied = subscribe(refused, STATEMENT_ADDED);
      await denied.until(1);
      assert.equal(denied.errors.length, 1);
      assert.equal((denied.errors[0] as { code?: number }).code, 4403);
      await refused.dispose();

      const keyed = wsClient(server.url, { authorization: `Bearer ${EDITOR_KEY}` });
      const ok = subscribe(keyed, STATEMENT_ADDED, { filter: { about: UA } });
      await settle();
      await ingestArticle(server.db, article(10, UA), CLI_CALLER);
      await ok.until(1);
      assert.equal(ok.received.length, 1);
      await keyed.dispose();
    } finally {
      await server.stop();
    }
  });
});

function startApi(port: number, redisUrl: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      REDIS_URL: redisUrl,
      API_KEYS: TEST_API_KEYS,
      SEED_ON_EMPTY: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('API process exited before it was ready');
    const status = await fetch(`${url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('API process not ready in time');
}

describe('subscriptions across two API processes through Redis', () => {
  const redisUrl = process.env.REDIS_TEST_URL;
  const children: ChildProcess[] = [];

  after(async () => {
    for (const child of children) {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    }
  });

  it('an ingest through one process reaches a subscriber of the other', async () => {
    assert.ok(redisUrl, 'REDIS_TEST_URL is set by scripts/run-tests.ts');
    const [portA, portB] = [await freePort(), await freePort()];
    const a = startApi(portA, redisUrl);
    const b = startApi(portB, redisUrl);
    children.push(a, b);
    const [urlA, urlB] = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
    await Promise.all([waitReady(urlA, a), waitReady(urlB, b)]);
    const onB = wsClient(urlB);
    const onA = wsClient(urlA);
    const heardOnB = subscribe(onB, STATEMENT_ADDED, { filter: { speaker: PESKOV } });
    const heardOnA = subscribe(onA, STATEMENT_ADDED, { filter: { speaker: PESKOV } });
    await settle();
    const response = await fetch(`${urlA}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asEditor },
      body: JSON.stringify({ query: INGEST, variables: { input: article(20, RU) } }),
    });
    const body = (await response.json()) as any;
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    assert.equal(body.data.ingestArticle.created.statements, 1);
    await heardOnB.until(1);
    await heardOnA.until(1);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(heardOnB.received.length, 1);
    assert.match(heardOnB.received[0].data.statementAdded.text, /day 20/);
    assert.equal(heardOnA.received.length, 1);
    await Promise.all([onA.dispose(), onB.dispose()]);
  });
});
