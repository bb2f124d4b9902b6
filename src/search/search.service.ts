import { createHash } from 'node:crypto';
import { toDomainNode } from '../explore/domain-node.mapper';
import { Label } from '../shared/graph-schema';
import type { FieldPlan } from '../shared/graphql/field-plan';
import type { PageArgs } from '../shared/graphql/pagination';
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
 * The ordering search cursors are bound to: the ranking of one search, named by a digest of its normalized text and
 * types. Search cursors hold the position in that ranking, not a sort key (scores change as data is added, so no
 * key is stable), so a cursor of one search means nothing in another and is refused there. A page boundary may
 * still shift when the data changes between two page requests.
 * @param key the normalized search text.
 */
export function searchOrdering(key: string, types: SearchType[] | null): string {
  const kinds = [...new Set(types && types.length > 0 ? types : Object.values(SearchType))].sort().join(',');
  return `rank of ${createHash('sha256').update(`${key}\n${kinds}`).digest('base64url').slice(0, 16)}`;
}

/** The offset after the hit a search cursor points at. */
function offsetAfter(position: string): number {
  // The cursor was signed by this server, so a bad position is a bug, not a client's mistake.
  if (!/^\d{1,15}$/.test(position)) throw new Error(`Search cursor with a bad position: ${position}`);
  return Number(position) + 1;
}

/**
 * Runs a search and wraps the page as a connection of hits, each hit read with only the properties `plan` (the
 * operation's field plan; everything without one) selects of its type.
 */
export async function searchPage(
  db: Database,
  luceneQuery: string,
  key: string,
  types: SearchType[] | null,
  page: PageArgs,
  plan?: FieldPlan,
): Promise<SearchConnection> {
  const limit = page.limit;
  const offset = page.after === null ? 0 : offsetAfter(page.after);
  const labels = (types && types.length > 0 ? types : Object.values(SearchType)).map((t) => LABEL_OF[t]);
  const rows = await new SearchRepository(db, plan).search(luceneQuery, key, labels, offset, limit);
  const edges: SearchHit[] = [];
  for (const [index, row] of rows.hits.slice(0, limit).entries()) {
    const node = toDomainNode(row);
    if (!node) continue;
    const hit = new SearchHit();
    hit.node = node;
    hit.score = Math.round(row.score * 10000) / 10000;
    hit.cursor = page.cursor(String(offset + index));
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
