import DataLoader from 'dataloader';
import { Label } from '../shared/graph-schema';
import type { GraphQLContext } from '../shared/context';
import { EntityRepository } from './entity.repository';

/** Per-request loaders shared by entities; use through `ctx.scope.get(entityLoaders)`. */
export function entityLoaders(ctx: GraphQLContext) {
  const repository = new EntityRepository(ctx.db);
  return {
    actorAliases: new DataLoader((keys: readonly string[]) => repository.aliases(Label.Actor, keys)),
    countryAliases: new DataLoader((keys: readonly string[]) => repository.aliases(Label.Country, keys)),
  };
}
