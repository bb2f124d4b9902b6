import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildGraphQLSchema, printSdl } from '../src/schema';
import { migrate } from '../src/shared/neo4j/migrations';
import { createLogger } from '../src/shared/logger';
import { toGlobalId } from '../src/shared/global-id';
import { startTestServer, type TestServer } from './helpers/test-server';

const root = path.resolve(__dirname, '..', '..');

describe('foundation', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });

  after(async () => {
    await server.stop();
  });

  it('applies migrations idempotently: a second run applies nothing and the schema is unchanged', async () => {
    const snapshot = async () => {
      const indexes = await server.db.read<{ name: string }>('SHOW INDEXES YIELD name RETURN name ORDER BY name');
      const constraints = await server.db.read<{ name: string }>(
        'SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name',
      );
      return { indexes: indexes.map((r) => r.name), constraints: constraints.map((r) => r.name) };
    };
    const before = await snapshot();
    const ran = await migrate(server.db, path.join(root, 'schema'), createLogger('silent'));
    assert.deepEqual(ran, []);
    assert.deepEqual(await snapshot(), before);
    assert.ok(before.constraints.includes('statement_id'));
    assert.ok(before.indexes.includes('statement_text_ar'));
  });

  it('answers /health and turns /ready 200 once Neo4j answers and migrations ran', async () => {
    const health = await fetch(`${server.url}/health`);
    assert.equal(health.status, 200);
    const ready = await fetch(`${server.url}/ready`);
    assert.equal(ready.status, 200);
    assert.deepEqual(await ready.json(), { ready: true, neo4j: true, migrations: true });
  });

  it('serves countries from Neo4j over HTTP, with Arabic names and node(id) round trips', async () => {
    const res = await server.gql(`{
      countries(first: 3) { totalCount edges { cursor node { code name } } pageInfo { hasNextPage endCursor } }
      ru: country(code: "ru") { id code alpha3 name ar: name(lang: "ar") }
    }`);
    assert.equal(res.errors, undefined);
    assert.ok(res.data!.countries.totalCount >= 249);
    assert.equal(res.data!.countries.edges.length, 3);
    assert.equal(res.data!.countries.pageInfo.hasNextPage, true);
    assert.deepEqual(
      { code: res.data!.ru.code, alpha3: res.data!.ru.alpha3, name: res.data!.ru.name, ar: res.data!.ru.ar },
      { code: 'RU', alpha3: 'RUS', name: 'Russia', ar: 'روسيا' },
    );
    const next = await server.gql(
      `query($after: String) { countries(first: 3, after: $after) { edges { node { code } } } }`,
      {
        after: res.data!.countries.pageInfo.endCursor,
      },
    );
    const firstCodes = res.data!.countries.edges.map((e: any) => e.node.code);
    const nextCodes = next.data!.countries.edges.map((e: any) => e.node.code);
    assert.equal(nextCodes.length, 3);
    assert.ok(nextCodes.every((code: string) => code > firstCodes[2]));

    const node = await server.gql(`query($id: ID!) { node(id: $id) { __typename id ... on Country { code } } }`, {
      id: res.data!.ru.id,
    });
    assert.deepEqual(node.data!.node, { __typename: 'Country', id: res.data!.ru.id, code: 'RU' });
    const missing = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Country', 'ZZ') });
    assert.equal(missing.data!.node, null);
  });

  it('rejects a page size over 100 with BAD_USER_INPUT and no database work', async () => {
    const res = await server.gql('{ countries(first: 1000) { totalCount } }');
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(res.errors![0]!.message, /first/);
    assert.equal(res.extensions?.diplograph?.dbRoundTrips, 0);
  });

  it('keeps schema/schema.graphql equal to the SDL the code builds (run `npm run schema:print`)', async () => {
    const committed = readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8');
    assert.equal(printSdl(await buildGraphQLSchema()), committed);
  });
});
