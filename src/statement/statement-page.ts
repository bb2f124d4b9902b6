import type { GraphQLResolveInfo } from 'graphql';
import type { PageRequest } from '../entity/read-batch';
import type { GraphQLContext } from '../shared/context';
import { toConnection } from '../shared/graphql/connection.type';
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

/**
 * One page of statements as a connection, for every statement connection field: through the per-request page
 * loader (parents of one list share one query), reading along the relations the client selected.
 */
export async function statementPage(
  ctx: GraphQLContext,
  info: GraphQLResolveInfo,
  criteria: StatementCriteria,
  page: PageRequest,
): Promise<StatementConnection> {
  const loaded = await ctx.scope
    .get(statementLoaders)
    .page.load({ ...criteria, ...page, readAlong: readAlongFor(info) });
  return toConnection(loaded, page.after !== null);
}
