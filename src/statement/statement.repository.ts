import { actorSelection, type ActorSelection } from '../actor/actor.mapper';
import {
  actorProjection,
  nodeProjection,
  nodeSelection,
  readProps,
  type NodeSelection,
} from '../entity/entity.repository';
import { articleSelection } from '../article/article.mapper';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { projectProperties } from '../shared/graphql/stored-properties';
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
import {
  reportSelection,
  statementSelection,
  toReport,
  toStatement,
  type ReportSelection,
  type StatementSelection,
} from './statement.mapper';
import type { Report, Statement } from './statement.type';
import {
  FOLLOW_REDIRECTS,
  batchConditions,
  statementSource,
  subjectMonthBounds,
  subjectMonthPage,
  unanchoredPage,
  usesSubjectMonths,
  type StatementCriteria,
} from './statement-filter.repository';

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

/** What one operation reads of statements and what comes along with them (see field-plan.ts). */
interface StatementReads {
  statement: StatementSelection;
  report: ReportSelection;
  actor: ActorSelection;
  nodes: NodeSelection;
  /** Cypher projection of an article `a` with its outlet. */
  article: string;
}

function readsOf(plan: FieldPlan | undefined): StatementReads {
  const actor = actorSelection(plan);
  return {
    statement: statementSelection(plan),
    report: reportSelection(plan),
    actor,
    nodes: nodeSelection(plan),
    article: articleProjection(articleSelection(plan), actor),
  };
}

function reportProjection(reads: StatementReads, withArticle: boolean): string {
  const via = reads.report.via
    ? `[(r)-[:${Rel.VIA}]->(v:${Label.Actor}) | ${actorProjection('v', reads.actor)}][0]`
    : 'null';
  return `{props: ${projectProperties('r', reads.report.properties, readProps('r'))}, article: a.id, via: ${via}
    ${withArticle ? `, articleRow: ${reads.article}` : ''}}`;
}

/** A statement `s` as a StatementRow, with the relations `readAlong` names. */
function statementProjection(reads: StatementReads, readAlong: StatementReadAlong): string {
  const about = readAlong.about
    ? `, about: COLLECT { ${aboutInOrder('')} RETURN ${nodeProjection('x', reads.nodes)} }`
    : '';
  const reports = readAlong.reports
    ? `, reports: COLLECT { ${reportsInOrder('')} RETURN ${reportProjection(reads, readAlong.articles)} }`
    : '';
  const speaker = reads.statement.speaker
    ? `[(s)-[:${Rel.SAID_BY}]->(sp:${Label.Actor}) | ${actorProjection('sp', reads.actor)}][0]`
    : 'null';
  return `{props: ${projectProperties('s', reads.statement.properties, readProps('s'))},
    speaker: ${speaker}${about}${reports}}`;
}

/** A statement with its speaker only: for reads by key, whose relations come through their own loaders. */
const NOTHING_ALONG: StatementReadAlong = { about: false, reports: false, articles: false };

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
  private readonly reads: StatementReads;

  /**
   * @param sink where the relations read along go.
   * @param plan the operation's field plan: statements and what comes along are read with what it selects.
   */
  constructor(
    private readonly db: Database,
    private readonly sink: ReadAlongSink = NO_SINK,
    plan?: FieldPlan,
  ) {
    this.reads = readsOf(plan);
  }

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
    const indexed = usesSubjectMonths(keys[0]!);
    const rows = await this.db.read<{ i: number; total: number; page: StatementRow[] }>(
      `UNWIND $keys AS key
       ${FOLLOW_REDIRECTS}
       ${
         unanchored
           ? unanchoredPage(keys[0]!)
           : indexed
             ? `WITH k {.*, subjectRef: '${keys[0]!.aboutLabel}:' + k.about} AS k
                ${subjectMonthPage()}`
             : `CALL (k) {
         ${source}
         WHERE ${batchConditions(keys[0]!)}
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
       RETURN k.i AS i, total, [s IN top | ${statementProjection(this.reads, keys[0]!.readAlong)}] AS page`,
      {
        keys: keys.map((key, i) => ({
          ...key,
          i,
          language: key.language?.toLowerCase() ?? null,
          aboutRef: key.about === null ? null : `${key.aboutLabel}:${key.about}`,
          speakerRef: key.speaker === null ? null : `${Label.Actor}:${key.speaker}`,
          bounds: indexed ? subjectMonthBounds(key.from, key.to, key.after) : null,
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
       RETURN key, ${statementProjection(this.reads, NOTHING_ALONG)} AS statement`,
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
       RETURN key, ${nodeProjection('e', this.reads.nodes)} AS node`,
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
       RETURN key, collect(${nodeProjection('x', this.reads.nodes)}) AS subjects`,
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
       RETURN key, collect(${reportProjection(this.reads, false)}) AS reports`,
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
       RETURN k.i AS i, collect(${statementProjection(this.reads, NOTHING_ALONG)}) AS statements`,
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
