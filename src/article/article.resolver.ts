import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { actorLoaders } from '../actor/actor.loaders';
import { Actor } from '../actor/actor.type';
import type { GraphQLContext } from '../shared/context';
import { toConnection } from '../shared/graphql/connection.type';
import { Entity } from '../shared/graphql/entity.interface';
import { pageArgs } from '../shared/graphql/pagination';
import { statementLoaders } from '../statement/statement.loaders';
import { Statement } from '../statement/statement.type';
import { Topic } from '../topic/topic.type';
import { articleLoaders } from './article.loaders';
import { Article, ArticleConnection } from './article.type';

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: 'All articles, newest first (undated ones last).' })
  async articles(
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<ArticleConnection> {
    const page = pageArgs(ctx, info, 'sortKey desc', first, after);
    return toConnection(await ctx.scope.get(articleLoaders).repository.list(page.request), page);
  }

  @FieldResolver(() => String, {
    description: 'Title and body verbatim, without page furniture; report spans index into it.',
  })
  async text(@Root() article: Article, @Ctx() ctx: GraphQLContext): Promise<string> {
    const text = await ctx.scope.get(articleLoaders).text.load(article.key);
    if (text === null) throw new Error(`Article ${article.key} has no text`);
    return text;
  }

  @FieldResolver(() => Actor, { nullable: true, description: 'The newspaper or site that published it.' })
  outlet(@Root() article: Article, @Ctx() ctx: GraphQLContext): Promise<Actor | null> | null {
    return article.outletKey ? ctx.scope.get(actorLoaders).byKey.load(article.outletKey) : null;
  }

  @FieldResolver(() => [Entity], { description: 'The actors and countries it mentions (its keyword tags).' })
  mentions(@Root() article: Article, @Ctx() ctx: GraphQLContext): Promise<Entity[]> {
    return ctx.scope.get(articleLoaders).mentions.load(article.key);
  }

  @FieldResolver(() => [Topic])
  topics(@Root() article: Article, @Ctx() ctx: GraphQLContext): Promise<Topic[]> {
    return ctx.scope.get(articleLoaders).topics.load(article.key);
  }

  @FieldResolver(() => [Statement], { description: 'The statements reported in it, in text order.' })
  statements(
    @Root() article: Article,
    @Ctx() ctx: GraphQLContext,
    @Arg('includeDeprecated', () => Boolean, { nullable: true, defaultValue: false }) includeDeprecated: boolean | null,
  ): Promise<Statement[]> {
    return ctx.scope
      .get(statementLoaders)
      .inArticle.load({ article: article.key, includeDeprecated: includeDeprecated ?? false });
  }
}
