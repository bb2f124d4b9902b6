import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../shared/graphql/connection.type';
import { DateScalar } from '../shared/graphql/date.scalar';
import { StatementForm, StatementRank } from '../shared/graphql/enums';
import { Node } from '../shared/graphql/node.interface';

@ObjectType('Event', { description: 'The event coding of a statement.' })
export class EventCode {
  @Field({ description: 'CAMEO code, such as 036.' })
  cameo!: string;

  @Field(() => String, { nullable: true, description: 'PLOVER category, where one fits.' })
  plover!: string | null;

  @Field(() => Float, { nullable: true, description: 'Goldstein score, -10 (conflict) to +10 (cooperation).' })
  goldstein!: number | null;

  @Field(() => String, { nullable: true, description: 'Why this code was chosen.' })
  rationale!: string | null;
}

@ObjectType('Span', {
  description:
    'A stretch of article text. Offsets count UTF-16 code units (as JavaScript and Java index strings, so an emoji ' +
    'outside the BMP counts 2), start inclusive, end exclusive, and always fall between whole characters.',
})
export class Span {
  @Field(() => Int, { description: 'Offset of the first UTF-16 code unit of the span in the article text.' })
  start!: number;

  @Field(() => Int, { description: 'Offset just past the last UTF-16 code unit of the span (exclusive).' })
  end!: number;

  @Field({ description: 'The article text between start and end.' })
  text!: string;
}

@ObjectType('Report', { description: 'One report of a statement: where it appeared, through whom, and the text.' })
export class Report {
  key!: string;

  @Field(() => ID, { description: 'Stable id of this report (same statement, article and span: same id).' })
  id!: string;

  articleKey!: string;
  viaKey!: string | null;

  @Field(() => Span)
  span!: Span;
}

@ObjectType('Deprecation', { description: 'Why and by whom a statement was deprecated.' })
export class Deprecation {
  @Field()
  reason!: string;

  @Field(() => String, { nullable: true, description: 'Role and key fingerprint of who deprecated it.' })
  by!: string | null;

  @Field(() => String, { nullable: true })
  at!: string | null;
}

@ObjectType('Statement', { implements: Node, description: 'Who said what about whom, when, reported by whom.' })
export class Statement extends Node {
  key!: string;
  speakerKey!: string | null;
  sortKey!: string;

  @Field({ description: 'The original words, as the article has them.' })
  text!: string;

  @Field({ description: 'Language of text (BCP 47).' })
  language!: string;

  @Field(() => String, { nullable: true, description: 'English translation.' })
  translation!: string | null;

  @Field(() => StatementForm)
  form!: StatementForm;

  @Field(() => String, { nullable: true, description: 'The quoted words, for a direct quote.' })
  quote!: string | null;

  @Field(() => String, { nullable: true, description: 'The reporting verb as written, such as أكد.' })
  verb!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When it was said; null when the text does not say.' })
  saidOn!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "saidOn, else the earliest report's publication date: what date filters use.",
  })
  date!: string | null;

  @Field(() => EventCode)
  event!: EventCode;

  @Field(() => StatementRank)
  rank!: StatementRank;

  @Field(() => Deprecation, { nullable: true })
  deprecation!: Deprecation | null;
}

@ObjectType('StatementConnection')
export class StatementConnection extends ConnectionType(Statement, 'Statement') {}
