import DataLoader from 'dataloader';
import { actorLoaders } from '../actor/actor.loaders';
import type { Actor } from '../actor/actor.type';
import { jsonKey } from '../entity/read-batch';
import type { GraphQLContext } from '../shared/context';
import { StatementRepository, type StatementPageKey } from './statement.repository';

/**
 * Per-request loaders for statements; use through `ctx.scope.get(statementLoaders)`. Speakers and agencies read
 * along with statements and reports prime the actor loader, so `speaker` and `via` cost no round trip.
 */
export function statementLoaders(ctx: GraphQLContext) {
  const actors = ctx.scope.get(actorLoaders).byKey;
  const prime = (actor: Actor): void => void actors.prime(actor.key, actor);
  const repository = new StatementRepository(ctx.db, prime);
  return {
    byKey: new DataLoader((keys: readonly string[]) => repository.byKeys(keys)),
    onBehalfOf: new DataLoader((keys: readonly string[]) => repository.onBehalfOf(keys)),
    about: new DataLoader((keys: readonly string[]) => repository.about(keys)),
    reports: new DataLoader((keys: readonly string[]) => repository.reports(keys, prime)),
    inArticle: new DataLoader(
      (keys: readonly { article: string; includeDeprecated: boolean }[]) => repository.inArticles(keys),
      { cacheKeyFn: jsonKey },
    ),
    /** A page of statements per (criteria, page) key: connection fields on many parents share one query. */
    page: new DataLoader((keys: readonly StatementPageKey[]) => repository.pages(keys), { cacheKeyFn: jsonKey }),
  };
}
