import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getIntrospectionQuery } from 'graphql';
import { startSeededServer, startTestServer, type GqlResponse, type TestServer } from './helpers/test-server';

/**
 * Query limits (issue 4): refused before any database work, with a stable code and 0 round trips. The debug
 * extension (`x-diplograph-debug: 1`, sent by the test client) counts the round trips of the refused request itself.
 */
describe('query limits', () => {
  let server: TestServer;

  function assertRefused(res: GqlResponse, code: string, message: RegExp): void {
    assert.equal(res.status, 400, JSON.stringify(res));
    assert.equal(res.data, undefined);
    assert.equal(res.errors?.length, 1, JSON.stringify(res.errors));
    assert.equal(res.errors![0]!.extensions?.code, code);
    assert.match(res.errors![0]!.message, message);
    assert.equal(res.extensions?.diplograph?.dbRoundTrips, 0);
  }

  /** `statements { edges { node { speaker { statements { ... } } } } }`, `levels` times over. */
  function nested(levels: number): string {
    let inner = 'id';
    for (let i = 0; i < levels; i++) inner = `statements(first: 1) { edges { node { speaker { ${inner} } } } }`;
    return `{ ${inner} }`;
  }

  const PAGE = `query($first: Int) {
    statements(first: $first) {
      totalCount
      edges { node { id speaker { name } about { name } reports { article { outlet { name } } via { name } } } }
    }
  }`;

  before(async () => {
    server = await startSeededServer();
  });

  after(async () => {
    await server.stop();
  });

  it('refuses a depth bomb with QUERY_TOO_COMPLEX', async () => {
    const res = await server.gql(nested(5));
    assertRefused(res, 'QUERY_TOO_COMPLEX', /depth \d+ exceeds the maximum of 8/);
    assert.equal(res.errors![0]!.extensions?.limit, 'depth');
    const fragments = await server.gql(`
      { statements { ...a } }
      fragment a on StatementConnection { edges { node { speaker { statements { ...b } } } } }
      fragment b on StatementConnection { edges { node { speaker { statements { edges { node { id } } } } } } }`);
    assertRefused(fragments, 'QUERY_TOO_COMPLEX', /depth/);
  });

  it('refuses an alias bomb with QUERY_TOO_COMPLEX', async () => {
    const fields = Array.from({ length: 16 }, (_, i) => `a${i}: country(code: "RU") { name }`).join(' ');
    const res = await server.gql(`{ ${fields} }`);
    assertRefused(res, 'QUERY_TOO_COMPLEX', /16 aliases; the maximum is 15/);
    const fine = await server.gql(`{ ${fields.split(' a15:')[0]} }`);
    assert.equal(fine.errors, undefined);
  });

  it('refuses first over 100, written in the query or passed as a variable', async () => {
    assertRefused(await server.gql('{ statements(first: 1000) { totalCount } }'), 'BAD_USER_INPUT', /first/);
    assertRefused(await server.gql(PAGE, { first: 1000 }), 'BAD_USER_INPUT', /first.*1000/);
    assertRefused(
      await server.gql('query($n: Int) { search(text: "Peskov", first: $n) { totalCount } }', { n: 101 }),
      'BAD_USER_INPUT',
      /first/,
    );
  });

  it('refuses a query whose cost, list sizes multiplied in, exceeds the limit', async () => {
    const query = `query($n: Int) {
      statements(first: $n) { edges { node { speaker { statements(first: $n) { edges { node { id text } } } } } } }
    }`;
    const res = await server.gql(query, { n: 100 });
    assertRefused(res, 'QUERY_TOO_COMPLEX', /costs \d+; the maximum is 5000/);
    assert.equal(res.errors![0]!.extensions?.limit, 'cost');
    assert.ok(res.errors![0]!.extensions?.actual > 5000);
    // The same document with small pages passes: the variables are part of the cost.
    const small = await server.gql(query, { n: 5 });
    assert.equal(small.errors, undefined, JSON.stringify(small.errors));
  });

  it('computes the cost again for new page sizes and @include flags, not for new ids or texts', async () => {
    // Costs are remembered per operation and the values of its Int/Boolean variables: the same text comes back.
    const search = 'query($n: Int, $text: String!) { search(text: $text, first: $n) { totalCount } }';
    assert.equal((await server.gql(search, { n: 5, text: 'Peskov' })).errors, undefined);
    assert.equal((await server.gql(search, { n: 5, text: 'Lavrov' })).errors, undefined);
    assertRefused(await server.gql(search, { n: 101, text: 'Peskov' }), 'BAD_USER_INPUT', /first/);
    const deep = `query($n: Int, $deep: Boolean!) { statements(first: $n) { edges { node { speaker {
      statements(first: $n) @include(if: $deep) { edges { node { id } } } } } } } }`;
    assert.equal((await server.gql(deep, { n: 100, deep: false })).errors, undefined);
    assertRefused(await server.gql(deep, { n: 100, deep: true }), 'QUERY_TOO_COMPLEX', /costs/);
    assert.equal((await server.gql(deep, { n: 100, deep: false })).errors, undefined);
    assertRefused(await server.gql(deep, { n: 100, deep: true }), 'QUERY_TOO_COMPLEX', /costs/);
  });

  it('answers malformed JSON with 400 and serves /graphql with a query string', async () => {
    const post = (path: string, body: string) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    assert.equal((await post('/graphql', '{"query": ')).status, 400);
    const res = await post('/graphql?source=test', JSON.stringify({ query: '{ countries(first: 1) { totalCount } }' }));
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.ok(((await res.json()) as GqlResponse).data?.countries.totalCount > 0);
  });

  it('accepts the largest statements page and the playground introspection query', async () => {
    const page = await server.gql(PAGE, { first: 100 });
    assert.equal(page.errors, undefined, JSON.stringify(page.errors));
    assert.equal(page.data!.statements.totalCount, 10);
    const introspection = await server.gql(getIntrospectionQuery());
    assert.equal(introspection.errors, undefined, JSON.stringify(introspection.errors));
    assert.ok(introspection.data!.__schema.types.length > 10);
  });

  it('answers 413 to a body over the size limit', async () => {
    const body = JSON.stringify({
      query: '{ countries(first: 1) { totalCount } }',
      padding: 'x'.repeat(3 * 1024 * 1024),
    });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    assert.equal(response.status, 413);
  });

  it('takes its limits from the configuration', async () => {
    const strict = await startTestServer({
      MAX_QUERY_DEPTH: '3',
      MAX_QUERY_ALIASES: '1',
      MAX_QUERY_COST: '50',
      MAX_BODY_SIZE: '1k',
    });
    try {
      assertRefused(
        await strict.gql('{ statements(first: 1) { edges { node { id } } } }'),
        'QUERY_TOO_COMPLEX',
        /depth 4/,
      );
      assertRefused(
        await strict.gql('{ a: country(code: "RU") { id } b: country(code: "AZ") { id } }'),
        'QUERY_TOO_COMPLEX',
        /aliases/,
      );
      assertRefused(await strict.gql('{ countries(first: 60) { totalCount } }'), 'QUERY_TOO_COMPLEX', /maximum is 50/);
      const ok = await strict.gql('{ countries(first: 5) { totalCount } }');
      assert.equal(ok.errors, undefined);
      const response = await fetch(`${strict.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `{ countries { totalCount } } #${'x'.repeat(2000)}` }),
      });
      assert.equal(response.status, 413);
    } finally {
      await strict.stop();
    }
  });
});
