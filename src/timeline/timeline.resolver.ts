import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { DateScalar } from '../shared/graphql/date.scalar';
import { MAX_PAGE_SIZE, pageArgs } from '../shared/graphql/pagination';
import { timeline } from './timeline.service';
import { Timeline } from './timeline.type';

@Resolver()
export class TimelineResolver {
  @Query(() => Timeline, {
    description:
      "An actor's, country's or meeting's statements (by it or on its behalf, or about it) and the status changes " +
      'of its meetings, oldest first; undated items listed apart.',
  })
  timeline(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('id', () => ID, { description: 'An Actor, Country or Meeting.' }) id: string,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('first', () => Int, {
      defaultValue: MAX_PAGE_SIZE,
      description: `Dated items per page (and most undated items), at most ${MAX_PAGE_SIZE}.`,
    })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Timeline> {
    // Dated items oldest first, by the timeline sort key `<date>|<kind>|<id>`.
    const page = pageArgs(ctx, info, 'date asc, kind, id', first ?? MAX_PAGE_SIZE, after);
    return timeline(ctx.db, id, from ?? null, to ?? null, page);
  }
}
