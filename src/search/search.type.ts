import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../shared/graphql/node.interface';
import { PageInfo } from '../shared/graphql/page-info.type';

/** The kinds of node that `search` returns. */
export enum SearchType {
  STATEMENT = 'STATEMENT',
  ACTOR = 'ACTOR',
  COUNTRY = 'COUNTRY',
  ARTICLE = 'ARTICLE',
  TOPIC = 'TOPIC',
}

registerEnumType(SearchType, { name: 'SearchType', description: 'A kind of node that search can return.' });

@ObjectType('SearchHit', { description: 'One ranked search hit: the matching node and its relevance score.' })
export class SearchHit {
  @Field(() => Node)
  node!: Node;

  @Field(() => Float, {
    description:
      'Relevance, higher is better: full-text scores normalised per index to 0..1, plus the weight of the entities ' +
      'a statement is about or spoken by. Comparable within one search only.',
  })
  score!: number;

  @Field({
    description:
      'Opaque cursor: the position in this ranking (scores are not stable sort keys), valid only as `after` of a ' +
      'search with the same text and types.',
  })
  cursor!: string;
}

@ObjectType('SearchConnection', { description: 'Ranked search hits, best first.' })
export class SearchConnection {
  @Field(() => [SearchHit], { description: 'The hits of this page, each { score node cursor }.' })
  edges!: SearchHit[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Count of all ranked hits (the candidates are capped per index).' })
  totalCount!: number;
}
