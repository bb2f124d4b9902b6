import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { pageArgs } from '../shared/graphql/pagination';
import { searchOrdering, searchPage } from './search.service';
import { SearchConnection, SearchType } from './search.type';
import { searchQuery } from './lucene';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Full-text search in Arabic and English over statements (text and translation), actors and countries (all ' +
      'names and aliases), articles and topics. Entity-aware: text naming an entity also finds the statements ' +
      'about it or spoken by it. Hits are ranked best first; Lucene syntax in the text is taken literally. The ' +
      'text is matched normalized, as names are (NFKC, invisible format characters removed, Arabic diacritics, ' +
      'tatweel, alef/yeh/kaf/heh forms and Persian/Urdu letters folded, punctuation ignored); the index sees ' +
      'stored text normalized the same way. BAD_USER_INPUT naming text when it has no letter or digit left.',
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
    const { query, key } = searchQuery(text);
    const page = pageArgs(ctx, info, searchOrdering(key, types ?? null), first, after);
    return searchPage(ctx.db, query, key, types ?? null, page, ctx.scope.fields);
  }
}
