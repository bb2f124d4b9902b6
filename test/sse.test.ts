import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClient, NetworkError, type Client } from 'graphql-sse';
import { ingestArticle } from '../src/ingest/ingest.service';
import { CLI_CALLER } from '../src/seed/seed-loader';
import { toGlobalId } from '../src/shared/global-id';
import type { ArticleInputData } from '../src/ingest/ingest.model';
import { startSeededServer, startTestServer, type TestServer } from './helpers/test-server';
import { EDITOR_KEY, TEST_API_KEYS } from './helpers/write-keys';
import { peskovArticle } from './helpers/peskov-article';

const RU = toGlobalId('Country', 'RU');
const UA = toGlobalId('Country', 'UA');

/** A one-statement article by Peskov about `about`, unique by `n`. */
function article(n: number, about: string): ArticleInputData {
  return peskovArticle(n, about, { channel: 'SSE', publishedOn: '2025-06-02' });
}

function sseClient(url: string, options: { key?: string; singleConnection?: boolean } = {}): Client {
  return createClient({
    url: `${url}/graphql/stream`,
    headers: options.key ? { authorization: `Bearer ${options.key}` } : {},
    singleConnection: options.singleConnection ?? false,
    retryAttempts: 0,
  });
}

/** Subscribes and collects `next` payloads and errors. */
function subscribe(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: any[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const dispose = client.subscribe(
    { query, variables },
    {
      next: (value) => received.push(value),
      error: (error) => errors.push(error),
      complete: () => {
        completed = true;
      },
    },
  );
  return {
    received,
    errors,
    dispose,
    get completed() {
      return completed;
    },
    /** Waits until `count` payloads or an error arrived, at most `ms`. */
    async until(count: number, ms = 20_000): Promise<void> {
      const deadline = Date.now() + ms;
      while (received.length < count && errors.length === 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
  };
}

/** The HTTP status and GraphQL error body of a refusal the client reported. */
async function refusal(error: unknown): Promise<{ status: number; body: any }> {
  assert.ok(error instanceof NetworkError, `a NetworkError, got ${String(error)}`);
  const response = error.response as unknown as Response;
  return { status: response.status, body: await response.json() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 700));

const STATEMENT_ADDED = `subscription($filter: StatementAddedFilter) {
  statementAdded(filter: $filter) { id text speaker { name } event { cameo } }
}`;

describe('subscriptions over Server-Sent Events (graphql-sse)', () => {
  let server: TestServer;

  before(async () => {
    server = await startSeededServer();
  });

  after(async () => {
    await server.stop();
  });

  it('deliver statementAdded after an ingest, filtered, in both of the protocol modes', async () => {
    const distinct = sseClient(server.url);
    const single = sseClient(server.url, { singleConnection: true });
    const aboutRu = subscribe(distinct, STATEMENT_ADDED, { filter: { about: RU } });
    const aboutUa = subscribe(distinct, STATEMENT_ADDED, { filter: { about: UA } });
    const overOne = subscribe(single, STATEMENT_ADDED, { filter: { about: RU } });
    await settle();
    const created = await ingestArticle(server.db, article(1, RU), CLI_CALLER);
    await aboutRu.until(1);
    await overOne.until(1);
    assert.deepEqual(aboutRu.errors, []);
    assert.equal(aboutRu.received.length, 1);
    const statement = aboutRu.received[0].data.statementAdded;
    assert.equal(statement.speaker.name, 'Dmitry Peskov');
    assert.equal(statement.event.cameo, '036');
    assert.match(statement.text, /over SSE on day 1/);
    assert.equal(created.created.statements, 1);
    assert.deepEqual(overOne.received, aboutRu.received);
    // A replay creates nothing and so sends nothing; UA's subscriber heard nothing of RU.
    await ingestArticle(server.db, article(1, RU), CLI_CALLER);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(aboutRu.received.length, 1);
    assert.equal(aboutUa.received.length, 0);
    for (const s of [aboutRu, aboutUa, overOne]) s.dispose();
    distinct.dispose();
    single.dispose();
  });

  it('refuse an invalid operation, a query and an operation over the limits with 400 and a GraphQL error', async () => {
    const client = sseClient(server.url);
    const unknown = subscribe(client, 'subscription { statementAdded { nickname } }');
    const query = subscribe(client, '{ __typename }');
    const deep = subscribe(
      client,
      `subscription { statementAdded { about { ... on Actor { statements { edges { node { about { ... on Actor {
         statements { edges { node { id } } } } } } } } } } } }`,
    );
    for (const s of [unknown, query, deep]) await s.until(1);
    const invalid = await refusal(unknown.errors[0]);
    assert.equal(invalid.status, 400);
    assert.match(invalid.body.errors[0].message, /Cannot query field "nickname" on type "Statement"/);
    const notSubscription = await refusal(query.errors[0]);
    assert.equal(notSubscription.status, 400);
    assert.equal(notSubscription.body.errors[0].extensions.code, 'BAD_REQUEST');
    const tooDeep = await refusal(deep.errors[0]);
    assert.equal(tooDeep.status, 400);
    assert.equal(tooDeep.body.errors[0].extensions.code, 'QUERY_TOO_COMPLEX');
    client.dispose();
  });
});

describe('Server-Sent Events need a key when reads do', () => {
  it('answers 401 without a valid key and streams with one', async () => {
    const server = await startTestServer({ READS_REQUIRE_KEY: 'true', API_KEYS: TEST_API_KEYS });
    try {
      for (const key of [undefined, 'not-a-key']) {
        const client = sseClient(server.url, { key });
        const denied = subscribe(client, STATEMENT_ADDED);
        await denied.until(1);
        const refused = await refusal(denied.errors[0]);
        assert.equal(refused.status, 401);
        assert.equal(refused.body.errors[0].extensions.code, 'UNAUTHENTICATED');
        assert.equal(denied.received.length, 0);
        client.dispose();
      }
      const keyed = sseClient(server.url, { key: EDITOR_KEY });
      const ok = subscribe(keyed, STATEMENT_ADDED, { filter: { about: UA } });
      await settle();
      await ingestArticle(server.db, article(2, UA), CLI_CALLER);
      await ok.until(1);
      assert.deepEqual(ok.errors, []);
      assert.equal(ok.received.length, 1);
      ok.dispose();
      keyed.dispose();
    } finally {
      await server.stop();
    }
  });
});
