import { actorProjection, nodeProjection } from '../entity/entity.repository';
import { actorFromRow, toEntity, toSubject, type ActorRow, type NodeRow } from '../entity/entity.mapper';
import type { Actor } from '../actor/actor.type';
import type { Country } from '../country/country.type';
import { inKeyOrder, toPage, type PageRequest } from '../entity/read-batch';
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

export type StatementPageKey = StatementCriteria & PageRequest;

interface StatementRow {
  props: Record<string, unknown>;
  speaker: ActorRow | null;
}

interface ReportRow {
  props: Record<string, unknown>;
  article: string;
  via: ActorRow | null;
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

// Null-tolerant, so one query text serves every key of a batch whatever filters each key sets. Statements with no
// date compare as null and drop out of date-filtered queries only.
const CONDITIONS = `(k.speaker IS NULL OR EXISTS { (s)-[:${Rel.SAID_BY}]->(:${Label.Actor} {id: k.speaker}) })
  AND (k.from IS NULL OR s.date >= date(k.from))
  AND (k.to IS NULL OR s.date <= date(k.to))
  AND (k.language IS NULL OR toLower(s.language) = k.language OR toLower(s.language) STARTS WITH k.language + '-')
  AND (k.cameo IS NULL OR s.cameo STARTS WITH k.cameo)
  AND (k.includeDeprecated OR coalesce(s.rank, '') <> $deprecated)`;

// An id of an entity merged into another keeps working: its Redirect names the kept node (see mergeEntities).
const FOLLOW_REDIRECTS = `OPTIONAL MATCH (aboutRedirect:${Label.Redirect} {id: key.aboutRef})
  OPTIONAL MATCH (speakerRedirect:${Label.Redirect} {id: key.speakerRef})
  WITH key {.*, about: coalesce(aboutRedirect.target, key.about), speaker: coalesce(speakerRedirect.target, key.speaker)}
    AS k`;

const STATEMENT_PROJECTION = `{props: properties(s),
  speaker: [(s)-[:${Rel.SAID_BY}]->(sp:${Label.Actor}) | ${actorProjection('sp')}][0]}`;

const NO_FILTER = 'k.from IS NULL AND k.to IS NULL AND k.language IS NULL AND k.cameo IS NULL';

/**
 * All statements, no subject or speaker (`statements(first:)`): sorting and collecting every statement made each
 * page cost the whole graph (bench Q2: 300k db hits at 100k statements). Here the page walks the sortKey index
 * newest first and stops after `$limit`; the count comes from the count store less the deprecated ones (rank
 * index) when nothing is filtered, else from a filtered count.
 */
const UNANCHORED_PAGE = `CALL (k) {
         CALL (k) {
           UNWIND CASE WHEN ${NO_FILTER} THEN [true] ELSE [] END AS fast
           CALL () { MATCH (s:${Label.Statement}) RETURN count(s) AS n }
           CALL (k) { MATCH (d:${Label.Statement} {rank: $deprecated}) WHERE NOT k.includeDeprecated RETURN count(d) AS dep }
           WITH fast, n - dep AS total
           RETURN total
           UNION ALL
           UNWIND CASE WHEN ${NO_FILTER} THEN [] ELSE [true] END AS slow
           MATCH (s:${Label.Statement}) WHERE ${CONDITIONS}
           WITH slow, count(s) AS total
           RETURN total
         }
         CALL (k) {
           MATCH (s:${Label.Statement})
           WHERE s.sortKey < coalesce(k.after, '\uffff') AND ${CONDITIONS}
           WITH s ORDER BY s.sortKey DESC LIMIT $limit
           RETURN collect(s) AS top
         }
         RETURN total, top
       }`;

/** Which keys can share one query text: those with the same traversal. */
function shapeOf(criteria: StatementCriteria): string {
  return `${criteria.aboutLabel ?? ''}|${criteria.includeRelated && criteria.aboutLabel !== null}|${criteria.speaker !== null}`;
}

/**
 * Reads statements, and hands each speaker it meets to `onSpeaker` so the caller can prime its actor loader: the
 * speaker then costs no round trip of its own.
 */
export class StatementRepository {
  constructor(
    private readonly db: Database,
    private readonly onSpeaker: (actor: Actor) => void = () => undefined,
  ) {}

  private toStatement(row: StatementRow): Statement {
    const speaker = row.speaker ? actorFromRow(row.speaker) : null;
    if (speaker) this.onSpeaker(speaker);
    return toStatement(row.props, speaker?.key ?? null);
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
  // and run the whole source twice.
  private async pagesOfOneShape(keys: readonly StatementPageKey[]): Promise<Page<Statement>[]> {
    const source = statementSource(keys[0]!);
    const unanchored = keys[0]!.aboutLabel === null && keys[0]!.speaker === null;
    const rows = await this.db.read<{ i: number; total: number; page: StatementRow[] }>(
      `UNWIND $keys AS key
       ${FOLLOW_REDIRECTS}
       ${
         unanchored
           ? UNANCHORED_PAGE
           : `CALL (k) {
         ${source}
         WHERE ${CONDITIONS}
         WITH s ORDER BY s.sortKey DESC
         WITH collect(s) AS matched
         RETURN size(matched) AS total, [s IN matched WHERE k.after IS NULL OR s.sortKey < k.after][0..$limit] AS top
       }`
       }
       RETURN k.i AS i, total, [s IN top | ${STATEMENT_PROJECTION}] AS page`,
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
       MATCH (:${Label.Statement} {id: key})-[:${Rel.ABOUT}]->(x)
       WITH key, x ORDER BY
         CASE WHEN x:${Label.Meeting} THEN 0 WHEN x:${Label.Actor} THEN 1 WHEN x:${Label.Country} THEN 2 ELSE 3 END,
         x.name_en, x.id
       RETURN key, collect(${nodeProjection('x')}) AS subjects`,
      { keys },
    );
    const found = new Map(
      rows.map((row) => [row.key, row.subjects.map(toSubject).filter((s): s is Subject => s !== null)]),
    );
    return keys.map((key) => found.get(key) ?? []);
  }

  /**
   * The reports of each statement, in key order, earliest article first. Each report's agency (VIA) comes along and
   * goes to `onVia`, so `via` costs no round trip of its own.
   */
  async reports(keys: readonly string[], onVia: (actor: Actor) => void): Promise<Report[][]> {
    const rows = await this.db.read<{ key: string; reports: ReportRow[] }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Statement} {id: key})-[:${Rel.HAS_REPORT}]->(r:${Label.Report})-[:${Rel.IN_ARTICLE}]->(a:${Label.Article})
       WITH key, r, a ORDER BY a.publishedOn, a.id, r.start
       RETURN key, collect({
         props: properties(r),
         article: a.id,
         via: [(r)-[:${Rel.VIA}]->(v:${Label.Actor}) | ${actorProjection('v')}][0]
       }) AS reports`,
      { keys },
    );
    const found = new Map(
      rows.map((row) => [
        row.key,
        row.reports.map((report) => {
          const via = report.via ? actorFromRow(report.via) : null;
          if (via) onVia(via);
          return toReport(report.props, report.article, via?.key ?? null);
        }),
      ]),
    );
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
