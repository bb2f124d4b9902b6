import { matchByKey } from '../explore/explore.repository';
import { Label, Rel } from '../shared/graph-schema';
import { int, type Database } from '../shared/neo4j/database';
import { subjectMonthBounds } from '../statement/statement-filter.repository';

/** A timeline item as read: a statement (with its speaker key) or a status change (with statement and meeting). */
export interface TimelineRow {
  date: string | null;
  sortKey: string;
  how: number;
  statement: { props: Record<string, unknown>; speaker: string | null } | null;
  change: { props: Record<string, unknown>; statement: string | null; meeting: Record<string, unknown> } | null;
}

export interface TimelineRows {
  found: boolean;
  datedCount: number;
  undatedCount: number;
  dated: TimelineRow[];
  undated: TimelineRow[];
}

export type TimelineLabel = typeof Label.Actor | typeof Label.Country | typeof Label.Meeting;

/** Above every sortKey and month. */
const TOP = '\uffff';

/** The undated items' month and the bounds of their sortKeys ("0000-00-00|<kind>|<id>"). */
const UNDATED_MONTH = '0000-00';

/**
 * Cypher reading the IN_TIMELINE_MONTH relationships of list `rels` (in order) as TimelineRows into `as`: the item
 * is the relationship's start node, its kind and date come from the sortKey "<date>|<kind>|<id>".
 */
function projectItems(rels: string, as: string): string {
  return `CALL (${rels}) {
      UNWIND ${rels} AS c
      WITH c, startNode(c) AS n, toInteger(substring(c.sortKey, 11, 1)) AS how,
        c.sortKey STARTS WITH '${UNDATED_MONTH}' AS undated
      RETURN collect({
        date: CASE WHEN undated THEN null ELSE substring(c.sortKey, 0, 10) END,
        sortKey: CASE WHEN undated THEN null ELSE c.sortKey END, how: how,
        statement: CASE WHEN how < 2 THEN {
          props: properties(n), speaker: [(n)-[:${Rel.SAID_BY}]->(sp:${Label.Actor}) | sp.id][0]} END,
        change: CASE WHEN how = 2 THEN {
          props: properties(n), statement: [(n)-[:${Rel.ASSERTED_BY}]->(st:${Label.Statement}) | st.id][0],
          meeting: [(m:${Label.Meeting})-[:${Rel.HAS_STATUS}]->(n) | properties(m)][0]} END
      }) AS ${as}
    }`;
}

/** One page of a subject's IN_TIMELINE_MONTH relationships in sortKey order, sortKey in ($lo, $hi), into `as`. */
function seekPage(lo: string, hi: string, as: string): string {
  // Ordered by both index keys, the seek stops at the limit instead of reading every entry of the subject. Every
  // write path that deprecates a statement drops its entries; the label check also keeps out one deprecated by a
  // direct write to the graph (one label check per item read).
  return `CALL (ref) {
      MATCH (n)-[c:${Rel.IN_TIMELINE_MONTH}]->()
      WHERE c.subject = ref AND c.sortKey > ${lo} AND c.sortKey < ${hi} AND NOT n:${Label.DeprecatedStatement}
      WITH c ORDER BY c.subject, c.sortKey LIMIT $limit
      RETURN collect(c) AS ${as}
    }`;
}

export class TimelineRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page of a node's dated timeline items (oldest first, after the `after` sort key) and, on the first page,
   * its undated items, with the counts of both. Statements: said by it or on behalf of it (how 0), or about it
   * (how 1); status changes of its meetings (how 2). Deprecated statements are left out. One query, read from the
   * timeline-month index (subject-months.repository.ts, REFRESH_TIMELINE_MONTHS): the counts are one degree per
   * month plus index counts of the (at most two) months a date range cuts, the pages seeks that stop after `limit`
   * (+1, for hasNextPage), so the work grows with the page and the months, not with the node's items.
   * @param from, to the date range (YYYY-MM-DD, inclusive); with either, undated items are left out.
   * @param after the sort key "<date>|<kind>|<id>" of the last item of the previous page.
   */
  async timeline(
    label: TimelineLabel,
    key: string,
    from: string | null,
    to: string | null,
    after: string | null,
    limit: number,
  ): Promise<TimelineRows> {
    const bounds = subjectMonthBounds(from, to, null);
    const withUndated = from === null && to === null;
    // Dated sortKeys only: every dated one is above '0000-01', every undated one below.
    const rangeLo = from ?? '0000-01';
    const lo = after !== null && after > rangeLo ? after : rangeLo;
    const [row] = await this.db.read<TimelineRows>(
      `${matchByKey('x', label, 'key')}
       WITH $subjectLabel + ':' + x.id AS ref
       CALL (ref) {
         MATCH (b:${Label.TimelineMonth})
         WHERE b.subject = ref AND b.month > $monthsAbove AND b.month < $monthsBelow
         RETURN sum(COUNT { (b)<-[:${Rel.IN_TIMELINE_MONTH}]-() }) AS whole
       }
       CALL (ref) {
         UNWIND $edges AS e
         CALL (ref, e) {
           MATCH ()-[c:${Rel.IN_TIMELINE_MONTH}]->()
           WHERE c.subject = ref AND c.sortKey >= e.lo AND c.sortKey < e.hi
           RETURN count(c) AS n
         }
         RETURN sum(n) AS cut
       }
       CALL (ref) {
         OPTIONAL MATCH (b:${Label.TimelineMonth} {key: ref + '|${UNDATED_MONTH}'}) WHERE $withUndated
         RETURN coalesce(COUNT { (b)<-[:${Rel.IN_TIMELINE_MONTH}]-() }, 0) AS undatedCount
       }
       ${seekPage('$lo', '$hi', 'datedRels')}
       ${withUndated && after === null ? seekPage(`'${UNDATED_MONTH}'`, "'0000-01'", 'undatedRels') : 'WITH *, [] AS undatedRels'}
       ${projectItems('datedRels', 'dated')}
       ${projectItems('undatedRels', 'undated')}
       RETURN true AS found, whole + cut AS datedCount, undatedCount, dated, undated`,
      {
        key,
        subjectLabel: label,
        // Months strictly between these are wholly in range; never the undated month.
        monthsAbove: bounds.monthsAbove > UNDATED_MONTH ? bounds.monthsAbove : UNDATED_MONTH,
        monthsBelow: bounds.monthsBelow,
        edges: bounds.edges,
        withUndated,
        lo,
        hi: to !== null ? `${to}}` : TOP,
        limit: int(limit + 1),
      },
    );
    return row ?? { found: false, datedCount: 0, undatedCount: 0, dated: [], undated: [] };
  }
}
