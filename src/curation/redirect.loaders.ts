import { batchLoader } from '../shared/batch-loader';
import type { GraphQLContext } from '../shared/context';
import { RedirectRepository } from './redirect.repository';

/** Per-request loader of merge redirects, keyed `Type:key`; use through `ctx.scope.get(redirectLoaders)`. */
export function redirectLoaders(ctx: GraphQLContext) {
  const repository = new RedirectRepository(ctx.db);
  return {
    target: batchLoader(ctx, 'redirect.target', (ids: readonly string[]) => repository.targets(ids)),
  };
}
