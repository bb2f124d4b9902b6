/**
 * The graph's vocabulary: every label and relationship type, in one module. Cypher elsewhere interpolates these
 * constants (never user values) so a rename happens here once.
 *
 * Model (properties in brackets; every domain node has a unique string `id`):
 * - (:Country {id = ISO alpha-2 code, alpha3, name_en, name_ar, ...})
 * - (:Actor {id, kind: PERSON|ORGANIZATION|MEDIA, name_en, name_ar, ..., wikidata})-[:OF_COUNTRY]->(:Country)
 *   (:Actor)-[:HOLDS_ROLE]->(:Role {id, title_en, title_ar, since, until})-[:IN_ORGANIZATION]->(:Actor),
 *   (:Role)-[:FOR_COUNTRY]->(:Country)
 * - (entity)-[:HAS_ALIAS {text, lang}]->(:Alias {key = normalized text, text})  for Actor, Country, Topic
 * - (:Statement {id, text, language, translation, form, quote, verb, saidOn: date, date: date (saidOn, else the
 *   earliest report's publication date), sortKey = "<date or 0000-00-00>|<id>" (the pagination order), cameo, plover, goldstein, rank, rationale,
 *   deprecatedReason, deprecatedBy, deprecatedAt, ...}), also labelled :DeprecatedStatement while rank is DEPRECATED
 *   -[:SAID_BY]->(:Actor), -[:ON_BEHALF_OF]->(:Actor|:Country), -[:ABOUT]->(:Actor|:Country|:Meeting|:Topic),
 *   -[:HAS_REPORT]->(:Report {id, start, end, text = the span's words})-[:IN_ARTICLE]->(:Article), (:Report)-[:VIA]->(:Actor)
 * - (:Meeting {id, kind, name_en, name_ar, date, durationMinutes, status (current, derived from the history)})
 *   -[:PARTICIPANT]->(:Actor), -[:LOCATED_IN]->(:Country),
 *   -[:HAS_STATUS]->(:StatusChange {id, status, asOf: date, seq})-[:ASSERTED_BY]->(:Statement)
 * - (:Article {id, contentHash, title, language, publishedOn: date, url, text})-[:PUBLISHED_BY]->(:Actor),
 *   -[:MENTIONS]->(:Actor|:Country), -[:HAS_TOPIC]->(:Topic)
 * - (:Topic {id, name_en, name_ar, ...})
 * - (:Redirect {id = "<Type>:<removed key>", target = kept key})  left by mergeEntities; node(id) follows it
 * - (:Statement)-[:IN_SUBJECT_MONTH {subject, sortKey}]->(:SubjectMonth {key, subject, month})  derived: one per
 *   non-deprecated statement and subject whose includeRelated closure covers it (subject-months.repository.ts)
 * - (:Statement|:StatusChange)-[:IN_TIMELINE_MONTH {subject, sortKey}]->(:TimelineMonth {key, subject, month})
 *   derived: one per timeline item and node whose timeline holds it (the same file)
 * - (:Statement)-[:IN_STATS_CELL {cell}]->(:StatsCell {key, subject, month, dim, value, plover, goldstein})  derived:
 *   the statement counts behind bounded statementStats by subject (stats-cells.repository.ts)
 * - (:IngestReceipt {digest, epoch, articles, actors, meetings, statements, topics})-[:RECEIPT_FOR]->(:Article)  one
 *   per distinct ingest input that landed; a replay of the input in the same (:IdentityEpoch {id, value}) is
 *   answered from it (src/ingest/ingest-receipt.ts, identity-epoch.repository.ts)
 * Writes stamp `createdAt`, `createdBy`, `updatedAt`, `updatedBy` (role and key fingerprint) on what they touch.
 * Ingest MERGEs set a transient `ingestToken` on create and remove it in the same statement (see ingest.repository).
 */
/** The audit stamps writes set on what they touch; no GraphQL type exposes them. */
export const AUDIT_PROPERTIES = ['createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

export const Label = {
  Country: 'Country',
  Actor: 'Actor',
  Statement: 'Statement',
  /**
   * A second label on every Statement ranked DEPRECATED, kept in step with `rank` by every write that sets it: Neo4j
   * counts nodes per label in its count store, so "all statements but the deprecated" is two O(1) counts instead of a
   * rank-index scan that grew with the graph (bench Q2 at 1M statements).
   */
  DeprecatedStatement: 'DeprecatedStatement',
  Meeting: 'Meeting',
  Article: 'Article',
  Topic: 'Topic',
  Alias: 'Alias',
  Role: 'Role',
  Report: 'Report',
  StatusChange: 'StatusChange',
  SchemaMigration: 'SchemaMigration',
  Redirect: 'Redirect',
  /** Never stored: a named lock taken by ingest on a meeting's identity (schema/008-meeting-identity-lock.cypher). */
  MeetingIdentityLock: 'MeetingIdentityLock',
  /**
   * One month of one subject's statements, its includeRelated closure included (subject-months.repository.ts):
   * {key = "<subject>|<month>", subject = "<Label>:<id>", month = YYYY-MM or 0000-00 when undated}.
   */
  SubjectMonth: 'SubjectMonth',
  /**
   * One month of one node's timeline items (subject-months.repository.ts, REFRESH_TIMELINE_MONTHS):
   * {key = "<subject>|<month>", subject = "<Label>:<id>", month = YYYY-MM or 0000-00 when undated}.
   */
  TimelineMonth: 'TimelineMonth',
  /**
   * The statements directly about one subject in one month that share one grouping value and one Goldstein score
   * (stats-cells.repository.ts): {key, subject = "<Label>:<id>", month = YYYY-MM or 0000-00, dim = C | S | A,
   * value, plover, goldstein}; how many they are is the cell's IN_STATS_CELL degree.
   */
  StatsCell: 'StatsCell',
  /**
   * The record that one ingest input landed (src/ingest/ingest-receipt.ts): {digest = SHA-256 of the canonical input,
   * epoch = the identity epoch it was written in, articles, actors, meetings, statements, topics = what it created or
   * matched, createdAt}.
   */
  IngestReceipt: 'IngestReceipt',
  /** The one counter of merges {id = "identity", value}, see src/ingest/identity-epoch.repository.ts. */
  IdentityEpoch: 'IdentityEpoch',
} as const;

export const Rel = {
  OF_COUNTRY: 'OF_COUNTRY',
  HOLDS_ROLE: 'HOLDS_ROLE',
  IN_ORGANIZATION: 'IN_ORGANIZATION',
  FOR_COUNTRY: 'FOR_COUNTRY',
  HAS_ALIAS: 'HAS_ALIAS',
  SAID_BY: 'SAID_BY',
  ON_BEHALF_OF: 'ON_BEHALF_OF',
  ABOUT: 'ABOUT',
  HAS_REPORT: 'HAS_REPORT',
  IN_ARTICLE: 'IN_ARTICLE',
  VIA: 'VIA',
  PARTICIPANT: 'PARTICIPANT',
  LOCATED_IN: 'LOCATED_IN',
  HAS_STATUS: 'HAS_STATUS',
  ASSERTED_BY: 'ASSERTED_BY',
  PUBLISHED_BY: 'PUBLISHED_BY',
  MENTIONS: 'MENTIONS',
  HAS_TOPIC: 'HAS_TOPIC',
  /** (:Statement)-[:IN_SUBJECT_MONTH {subject, sortKey}]->(:SubjectMonth), see subject-months.repository.ts. */
  IN_SUBJECT_MONTH: 'IN_SUBJECT_MONTH',
  /** (:Statement|:StatusChange)-[:IN_TIMELINE_MONTH {subject, sortKey}]->(:TimelineMonth), the same file. */
  IN_TIMELINE_MONTH: 'IN_TIMELINE_MONTH',
  /** (:Statement)-[:IN_STATS_CELL {cell}]->(:StatsCell), see stats-cells.repository.ts. */
  IN_STATS_CELL: 'IN_STATS_CELL',
  /** (:IngestReceipt)-[:RECEIPT_FOR]->(:Article), see ingest-receipt.ts. */
  RECEIPT_FOR: 'RECEIPT_FOR',
} as const;

/** The node types that have Relay global ids, each with its label. */
export const NodeTypes = ['Country', 'Actor', 'Statement', 'Meeting', 'Article', 'Topic'] as const;
export type NodeTypeName = (typeof NodeTypes)[number];

/**
 * The clause every full-text read starts with: the full-text indexes are eventually consistent
 * (schema/011-fulltext-eventually-consistent.cypher), updated after commit by Neo4j's index-update thread, and this
 * waits until the updates queued so far are applied, so a search after an acknowledged write finds it. With the
 * queue empty it added no measurable time to a full-text query at 10k (200 calls each way, warm).
 */
export const AWAIT_FULLTEXT = 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()';
