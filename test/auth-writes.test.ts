import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { graphCounts } from './helpers/graph-counts';
import { startSeededServer, type TestServer } from './helpers/test-server';
import { asAdmin, asEditor, INGEST, TEST_API_KEYS } from './helpers/write-keys';

const article = {
  title: 'Auth check',
  language: 'en',
  outlet: { name: 'Al-Ittihad' },
  text: 'Auth check\nPeskov said nothing.',
  statements: [
    {
      speaker: { name: 'Peskov' },
      form: 'PARAPHRASE',
      text: 'Peskov said nothing.',
      about: [{ name: 'Russia' }],
      cameo: '010',
      span: { start: 11, end: 31 },
    },
  ],
};

const peskov = toGlobalId('Actor', 'dmitry-peskov');
const putin = toGlobalId('Actor', 'vladimir-putin');

describe('write authorization', () => {
  let server: TestServer;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
  });

  after(async () => {
    await server.stop();
  });

  it('every write without a key is UNAUTHENTICATED (401, no data), as with a wrong key, and writes nothing', async () => {
    const before = await graphCounts(server.db);
    const writes: [string, Record<string, unknown>][] = [
      [INGEST, { input: article }],
      [`mutation { addAlias(entity: "${peskov}", alias: "Peskoff") { id } }`, {}],
      [`mutation { mergeEntities(keep: "${peskov}", remove: "${putin}") { id } }`, {}],
      [`mutation { deprecateStatement(id: "${toGlobalId('Statement', 'x')}", reason: "r") { id } }`, {}],
    ];
    for (const [query, variables] of writes) {
      const res = await server.gql(query, variables);
      assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED', query);
      assert.equal(res.status, 401, query);
      assert.equal('data' in res, false, query);
    }
    const badKey = await server.gql(INGEST, { input: article }, { authorization: 'Bearer not-a-key' });
    assert.equal(badKey.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
    assert.equal(badKey.status, 401);
    assert.equal('data' in badKey, false);
    assert.deepEqual(await graphCounts(server.db), before);
    const read = await server.gql(`{ country(code: "RU") { name } }`);
    assert.equal(read.data!.country.name, 'Russia');
  });

  it('an editor may ingest but not merge or deprecate (FORBIDDEN); an admin may merge', async () => {
    const ingest = await server.gql(INGEST, { input: article }, asEditor);
    assert.equal(ingest.errors, undefined, JSON.stringify(ingest.errors));
    const merge = `mutation($keep: ID!, $remove: ID!) { mergeEntities(keep: $keep, remove: $remove) { id } }`;
    const forbidden = await server.gql(merge, { keep: peskov, remove: putin }, asEditor);
    assert.equal(forbidden.errors?.[0]?.extensions?.code, 'FORBIDDEN');
    assert.equal(forbidden.status, 403);
    assert.equal('data' in forbidden, false);
    assert.match(forbidden.errors![0]!.message, /needs the admin role/);
    const [both] = await server.db.read<{ n: number }>(
      `MATCH (a:Actor) WHERE a.id IN ['dmitry-peskov', 'vladimir-putin'] RETURN count(a) AS n`,
    );
    assert.equal(both!.n, 2);
    const bogus = await server.gql(merge, { keep: peskov, remove: toGlobalId('Actor', 'nobody') }, asAdmin);
    assert.equal(bogus.errors?.[0]?.extensions?.code, 'NOT_FOUND');
  });
});
