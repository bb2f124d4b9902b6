import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../shared/context';
import { toConnection } from '../shared/graphql/connection.type';
import type { PageArgs } from '../shared/graphql/pagination';
import { selectedFields } from '../shared/graphql/selection';
import { statementLoaders } from './statement.loaders';
import type { StatementCriteria } from './statement-filter.repository';
import type { StatementReadAlong } from './statement.repository';
import type { StatementConnection } from './statement.type';

/** Which relations of the page's statements the client selected, so the page query reads them along. */
export function readAlongFor(info: GraphQLResolveInfo): StatementReadAlong {
  const node = selectedFields(info, ['edges', 'node']);
  const reports = node.has('reports');
  return {
    about: node.has('about'),
    reports,
    articles: reports && selectedFields(info, ['edges', 'node', 'reports']).has('article'),
  };
}

/** How every statement connection orders its pages: by sortKey (`<date>|<id>`), newest first, undated last. */
export const STATEMENT_ORDER = 'sortKey desc';

/**
 * One page of statements as a connection, for every statement connection field: through the per-request page
 * loader (parents of one list share one query), reading along the relations the client selected.
 */
export async function statementPage(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  criteria: StatementCriteria,
  page: PageArgs,
): Promise<StatementConnection> {
  const loaded = await ctx.scope
    .get(statementLoaders)
    .page.load({ ...criteria, ...page.request, readAlong: readAlongFor(info) });
  return toConnection(loaded, page);
}
