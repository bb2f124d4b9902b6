import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { redirectLoaders } from '../curation/redirect.loaders';
import type { GraphQLContext } from '../shared/context';
import { tryFromGlobalId } from '../shared/global-id';
import { Node } from '../shared/graphql/node.interface';
import { nodeFetchers } from './node-fetchers';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Fetches any object by its global id (the id of a merged-away entity gives the kept one); null when there is none.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    const decoded = tryFromGlobalId(id);
    if (!decoded) return null;
    const fetch = nodeFetchers[decoded.type];
    if (!fetch) return null;
    const found = (await fetch(ctx, decoded.id)) as Node | null;
    if (found) return found;
    // Not there: it may have been merged into another entity (mergeEntities leaves a redirect).
    const target = await ctx.scope.get(redirectLoaders).target.load(`${decoded.type}:${decoded.id}`);
    return target ? ((await fetch(ctx, target)) as Node | null) : null;
  }
}
