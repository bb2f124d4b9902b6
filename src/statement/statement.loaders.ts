import { batchLoader } from '../shared/batch-loader';
import { actorLoaders } from '../actor/actor.loaders';
import { articleLoaders } from '../article/article.loaders';
import { jsonKey } from '../entity/read-batch';
import type { GraphQLContext } from '../shared/context';
import { StatementRepository, type StatementPageKey } from './statement.repository';

/**
 * Per-request loaders for statements; use through `ctx.scope.get(statementLoaders)`. What the repository reads
 * along (speakers, agencies, and for pages the selected subjects, reports and articles) primes the loaders, so
 * those fields cost no round trip of their own.
 */
export function statementLoaders(ctx: GraphQLContext) {
  const actors = ctx.scope.get(actorLoaders).byKey;
  const articles = ctx.scope.get(articleLoaders).byKey;
  const repository: StatementRepository = new StatementRepository(
    ctx.db,
    {
      actor: (actor) => void actors.prime(actor.key, actor),
      about: (key, subjects) => void loaders.about.prime(key, subjects),
      reports: (key, reports) => void loaders.reports.prime(key, reports),
      article: (article) => void articles.prime(article.key, article),
    },
    ctx.scope.fields,
  );
  const loaders = {
    byKey: batchLoader(ctx, 'statement.byKey', (keys: readonly string[]) => repository.byKeys(keys)),
    onBehalfOf: batchLoader(ctx, 'statement.onBehalfOf', (keys: readonly string[]) => repository.onBehalfOf(keys)),
    about: batchLoader(ctx, 'statement.about', (keys: readonly string[]) => repository.about(keys)),
    reports: batchLoader(ctx, 'statement.reports', (keys: readonly string[]) => repository.reports(keys)),
    inArticle: batchLoader(
      ctx,
      'statement.inArticle',
      (keys: readonly { article: string; includeDeprecated: boolean }[]) => repository.inArticles(keys),
      { cacheKeyFn: jsonKey },
    ),
    /** A page of statements per (criteria, page) key: connection fields on many parents share one query. */
    page: batchLoader(ctx, 'statement.page', (keys: readonly StatementPageKey[]) => repository.pages(keys), {
      cacheKeyFn: jsonKey,
    }),
  };
  return loaders;
}
