import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Actor } from '../actor/actor.type';
import type { Country } from '../country/country.type';
import { Meeting } from '../meeting/meeting.type';
import { Statement } from '../statement/statement.type';
import type { GraphQLContext } from '../shared/context';
import { Entity } from '../shared/graphql/entity.interface';
import { MeetingStatus } from '../shared/graphql/enums';
import { addAlias, deprecateStatement, mergeEntities, mergeMeetings, setMeetingStatus } from './curation.service';

@Resolver()
export class CurationResolver {
  @Authorized('editor')
  @Mutation(() => Entity, { description: 'Adds a name or spelling to an actor or country. Needs an editor key.' })
  addAlias(
    @Arg('entity', () => ID) entity: string,
    @Arg('alias', () => String) alias: string,
    @Arg('lang', () => String, { nullable: true, description: 'BCP 47 tag of the alias, such as ar.' })
    lang: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Actor | Country> {
    return addAlias(ctx.db, ctx.caller!, entity, alias, lang ?? null);
  }

  @Authorized('editor')
  @Mutation(() => Meeting, {
    description:
      'Adds a status history entry asserted by a statement about the meeting; the current status is derived ' +
      'again. Needs an editor key.',
  })
  setMeetingStatus(
    @Arg('meeting', () => ID) meeting: string,
    @Arg('status', () => MeetingStatus) status: MeetingStatus,
    @Arg('statement', () => ID) statement: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Meeting> {
    return setMeetingStatus(ctx.db, ctx.caller!, meeting, status, statement);
  }

  @Authorized('admin')
  @Mutation(() => Entity, {
    description:
      'Merges a duplicate actor into another: every relationship and alias moves to keep, and the removed id ' +
      'resolves to keep from now on. Returns the kept actor. Needs an admin key.',
  })
  mergeEntities(
    @Arg('keep', () => ID) keep: string,
    @Arg('remove', () => ID) remove: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Actor> {
    return mergeEntities(ctx.db, ctx.caller!, keep, remove);
  }

  @Authorized('admin')
  @Mutation(() => Meeting, {
    description:
      'Merges a duplicate meeting into another: the statements about it, its participants, status history, and ' +
      'its location, date and duration where keep lacks them move to keep; the status is derived again, and the ' +
      'removed id resolves to keep from now on. Mends meetings the identity rule (see MeetingInput) split. Returns ' +
      'the kept meeting. Needs an admin key.',
  })
  mergeMeetings(
    @Arg('keep', () => ID) keep: string,
    @Arg('remove', () => ID) remove: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Meeting> {
    return mergeMeetings(ctx.db, ctx.caller!, keep, remove);
  }

  @Authorized('admin')
  @Mutation(() => Statement, {
    description:
      'Marks a wrong statement DEPRECATED with a reason; it is kept, and left out of queries unless asked for. ' +
      'Needs an admin key.',
  })
  deprecateStatement(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Statement> {
    return deprecateStatement(ctx.db, ctx.caller!, id, reason);
  }
}
