import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { actorLoaders } from '../actor/actor.loaders';
import { Actor } from '../actor/actor.type';
import { articleLoaders } from '../article/article.loaders';
import { Article } from '../article/article.type';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../shared/context';
import { STATEMENT_ORDER, statementPage } from './statement-page';
import { DateScalar } from '../shared/graphql/date.scalar';
import { Entity, Subject } from '../shared/graphql/entity.interface';
import { pageArgs } from '../shared/graphql/pagination';
import { statementCriteria } from './statement-criteria';
import { StatementFilter } from './statement.input';
import { statementLoaders } from './statement.loaders';
import { Report, Statement, StatementConnection } from './statement.type';

@ArgsType()
class WhoSaidWhatAboutArgs {
  @Field(() => ID, { description: 'An actor, country, meeting or topic.' })
  about!: string;

  @Field(() => ID, { nullable: true, description: 'Only what this actor said.' })
  speaker?: string | null;

  @Field(() => DateScalar, { nullable: true })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true })
  to?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      'For a country, also statements about its office-holders and institutions (actors with a role for it, its ' +
      'government bodies and their office-holders); for an actor, also statements about the meetings it takes part in.',
  })
  includeRelated?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include statements ranked DEPRECATED.',
  })
  includeDeprecated?: boolean | null;

  @Field(() => Int, { nullable: true })
  first?: number | null;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => Statement)
export class StatementResolver {
  @Query(() => StatementConnection, { description: 'Statements, newest first (undated ones last).' })
  async statements(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => StatementFilter, { nullable: true }) filter?: StatementFilter | null,
    @Arg('includeDeprecated', () => Boolean, { nullable: true, defaultValue: false })
    includeDeprecated?: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<StatementConnection> {
    const page = pageArgs(ctx, info, STATEMENT_ORDER, first, after);
    const criteria = statementCriteria({ ...filter, includeDeprecated }, 'filter.');
    return statementPage(ctx, info, criteria, page);
  }

  @Query(() => StatementConnection, {
    description:
      'Who said what about an actor, country, meeting or topic: newest first (undated last). Dates filter on saidOn, ' +
      "else the earliest report's publication date; undated statements are left out of date-filtered queries only.",
  })
  async whoSaidWhatAbout(
    @Args() args: WhoSaidWhatAboutArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<StatementConnection> {
    const page = pageArgs(ctx, info, STATEMENT_ORDER, args.first, args.after);
    const criteria = statementCriteria(args);
    return statementPage(ctx, info, criteria, page);
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'Who said it.' })
  speaker(@Root() statement: Statement, @Ctx() ctx: GraphQLContext): Promise<Actor | null> | null {
    return statement.speakerKey ? ctx.scope.get(actorLoaders).byKey.load(statement.speakerKey) : null;
  }

  @FieldResolver(() => Entity, { nullable: true, description: 'On whose behalf: an institution or a country.' })
  onBehalfOf(@Root() statement: Statement, @Ctx() ctx: GraphQLContext): Promise<Entity | null> {
    return ctx.scope.get(statementLoaders).onBehalfOf.load(statement.key);
  }

  @FieldResolver(() => [Subject], { description: 'The actors, countries, meetings and topics it is about.' })
  about(@Root() statement: Statement, @Ctx() ctx: GraphQLContext): Promise<Subject[]> {
    return ctx.scope.get(statementLoaders).about.load(statement.key);
  }

  @FieldResolver(() => [Report], { description: 'Where it was reported: article, agency and supporting text.' })
  reports(@Root() statement: Statement, @Ctx() ctx: GraphQLContext): Promise<Report[]> {
    return ctx.scope.get(statementLoaders).reports.load(statement.key);
  }
}

@Resolver(() => Report)
export class ReportResolver {
  @FieldResolver(() => Article, { description: 'The article the report appeared in.' })
  async article(@Root() report: Report, @Ctx() ctx: GraphQLContext): Promise<Article> {
    const article = await ctx.scope.get(articleLoaders).byKey.load(report.articleKey);
    if (!article) throw new Error(`Report ${report.key} points at a missing article`);
    return article;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The agency the statement came through, if any.' })
  via(@Root() report: Report, @Ctx() ctx: GraphQLContext): Promise<Actor | null> | null {
    return report.viaKey ? ctx.scope.get(actorLoaders).byKey.load(report.viaKey) : null;
  }
}
