import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { Actor } from '../actor/actor.type';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../shared/context';
import { STATEMENT_ORDER, statementPage } from '../statement/statement-page';
import { toConnection } from '../shared/graphql/connection.type';
import { Entity } from '../shared/graphql/entity.interface';
import { pageArgs } from '../shared/graphql/pagination';
import { fromGlobalId } from '../shared/global-id';
import { Label } from '../shared/graph-schema';
import { statementCriteria } from '../statement/statement-criteria';
import { statementLoaders } from '../statement/statement.loaders';
import { Statement, StatementConnection } from '../statement/statement.type';
import { MeetingFilter } from './meeting.input';
import { meetingLoaders } from './meeting.loaders';
import { Meeting, MeetingConnection, StatusChange } from './meeting.type';

// Newest first by the sort key of meeting.repository.ts; cursors are bound to it (see PageArgs).
const MEETING_ORDER = 'sortKey desc';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: 'Meetings, newest first (undated ones last).' })
  async meetings(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter?: MeetingFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<MeetingConnection> {
    const page = pageArgs(ctx, info, MEETING_ORDER, first, after);
    const participant = filter?.participant ? fromGlobalId(filter.participant, 'filter.participant', ['Actor']) : null;
    const criteria = {
      participant: participant?.id ?? null,
      status: filter?.status ?? null,
      kind: filter?.kind ?? null,
    };
    return toConnection(await ctx.scope.get(meetingLoaders).repository.list(criteria, page.request), page);
  }

  @FieldResolver(() => [Actor])
  participants(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<Actor[]> {
    return ctx.scope.get(meetingLoaders).participants.load(meeting.key);
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'Where it takes place.' })
  location(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<Entity | null> {
    return ctx.scope.get(meetingLoaders).location.load(meeting.key);
  }

  @FieldResolver(() => [StatusChange], { description: 'Each status asserted, oldest first (undated as oldest).' })
  statusHistory(@Root() meeting: Meeting, @Ctx() ctx: GraphQLContext): Promise<StatusChange[]> {
    return ctx.scope.get(meetingLoaders).statusHistory.load(meeting.key);
  }

  @FieldResolver(() => StatementConnection, { description: 'The statements about this meeting, newest first.' })
  async statements(
    @Root() meeting: Meeting,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('includeDeprecated', () => Boolean, { nullable: true, defaultValue: false }) includeDeprecated: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<StatementConnection> {
    const page = pageArgs(ctx, info, STATEMENT_ORDER, first, after);
    const criteria = { ...statementCriteria({ includeDeprecated }), about: meeting.key, aboutLabel: Label.Meeting };
    return statementPage(ctx, info, criteria, page);
  }
}

@Resolver(() => StatusChange)
export class StatusChangeResolver {
  @FieldResolver(() => Statement, { nullable: true, description: 'The statement that asserted this status.' })
  statement(@Root() change: StatusChange, @Ctx() ctx: GraphQLContext): Promise<Statement | null> | null {
    return change.statementKey ? ctx.scope.get(statementLoaders).byKey.load(change.statementKey) : null;
  }

  @FieldResolver(() => Meeting, { description: 'The meeting whose status this is.' })
  async meeting(@Root() change: StatusChange, @Ctx() ctx: GraphQLContext): Promise<Meeting> {
    return (await ctx.scope.get(meetingLoaders).byKey.load(change.meetingKey))!;
  }
}
