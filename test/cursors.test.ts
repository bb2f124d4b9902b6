import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { startSeededServer, startTestServer, type GqlResponse, type TestServer } from './helpers/test-server';

/**
 * Issue 12, kind 4: a cursor belongs to the connection and ordering that issued it. Anything else given as `after`
 * (another connection's cursor, an edited one, an old unsigned one) is BAD_USER_INPUT "Invalid cursor" naming
 * `after`, never a silent first page.
 */
describe('cursors belong to their connection', () => {
  let server: TestServer;
  let allStatements: string[] = [];
  let peskov = '';

  const STATEMENTS = `query($first: Int, $after: String, $filter: StatementFilter) {
    statements(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id } }
    }
  }`;
  const SEARCH = `query($text: String!, $first: Int, $after: String) {
    search(text: $text, first: $first, after: $after) {
      pageInfo { hasPreviousPage endCursor }
      edges { cursor node { id } }
    }
  }`;

  async function data(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const res = await server.gql(query, variables);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data;
  }

  /** The response refuses `after` as an invalid cursor, with this reason, and returns no page. */
  function assertInvalidCursor(res: GqlResponse, reason: RegExp): void {
    assert.equal(res.errors?.length, 1, JSON.stringify(res));
    const [error] = res.errors!;
    assert.equal(error!.extensions?.code, 'BAD_USER_INPUT');
    assert.match(error!.message, /^Invalid cursor: after: /);
    assert.equal(error!.extensions?.problems?.length, 1);
    assert.equal(error!.extensions?.problems[0].path, 'after');
    assert.match(error!.extensions?.problems[0].message, reason);
    assert.equal(res.data?.[Object.keys(res.data ?? {})[0] ?? ''] ?? null, null);
  }

  function edit(cursor: string, at: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    return cursor.slice(0, at) + alphabet[(alphabet.indexOf(cursor[at]!) + 7) % 64] + cursor.slice(at + 1);
  }

  before(async () => {
    server = await startSeededServer();
    allStatements = (await data(STATEMENTS, { first: 100 })).statements.edges.map((e: any) => e.node.id);
    assert.equal(allStatements.length, 10);
    const [row] = await server.db.read<{ key: string }>(
      'MATCH (a:Actor {name_en: "Dmitry Peskov"}) RETURN a.id AS key',
    );
    peskov = toGlobalId('Actor', row!.key);
  });

  after(async () => {
    await server.stop();
  });

  it('refuses the search-offset cursor of the issue instead of answering the first page again', async () => {
    const res = await server.gql('{ statements(first: 2, after: "YzpvZmZzZXQ6Mw") { edges { node { id } } } }');
    assertInvalidCursor(res, /is not a cursor this API issued/);
    assert.equal(res.data, null);
  });

  it('refuses a cursor from search given to statements, naming the connection it belongs to', async () => {
    const hits = (await data(SEARCH, { text: 'Peskov', first: 3 })).search;
    assert.equal(hits.edges.length, 3);
    for (const cursor of [hits.pageInfo.endCursor, hits.edges[0].cursor]) {
      assertInvalidCursor(
        await server.gql(STATEMENTS, { first: 2, after: cursor }),
        /belongs to Query\.search \(ordered by rank of .+\), not to Query\.statements \(ordered by sortKey desc\)/,
      );
    }
  });

  it('refuses an edited cursor, whichever character is changed', async () => {
    const page = (await data(STATEMENTS, { first: 2 })).statements;
    const cursor: string = page.pageInfo.endCursor;
    for (const at of [0, 1, 5, 17, Math.floor(cursor.length / 2), cursor.length - 1]) {
      assertInvalidCursor(await server.gql(STATEMENTS, { first: 2, after: edit(cursor, at) }), /API issued/);
    }
    assertInvalidCursor(await server.gql(STATEMENTS, { first: 2, after: `${cursor}A` }), /API issued/);
    // The cursor as issued still works: the next two statements.
    const next = (await data(STATEMENTS, { first: 2, after: cursor })).statements;
    assert.deepEqual(
      next.edges.map((e: any) => e.node.id),
      allStatements.slice(2, 4),
    );
  });

  it('pages all statements exactly once with the cursors it issues', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: any = (await data(STATEMENTS, { first: 3, after })).statements;
      assert.equal(page.pageInfo.hasPreviousPage, after !== null);
      assert.equal(page.pageInfo.startCursor, page.edges[0].cursor);
      seen.push(...page.edges.map((e: any) => e.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(pages, 4);
    assert.deepEqual(seen, allStatements);
    // An edge's own cursor starts the page after that edge.
    const page = (await data(STATEMENTS, { first: 5 })).statements;
    const fromThird = (await data(STATEMENTS, { first: 2, after: page.edges[2].cursor })).statements;
    assert.deepEqual(
      fromThird.edges.map((e: any) => e.node.id),
      allStatements.slice(3, 5),
    );
  });

  it('keeps a statements cursor within its field: not whoSaidWhatAbout, not Actor.statements, not actors', async () => {
    const cursor = (await data(STATEMENTS, { first: 2 })).statements.pageInfo.endCursor;
    assertInvalidCursor(
      await server.gql(
        'query($about: ID!, $after: String) { whoSaidWhatAbout(about: $about, after: $after) { totalCount } }',
        { about: toGlobalId('Country', 'UA'), after: cursor },
      ),
      /belongs to Query\.statements .*not to Query\.whoSaidWhatAbout/,
    );
    assertInvalidCursor(
      await server.gql(
        'query($id: ID!, $after: String) { node(id: $id) { ... on Actor { statements(after: $after) { totalCount } } } }',
        { id: peskov, after: cursor },
      ),
      /not to Actor\.statements/,
    );
    assertInvalidCursor(
      await server.gql('query($after: String) { actors(after: $after) { totalCount } }', { after: cursor }),
      /not to Query\.actors \(ordered by id asc\)/,
    );
  });

  it('accepts a statements cursor with another filter: a position in the same ordering', async () => {
    const cursor = (await data(STATEMENTS, { first: 2 })).statements.pageInfo.endCursor;
    const filter = { speaker: peskov };
    const all = (await data(STATEMENTS, { first: 100, filter })).statements.edges.map((e: any) => e.node.id);
    const after = (await data(STATEMENTS, { first: 100, filter, after: cursor })).statements.edges.map(
      (e: any) => e.node.id,
    );
    assert.deepEqual(
      after,
      all.filter((id: string) => allStatements.indexOf(id) >= 2),
    );
  });

  it('binds a search cursor to its search: another text is refused, the same text pages on', async () => {
    const peskovPage = (await data(SEARCH, { text: 'Peskov', first: 2 })).search;
    assertInvalidCursor(
      await server.gql(SEARCH, { text: 'Ukraine', first: 2, after: peskovPage.pageInfo.endCursor }),
      /belongs to Query\.search \(ordered by rank of \S+\), not to Query\.search \(ordered by rank of \S+\)/,
    );
    const all = (await data(SEARCH, { text: 'Peskov', first: 4 })).search.edges.map((e: any) => e.node.id);
    const next = (await data(SEARCH, { text: 'Peskov', first: 2, after: peskovPage.pageInfo.endCursor })).search;
    assert.equal(next.pageInfo.hasPreviousPage, true);
    assert.deepEqual(
      next.edges.map((e: any) => e.node.id),
      all.slice(2, 4),
    );
  });

  it('refuses cursors across the other connections: countries, topics, timeline, meetings', async () => {
    const countries = (await data('{ countries(first: 2) { pageInfo { endCursor } } }')).countries;
    assertInvalidCursor(
      await server.gql('query($a: String) { topics(after: $a) { totalCount } }', { a: countries.pageInfo.endCursor }),
      /belongs to Query\.countries \(ordered by id asc\), not to Query\.topics/,
    );
    const timeline = (
      await data('query($id: ID!) { timeline(id: $id, first: 1) { pageInfo { endCursor } } }', { id: peskov })
    ).timeline;
    assert.ok(timeline.pageInfo.endCursor);
    assertInvalidCursor(
      await server.gql('query($a: String) { meetings(after: $a) { totalCount } }', { a: timeline.pageInfo.endCursor }),
      /belongs to Query\.timeline/,
    );
    const next = await data('query($a: String) { countries(first: 2, after: $a) { edges { node { code } } } }', {
      a: countries.pageInfo.endCursor,
    });
    const firstFour = await data('{ countries(first: 4) { edges { node { code } } } }');
    assert.deepEqual(next.countries.edges, firstFour.countries.edges.slice(2));
  });

  it('accepts a cursor on another server instance of the same database, not on one with another secret', async () => {
    const page = (await data(STATEMENTS, { first: 2 })).statements;
    const replica = await startTestServer();
    const rotated = await startTestServer({ CURSOR_SECRET: 'a rotated secret of 32 characters or more' });
    try {
      const res = await replica.gql(STATEMENTS, { first: 2, after: page.pageInfo.endCursor });
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(
        res.data!.statements.edges.map((e: any) => e.node.id),
        allStatements.slice(2, 4),
      );
      assertInvalidCursor(
        await rotated.gql(STATEMENTS, { first: 2, after: page.pageInfo.endCursor }),
        /not a cursor this API issued, or it was altered/,
      );
    } finally {
      await replica.stop();
      await rotated.stop();
    }
  });
});
