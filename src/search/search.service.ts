import { toDomainNode } from '../explore/domain-node.mapper';
import { BadUserInputError } from '../shared/errors';
import { Label } from '../shared/graph-schema';
import { encodeCursor } from '../shared/graphql/pagination';
import type { Database } from '../shared/neo4j/database';
import { SearchRepository } from './search.repository';
import { SearchConnection, SearchHit, SearchType } from './search.type';

const LABEL_OF: Record<SearchType, string> = {
  [SearchType.STATEMENT]: Label.Statement,
  [SearchType.ACTOR]: Label.Actor,
  [SearchType.COUNTRY]: Label.Country,
  [SearchType.ARTICLE]: Label.Article,
  [SearchType.TOPIC]: Label.Topic,
};

/**
 * Search cursors hold the position in the ranking, not a sort key: scores change as data is added, so no key is
 * stable. A page boundary may therefore shift when the data changes between two page requests.
 */
export function offsetCursor(offset: number): string {
  return encodeCursor(`offset:${offset}`);
}

/** The position a search cursor (already decoded by pageArgs) points after. */
export function offsetFromCursor(decoded: string): number {
  const match = /^offset:(\d{1,6})$/.exec(decoded);
  if (!match) throw new BadUserInputError('Invalid cursor', [{ path: 'after', message: 'is not a search cursor' }]);
  return Number(match[1]) + 1;
}

/** Runs a search and wraps the page as a connection of hits. */
export async function searchPage(
  db: Database,
  luceneQuery: string,
  key: string,
  types: SearchType[] | null,
  limit: number,
  after: string | null,
): Promise<SearchConnection> {
  const offset = after === null ? 0 : offsetFromCursor(after);
  const labels = (types && types.length > 0 ? types : Object.values(SearchType)).map((t) => LABEL_OF[t]);
  const rows = await new SearchRepository(db).search(luceneQuery, key, labels, offset, limit);
  const edges: SearchHit[] = [];
  for (const [index, row] of rows.hits.slice(0, limit).entries()) {
    const node = toDomainNode(row);
    if (!node) continue;
    const hit = new SearchHit();
    hit.node = node;
    hit.score = Math.round(row.score * 10000) / 10000;
    hit.cursor = offsetCursor(offset + index);
    edges.push(hit);
  }
  const connection = new SearchConnection();
  connection.edges = edges;
  connection.totalCount = rows.total;
  connection.pageInfo = {
    hasNextPage: rows.hits.length > limit,
    hasPreviousPage: offset > 0,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return connection;
}
