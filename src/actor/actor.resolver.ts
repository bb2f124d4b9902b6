import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { articleLoaders } from '../article/article.loaders';
import { ArticleConnection } from '../article/article.type';
import { countryLoaders } from '../country/country.loaders';
import { Country } from '../country/country.type';
import { entityLoaders } from '../entity/entity.loaders';
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../shared/context';
import { STATEMENT_ORDER, statementPage } from '../statement/statement-page';
import { toConnection } from '../shared/graphql/connection.type';
import { pageArgs } from '../shared/graphql/pagination';
import { statementCriteria } from '../statement/statement-criteria';
import { StatementConnection } from '../statement/statement.type';
import { actorCriteria } from './actor-criteria';
import { ActorFilter } from './actor.input';
import { actorLoaders } from './actor.loaders';
import { ActorRepository } from './actor.repository';
import { Actor, ActorConnection, Alias } from './actor.type';
import { Role } from './role.type';

// The orderings of the actor's connections, which their cursors are bound to (see PageArgs).
const ACTOR_ORDER = 'id asc';
const ARTICLE_ORDER = 'sortKey desc';

@Resolver(() => Actor)
export class ActorResolver {
  @Query(() => ActorConnection, { description: 'Actors, in id order.' })
  async actors(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ActorFilter, { nullable: true }) filter?: ActorFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ActorConnection> {
    const page = pageArgs(ctx, info, ACTOR_ORDER, first, after);
    const criteria = actorCriteria(filter ?? {});
    return toConnection(await new ActorRepository(ctx.db, ctx.scope.fields).list(criteria, page.request), page);
  }

  @FieldResolver(() => [Role], { description: 'Offices held, current ones first.' })
  roles(@Root() actor: Actor, @Ctx() ctx: GraphQLContext): Promise<Role[]> {
    return ctx.scope.get(actorLoaders).roles.load(actor.key);
  }

  @FieldResolver(() => Country, { nullable: true })
  country(@Root() actor: Actor, @Ctx() ctx: GraphQLContext): Promise<Country | null> | null {
    return actor.countryCode ? ctx.scope.get(countryLoaders).byCode.load(actor.countryCode) : null;
  }

  @FieldResolver(() => [Alias], { description: 'Every name and spelling the actor is known by.' })
  aliases(@Root() actor: Actor, @Ctx() ctx: GraphQLContext): Promise<Alias[]> {
    return ctx.scope.get(entityLoaders).actorAliases.load(actor.key);
  }

  @FieldResolver(() => StatementConnection, { description: 'What the actor said, newest first.' })
  async statements(
    @Root() actor: Actor,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('includeDeprecated', () => Boolean, { nullable: true, defaultValue: false }) includeDeprecated: boolean | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<StatementConnection> {
    const page = pageArgs(ctx, info, STATEMENT_ORDER, first, after);
    const criteria = { ...statementCriteria({ includeDeprecated }), speaker: actor.key };
    return statementPage(ctx, info, criteria, page);
  }

  @FieldResolver(() => ArticleConnection, { description: 'The articles that mention the actor, newest first.' })
  async mentionedIn(
    @Root() actor: Actor,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ArticleConnection> {
    const page = pageArgs(ctx, info, ARTICLE_ORDER, first, after);
    return toConnection(
      await ctx.scope.get(articleLoaders).mentioning.load({ actor: actor.key, ...page.request }),
      page,
    );
  }
}

@Resolver(() => Role)
export class RoleResolver {
  @FieldResolver(() => Actor, { nullable: true, description: 'The institution, such as the Kremlin.' })
  organization(@Root() role: Role, @Ctx() ctx: GraphQLContext): Promise<Actor | null> | null {
    return role.organizationKey ? ctx.scope.get(actorLoaders).byKey.load(role.organizationKey) : null;
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country the office serves.' })
  country(@Root() role: Role, @Ctx() ctx: GraphQLContext): Promise<Country | null> | null {
    return role.countryCode ? ctx.scope.get(countryLoaders).byCode.load(role.countryCode) : null;
  }
}
