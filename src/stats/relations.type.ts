import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../shared/graphql/date.scalar';
import { Entity } from '../shared/graphql/entity.interface';

export enum Interval {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(Interval, {
  name: 'Interval',
  description: 'A calendar bucket: ISO week (from Monday), month or year.',
});

@ObjectType('DirectedCount', { description: 'Statements from one side about the other.' })
export class DirectedCount {
  @Field(() => Int)
  count!: number;

  @Field(() => Float, { nullable: true, description: 'Mean Goldstein score of those that have one.' })
  meanGoldstein!: number | null;
}

@ObjectType('RelationBucket', { description: 'One bucket of a dyadic series.' })
export class RelationBucket {
  @Field(() => DateScalar, { nullable: true, description: 'First day of the bucket; null for undated and totals.' })
  start!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the bucket.' })
  end!: string | null;

  @Field(() => DirectedCount, { description: "From a's side about b's side." })
  aToB!: DirectedCount;

  @Field(() => DirectedCount, { description: "From b's side about a's side." })
  bToA!: DirectedCount;
}

@ObjectType('RelationSeries', {
  description:
    'The dyadic series between two entities. A side is the entity itself plus, for a country, its office-holders ' +
    '(actors holding a Role FOR_COUNTRY it), its institutions (ORGANIZATION actors OF_COUNTRY it) and the holders ' +
    'of roles in those institutions; for an organization, the holders of roles in it. A role counts for statements ' +
    'dated within its since/until (and for undated ones). A statement is from a side when said by or on behalf ' +
    'of one of its members, and about a side when about one of them. Deprecated statements are left out.',
})
export class RelationSeries {
  @Field(() => Entity)
  a!: Entity;

  @Field(() => Entity)
  b!: Entity;

  @Field(() => Interval)
  interval!: Interval;

  @Field(() => [RelationBucket], { description: 'Buckets with at least one statement, oldest first.' })
  buckets!: RelationBucket[];

  @Field(() => RelationBucket, { description: 'Statements with no date (left out when from or to is given).' })
  undated!: RelationBucket;

  @Field(() => RelationBucket, { description: 'All counted statements, dated or not.' })
  total!: RelationBucket;
}
