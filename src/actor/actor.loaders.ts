import DataLoader from 'dataloader';
import type { GraphQLContext } from '../shared/context';
import { ActorRepository } from './actor.repository';

/** Per-request loaders for actors; use through `ctx.scope.get(actorLoaders)`. */
export function actorLoaders(ctx: GraphQLContext) {
  const repository = new ActorRepository(ctx.db);
  return {
    byKey: new DataLoader((keys: readonly string[]) => repository.byKeys(keys)),
    roles: new DataLoader((keys: readonly string[]) => repository.roles(keys)),
  };
}
