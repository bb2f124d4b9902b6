import { matchByKey } from '../explore/explore.repository';
import { Label, Rel } from '../shared/graph-schema';
import { int, type Database } from '../shared/neo4j/database';

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

/**
 * The meetings whose status changes belong on a timeline: a meeting's own; an actor's meetings (as participant);
 * a country's meetings (located in it, or with a participant of that country).
 */
const MEETINGS_OF: Record<TimelineLabel, string> = {
  [Label.Meeting]: 'RETURN x AS m',
  [Label.Actor]: `MATCH (m:${Label.Meeting})-[:${Rel.PARTICIPANT}]->(x) RETURN m`,
  [Label.Country]: `MATCH (m:${Label.Meeting})-[:${Rel.LOCATED_IN}]->(x) RETURN m
    UNION
    MATCH (m:${Label.Meeting})-[:${Rel.PARTICIPANT}]->(:${Label.Actor})-[:${Rel.OF_COUNTRY}]->(x) RETURN m`,
};

/** Cypher reading the item maps of list `items` as TimelineRows, in order, into `as`. */
function projectItems(items: string, as: string): string {
  return `CALL (${items}) {
      UNWIND ${items} AS i
      WITH i, i.node AS n
      RETURN collect({
        date: toString(i.date), sortKey: i.sortKey, how: i.how,
        statement: CASE WHEN i.how < 2 THEN {
          props: properties(n), speaker: [(n)-[:${Rel.SAID_BY}]->(sp:${Label.Actor}) | sp.id][0]} END,
        change: CASE WHEN i.how = 2 THEN {
          props: properties(n), statement: [(n)-[:${Rel.ASSERTED_BY}]->(st:${Label.Statement}) | st.id][0],
          meeting: properties(i.meeting)} END
      }) AS ${as}
    }`;
}

export class TimelineRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page of a node's dated timeline items (oldest first, after the `after` sort key) and, on the first page,
   * its undated items, with the counts of both. Statements: said by it or on behalf of it (how 0), or about it
   * (how 1); status changes (how 2). Deprecated statements are left out. One query.
   */
  async timeline(
    label: TimelineLabel,
    key: string,
    from: string | null,
    to: string | null,
    after: string | null,
    limit: number,
  ): Promise<TimelineRows> {
    const [row] = await this.db.read<TimelineRows>(
      `${matchByKey('x', label, 'key')}
       CALL (x) {
         CALL (x) {
           MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}|${Rel.ON_BEHALF_OF}]->(x) RETURN s, 0 AS how
           UNION
           MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(x) RETURN s, 1 AS how
         }
         WITH s, min(how) AS how WHERE coalesce(s.rank, '') <> 'DEPRECATED'
         RETURN s AS node, s.date AS date, how, null AS meeting
         UNION ALL
         CALL (x) { ${MEETINGS_OF[label]} }
         MATCH (m)-[:${Rel.HAS_STATUS}]->(c:${Label.StatusChange})
         RETURN c AS node, c.asOf AS date, 2 AS how, m AS meeting
       }
       WITH node, date, how, meeting
       WHERE ($from IS NULL AND $to IS NULL) OR
         (date IS NOT NULL AND ($from IS NULL OR date >= date($from)) AND ($to IS NULL OR date <= date($to)))
       WITH node, date, how, meeting,
         CASE WHEN date IS NULL THEN null ELSE toString(date) + '|' + toString(how) + '|' + node.id END AS sortKey
       ORDER BY sortKey, how, node.id
       WITH collect({node: node, date: date, how: how, meeting: meeting, sortKey: sortKey}) AS items
       WITH [i IN items WHERE i.date IS NOT NULL] AS dated, [i IN items WHERE i.date IS NULL] AS undated
       WITH size(dated) AS datedCount, size(undated) AS undatedCount,
         [i IN dated WHERE $after IS NULL OR i.sortKey > $after][0..$limit] AS datedPage,
         CASE WHEN $after IS NULL THEN undated[0..$limit] ELSE [] END AS undatedPage
       ${projectItems('datedPage', 'dated')}
       ${projectItems('undatedPage', 'undated')}
       RETURN true AS found, datedCount, undatedCount, dated, undated`,
      { key, from, to, after, limit: int(limit + 1) },
    );
    return row ?? { found: false, datedCount: 0, undatedCount: 0, dated: [], undated: [] };
  }
}
