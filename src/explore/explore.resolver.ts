import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../shared/context';
import { DEFAULT_NODE_LIMIT, MAX_DEPTH, MAX_HOPS, MAX_NODE_LIMIT, neighborhood, path } from './explore.service';
import { Subgraph } from './subgraph.type';

@Resolver()
export class ExploreResolver {
  @Query(() => Subgraph, {
    description:
      `The subgraph around a node, for graph visualisation: nodes within depth hops (at most ${MAX_DEPTH}), capped ` +
      `at limit nodes (default ${DEFAULT_NODE_LIMIT}, at most ${MAX_NODE_LIMIT}) with truncated set when cut. ` +
      'Reports, roles and status changes are folded into edges; deprecated statements are left out.',
    // Flat scalars, so the node cap weighs less than in a page of objects; each level is one more query.
    complexity: ({ args, childComplexity }) =>
      childComplexity + 10 * Number(args.depth ?? 1) + Math.ceil(Number(args.limit ?? DEFAULT_NODE_LIMIT) / 10),
  })
  neighborhood(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1 }) depth: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit?: number | null,
  ): Promise<Subgraph> {
    return neighborhood(ctx.db, id, depth ?? 1, limit ?? DEFAULT_NODE_LIMIT);
  }

  @Query(() => Subgraph, {
    description:
      `The shortest connection(s) between two nodes, as a subgraph; maxHops (at most ${MAX_HOPS}) counts edges ` +
      'as shown, with reports, roles and status changes folded. Empty when there is none within maxHops.',
    complexity: ({ args, childComplexity }) => childComplexity + 10 * Number(args.maxHops ?? 4),
  })
  path(
    @Ctx() ctx: GraphQLContext,
    @Arg('from', () => ID) from: string,
    @Arg('to', () => ID) to: string,
    @Arg('maxHops', () => Int, { nullable: true, defaultValue: 4 }) maxHops: number | null,
  ): Promise<Subgraph> {
    return path(ctx.db, from, to, maxHops ?? 4);
  }
}
