/**
 * The rows the synthetic generator emits and both loaders write: one interface per node or relationship kind of
 * src/shared/graph-schema.ts. Dates are 'YYYY-MM-DD' strings (converted with date() in Cypher) or null.
 */
export type SubjectLabel = 'Actor' | 'Country' | 'Meeting' | 'Topic';

/** A reference to a node of a known label by its `id`. */
export interface NodeRef<L extends string = SubjectLabel> {
  label: L;
  id: string;
}

export interface ActorRow {
  id: string;
  kind: 'PERSON' | 'ORGANIZATION' | 'MEDIA';
  names: Record<string, string>;
  wikidata: string | null;
  country: string;
}

export interface RoleRow {
  id: string;
  actor: string;
  title_en: string;
  title_ar: string;
  since: string;
  until: string | null;
  organization: string | null;
  country: string;
}

export interface AliasRow {
  key: string;
  text: string;
}

export interface HasAliasRow {
  label: 'Actor' | 'Topic';
  id: string;
  key: string;
  text: string;
  lang: string;
}

export interface TopicRow {
  id: string;
  names: Record<string, string>;
}

export interface MeetingRow {
  id: string;
  kind: 'SUMMIT' | 'PHONE_CALL' | 'VISIT' | 'TALKS' | 'CONTACT';
  names: Record<string, string>;
  date: string | null;
  durationMinutes: number | null;
  status: string;
  location: string | null;
  participants: string[];
}

export interface ArticleRow {
  id: string;
  contentHash: string;
  title: string;
  language: string;
  publishedOn: string | null;
  url: string | null;
  text: string;
  outlet: string;
  mentions: NodeRef<'Actor' | 'Country'>[];
  topics: string[];
}

export interface ReportRow {
  id: string;
  start: number;
  end: number;
  text: string;
  article: string;
  via: string | null;
}

export interface StatementRow {
  id: string;
  text: string;
  language: string;
  translation: string;
  form: 'DIRECT_QUOTE' | 'PARAPHRASE';
  quote: string | null;
  verb: string;
  saidOn: string | null;
  date: string | null;
  sortKey: string;
  cameo: string;
  plover: string | null;
  goldstein: number;
  rank: 'PREFERRED' | 'NORMAL' | 'DEPRECATED';
  rationale: string;
  deprecatedReason: string | null;
  speaker: string;
  onBehalfOf: NodeRef<'Actor' | 'Country'> | null;
  about: NodeRef[];
  report: ReportRow;
}

export interface StatusChangeRow {
  id: string;
  meeting: string;
  status: string;
  asOf: string | null;
  seq: number;
  statement: string;
}

/** Everything that is not an article: small next to the article stream, generated up front. */
export interface WorldRows {
  actors: ActorRow[];
  roles: RoleRow[];
  aliases: AliasRow[];
  hasAlias: HasAliasRow[];
  topics: TopicRow[];
  meetings: MeetingRow[];
}

/** One slice of the article stream: articles with their statements and the status changes those assert. */
export interface ArticleBatch {
  articles: ArticleRow[];
  statements: StatementRow[];
  statusChanges: StatusChangeRow[];
}
