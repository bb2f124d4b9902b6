import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../shared/graphql/connection.type';
import { DateScalar } from '../shared/graphql/date.scalar';
import { Node } from '../shared/graphql/node.interface';

@ObjectType('Article', { implements: Node, description: 'A news article, its text stored verbatim.' })
export class Article extends Node {
  key!: string;
  outletKey!: string | null;

  @Field()
  title!: string;

  @Field({ description: 'BCP 47 language tag.' })
  language!: string;

  @Field(() => DateScalar, { nullable: true })
  publishedOn!: string | null;

  @Field(() => String, { nullable: true })
  url!: string | null;
}

@ObjectType('ArticleConnection')
export class ArticleConnection extends ConnectionType(Article, 'Article') {}
