import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { tryFromGlobalId } from '../shared/global-id';
import { Node } from '../shared/graphql/node.interface';
import { nodeFetchers } from './node-fetchers';

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global id; null when there is none.' })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Node | null> {
    const decoded = tryFromGlobalId(id);
    if (!decoded) return null;
    const fetch = nodeFetchers[decoded.type];
    return fetch ? ((await fetch(ctx, decoded.id)) as Node | null) : null;
  }
}
