import { countryLoaders } from '../country/country.loaders';
import type { GraphQLContext } from '../shared/context';
import type { NodeTypeName } from '../shared/graph-schema';

/** How `node(id:)` fetches each type: through that type's per-request loader, so many ids batch into one query. */
export type NodeFetcher = (ctx: GraphQLContext, key: string) => Promise<object | null>;

export const nodeFetchers: Partial<Record<NodeTypeName, NodeFetcher>> = {
  Country: (ctx, key) => ctx.scope.get(countryLoaders).byCode.load(key),
};
