import { batchLoader } from '../shared/batch-loader';
import { actorLoaders } from '../actor/actor.loaders';
import type { Actor } from '../actor/actor.type';
import { jsonKey } from '../entity/read-batch';
import type { GraphQLContext } from '../shared/context';
import { ArticleRepository, type MentionPageKey } from './article.repository';

/** Per-request loaders for articles; use through `ctx.scope.get(articleLoaders)`. Outlets prime the actor loader. */
export function articleLoaders(ctx: GraphQLContext) {
  const actors = ctx.scope.get(actorLoaders).byKey;
  const repository = new ArticleRepository(
    ctx.db,
    (actor: Actor) => void actors.prime(actor.key, actor),
    ctx.scope.fields,
  );
  return {
    repository,
    byKey: batchLoader(ctx, 'article.byKey', (keys: readonly string[]) => repository.byKeys(keys)),
    /** The verbatim text, read only when selected (pages and lists leave it out). */
    text: batchLoader(ctx, 'article.text', (keys: readonly string[]) => repository.texts(keys)),
    mentions: batchLoader(ctx, 'article.mentions', (keys: readonly string[]) => repository.mentions(keys)),
    topics: batchLoader(ctx, 'article.topics', (keys: readonly string[]) => repository.topics(keys)),
    /** Articles mentioning an actor, one page per (actor, page) key. */
    mentioning: batchLoader(
      ctx,
      'article.mentioning',
      (keys: readonly MentionPageKey[]) => repository.mentioning(keys),
      {
        cacheKeyFn: jsonKey,
      },
    ),
  };
}
