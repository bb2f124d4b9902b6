import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { toConnection } from '../shared/graphql/connection.type';
import { pageArgs } from '../shared/graphql/pagination';
import { topicLoaders } from './topic.loaders';
import { Topic, TopicConnection } from './topic.type';

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => TopicConnection, { description: 'All topics, in id order.' })
  async topics(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<TopicConnection> {
    const page = pageArgs(ctx, info, 'id asc', first, after);
    return toConnection(await ctx.scope.get(topicLoaders).repository.list(page.request), page);
  }
}
