import { batchLoader } from '../shared/batch-loader';
import type { GraphQLContext } from '../shared/context';
import { ActorRepository } from './actor.repository';

/** Per-request loaders for actors; use through `ctx.scope.get(actorLoaders)`. */
export function actorLoaders(ctx: GraphQLContext) {
  const repository = new ActorRepository(ctx.db, ctx.scope.fields);
  return {
    byKey: batchLoader(ctx, 'actor.byKey', (keys: readonly string[]) => repository.byKeys(keys)),
    roles: batchLoader(ctx, 'actor.roles', (keys: readonly string[]) => repository.roles(keys)),
  };
}
