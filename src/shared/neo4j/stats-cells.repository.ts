import { Label, Rel } from '../graph-schema';

/**
 * The stats cells behind bounded `statementStats(filter: {about})` (issue 15 item 3).
 *
 * A cell is the set of statements directly ABOUT one subject, in one month, that share one grouping value and one
 * Goldstein score:
 *   (:Statement)-[:IN_STATS_CELL {cell: key}]->(:StatsCell {key, subject, month, dim, value, plover, goldstein})
 * `subject` is "<Label>:<id>", `month` YYYY-MM of the statement's date ("0000-00" undated), and `dim` one of
 * - `C` (code): `value` = the CAMEO code, `plover` = the PLOVER category: one cell per statement and subject, so the
 *   CAMEO, PLOVER and MONTH groupings, and the subject's own total, are sums over these;
 * - `S` (speaker): `value` = the speaker's id (null when it has none): SPEAKER, and SPEAKER_COUNTRY through the
 *   speaker's current country at read time;
 * - `A` (another subject): `value` = the other subject's reference, one per other subject of the statement: ABOUT.
 * How many statements a cell holds is its IN_STATS_CELL degree, which Neo4j keeps per node (O(1) on a dense node);
 * the Goldstein sum is `goldstein` × degree. So a group's exact count and mean cost one degree per cell: no counter
 * property that concurrent ingests would lock and rewrite, no read of the statements. Deprecated statements are in
 * no cell. A cell left empty by a merge or a deprecation stays, with degree 0 (readers skip it).
 */

/** `v`'s subject reference "<Label>:<id>" (v an Actor, Country, Meeting or Topic). */
export function subjectRefOf(v: string): string {
  return `CASE WHEN ${v}:${Label.Country} THEN '${Label.Country}' WHEN ${v}:${Label.Actor} THEN '${Label.Actor}'
  WHEN ${v}:${Label.Meeting} THEN '${Label.Meeting}' ELSE '${Label.Topic}' END + ':' + ${v}.id`;
}

/** A nullable value as a key part: '-' for null, '=' and the value otherwise, so null and '' never share a key. */
const part = (v: string): string => `CASE WHEN ${v} IS NULL THEN '-' ELSE '=' + toString(${v}) END`;

/**
 * Brings the IN_STATS_CELL relationships of `s` (bound; a Statement, or a StatusChange, which has none) in line
 * with the graph: deletes those of cells it no longer belongs to, creates the missing ones; writes nothing when they
 * are right. A unit subquery: `s`'s row goes on unchanged. Its text is the checksum of backfill 017.
 */
export const REFRESH_STATS_CELLS = `CALL (s) {
    CALL (s) {
      MATCH (s)-[:${Rel.ABOUT}]->(root)
      WHERE s:${Label.Statement} AND NOT s:${Label.DeprecatedStatement}
        AND (root:${Label.Actor} OR root:${Label.Country} OR root:${Label.Meeting} OR root:${Label.Topic})
      RETURN collect(DISTINCT ${subjectRefOf('root')}) AS subjects
    }
    WITH s, subjects, substring(s.sortKey, 0, 7) AS month,
      COLLECT { MATCH (s)-[:${Rel.SAID_BY}]->(a:${Label.Actor}) RETURN DISTINCT a.id } AS speakers
    WITH s, month, [ref IN subjects | {subject: ref, dim: 'C', value: s.cameo, plover: s.plover}]
      + reduce(cells = [], ref IN subjects | cells
          + [sp IN CASE WHEN speakers = [] THEN [null] ELSE speakers END | {subject: ref, dim: 'S', value: sp}])
      + reduce(cells = [], ref IN subjects | cells
          + [other IN subjects WHERE other <> ref | {subject: ref, dim: 'A', value: other}]) AS cells
    WITH s, [c IN cells | c {.*, month: month, goldstein: s.goldstein,
      key: c.subject + '|' + month + '|' + c.dim + '|' + ${part('c.value')} + '|' + ${part('c.plover')} + '|'
        + ${part('s.goldstein')}}] AS cells
    CALL (s, cells) {
      MATCH (s)-[c:${Rel.IN_STATS_CELL}]->()
      WHERE NOT c.cell IN [cell IN cells | cell.key]
      DELETE c
    }
    CALL (s, cells) {
      UNWIND cells AS cell
      WITH s, cell WHERE NOT EXISTS { (s)-[c:${Rel.IN_STATS_CELL}]->() WHERE c.cell = cell.key }
      MERGE (b:${Label.StatsCell} {key: cell.key}) ON CREATE SET b += cell
      CREATE (s)-[:${Rel.IN_STATS_CELL} {cell: cell.key}]->(b)
    }
  }`;
