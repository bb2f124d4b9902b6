import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { pageArgs } from '../shared/graphql/pagination';
import { normalizeName } from '../shared/text/normalize';
import { searchOrdering, searchPage } from './search.service';
import { SearchConnection, SearchType } from './search.type';
import { toLuceneQuery } from './lucene';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Full-text search in Arabic and English over statements (text and translation), actors and countries (all ' +
      'names and aliases), articles and topics. Entity-aware: text naming an entity also finds the statements ' +
      'about it or spoken by it. Hits are ranked best first; Lucene syntax in the text is taken literally.',
  })
  async search(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('text', () => String) text: string,
    @Arg('types', () => [SearchType], { nullable: true, description: 'Only these kinds of node; all when omitted.' })
    types?: SearchType[] | null,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ): Promise<SearchConnection> {
    const key = normalizeName(text);
    const page = pageArgs(ctx, info, searchOrdering(key, types ?? null), first, after);
    return searchPage(ctx.db, toLuceneQuery(text), key, types ?? null, page);
  }
}
