import { batchLoader } from '../shared/batch-loader';
import { Label } from '../shared/graph-schema';
import type { GraphQLContext } from '../shared/context';
import { EntityRepository } from './entity.repository';

/** Per-request loaders shared by entities; use through `ctx.scope.get(entityLoaders)`. */
export function entityLoaders(ctx: GraphQLContext) {
  const repository = new EntityRepository(ctx.db);
  return {
    actorAliases: batchLoader(ctx, 'entity.actorAliases', (keys: readonly string[]) =>
      repository.aliases(Label.Actor, keys),
    ),
    countryAliases: batchLoader(ctx, 'entity.countryAliases', (keys: readonly string[]) =>
      repository.aliases(Label.Country, keys),
    ),
  };
}
