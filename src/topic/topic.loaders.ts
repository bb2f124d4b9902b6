import { batchLoader } from '../shared/batch-loader';
import type { GraphQLContext } from '../shared/context';
import { topicSelection } from './topic.mapper';
import { TopicRepository } from './topic.repository';

/** Per-request loaders for topics; use through `ctx.scope.get(topicLoaders)`. */
export function topicLoaders(ctx: GraphQLContext) {
  const repository = new TopicRepository(ctx.db, topicSelection(ctx.scope.fields));
  return {
    repository,
    byKey: batchLoader(ctx, 'topic.byKey', (keys: readonly string[]) => repository.byKeys(keys)),
  };
}
