import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { toArticle } from '../article/article.mapper';
import type { GraphQLContext } from '../shared/context';
import { ArticleInput } from './ingest.input';
import { IngestResult } from './ingest-result.type';
import { ingestArticle } from './ingest.service';

@Resolver()
export class IngestResolver {
  @Authorized('editor')
  @Mutation(() => IngestResult, {
    description:
      'Ingests one article with its statements, meetings and status changes, all or nothing. Replaying the same ' +
      'input creates nothing. Needs an editor key.',
  })
  async ingestArticle(
    @Arg('input', () => ArticleInput) input: ArticleInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<IngestResult> {
    const outcome = await ingestArticle(ctx.db, input, ctx.caller!);
    return {
      article: toArticle(outcome.article, outcome.outletKey),
      created: outcome.created,
      matched: outcome.matched,
    };
  }
}
