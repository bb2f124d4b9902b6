import { FOLLOW_REDIRECTS, batchConditions, statementSource } from '../statement/statement-filter.repository';
import type { StatementCriteria } from '../statement/statement-filter.repository';
import { Label, Rel } from '../shared/graph-schema';
import { ActorKind, StatementRank } from '../shared/graphql/enums';
import { int, type Database } from '../shared/neo4j/database';

/** An entity as exports name it: its label, key and stored properties (names as `name_<lang>`). */
export interface EntityRow {
  label: string;
  key: string;
  props: Record<string, unknown>;
}

/** One report of a statement, with its article, outlet and agency. */
export interface ExportReportRow {
  start: number;
  end: number;
  text: string;
  article: { key: string; title: string; url: string | null; publishedOn: string | null; language: string };
  outlet: EntityRow | null;
  via: EntityRow | null;
}

/** A statement with everything a flat export shows; dates as YYYY-MM-DD strings. */
export interface ExportStatementRow {
  key: string;
  sortKey: string;
  props: Record<string, unknown>;
  saidOn: string | null;
  date: string | null;
  speaker: EntityRow | null;
  onBehalfOf: EntityRow | null;
  about: EntityRow[];
  reports: ExportReportRow[];
}

const entity = (v: string): string =>
  `{label: head([l IN labels(${v}) WHERE l IN $entityLabels]), key: ${v}.id,
    props: ${v} {.*, createdAt: null, createdBy: null, updatedAt: null, updatedBy: null}}`;

const STATEMENT_PROJECTION = `{key: s.id, sortKey: s.sortKey,
  props: s {.*, createdAt: null, createdBy: null, updatedAt: null, updatedBy: null, saidOn: null, date: null},
  saidOn: toString(s.saidOn), date: toString(s.date),
  speaker: [(s)-[:${Rel.SAID_BY}]->(sp) | ${entity('sp')}][0],
  onBehalfOf: [(s)-[:${Rel.ON_BEHALF_OF}]->(ob) | ${entity('ob')}][0],
  about: COLLECT { MATCH (s)-[:${Rel.ABOUT}]->(x) WITH x ORDER BY x.id RETURN ${entity('x')} },
  reports: COLLECT {
    MATCH (s)-[:${Rel.HAS_REPORT}]->(r:${Label.Report})-[:${Rel.IN_ARTICLE}]->(a:${Label.Article})
    WITH r, a ORDER BY a.publishedOn, a.id, r.start
    RETURN {start: r.start, end: r.end, text: r.text,
      article: {key: a.id, title: a.title, url: a.url, publishedOn: toString(a.publishedOn), language: a.language},
      outlet: [(a)-[:${Rel.PUBLISHED_BY}]->(o) | ${entity('o')}][0],
      via: [(r)-[:${Rel.VIA}]->(v) | ${entity('v')}][0]}
  }}`;

const ENTITY_LABELS = [Label.Actor, Label.Country, Label.Meeting, Label.Topic, Label.Statement, Label.Article];

/** A node of a neighbourhood: its element id (unique in one read), labels and display properties. */
export interface GraphNodeRow {
  eid: string;
  labels: string[];
  props: Record<string, unknown>;
}

export interface GraphEdgeRow {
  eid: string;
  type: string;
  source: string;
  target: string;
}

/** An actor as the bundle format defines it, read whole. */
export interface BundleActorRow {
  props: Record<string, unknown>;
  aliases: { text: string; lang: string }[];
  country: string | null;
  roles: {
    props: Record<string, unknown>;
    since: string | null;
    until: string | null;
    organization: string | null;
    country: string | null;
  }[];
}

export interface BundleTopicRow {
  props: Record<string, unknown>;
  aliases: { text: string; lang: string }[];
}

export interface BundleMeetingRow {
  key: string;
  kind: string;
  date: string | null;
  durationMinutes: number | null;
  /** The stored English name, which lists the participants in the order they were first given. */
  name: string | null;
  participants: { key: string; props: Record<string, unknown> }[];
  location: string | null;
}

export interface BundleStatementRow {
  key: string;
  props: Record<string, unknown>;
  saidOn: string | null;
  start: number;
  end: number;
  speaker: string;
  onBehalfOf: { label: string; key: string } | null;
  via: string | null;
  about: { label: string; key: string }[];
  /** The meeting statuses this statement asserts. */
  asserts: { meeting: string; status: string }[];
}

/** An article with everything its ArticleInput needs. */
export interface BundleArticleRow {
  key: string;
  props: Record<string, unknown>;
  publishedOn: string | null;
  outlet: string;
  mentions: { label: string; key: string }[];
  topics: string[];
  statements: BundleStatementRow[];
  meetings: BundleMeetingRow[];
}

/** Nodes a neighbourhood leaves out: bookkeeping, not the domain. */
// SubjectMonth, TimelineMonth and StatsCell are derived indexes (subject-months.repository.ts,
// stats-cells.repository.ts), not part of the graph served;
// an IngestReceipt records that an input landed (ingest-receipt.ts).
const NOT_IN_GRAPH = [
  Label.Alias,
  Label.Redirect,
  Label.SchemaMigration,
  Label.SubjectMonth,
  Label.TimelineMonth,
  Label.StatsCell,
  Label.IngestReceipt,
];

const NO_AUDIT = 'createdAt: null, createdBy: null, updatedAt: null, updatedBy: null';

/** Every sortKey sorts below this one: the start of a newest-first walk. */
export const AFTER_NEWEST = '\uffff';

/**
 * The reads of the export endpoints. Every read is one bounded batch: statements by sortKey (newest first, keyset
 * pagination, so a batch costs the same at the millionth statement as at the first), graph nodes by id.
 */
export class ExportRepository {
  constructor(private readonly db: Database) {}

  /**
   * The next `limit` statements matching `criteria` whose sortKey is below `after`, newest first. Subjects and
   * speakers that were merged away are followed through their Redirects, as the statements query does.
   */
  async statementBatch(criteria: StatementCriteria, after: string, limit: number): Promise<ExportStatementRow[]> {
    const anchored = criteria.aboutLabel !== null || criteria.speaker !== null;
    const range = [
      's.sortKey < k.after',
      ...(criteria.from !== null ? ['s.sortKey >= k.from'] : []),
      ...(criteria.to !== null ? [`s.sortKey < k.to + '}'`] : []),
    ].join(' AND ');
    const source = anchored ? statementSource(criteria) : `MATCH (s:${Label.Statement})`;
    const rows = await this.db.read<{ statement: ExportStatementRow }>(
      `WITH $key AS key
       ${FOLLOW_REDIRECTS}
       CALL (k) {
         ${source}
         WHERE ${range} AND ${batchConditions(criteria)}
         WITH s ORDER BY s.sortKey DESC LIMIT $limit
         RETURN s
       }
       RETURN ${STATEMENT_PROJECTION} AS statement`,
      {
        key: {
          ...criteria,
          after,
          aboutRef: criteria.about === null ? null : `${criteria.aboutLabel}:${criteria.about}`,
          speakerRef: criteria.speaker === null ? null : `${Label.Actor}:${criteria.speaker}`,
        },
        limit: int(limit),
        deprecated: StatementRank.DEPRECATED,
        organizationKind: ActorKind.ORGANIZATION,
        entityLabels: ENTITY_LABELS,
      },
    );
    return rows.map((row) => row.statement);
  }

  /** The element id of the node with this label and key, or null. */
  async findNode(label: string, key: string): Promise<GraphNodeRow | null> {
    const rows = await this.db.read<{ node: GraphNodeRow }>(
      `MATCH (n:${label} {id: $key}) RETURN {eid: elementId(n), labels: labels(n), props: n {.*, text: null, ${NO_AUDIT}}} AS node`,
      { key },
    );
    return rows[0]?.node ?? null;
  }

  /**
   * One hop out of `frontier` (element ids): every relationship of those nodes to a domain node, with that node.
   * Article texts are left out (an article node keeps its title).
   */
  async expand(frontier: readonly string[]): Promise<{ node: GraphNodeRow; edge: GraphEdgeRow }[]> {
    return this.db.read<{ node: GraphNodeRow; edge: GraphEdgeRow }>(
      `UNWIND $frontier AS eid
       MATCH (n) WHERE elementId(n) = eid
       MATCH (n)-[r]-(m) WHERE none(l IN labels(m) WHERE l IN $skip)
       RETURN {eid: elementId(m), labels: labels(m),
               props: m {.*, text: CASE WHEN m:${Label.Article} THEN null ELSE m.text END, ${NO_AUDIT}}} AS node,
              {eid: elementId(r), type: type(r), source: elementId(startNode(r)), target: elementId(endNode(r))} AS edge`,
      { frontier, skip: NOT_IN_GRAPH },
    );
  }

  /** The relationships among `nodes` (element ids) that start at one of `from`. */
  async edgesAmong(from: readonly string[], nodes: readonly string[]): Promise<GraphEdgeRow[]> {
    const rows = await this.db.read<{ edge: GraphEdgeRow }>(
      `UNWIND $from AS eid
       MATCH (n)-[r]->(m) WHERE elementId(n) = eid AND elementId(m) IN $nodes
       RETURN {eid: elementId(r), type: type(r), source: elementId(n), target: elementId(m)} AS edge`,
      { from, nodes },
    );
    return rows.map((row) => row.edge);
  }

  /** Actors with key above `after`, by key, with aliases, country and roles. */
  async actorBatch(after: string, limit: number): Promise<BundleActorRow[]> {
    const rows = await this.db.read<{ actor: BundleActorRow }>(
      `MATCH (a:${Label.Actor}) WHERE a.id > $after
       WITH a ORDER BY a.id LIMIT $limit
       RETURN {props: a {.*, ${NO_AUDIT}},
         aliases: COLLECT { MATCH (a)-[h:${Rel.HAS_ALIAS}]->() WITH h ORDER BY h.lang, h.text RETURN {text: h.text, lang: h.lang} },
         country: [(a)-[:${Rel.OF_COUNTRY}]->(c:${Label.Country}) | c.id][0],
         roles: COLLECT { MATCH (a)-[:${Rel.HOLDS_ROLE}]->(r:${Label.Role}) WITH r ORDER BY r.id
           RETURN {props: r {.*, since: null, until: null, ${NO_AUDIT}}, since: toString(r.since), until: toString(r.until),
             organization: [(r)-[:${Rel.IN_ORGANIZATION}]->(o:${Label.Actor}) | o.id][0],
             country: [(r)-[:${Rel.FOR_COUNTRY}]->(c:${Label.Country}) | c.id][0]} }
       } AS actor`,
      { after, limit: int(limit) },
    );
    return rows.map((row) => row.actor);
  }

  /** Topics with key above `after`, by key, with aliases. */
  async topicBatch(after: string, limit: number): Promise<BundleTopicRow[]> {
    const rows = await this.db.read<{ topic: BundleTopicRow }>(
      `MATCH (t:${Label.Topic}) WHERE t.id > $after
       WITH t ORDER BY t.id LIMIT $limit
       RETURN {props: t {.*, ${NO_AUDIT}},
         aliases: COLLECT { MATCH (t)-[h:${Rel.HAS_ALIAS}]->() WITH h ORDER BY h.lang, h.text RETURN {text: h.text, lang: h.lang} }
       } AS topic`,
      { after, limit: int(limit) },
    );
    return rows.map((row) => row.topic);
  }

  /**
   * Articles with key above `after`, by key, each with its outlet, mentions, topics, its statements in span order
   * (those whose report is in it) and the meetings they are about or assert a status of.
   */
  async articleBatch(after: string, limit: number): Promise<BundleArticleRow[]> {
    const rows = await this.db.read<{ article: BundleArticleRow }>(
      `MATCH (a:${Label.Article}) WHERE a.id > $after
       WITH a ORDER BY a.id LIMIT $limit
       CALL (a) {
         MATCH (a)<-[:${Rel.IN_ARTICLE}]-(r:${Label.Report})<-[:${Rel.HAS_REPORT}]-(s:${Label.Statement})
         WITH r, s ORDER BY r.start, r.end, s.id
         RETURN collect({key: s.id, props: s {.*, saidOn: null, date: null, ${NO_AUDIT}}, saidOn: toString(s.saidOn),
           start: r.start, end: r.end,
           speaker: [(s)-[:${Rel.SAID_BY}]->(sp:${Label.Actor}) | sp.id][0],
           onBehalfOf: [(s)-[:${Rel.ON_BEHALF_OF}]->(ob) | {label: head([l IN labels(ob) WHERE l IN $subjectLabels]), key: ob.id}][0],
           via: [(r)-[:${Rel.VIA}]->(v:${Label.Actor}) | v.id][0],
           about: COLLECT { MATCH (s)-[:${Rel.ABOUT}]->(x) WITH x ORDER BY x.id
             RETURN {label: head([l IN labels(x) WHERE l IN $subjectLabels]), key: x.id} },
           asserts: COLLECT { MATCH (s)<-[:${Rel.ASSERTED_BY}]-(c:${Label.StatusChange})<-[:${Rel.HAS_STATUS}]-(m:${Label.Meeting})
             WITH c, m ORDER BY m.id, c.seq RETURN {meeting: m.id, status: c.status} }
         }) AS statements, collect(s) AS nodes
       }
       CALL (nodes) {
         UNWIND nodes AS s
         MATCH (s)-[:${Rel.ABOUT}|${Rel.ASSERTED_BY}]-(x)
         OPTIONAL MATCH (x)<-[:${Rel.HAS_STATUS}]-(owner:${Label.Meeting})
         WITH coalesce(owner, x) AS m WHERE m:${Label.Meeting}
         WITH DISTINCT m ORDER BY m.id
         RETURN collect({key: m.id, kind: m.kind, date: toString(m.date), durationMinutes: m.durationMinutes,
           name: m.name_en,
           participants: COLLECT { MATCH (m)-[:${Rel.PARTICIPANT}]->(p:${Label.Actor}) WITH p ORDER BY p.id
             RETURN {key: p.id, props: p {.*, ${NO_AUDIT}}} },
           location: [(m)-[:${Rel.LOCATED_IN}]->(c:${Label.Country}) | c.id][0]}) AS meetings
       }
       RETURN {key: a.id, props: a {.*, publishedOn: null, ${NO_AUDIT}}, publishedOn: toString(a.publishedOn),
         outlet: [(a)-[:${Rel.PUBLISHED_BY}]->(o:${Label.Actor}) | o.id][0],
         mentions: COLLECT { MATCH (a)-[:${Rel.MENTIONS}]->(x) WITH x ORDER BY x.id
           RETURN {label: head([l IN labels(x) WHERE l IN $subjectLabels]), key: x.id} },
         topics: COLLECT { MATCH (a)-[:${Rel.HAS_TOPIC}]->(t:${Label.Topic}) RETURN t.id ORDER BY t.id },
         statements: statements, meetings: meetings} AS article`,
      { after, limit: int(limit), subjectLabels: [Label.Actor, Label.Country, Label.Meeting, Label.Topic] },
    );
    return rows.map((row) => row.article);
  }

  /** Node counts per label, for a backup's summary and its round-trip test. */
  async countsByLabel(): Promise<Record<string, number>> {
    const rows = await this.db.read<{ label: string; n: number }>(
      `UNWIND $labels AS label
       CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS n }
       RETURN label, n`,
      { labels: Object.values(Label) },
    );
    return Object.fromEntries(rows.map((row) => [row.label, Number(row.n)]));
  }
}
