import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../shared/graphql/date.scalar';
import { ActorKind, MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';
import type {
  ArticleInputData,
  EntityRefData,
  MeetingInputData,
  SpanData,
  StatementInputData,
  SubjectRefData,
} from './ingest.model';

@InputType('EntityRef', {
  description: 'An actor or country, by id or by name (any alias, any spelling). kind and country apply when created.',
})
export class EntityRef implements EntityRefData {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ActorKind, { nullable: true, description: 'Kind of the actor to create (with createMissing).' })
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2 country of the actor to create.' })
  country?: string | null;
}

@InputType('SubjectRef', {
  description: 'What a statement is about: an actor, country or topic by id or name, or a meeting of this input.',
})
export class SubjectRef implements SubjectRefData {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'A name; with createMissing an unknown one becomes a Topic.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A key from ArticleInput.meetings.' })
  meeting?: string | null;
}

@InputType('SpanInput', {
  description:
    'Offsets into ArticleInput.text in UTF-16 code units (as JavaScript and Java index strings: an emoji outside ' +
    'the BMP counts 2), start inclusive, end exclusive. Both must fall between whole characters: a span that splits ' +
    'a surrogate pair or a grapheme cluster (an emoji sequence, a letter and its combining marks or harakat) is ' +
    'BAD_USER_INPUT at statements[i].span.',
})
export class SpanInput implements SpanData {
  @Field(() => Int, { description: 'UTF-16 offset of the first code unit, inclusive.' })
  start!: number;

  @Field(() => Int, { description: 'UTF-16 offset just past the last code unit, exclusive.' })
  end!: number;
}

@InputType('MeetingInput', {
  description:
    'A meeting the statements refer to; its key is local to the input. Identity: give `id` to name a stored ' +
    'meeting. Otherwise the meeting is a stored one of the same kind and participants when (1) a date is given ' +
    'and it has that date; or (2) no date is given, it has none, and either this article already reports it, or it ' +
    'is open (status not HELD, CANCELLED or REJECTED) and its latest statement is within 90 days of this ' +
    "article's date for it (the latest saidOn of its statements here, else publishedOn); in both cases a given " +
    'location must be its location, if it has one. Else a new meeting is created. A closed meeting is never ' +
    'matched by a later undated proposal. mergeMeetings mends a split.',
})
export class MeetingInput implements MeetingInputData {
  @Field()
  key!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'A stored meeting; kind and participants are then its own and must be omitted.',
  })
  id?: string | null;

  @Field(() => MeetingKind, { nullable: true, description: 'Required unless id is given.' })
  kind?: MeetingKind | null;

  @Field(() => [EntityRef], { nullable: true, description: 'Required (at least one) unless id is given.' })
  participants?: EntityRef[] | null;

  @Field(() => MeetingStatus, { nullable: true, description: "Status asserted by this article's statements." })
  status?: MeetingStatus | null;

  @Field(() => [Int], {
    nullable: true,
    description: "0-based indices of the statements asserting status; default: all this article's statements about it.",
  })
  statusStatements?: number[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it takes place; part of its identity. With id: sets the date of a meeting that has none.',
  })
  date?: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => EntityRef, {
    nullable: true,
    description: 'The country where it takes place; part of its identity when given (see MeetingInput).',
  })
  location?: EntityRef | null;
}

@InputType('StatementInput')
export class StatementInput implements StatementInputData {
  @Field(() => EntityRef)
  speaker!: EntityRef;

  @Field(() => EntityRef, { nullable: true })
  onBehalfOf?: EntityRef | null;

  @Field(() => EntityRef, { nullable: true, description: 'The agency the words came through.' })
  via?: EntityRef | null;

  @Field(() => StatementForm)
  form!: StatementForm;

  @Field({ description: 'The original words, as the article has them.' })
  text!: string;

  @Field(() => String, { nullable: true, description: "BCP 47 tag of text; default: the article's language." })
  language?: string | null;

  @Field(() => String, { nullable: true })
  translation?: string | null;

  @Field(() => String, { nullable: true, description: 'The quoted words; must lie within the span.' })
  quote?: string | null;

  @Field(() => String, { nullable: true })
  verb?: string | null;

  @Field(() => DateScalar, { nullable: true })
  saidOn?: string | null;

  @Field(() => [SubjectRef])
  about!: SubjectRef[];

  @Field({ description: 'CAMEO code: 2 to 4 digits, category 01-20.' })
  cameo!: string;

  @Field(() => String, { nullable: true, description: 'PLOVER category, such as AGREE.' })
  plover?: string | null;

  @Field(() => Float, { nullable: true, description: 'Goldstein score, -10..10.' })
  goldstein?: number | null;

  @Field(() => String, { nullable: true, description: 'Why this event code was chosen.' })
  rationale?: string | null;

  @Field(() => SpanInput)
  span!: SpanInput;
}

@InputType('ArticleInput', { description: 'One article with its statements: the ingest format (also the seed).' })
export class ArticleInput implements ArticleInputData {
  @Field()
  title!: string;

  @Field({ description: 'BCP 47 language tag.' })
  language!: string;

  @Field(() => DateScalar, { nullable: true })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => EntityRef)
  outlet!: EntityRef;

  @Field({ description: 'Title and body verbatim; spans index into it.' })
  text!: string;

  @Field(() => [MeetingInput], { nullable: true })
  meetings?: MeetingInput[] | null;

  @Field(() => [StatementInput])
  statements!: StatementInput[];

  @Field(() => [EntityRef], { nullable: true, description: 'Entities the article mentions (its keyword tags).' })
  mentions?: EntityRef[] | null;

  @Field(() => [SubjectRef], { nullable: true, description: 'Topics of the article.' })
  topics?: SubjectRef[] | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Create actors and topics whose names are unknown.',
  })
  createMissing?: boolean | null;
}
