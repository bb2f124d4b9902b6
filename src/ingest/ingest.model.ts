import type { ActorKind, MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';

/**
 * The ingest format as plain data. GraphQL input classes implement these shapes and the seed file schema parses
 * into them, so the mutation, the seed loader and the CLI share one code path. Optional fields may be absent or
 * null (GraphQL sends null, JSON files often omit them).
 */
export interface EntityRefData {
  id?: string | null;
  name?: string | null;
  kind?: ActorKind | null;
  country?: string | null;
}

export interface SubjectRefData {
  id?: string | null;
  name?: string | null;
  /** A key from ArticleInput.meetings. */
  meeting?: string | null;
}

export interface SpanData {
  start: number;
  end: number;
}

export interface MeetingInputData {
  key: string;
  /** An existing meeting by id (merge redirects followed); then kind and participants are the stored ones. */
  id?: string | null;
  /** Required unless `id` is given. */
  kind?: MeetingKind | null;
  /** Required (at least one) unless `id` is given. */
  participants?: EntityRefData[] | null;
  status?: MeetingStatus | null;
  /** 0-based indices of this article's statements that assert `status`; default: all statements about it. */
  statusStatements?: number[] | null;
  date?: string | null;
  durationMinutes?: number | null;
  location?: EntityRefData | null;
}

export interface StatementInputData {
  speaker: EntityRefData;
  onBehalfOf?: EntityRefData | null;
  via?: EntityRefData | null;
  form: StatementForm;
  text: string;
  /** BCP 47 tag of `text`; default: the article's language. */
  language?: string | null;
  translation?: string | null;
  quote?: string | null;
  verb?: string | null;
  saidOn?: string | null;
  about: SubjectRefData[];
  cameo: string;
  plover?: string | null;
  goldstein?: number | null;
  rationale?: string | null;
  span: SpanData;
}

export interface ArticleInputData {
  title: string;
  language: string;
  publishedOn?: string | null;
  url?: string | null;
  outlet: EntityRefData;
  text: string;
  meetings?: MeetingInputData[] | null;
  statements: StatementInputData[];
  mentions?: EntityRefData[] | null;
  topics?: SubjectRefData[] | null;
  createMissing?: boolean | null;
}

/** Per-kind node counts of one ingest. */
export interface IngestCountsData {
  articles: number;
  actors: number;
  meetings: number;
  statements: number;
  topics: number;
}

/** What one ingest did: the article's key, and how many nodes of each kind it created or found already there. */
export interface IngestOutcome {
  articleKey: string;
  created: IngestCountsData;
  matched: IngestCountsData;
}

/** Who performs a write, as stamped into audit fields: `role:fingerprint`. */
export function auditTag(caller: { role: string; fingerprint: string }): string {
  return `${caller.role}:${caller.fingerprint}`;
}

export function zeroCounts(): IngestCountsData {
  return { articles: 0, actors: 0, meetings: 0, statements: 0, topics: 0 };
}
