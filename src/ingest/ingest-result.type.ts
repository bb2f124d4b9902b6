import { Field, Int, ObjectType } from 'type-graphql';
import { Article } from '../article/article.type';
import type { IngestCountsData } from './ingest.model';

@ObjectType('IngestCounts', { description: 'Nodes of each kind an ingest created, or found already stored.' })
export class IngestCounts implements IngestCountsData {
  @Field(() => Int)
  articles!: number;

  @Field(() => Int)
  actors!: number;

  @Field(() => Int)
  meetings!: number;

  @Field(() => Int)
  statements!: number;

  @Field(() => Int)
  topics!: number;
}

@ObjectType('IngestResult', { description: 'The stored article, and what the ingest created and matched.' })
export class IngestResult {
  @Field(() => Article)
  article!: Article;

  @Field(() => IngestCounts)
  created!: IngestCounts;

  @Field(() => IngestCounts, { description: 'Existing nodes the input referred to or described again.' })
  matched!: IngestCounts;
}
