import { actorProjection, nodeProjection, readProps } from '../entity/entity.repository';
import { actorFromRow, toEntity, toSubject, type ActorRow, type NodeRow } from '../entity/entity.mapper';
import type { Actor } from '../actor/actor.type';
import type { Country } from '../country/country.type';
import { inKeyOrder, toPage, type PageRequest } from '../entity/read-batch';
import { articleFromRow, articleProjection, type ArticleRow } from '../article/article.repository';
import type { Article } from '../article/article.type';
import { Label, Rel } from '../shared/graph-schema';
import type { Page } from '../shared/graphql/connection.type';
import type { Subject } from '../shared/graphql/entity.interface';
import { ActorKind, StatementRank } from '../shared/graphql/enums';
import { int, type Database } from '../shared/neo4j/database';
import { toReport, toStatement } from './statement.mapper';
import type { Report, Statement } from './statement.type';

export type SubjectLabel = typeof Label.Actor | typeof Label.Country | typeof Label.Meeting | typeof Label.Topic;

/** One query's conditions; null means "no condition". Dates are YYYY-MM-DD. */
export interface StatementCriteria {
  /** Key of the subject the statements are about, of label `aboutLabel`. */
  about: string | null;
  aboutLabel: SubjectLabel | null;
  /** Also the subject's related nodes: see `relatedSubjects`. */
  includeRelated: boolean;
  /** Key of the speaking actor. */
  speaker: string | null;
  from: string | null;
  to: string | null;
  /** Language tag; "ar" also matches "ar-EG". */
  language: string | null;
  /** CAMEO code or code prefix: "11" matches 110-119 and their sub-codes. */
  cameo: string | null;
  includeDeprecated: boolean;
}

/**
 * Relations a page reads along with its statements, because the client selected them: each one read along saves
 * a round trip per page (bench Q2: four round trips became one).
 */
export interface StatementReadAlong {
  about: boolean;
  reports: boolean;
  /** The reports' articles (with their outlets); only with `reports`. */
  articles: boolean;
}

export type StatementPageKey = StatementCriteria & PageRequest & { readAlong: StatementReadAlong };

/** Where the relations read along go: the loaders, primed so their fields cost no round trip. */
export interface ReadAlongSink {
  actor(actor: Actor): void;
  about(statementKey: string, subjects: Subject[]): void;
  reports(statementKey: string, reports: Report[]): void;
  article(article: Article): void;
}

const NO_SINK: ReadAlongSink = {
  actor: () => undefined,
  about: () => undefined,
  reports: () => undefined,
  article: () => undefined,
};

interface ReportRow {
  props: Record<string, unknown>;
  article: string;
  via: ActorRow | null;
  articleRow?: ArticleRow;
}

interface StatementRow {
  props: Record<string, unknown>;
  speaker: ActorRow | null;
  about?: NodeRow[];
  reports?: ReportRow[];
}

/**
 * What "related" adds to a subject in `whoSaidWhatAbout(includeRelated: true)`:
 * - a Country: its office-holders and institutions, that is every actor holding a Role FOR_COUNTRY it (a president,
 *   a spokesman), every ORGANIZATION actor OF_COUNTRY it (a government body such as the Kremlin; MEDIA actors are not
 *   the government and are left out), and every actor holding a Role IN_ORGANIZATION such a body. A PERSON who is
 *   merely OF_COUNTRY it (a citizen) does not count. Roles count whether current or past.
 * - an Actor: the meetings it takes part in (PARTICIPANT).
 * - a Meeting or a Topic: nothing more.
 */
function relatedSubjects(label: SubjectLabel): string {
  if (label === Label.Country) {
    return `UNION
      MATCH (subject)<-[:${Rel.FOR_COUNTRY}]-(:${Label.Role})<-[:${Rel.HOLDS_ROLE}]-(x:${Label.Actor}) RETURN x
      UNION
      MATCH (subject)<-[:${Rel.OF_COUNTRY}]-(x:${Label.Actor} {kind: $organizationKind}) RETURN x
      UNION
      MATCH (subject)<-[:${Rel.OF_COUNTRY}]-(:${Label.Actor} {kind: $organizationKind})
            <-[:${Rel.IN_ORGANIZATION}]-(:${Label.Role})<-[:${Rel.HOLDS_ROLE}]-(x:${Label.Actor})
      RETURN x`;
  }
  if (label === Label.Actor) return `UNION MATCH (subject)<-[:${Rel.PARTICIPANT}]-(x:${Label.Meeting}) RETURN x`;
  return '';
}

/** The statements a key (bound as `k`) starts from, as `s`: about a subject, by a speaker, or all. */
function statementSource(criteria: StatementCriteria): string {
  if (criteria.aboutLabel) {
    const related = criteria.includeRelated ? relatedSubjects(criteria.aboutLabel) : '';
    return `MATCH (subject:${criteria.aboutLabel} {id: k.about})
      CALL (subject) { RETURN subject AS x ${related} }
      MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(x)
      WITH DISTINCT s`;
  }
  if (criteria.speaker !== null) {
    return `MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}]->(:${Label.Actor} {id: k.speaker}) WITH s`;
  }
  return `MATCH (s:${Label.Statement}) WITH s`;
}

/** Where a filter's values are read in a query: `k.from` in a batched page query, `$from` in a single one. */
export type CriteriaValue = (field: 'speaker' | 'from' | 'to' | 'language' | 'cameo') => string;

/**
 * The filter conditions on statement `s` for one shape of criteria (`true` when none): only the conditions the
 * criteria set. Keys batched into one query share a shape (see `shapeOf`), so one text serves them all; a
 * null-tolerant `(x IS NULL OR ...)` for every filter was evaluated on every matched row (bench Q3, Q4). Dates
 * compare on s.date, so statements with no date drop out of date-filtered queries only; language tags and CAMEO
 * codes match by prefix. Deprecated statements are compared with `$deprecated`.
 */
export function statementConditions(criteria: StatementCriteria, value: CriteriaValue): string {
  const parts: string[] = [];
  // A speaker that is the traversal's start needs no condition of its own.
  if (criteria.speaker !== null && criteria.aboutLabel !== null) {
    parts.push(`EXISTS { (s)-[:${Rel.SAID_BY}]->(:${Label.Actor} {id: ${value('speaker')}}) }`);
  }
  if (criteria.from !== null) parts.push(`s.date >= date(${value('from')})`);
  if (criteria.to !== null) parts.push(`s.date <= date(${value('to')})`);
  if (criteria.language !== null) {
    const language = value('language');
    parts.push(`(toLower(s.language) = ${language} OR toLower(s.language) STARTS WITH ${language} + '-')`);
  }
  if (criteria.cameo !== null) parts.push(`s.cameo STARTS WITH ${value('cameo')}`);
  if (!criteria.includeDeprecated) parts.push(`coalesce(s.rank, '') <> $deprecated`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/** The conditions of a batched page query, reading each key's values from `k`. */
function conditions(criteria: StatementCriteria): string {
  return statementConditions(criteria, (field) => `k.${field}`);
}

/**
 * Bounds on `s.sortKey` ("<date>|<id>", undated "0000-00-00|<id>") that a date filter implies, so the page and the
 * count of an unanchored query seek a range of the sortKey index instead of walking it from the newest statement.
 */
function sortKeyRange(criteria: StatementCriteria): string {
  const parts: string[] = [];
  if (criteria.from !== null) parts.push('s.sortKey >= k.from');
  // '}' sorts right after '|', so this keeps every statement dated on or before k.to.
  if (criteria.to !== null) parts.push(`s.sortKey < k.to + '}'`);
  return parts.map((part) => `${part} AND `).join('');
}

// An id of an entity merged into another keeps working: its Redirect names the kept node (see mergeEntities).
const FOLLOW_REDIRECTS = `OPTIONAL MATCH (aboutRedirect:${Label.Redirect} {id: key.aboutRef})
  OPTIONAL MATCH (speakerRedirect:${Label.Redirect} {id: key.speakerRef})
  WITH key {.*, about: coalesce(aboutRedirect.target, key.about), speaker: coalesce(speakerRedirect.target, key.speaker)}
    AS k`;

const STATEMENT_PROJECTION = `{props: ${readProps('s')},
  speaker: [(s)-[:${Rel.SAID_BY}]->(sp:${Label.Actor}) | ${actorProjection('sp')}][0]}`;

/**
 * What a statement `s` is about, bound as `x` in order: meetings, then actors, countries and topics, each by name.
 * `carry` names the variables kept besides `x`.
 */
function aboutInOrder(carry: string): string {
  return `MATCH (s)-[:${Rel.ABOUT}]->(x)
  WITH ${carry}x ORDER BY
    CASE WHEN x:${Label.Meeting} THEN 0 WHEN x:${Label.Actor} THEN 1 WHEN x:${Label.Country} THEN 2 ELSE 3 END,
    x.name_en, x.id`;
}

/** The reports of a statement `s`, bound as `r` with article `a`, earliest article first; `carry` as above. */
function reportsInOrder(carry: string): string {
  return `MATCH (s)-[:${Rel.HAS_REPORT}]->(r:${Label.Report})-[:${Rel.IN_ARTICLE}]->(a:${Label.Article})
  WITH ${carry}r, a ORDER BY a.publishedOn, a.id, r.start`;
}

function reportProjection(withArticle: boolean): string {
  return `{props: ${readProps('r')}, article: a.id,
    via: [(r)-[:${Rel.VIA}]->(v:${Label.Actor}) | ${actorProjection('v')}][0]
    ${withArticle ? `, articleRow: ${articleProjection()}` : ''}}`;
}

/** A statement `s` as a StatementRow, with the relations `readAlong` names. */
function statementProjection(readAlong: StatementReadAlong): string {
  const about = readAlong.about ? `, about: COLLECT { ${aboutInOrder('')} RETURN ${nodeProjection('x')} }` : '';
  const reports = readAlong.reports
    ? `, reports: COLLECT { ${reportsInOrder('')} RETURN ${reportProjection(readAlong.articles)} }`
    : '';
  return `{props: ${readProps('s')},
    speaker: [(s)-[:${Rel.SAID_BY}]->(sp:${Label.Actor}) | ${actorProjection('sp')}][0]${about}${reports}}`;
}

/**
 * All statements, no subject or speaker (`statements(first:)`): sorting and collecting every statement made each
 * page cost the whole graph (bench Q2: 300k db hits at 100k statements). Here the page walks the sortKey index
 * newest first (within the date filter's range) and stops after `$limit`; with no filter but the deprecated rank,
 * the count is statements less deprecated statements, both from the count store (O(1)), else a filtered count.
 */
function unanchoredPage(criteria: StatementCriteria): string {
  const filtered =
    criteria.from !== null || criteria.to !== null || criteria.language !== null || criteria.cameo !== null;
  const total = filtered
    ? `CALL (k) {
         MATCH (s:${Label.Statement}) WHERE ${sortKeyRange(criteria)}${conditions(criteria)}
         RETURN count(s) AS total
       }`
    : // No condition inside the counts: a filtered label count is a label scan, a bare one the count store.
      `CALL () { MATCH (s:${Label.Statement}) RETURN count(s) AS n }
       CALL () { MATCH (d:${Label.DeprecatedStatement}) RETURN count(d) AS dep }
       WITH k, n - CASE WHEN k.includeDeprecated THEN 0 ELSE dep END AS total`;
  return `CALL (k) {
         ${total}
         CALL (k) {
           MATCH (s:${Label.Statement})
           WHERE ${sortKeyRange(criteria)}s.sortKey < coalesce(k.after, '\uffff') AND ${conditions(criteria)}
           WITH s ORDER BY s.sortKey DESC LIMIT $limit
           RETURN collect(s) AS top
         }
         RETURN total, top
       }`;
}

/** Which keys can share one query text: those with the same traversal, filters set and relations read along. */
function shapeOf(c: StatementPageKey): string {
  const set = (value: unknown): string => (value === null ? '-' : '+');
  return [
    c.aboutLabel ?? '',
    c.includeRelated && c.aboutLabel !== null,
    set(c.speaker),
    set(c.from),
    set(c.to),
    set(c.language),
    set(c.cameo),
    c.includeDeprecated,
    JSON.stringify(c.readAlong),
  ].join('|');
}

/**
 * Reads statements, and hands each speaker it meets to `onSpeaker` so the caller can prime its actor loader: the
 * speaker then costs no round trip of its own.
 */
export class StatementRepository {
  constructor(
    private readonly db: Database,
    private readonly sink: ReadAlongSink = NO_SINK,
  ) {}

  private toStatement(row: StatementRow): Statement {
    const speaker = row.speaker ? actorFromRow(row.speaker) : null;
    if (speaker) this.sink.actor(speaker);
    const statement = toStatement(row.props, speaker?.key ?? null);
    if (row.about) this.sink.about(statement.key, this.toSubjects(row.about));
    if (row.reports) this.sink.reports(statement.key, this.toReports(row.reports));
    return statement;
  }

  private toSubjects(rows: NodeRow[]): Subject[] {
    return rows.map(toSubject).filter((s): s is Subject => s !== null);
  }

  private toReports(rows: ReportRow[]): Report[] {
    return rows.map((report) => {
      const via = report.via ? actorFromRow(report.via) : null;
      if (via) this.sink.actor(via);
      if (report.articleRow) this.sink.article(articleFromRow(report.articleRow, (outlet) => this.sink.actor(outlet)));
      return toReport(report.props, report.article, via?.key ?? null);
    });
  }

  /**
   * One page of statements per key, newest first (sortKey DESC), with each key's total count: one query per batch
   * of keys that share a traversal (a loader's batch always does).
   */
  async pages(keys: readonly StatementPageKey[]): Promise<Page<Statement>[]> {
    const groups = new Map<string, number[]>();
    keys.forEach((key, i) => groups.set(shapeOf(key), [...(groups.get(shapeOf(key)) ?? []), i]));
    const results: Page<Statement>[] = new Array<Page<Statement>>(keys.length);
    await Promise.all(
      [...groups.values()].map(async (indexes) => {
        const group = indexes.map((i) => keys[i]!);
        const pages = await this.pagesOfOneShape(group);
        indexes.forEach((i, n) => (results[i] = pages[n]!));
      }),
    );
    return results;
  }

  // One traversal gives both the count and the page; with a count subquery beside a page subquery, Neo4j would plan
  // and run the whole source twice. The page is a top-k of the matches (ORDER BY ... LIMIT), not a sort of them all.
  private async pagesOfOneShape(keys: readonly StatementPageKey[]): Promise<Page<Statement>[]> {
    const source = statementSource(keys[0]!);
    const unanchored = keys[0]!.aboutLabel === null && keys[0]!.speaker === null;
    const rows = await this.db.read<{ i: number; total: number; page: StatementRow[] }>(
      `UNWIND $keys AS key
       ${FOLLOW_REDIRECTS}
       ${
         unanchored
           ? unanchoredPage(keys[0]!)
           : `CALL (k) {
         ${source}
         WHERE ${conditions(keys[0]!)}
         WITH k, collect(s) AS matched
         CALL (k, matched) {
           UNWIND matched AS s
           WITH s WHERE k.after IS NULL OR s.sortKey < k.after
           WITH s ORDER BY s.sortKey DESC LIMIT $limit
           RETURN collect(s) AS top
         }
         RETURN size(matched) AS total, top
       }`
       }
       RETURN k.i AS i, total, [s IN top | ${statementProjection(keys[0]!.readAlong)}] AS page`,
      {
        keys: keys.map((key, i) => ({
          ...key,
          i,
          language: key.language?.toLowerCase() ?? null,
          aboutRef: key.about === null ? null : `${key.aboutLabel}:${key.about}`,
          speakerRef: key.speaker === null ? null : `${Label.Actor}:${key.speaker}`,
        })),
        limit: int(Math.max(...keys.map((key) => key.limit)) + 1),
        deprecated: StatementRank.DEPRECATED,
        organizationKind: ActorKind.ORGANIZATION,
      },
    );
    return inKeyOrder(
      rows,
      keys.length,
      (row) =>
        toPage(
          row.page.map((statement) => ({
            node: this.toStatement(statement),
            sortKey: String(statement.props.sortKey),
          })),
          keys[row.i]!.limit,
          row.total,
        ),
      () => ({ items: [], hasNextPage: false, totalCount: 0 }),
    );
  }

  /** Statements by key, in key order (null where unknown), deprecated ones included. */
  async byKeys(keys: readonly string[]): Promise<(Statement | null)[]> {
    const rows = await this.db.read<{ key: string; statement: StatementRow }>(
      `UNWIND $keys AS key
       MATCH (s:${Label.Statement} {id: key})
       RETURN key, ${STATEMENT_PROJECTION} AS statement`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, this.toStatement(row.statement)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** On whose behalf each statement was made (an Actor or a Country), in key order. */
  async onBehalfOf(keys: readonly string[]): Promise<(Actor | Country | null)[]> {
    const rows = await this.db.read<{ key: string; node: NodeRow }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Statement} {id: key})-[:${Rel.ON_BEHALF_OF}]->(e)
       RETURN key, ${nodeProjection('e')} AS node`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, toEntity(row.node)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** What each statement is about, in key order: meetings, then actors, countries and topics, each by name. */
  async about(keys: readonly string[]): Promise<Subject[][]> {
    const rows = await this.db.read<{ key: string; subjects: NodeRow[] }>(
      `UNWIND $keys AS key
       MATCH (s:${Label.Statement} {id: key})
       ${aboutInOrder('key, ')}
       RETURN key, collect(${nodeProjection('x')}) AS subjects`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, this.toSubjects(row.subjects)]));
    return keys.map((key) => found.get(key) ?? []);
  }

  /**
   * The reports of each statement, in key order, earliest article first. Each report's agency (VIA) comes along and
   * goes to the sink, so `via` costs no round trip of its own.
   */
  async reports(keys: readonly string[]): Promise<Report[][]> {
    const rows = await this.db.read<{ key: string; reports: ReportRow[] }>(
      `UNWIND $keys AS key
       MATCH (s:${Label.Statement} {id: key})
       ${reportsInOrder('key, ')}
       RETURN key, collect(${reportProjection(false)}) AS reports`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, this.toReports(row.reports)]));
    return keys.map((key) => found.get(key) ?? []);
  }

  /** The statements reported in each article, in key order and in the order of their spans in the text. */
  async inArticles(keys: readonly { article: string; includeDeprecated: boolean }[]): Promise<Statement[][]> {
    const rows = await this.db.read<{ i: number; statements: StatementRow[] }>(
      `UNWIND $keys AS k
       MATCH (:${Label.Article} {id: k.article})<-[:${Rel.IN_ARTICLE}]-(r:${Label.Report})<-[:${Rel.HAS_REPORT}]-(s:${Label.Statement})
       WHERE k.includeDeprecated OR coalesce(s.rank, '') <> $deprecated
       WITH k, s, min(r.start) AS start ORDER BY start, s.id
       RETURN k.i AS i, collect(${STATEMENT_PROJECTION}) AS statements`,
      { keys: keys.map((key, i) => ({ ...key, i })), deprecated: StatementRank.DEPRECATED },
    );
    return inKeyOrder(
      rows,
      keys.length,
      (row) => row.statements.map((statement) => this.toStatement(statement)),
      () => [],
    );
  }
}
