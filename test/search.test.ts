import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { tryFromGlobalId } from '../src/shared/global-id';
import { startSeededServer, type TestServer } from './helpers/test-server';

/**
 * The search ranking's order and paging on the seed page. The repository reads keys for the tie-break only of
 * hits scoring at least as well as the last one a page needs, so every page must still be the same slice of one
 * total order: score, then type, then key.
 */
describe('search ranking and paging', () => {
  let server: TestServer;

  const SEARCH = `query($text: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(text: $text, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { score node { __typename id } }
    }
  }`;

  interface Page {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { score: number; node: { __typename: string; id: string } }[];
  }

  async function search(text: string, variables: Record<string, unknown>): Promise<Page> {
    const res = await server.gql(SEARCH, { text, ...variables });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.search as Page;
  }

  /** Every hit, page by page, `size` at a time. */
  async function pageThrough(text: string, size: number, types?: string[]): Promise<Page['edges']> {
    const hits: Page['edges'] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await search(text, { first: size, after, types });
      hits.push(...page.edges);
      if (!page.pageInfo.hasNextPage) return hits;
      assert.equal(page.edges.length, size);
      after = page.pageInfo.endCursor;
    }
  }

  before(async () => {
    server = await startSeededServer();
  });

  after(async () => {
    await server.stop();
  });

  const cases: [string, string[] | undefined][] = [
    ['Ukraine', undefined],
    ['بيسكوف', undefined],
    ['أذربيجان', undefined],
    ['Peskov', ['STATEMENT', 'ACTOR']],
  ];
  let ties = 0;
  for (const [text, types] of cases) {
    const label = `"${text}"${types ? ` (${types.join(', ')})` : ''}`;
    it(`${label}: ranked by score, then type, then key`, async () => {
      const all = await search(text, { first: 100, types });
      assert.ok(all.totalCount > 3 && all.totalCount <= 100, `a few pages of hits (got ${all.totalCount})`);
      assert.equal(all.edges.length, all.totalCount);
      if (types) assert.ok(all.edges.every((e) => types.includes(e.node.__typename.toUpperCase())));
      const key = (e: Page['edges'][number]) => tryFromGlobalId(e.node.id)!.id;
      for (const [i, hit] of all.edges.entries()) {
        const prev = all.edges[i - 1];
        if (!prev) continue;
        assert.ok(prev.score >= hit.score, `score order at ${i}`);
        if (prev.score !== hit.score) continue;
        ties++;
        const byType = prev.node.__typename.localeCompare(hit.node.__typename, 'en');
        assert.ok(byType < 0 || (byType === 0 && key(prev) < key(hit)), `tie order at ${i}`);
      }
    });

    it(`${label}: every page size gives the same slices of the ranking`, async () => {
      const all = await search(text, { first: 100, types });
      const ids = all.edges.map((e) => e.node.id);
      for (const size of [1, 2, 3, 7]) {
        const paged = await pageThrough(text, size, types);
        assert.deepEqual(
          paged.map((e) => e.node.id),
          ids,
          `pages of ${size}`,
        );
        assert.deepEqual(
          paged.map((e) => e.score),
          all.edges.map((e) => e.score),
        );
      }
    });
  }

  it('had ties to break in the rankings above', () => {
    assert.ok(ties > 0);
  });

  it('pages past the end are empty and keep the total', async () => {
    const all = await search('Ukraine', { first: 100 });
    const last = await search('Ukraine', { first: 1, after: all.pageInfo.endCursor });
    assert.equal(last.totalCount, all.totalCount);
    assert.deepEqual(last.edges, []);
    assert.equal(last.pageInfo.hasNextPage, false);
  });
});
