import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSeededServer, startTestServer, type GqlResponse, type TestServer } from './helpers/test-server';

/**
 * Issue 12, kind 7: the limits cannot be pushed over. Hostile documents are refused with a client code in time
 * proportional to their size, a request sent alongside one is not held up, and no client mistake answers
 * INTERNAL_SERVER_ERROR.
 */
describe('hostile queries', () => {
  let server: TestServer;

  function assertRefused(res: GqlResponse, code: string, limit: string | null, message: RegExp): void {
    assert.equal(res.status, 400, JSON.stringify(res).slice(0, 500));
    assert.equal(res.data, undefined);
    assert.equal(res.errors?.length, 1, JSON.stringify(res.errors).slice(0, 500));
    assert.equal(res.errors![0]!.extensions?.code, code);
    assert.match(res.errors![0]!.message, message);
    if (limit) assert.equal(res.errors![0]!.extensions?.limit, limit);
  }

  /** `{ a { a { ... } } }`, `levels` deep. */
  function nestedFields(levels: number): string {
    return `{${'a{'.repeat(levels)}b${'}'.repeat(levels)}}`;
  }

  /** The attack: fragment i spreads fragment i+1 twice, so the operation has 2^levels paths. */
  function doubling(levels: number, leaf = 'countries(first: 1) { totalCount }'): string {
    const fragments = Array.from({ length: levels }, (_, i) => `fragment f${i} on Query { ...f${i + 1} ...f${i + 1} }`);
    return ['{ ...f0 }', ...fragments, `fragment f${levels} on Query { ${leaf} }`].join('\n');
  }

  before(async () => {
    server = await startSeededServer();
  });

  after(async () => {
    await server.stop();
  });

  it('refuses a query nested 3,000 levels deep with QUERY_TOO_COMPLEX, not a stack overflow', async () => {
    const res = await server.gql(nestedFields(3000));
    assertRefused(res, 'QUERY_TOO_COMPLEX', 'nesting', /nests braces, parentheses or brackets more than 128 levels/);
    assert.equal(res.errors![0]!.extensions?.max, 128);
    // 100,000 levels (300 KB) and a list literal nested 3,000 deep: the same answer; no parse, no recursion.
    assertRefused(await server.gql(nestedFields(100_000)), 'QUERY_TOO_COMPLEX', 'nesting', /128 levels/);
    const lists = `{ search(text: "x", types: ${'['.repeat(3000)}ACTOR${']'.repeat(3000)}) { totalCount } }`;
    assertRefused(await server.gql(lists), 'QUERY_TOO_COMPLEX', 'nesting', /128 levels/);
    // Within the nesting bound, the depth rule answers, naming the real field depth (4 per level, 1 for the id).
    let chain = 'id';
    for (let i = 0; i < 30; i++) chain = `statements(first: 1) { edges { node { speaker { ${chain} } } } }`;
    assertRefused(await server.gql(`{ ${chain} }`), 'QUERY_TOO_COMPLEX', 'depth', /depth 121 exceeds the maximum of 8/);
  });

  it('refuses the 24-fragment doubling attack (1 KiB) and its 48-level sibling by their expanded size', async () => {
    const attack = doubling(24);
    assert.ok(attack.length <= 1100, `${attack.length} bytes`);
    for (const levels of [24, 48]) {
      const res = await server.gql(doubling(levels));
      assertRefused(res, 'QUERY_TOO_COMPLEX', 'nodes', /more than 5000 fields once its fragments are expanded/);
      // Every path counted: 2^levels leaves, each a field and its totalCount, plus the spreads.
      assert.ok(res.errors![0]!.extensions?.actual >= 2 ** levels, String(res.errors![0]!.extensions?.actual));
    }
    // Twelve levels expand to 4,096 leaves: still over. Eight (256 leaves of 2 fields) pass and answer the right value.
    assertRefused(await server.gql(doubling(12)), 'QUERY_TOO_COMPLEX', 'nodes', /5000 fields/);
    const small = await server.gql(doubling(8));
    assert.equal(small.errors, undefined, JSON.stringify(small.errors));
    assert.ok(small.data!.countries.totalCount > 200);
  });

  it('refuses a doubling attack that also nests fields by its depth, counting every level', async () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) =>
        `fragment f${i} on Actor { statements(first: 1) { edges { node { speaker { ...f${i + 1} ...f${i + 1} } } } } }`,
    );
    const query = ['{ actors(first: 1) { edges { node { ...f0 } } } }', ...fragments, 'fragment f40 on Actor { id }'];
    // 3 levels to the first actor, 4 per fragment, 1 for the id.
    const res = await server.gql(query.join('\n'));
    assertRefused(res, 'QUERY_TOO_COMPLEX', 'depth', /Query depth 164 exceeds the maximum of 8/);
    assert.equal(res.errors![0]!.extensions?.actual, 164);
  });

  it('serves a request sent while hostile ones are validated, with its right value', async () => {
    // Before issue 12, each of these held the event loop for 2^48 steps; every request behind them waited.
    const expected = (await server.gql('{ countries(first: 1) { totalCount } }')).data!.countries.totalCount;
    const hostile = Array.from({ length: 4 }, () => server.gql(doubling(48)));
    const benign = server.gql('{ countries(first: 1) { totalCount } }');
    const health = fetch(`${server.url}/health`);
    const [benignRes, healthRes, ...hostileRes] = await Promise.all([benign, health, ...hostile]);
    assert.equal(benignRes.errors, undefined);
    assert.equal(benignRes.data!.countries.totalCount, expected);
    assert.equal(healthRes.status, 200);
    for (const res of hostileRes) assertRefused(res, 'QUERY_TOO_COMPLEX', 'nodes', /5000 fields/);
  });

  it('refuses a document over MAX_QUERY_TOKENS (2000) before parsing; comments do not count', async () => {
    // 15 tokens around a list of n enum values (commas are not tokens).
    const types = (n: number) =>
      `{ search(text: "Peskov", types: [${Array.from({ length: n }, () => 'ACTOR').join(', ')}]) { totalCount } }`;
    const fits = await server.gql(types(1985));
    assert.equal(fits.errors, undefined, JSON.stringify(fits.errors));
    assert.equal(fits.data!.search.totalCount, (await server.gql(types(1))).data!.search.totalCount);
    assertRefused(await server.gql(types(1986)), 'QUERY_TOO_COMPLEX', 'tokens', /more than 2000 tokens/);
    assertRefused(await server.gql(types(200_000)), 'QUERY_TOO_COMPLEX', 'tokens', /more than 2000 tokens/);
    const commented = `# ${'note '.repeat(20_000)}\n{ countries(first: 1) { totalCount } }`;
    assert.equal((await server.gql(commented)).errors, undefined);
  });

  it('answers a list of 51 or more nulls for a non-null item type with BAD_USER_INPUT', async () => {
    const query = 'query($t: [SearchType!]) { search(text: "Peskov", types: $t) { totalCount } }';
    for (const count of [1, 50, 51, 52, 1000]) {
      const res = await server.gql(query, { t: Array.from({ length: count }, () => null) });
      assert.equal(res.status, 400, `${count}: ${JSON.stringify(res).slice(0, 300)}`);
      assert.equal(res.data, undefined);
      assert.equal(res.errors!.length, Math.min(count, 51), String(count));
      for (const error of res.errors!) assert.equal(error.extensions?.code, 'BAD_USER_INPUT', error.message);
      if (count > 50) assert.match(res.errors![50]!.message, /Too many errors processing variables/);
    }
    // The same variable with good values is answered.
    const good = await server.gql(query, { t: ['ACTOR'] });
    assert.equal(good.errors, undefined);
    assert.ok(good.data!.search.totalCount >= 1);
  });

  it('answers every other client mistake with a client code, never INTERNAL_SERVER_ERROR', async () => {
    const cases: [string, string, Record<string, unknown>?, Record<string, string>?][] = [
      ['wrong variable type', 'query($n: Int) { countries(first: $n) { totalCount } }', { n: 'ten' }],
      ['Int overflow', 'query($n: Int) { countries(first: $n) { totalCount } }', { n: 1e20 }],
      ['enum typo', 'query($t: [SearchType!]) { search(text: "x", types: $t) { totalCount } }', { t: ['ACTORS'] }],
      ['missing required variable', 'query($text: String!) { search(text: $text) { totalCount } }', {}],
      ['unknown field', '{ countries { nope } }'],
      ['syntax error', '{ countries { '],
      ['unterminated string', '{ search(text: "x) { totalCount } }'],
      ['bad date', '{ statements(filter: { from: "2025-13-45" }) { totalCount } }'],
      ['duplicate operation names', 'query A { __typename } query A { __typename }'],
      ['fragment cycle', '{ ...a } fragment a on Query { ...b } fragment b on Query { ...a }'],
      ['too many validation errors', `{ ${Array.from({ length: 150 }, (_, i) => `f${i}`).join(' ')} }`],
    ];
    for (const [name, query, variables] of cases) {
      const res = await server.gql(query, variables ?? {});
      assert.ok(res.errors && res.errors.length > 0, `${name}: ${JSON.stringify(res).slice(0, 300)}`);
      for (const error of res.errors) {
        assert.notEqual(error.extensions?.code, 'INTERNAL_SERVER_ERROR', `${name}: ${error.message}`);
        assert.ok(error.extensions?.code, `${name}: no code`);
      }
    }
  });

  it('takes the token limit from MAX_QUERY_TOKENS', async () => {
    const strict = await startTestServer({ MAX_QUERY_TOKENS: '200' });
    // `{` + n × `__typename` + `}`: n + 2 tokens.
    const typenames = (n: number) => `{${' __typename'.repeat(n)} }`;
    try {
      assertRefused(await strict.gql(typenames(199)), 'QUERY_TOO_COMPLEX', 'tokens', /more than 200 tokens/);
      const fits = await strict.gql(typenames(198));
      assert.equal(fits.errors, undefined, JSON.stringify(fits.errors));
      assert.equal(fits.data!.__typename, 'Query');
    } finally {
      await strict.stop();
    }
  });
});
