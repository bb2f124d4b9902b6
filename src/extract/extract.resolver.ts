import { Arg, Authorized, Ctx, Float, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { PageInput } from './extract.input';
import { toPageExtraction, toPageIngestResult } from './extract.mapper';
import { extractPage } from './extract.service';
import { PageExtraction, PageIngestResult } from './extract.type';
import { ingestPage } from './ingest-page.service';

@Resolver()
export class ExtractResolver {
  @Query(() => PageExtraction, {
    description:
      'Reads a raw news page and returns its articles with candidate statements, meetings and proposed new ' +
      'actors, each article as an ArticleInput draft with confidence and evidence. Read-only: nothing is written.',
  })
  async extractPage(
    @Arg('input', () => PageInput) input: PageInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PageExtraction> {
    return toPageExtraction(await extractPage(ctx.db, input));
  }

  @Authorized('editor')
  @Mutation(() => PageIngestResult, {
    description:
      'Extracts a page and ingests each article (its statements at or above minConfidence, default 0.6, whose ' +
      'speaker the graph knows) through ingestArticle, each article in its own transaction; the rest is left for ' +
      'review. Sending a page again creates nothing. Needs an editor key.',
  })
  async ingestPage(
    @Arg('input', () => PageInput) input: PageInput,
    @Arg('minConfidence', () => Float, { nullable: true }) minConfidence: number | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PageIngestResult> {
    return toPageIngestResult(await ingestPage(ctx.db, input, minConfidence, ctx.caller!));
  }
}
