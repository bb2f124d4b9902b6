import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type';
import type { PageArgs } from './pagination';

/**
 * The parts of a page a repository returns; resolvers wrap them as a connection. Each item carries its position
 * (its sort key), which `toConnection` turns into a cursor of the field's connection.
 */
export interface Page<T> {
  items: { node: T; position: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface ConnectionShape<T> {
  edges: { node: T; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Builds the Edge and Connection object types for one node type, as `<Name>Edge` and (by the subclass)
 * `<Name>Connection`.
 */
export function ConnectionType<T extends object>(itemType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => itemType)
    node!: T;

    @Field({
      description:
        'Opaque cursor, valid only as `after` of the same connection field (signed by the server); stable when data ' +
        'is added.',
    })
    cursor!: string;
  }

  @ObjectType()
  abstract class Connection implements ConnectionShape<T> {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Count of all matches, not of this page.' })
    totalCount!: number;
  }

  return Connection;
}

/** Wraps a repository page as a Relay connection, with cursors of the connection `args` were checked for. */
export function toConnection<T>(page: Page<T>, args: PageArgs): ConnectionShape<T> {
  const edges = page.items.map((item) => ({ node: item.node, cursor: args.cursor(item.position) }));
  const first = edges[0];
  const last = edges[edges.length - 1];
  return {
    edges,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: args.after !== null,
      startCursor: first ? first.cursor : null,
      endCursor: last ? last.cursor : null,
    },
  };
}
