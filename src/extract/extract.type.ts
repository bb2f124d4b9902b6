import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Article } from '../article/article.type';
import { IngestCounts } from '../ingest/ingest-result.type';
import { DateScalar } from '../shared/graphql/date.scalar';
import { ActorKind, MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';

/** How the extractor found a reference (see RefSource in extract.model.ts). */
export enum ReferenceSource {
  RESOLVED = 'RESOLVED',
  ROLE = 'ROLE',
  PREVIOUS = 'PREVIOUS',
  UNNAMED = 'UNNAMED',
  NEW = 'NEW',
  UNRESOLVED = 'UNRESOLVED',
}

registerEnumType(ReferenceSource, {
  name: 'ReferenceSource',
  description:
    'How a speaker was found: RESOLVED by a graph name or alias; ROLE by a role description and the office-holder ' +
    'at the article date; PREVIOUS continuing the previous statement (وأضاف, he added); UNNAMED an unnamed source; ' +
    'NEW a person the graph does not know (proposed); UNRESOLVED a description no entity answers.',
});

@ObjectType('TextRange', { description: 'UTF-16 offsets, end exclusive.' })
export class TextRange {
  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType('EntityRefDraft', { description: 'An EntityRef as ingestArticle takes it: by id, or by name.' })
export class EntityRefDraft {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => ActorKind, { nullable: true })
  kind?: ActorKind | null;

  @Field(() => String, { nullable: true })
  country?: string | null;
}

@ObjectType('SubjectRefDraft', { description: 'A SubjectRef as ingestArticle takes it.' })
export class SubjectRefDraft {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  meeting?: string | null;
}

@ObjectType('MeetingDraft', { description: 'A MeetingInput as ingestArticle takes it.' })
export class MeetingDraft {
  @Field()
  key!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => [EntityRefDraft])
  participants!: EntityRefDraft[];

  @Field(() => MeetingStatus, { nullable: true })
  status?: MeetingStatus | null;

  @Field(() => [Int], { nullable: true })
  statusStatements?: number[] | null;

  @Field(() => DateScalar, { nullable: true })
  date?: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes?: number | null;

  @Field(() => EntityRefDraft, { nullable: true })
  location?: EntityRefDraft | null;
}

@ObjectType('StatementDraft', { description: 'A StatementInput as ingestArticle takes it.' })
export class StatementDraft {
  @Field(() => EntityRefDraft)
  speaker!: EntityRefDraft;

  @Field(() => EntityRefDraft, { nullable: true })
  onBehalfOf?: EntityRefDraft | null;

  @Field(() => EntityRefDraft, { nullable: true })
  via?: EntityRefDraft | null;

  @Field(() => StatementForm)
  form!: StatementForm;

  @Field()
  text!: string;

  @Field(() => String, { nullable: true })
  language?: string | null;

  @Field(() => String, { nullable: true })
  translation?: string | null;

  @Field(() => String, { nullable: true })
  quote?: string | null;

  @Field(() => String, { nullable: true })
  verb?: string | null;

  @Field(() => DateScalar, { nullable: true })
  saidOn?: string | null;

  @Field(() => [SubjectRefDraft])
  about!: SubjectRefDraft[];

  @Field()
  cameo!: string;

  @Field(() => String, { nullable: true })
  plover?: string | null;

  @Field(() => Float, { nullable: true })
  goldstein?: number | null;

  @Field(() => String, { nullable: true })
  rationale?: string | null;

  @Field(() => TextRange, { description: 'In the article text.' })
  span!: TextRange;
}

@ObjectType('ArticleDraft', {
  description:
    'An article exactly in the shape of ArticleInput: send it (after review) to ingestArticle as it is. Its ' +
    'statements are all the candidates, in the order of ExtractedArticle.statements.',
})
export class ArticleDraft {
  @Field()
  title!: string;

  @Field()
  language!: string;

  @Field(() => DateScalar, { nullable: true })
  publishedOn?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => EntityRefDraft)
  outlet!: EntityRefDraft;

  @Field()
  text!: string;

  @Field(() => [MeetingDraft], { nullable: true })
  meetings?: MeetingDraft[] | null;

  @Field(() => [StatementDraft])
  statements!: StatementDraft[];

  @Field(() => [EntityRefDraft], { nullable: true })
  mentions?: EntityRefDraft[] | null;

  @Field(() => [SubjectRefDraft], { nullable: true })
  topics?: SubjectRefDraft[] | null;

  @Field(() => Boolean, { nullable: true })
  createMissing?: boolean | null;
}

@ObjectType('ExtractedStatement', {
  description: 'Why a candidate statement was extracted, how sure, and where it sits on the page.',
})
export class ExtractedStatement {
  @Field(() => Int, { description: 'Its index in ArticleDraft.statements.' })
  index!: number;

  @Field(() => Float, { description: '0..1.' })
  confidence!: number;

  @Field(() => TextRange, { description: 'The statement on the page.' })
  pageSpan!: TextRange;

  @Field(() => ReferenceSource)
  speakerSource!: ReferenceSource;

  @Field({ description: 'The words that named the speaker.' })
  speakerWritten!: string;

  @Field(() => [String], { description: 'Which verb, quote marks, alias or role, which cue chose the code.' })
  evidence!: string[];

  @Field(() => [String], { description: 'Why an analyst should check it before it is ingested (empty: none).' })
  review!: string[];
}

@ObjectType('ExtractedMeeting', { description: 'A meeting the statements talk about, countries among participants.' })
export class ExtractedMeeting {
  @Field()
  key!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => MeetingStatus, { nullable: true })
  status?: MeetingStatus | null;

  @Field(() => [Int])
  statusStatements!: number[];

  @Field(() => [EntityRefDraft])
  participants!: EntityRefDraft[];

  @Field(() => [String])
  evidence!: string[];
}

@ObjectType('ProposedActor', { description: 'A person or agency the graph does not know, proposed for review.' })
export class ProposedActor {
  @Field({ description: 'As written on the page.' })
  name!: string;

  @Field(() => ActorKind)
  kind!: ActorKind;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2, from a nationality adjective.' })
  country?: string | null;

  @Field()
  evidence!: string;
}

@ObjectType('ExtractedArticle', { description: 'One article found on the page, with its candidates.' })
export class ExtractedArticle {
  @Field(() => ArticleDraft)
  article!: ArticleDraft;

  @Field(() => TextRange, { description: 'The article on the page.' })
  pageSpan!: TextRange;

  @Field(() => Float, { nullable: true, description: "The mean of its statements' confidence (null: none)." })
  confidence?: number | null;

  @Field(() => [ExtractedStatement])
  statements!: ExtractedStatement[];

  @Field(() => [ExtractedMeeting])
  meetings!: ExtractedMeeting[];

  @Field(() => [ProposedActor])
  proposedActors!: ProposedActor[];

  @Field(() => [String], { description: 'How the page splitter and the extractor decided.' })
  evidence!: string[];
}

@ObjectType('PageExtraction', { description: 'What a page holds: its articles and their candidate statements.' })
export class PageExtraction {
  @Field(() => [ExtractedArticle])
  articles!: ExtractedArticle[];

  @Field(() => [ProposedActor], { description: 'Every proposed actor of the page, once.' })
  proposedActors!: ProposedActor[];
}

@ObjectType('LeftForReview', { description: 'A candidate statement ingestPage did not write, and why.' })
export class LeftForReview {
  @Field(() => Int, { description: 'Its index in ExtractedArticle.statements.' })
  statementIndex!: number;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType('PageArticleIngest', { description: 'What ingestPage did with one article of the page.' })
export class PageArticleIngest {
  @Field(() => ExtractedArticle)
  extraction!: ExtractedArticle;

  @Field(() => Article, { nullable: true, description: 'The stored article; null when it was not ingested.' })
  article?: Article | null;

  @Field(() => [Int], { description: 'Indexes of the statements written.' })
  ingestedStatements!: number[];

  @Field(() => [LeftForReview])
  leftForReview!: LeftForReview[];

  @Field(() => [String], { description: 'Why the article as a whole was not ingested (empty when it was).' })
  problems!: string[];

  @Field(() => IngestCounts)
  created!: IngestCounts;

  @Field(() => IngestCounts)
  matched!: IngestCounts;
}

@ObjectType('PageIngestResult', { description: 'What ingestPage created, matched and left for review.' })
export class PageIngestResult {
  @Field(() => [PageArticleIngest])
  articles!: PageArticleIngest[];

  @Field(() => IngestCounts)
  created!: IngestCounts;

  @Field(() => IngestCounts)
  matched!: IngestCounts;
}
