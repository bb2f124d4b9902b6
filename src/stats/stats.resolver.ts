import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { DateScalar } from '../shared/graphql/date.scalar';
import { StatementFilter } from '../statement/statement.input';
import { Interval, RelationSeries } from './relations.type';
import { StatsGroup, StatsRow } from './statement-stats.type';
import { DEFAULT_TOP, MAX_TOP, relations, statementStats } from './stats.service';

@Resolver()
export class StatsResolver {
  @Query(() => RelationSeries, {
    description:
      "The dyadic series between two actors or countries for dashboards: per bucket, statements from a's side " +
      "about b's side and from b's side about a's side, with their mean Goldstein score; undated apart.",
  })
  relations(
    @Ctx() ctx: GraphQLContext,
    @Arg('a', () => ID, { description: 'An Actor or Country.' }) a: string,
    @Arg('b', () => ID, { description: 'An Actor or Country.' }) b: string,
    @Arg('interval', () => Interval) interval: Interval,
    @Arg('from', () => DateScalar, { nullable: true }) from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to?: string | null,
  ): Promise<RelationSeries> {
    return relations(ctx.db, a, b, interval, from ?? null, to ?? null);
  }

  @Query(() => [StatsRow], {
    description:
      'Statement counts and mean Goldstein scores grouped by speaker, subject, speaker country, CAMEO code, ' +
      'PLOVER category or month, biggest first, computed in the database. Deprecated statements are left out.',
  })
  statementStats(
    @Ctx() ctx: GraphQLContext,
    @Arg('groupBy', () => StatsGroup) groupBy: StatsGroup,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter | null,
    @Arg('top', () => Int, {
      nullable: true,
      description: `Most rows returned: ${DEFAULT_TOP} unless given, at most ${MAX_TOP}.`,
    })
    top?: number | null,
  ): Promise<StatsRow[]> {
    return statementStats(ctx.db, groupBy, filter ?? null, top ?? DEFAULT_TOP);
  }
}
