import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type';

/** The parts of a page a repository returns; resolvers wrap them as a connection. */
export interface Page<T> {
  items: { node: T; cursor: string }[];
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

    @Field({ description: 'Opaque cursor; stable when data is added.' })
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

/** Wraps a repository page as a Relay connection. */
export function toConnection<T>(page: Page<T>, hadCursor: boolean): ConnectionShape<T> {
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  return {
    edges: page.items,
    totalCount: page.totalCount,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: hadCursor,
      startCursor: first ? first.cursor : null,
      endCursor: last ? last.cursor : null,
    },
  };
}
