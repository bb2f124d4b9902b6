import 'reflect-metadata';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createClient as createSseClient, NetworkError } from 'graphql-sse';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ingestArticle } from '../src/ingest/ingest.service';
import { CLI_CALLER } from '../src/seed/seed-loader';
import { toGlobalId } from '../src/shared/global-id';
import { ActorKind, StatementForm } from '../src/shared/graphql/enums';
import { documentId, PersistedQueryManifest } from '../src/shared/graphql/trusted-documents';
import { startSeededServer, startTestServer, type TestServer } from './helpers/test-server';

const root = path.resolve(__dirname, '..', '..');
const manifest = PersistedQueryManifest.parse(
  JSON.parse(readFileSync(path.join(root, 'schema', 'persisted-query-manifest.json'), 'utf8')),
);
const registered = (name: string, type = 'query') => {
  const op = manifest.operations.find((o) => o.name === name && o.type === type);
  assert.ok(op, `${name} is registered`);
  return op;
};
/** The explorer's entity lookup (web/src/components/entity-picker.tsx) and the README's statements example. */
const RESOLVE = registered('ResolveEntity');
const STATEMENTS = registered('Statements');
const RUSSIA_NEWS = registered('RussiaNews', 'subscription');
const UNREGISTERED = '{ statements(first: 1) { totalCount } }';
const INTROSPECTION = '{ __schema { queryType { name } } }';
const PESKOV = toGlobalId('Actor', 'dmitry-peskov');
const RU = toGlobalId('Country', 'RU');

const byId = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });

async function post(server: TestServer, body: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

function assertNotInList(answer: { status: number; body: any }): void {
  assert.equal(answer.status, 400);
  assert.equal(answer.body.data, undefined);
  assert.equal(answer.body.errors[0].extensions.code, 'PERSISTED_QUERY_NOT_IN_LIST');
  assert.match(answer.body.errors[0].message, /registered operations only/);
}

function wsClient(url: string): Client {
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
  });
}

/** Collects what one graphql-ws subscription receives. */
function wsSubscribe(client: Client, payload: { query: string; extensions?: Record<string, unknown> }) {
  const received: any[] = [];
  const errors: any[] = [];
  const dispose = client.subscribe(payload, {
    next: (value) => received.push(value),
    error: (error) => errors.push(error),
    complete: () => undefined,
  });
  return { received, errors, dispose };
}

async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('trusted-documents mode (TRUSTED_DOCUMENTS=true)', () => {
  let server: TestServer;

  before(async () => {
    server = await startSeededServer({ TRUSTED_DOCUMENTS: 'true' });
  });

  after(async () => {
    await server.stop();
  });

  it('runs a registered operation sent by id alone, over POST and GET, as the explorer sends it', async () => {
    const variables = { name: 'Peskov' };
    const viaId = await post(server, { variables, extensions: byId(RESOLVE.id) });
    assert.equal(viaId.status, 200);
    assert.equal(viaId.body.data.resolveEntity[0].id, PESKOV);
    const query = new URLSearchParams({
      variables: JSON.stringify(variables),
      extensions: JSON.stringify(byId(RESOLVE.id)),
    });
    const get = await fetch(`${server.url}/graphql?${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    assert.equal(get.status, 200);
    assert.deepEqual(((await get.json()) as any).data, viaId.body.data);
  });

  it('runs a registered text, with or without its id', async () => {
    const text = await post(server, { query: STATEMENTS.body });
    assert.equal(text.status, 200);
    assert.ok(text.body.data.statements.totalCount > 0);
    const both = await post(server, { query: STATEMENTS.body, extensions: byId(STATEMENTS.id) });
    assert.deepEqual(both.body.data, text.body.data);
  });

  it('refuses other texts, unknown ids, APQ registration and introspection with 400 PERSISTED_QUERY_NOT_IN_LIST', async () => {
    assertNotInList(await post(server, { query: UNREGISTERED }));
    // A registered text changed by one space is another document.
    assertNotInList(await post(server, { query: `${STATEMENTS.body} ` }));
    assertNotInList(await post(server, { extensions: byId('0'.repeat(64)) }));
    // APQ's registration (text and hash) does not register anything here.
    const hash = documentId(UNREGISTERED);
    assertNotInList(await post(server, { query: UNREGISTERED, extensions: byId(hash) }));
    assertNotInList(await post(server, { extensions: byId(hash) }));
    // INTROSPECTION defaults to off in this mode, and the IDE with it.
    assertNotInList(await post(server, { query: INTROSPECTION }));
    const ide = await fetch(`${server.url}/graphiql`, { headers: { accept: 'text/html' } });
    assert.equal(ide.status, 404);
  });

  it('holds over WebSocket and SSE too: a registered subscription by id runs, another is refused', async () => {
    const client = wsClient(server.url);
    const news = wsSubscribe(client, { query: '', extensions: byId(RUSSIA_NEWS.id) });
    const other = wsSubscribe(client, { query: 'subscription { statementAdded { id } }' });
    await until(() => other.errors.length > 0);
    assert.equal(other.errors[0][0].extensions.code, 'PERSISTED_QUERY_NOT_IN_LIST');

    const sse = createSseClient({ url: `${server.url}/graphql/stream`, retryAttempts: 0 });
    const sseErrors: unknown[] = [];
    sse.subscribe(
      { query: 'subscription { statementAdded { id } }' },
      { next: () => undefined, error: (error) => sseErrors.push(error), complete: () => undefined },
    );
    await until(() => sseErrors.length > 0);
    assert.ok(sseErrors[0] instanceof NetworkError);
    const response = sseErrors[0].response as unknown as Response;
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as any).errors[0].extensions.code, 'PERSISTED_QUERY_NOT_IN_LIST');

    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentence = 'Peskov said in trusted mode that Moscow is ready for contacts.';
    await ingestArticle(
      server.db,
      {
        title: 'Peskov trusted',
        language: 'en',
        url: 'https://example.org/peskov-trusted',
        outlet: { name: 'TASS', kind: ActorKind.MEDIA },
        text: sentence,
        statements: [
          {
            speaker: { id: PESKOV },
            form: StatementForm.PARAPHRASE,
            text: sentence,
            about: [{ id: RU }],
            cameo: '036',
            span: { start: 0, end: sentence.length },
          },
        ],
        createMissing: true,
      },
      CLI_CALLER,
    );
    await until(() => news.received.length > 0 || news.errors.length > 0);
    assert.deepEqual(news.errors, []);
    assert.equal(news.received[0].data.statementAdded.text, sentence);
    news.dispose();
    sse.dispose();
    await client.dispose();
  });
});

describe('trusted-documents mode with IDE and INTROSPECTION set', () => {
  it('serves GraphiQL and introspection, and still runs registered operations only', async () => {
    const server = await startTestServer({ TRUSTED_DOCUMENTS: 'true', IDE: 'true', INTROSPECTION: 'true' });
    try {
      const schema = await post(server, { query: INTROSPECTION });
      assert.equal(schema.status, 200);
      assert.equal(schema.body.data.__schema.queryType.name, 'Query');
      const ide = await fetch(`${server.url}/graphiql`, { headers: { accept: 'text/html' } });
      assert.equal(ide.status, 200);
      assertNotInList(await post(server, { query: UNREGISTERED }));
      assertNotInList(await post(server, { query: `${INTROSPECTION} { statements(first: 1) { totalCount } }` }));
    } finally {
      await server.stop();
    }
  });
});

describe('registered operations outside trusted-documents mode', () => {
  it('resolve by id, and any other text runs as before', async () => {
    const server = await startTestServer();
    try {
      const viaId = await post(server, { variables: { name: 'Peskov' }, extensions: byId(RESOLVE.id) });
      assert.equal(viaId.status, 200);
      assert.ok(Array.isArray(viaId.body.data.resolveEntity));
      const free = await post(server, { query: UNREGISTERED });
      assert.equal(free.status, 200);
      // APQ as before: an unknown hash alone is PERSISTED_QUERY_NOT_FOUND, then text and hash register it.
      const hash = documentId(UNREGISTERED);
      const unknown = await post(server, { extensions: byId(hash) });
      assert.equal(unknown.body.errors[0].extensions.code, 'PERSISTED_QUERY_NOT_FOUND');
      await post(server, { query: UNREGISTERED, extensions: byId(hash) });
      assert.deepEqual((await post(server, { extensions: byId(hash) })).body.data, free.body.data);
    } finally {
      await server.stop();
    }
  });
});
