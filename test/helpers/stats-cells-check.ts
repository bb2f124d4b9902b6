import 'reflect-metadata';
import assert from 'node:assert/strict';
import { toGlobalId } from '../../src/shared/global-id';
import { int, type Database } from '../../src/shared/neo4j/database';
import { statementCriteria } from '../../src/statement/statement-criteria';
import {
  StatementStatsRepository,
  type StatsGroupName,
  type StatsRowData,
} from '../../src/stats/statement-stats.repository';

/**
 * The stats cells (src/shared/neo4j/stats-cells.repository.ts) checked against a recount from the graph, written
 * forward per subject as statementStats documents its groups, independently of the refresh rule: for each subject,
 * its code cells hold each statement about it once, its speaker cells once per speaker (once when it has none), its
 * other-subject cells once per other subject; and every membership is of a statement that is not deprecated, about
 * the cell's subject, in the cell's month, with the cell's Goldstein score (and CAMEO code, PLOVER category or
 * speaker, by kind). [] when the cells are right.
 */
export async function statsCellMismatches(db: Database): Promise<unknown[]> {
  return db.read(
    `MATCH (root) WHERE root:Country OR root:Actor OR root:Meeting OR root:Topic
     WITH root, CASE WHEN root:Country THEN 'Country' WHEN root:Actor THEN 'Actor' WHEN root:Meeting THEN 'Meeting'
       ELSE 'Topic' END + ':' + root.id AS ref
     CALL (root) {
       OPTIONAL MATCH (s:Statement)-[:ABOUT]->(root) WHERE coalesce(s.rank, '') <> 'DEPRECATED'
       WITH s, COUNT { (s)-[:SAID_BY]->(:Actor) } AS speakers,
         COUNT { (s)-[:ABOUT]->(x) WHERE x <> root AND (x:Country OR x:Actor OR x:Meeting OR x:Topic) } AS others
       RETURN count(s) AS code, sum(CASE WHEN s IS NULL THEN 0 WHEN speakers = 0 THEN 1 ELSE speakers END) AS speaker,
         sum(others) AS other
     }
     CALL (ref) {
       OPTIONAL MATCH (c:StatsCell {subject: ref})
       RETURN sum(CASE c.dim WHEN 'C' THEN COUNT { (c)<-[:IN_STATS_CELL]-() } ELSE 0 END) AS codeCells,
         sum(CASE c.dim WHEN 'S' THEN COUNT { (c)<-[:IN_STATS_CELL]-() } ELSE 0 END) AS speakerCells,
         sum(CASE c.dim WHEN 'A' THEN COUNT { (c)<-[:IN_STATS_CELL]-() } ELSE 0 END) AS otherCells
     }
     CALL (root, ref) {
       OPTIONAL MATCH (s)-[m:IN_STATS_CELL]->(c:StatsCell {subject: ref})
       RETURN count(CASE WHEN s IS NOT NULL AND (NOT s:Statement OR coalesce(s.rank, '') = 'DEPRECATED' OR NOT EXISTS { (s)-[:ABOUT]->(root) }
           OR m.cell <> c.key OR c.month <> coalesce(substring(toString(s.date), 0, 7), '0000-00')
           OR NOT coalesce(c.goldstein = s.goldstein, c.goldstein IS NULL AND s.goldstein IS NULL)
           OR (c.dim = 'C' AND NOT (coalesce(c.value = s.cameo, c.value IS NULL AND s.cameo IS NULL)
                 AND coalesce(c.plover = s.plover, c.plover IS NULL AND s.plover IS NULL)))
           OR (c.dim = 'S' AND NOT coalesce(EXISTS { (s)-[:SAID_BY]->(:Actor {id: c.value}) },
                 NOT EXISTS { (s)-[:SAID_BY]->(:Actor) })))
           THEN 1 END) AS misfiled
     }
     WITH ref, code, speaker, other, codeCells, speakerCells, otherCells, misfiled
     WHERE code <> codeCells OR speaker <> speakerCells OR other <> otherCells OR misfiled > 0
     RETURN ref, code, codeCells, speaker, speakerCells, other, otherCells, misfiled`,
  );
}

const GROUPINGS: StatsGroupName[] = ['SPEAKER', 'ABOUT', 'SPEAKER_COUNTRY', 'CAMEO', 'PLOVER', 'MONTH'];

/**
 * Asserts two answers hold the same groups with the same counts and means; where `top` cut ties at the smallest
 * count, only the counts above it. Means are compared to 1e-9: the cells sum score × count where the scan averages
 * score by score, and floating-point sums differ in their last bits with the order of the terms.
 */
export function assertSameGroups(got: StatsRowData[], want: StatsRowData[], top: number, where: string): void {
  const rows = (answer: StatsRowData[]) => {
    const smallest = answer.length === top ? answer[answer.length - 1]!.count : -1;
    return answer
      .filter((row) => row.count > smallest)
      .map((row) => ({
        group: `${row.node ? `${row.node.label}:${String(row.node.props.id)}` : `=${row.value}`} ${row.count}`,
        mean: row.mean,
      }))
      .sort((a, b) => a.group.localeCompare(b.group));
  };
  const [a, b] = [rows(got), rows(want)];
  assert.deepEqual(
    a.map((row) => row.group),
    b.map((row) => row.group),
    where,
  );
  a.forEach((row, i) => {
    const other = b[i]!.mean;
    const same = row.mean === null || other === null ? row.mean === other : Math.abs(row.mean - other) < 1e-9;
    assert.ok(same, `${where}: ${row.group} mean ${row.mean} != ${other}`);
  });
}

/**
 * Checks statementStats by subject from the stats cells against the scan of every statement, for the `perLabel`
 * busiest subjects of each label (by statements directly about them), every grouping, unfiltered, over date ranges
 * (whole months, a range cutting two months, one day) and with a CAMEO prefix where the cells apply.
 * @returns how many answers it compared.
 */
export async function assertStatsExact(db: Database, perLabel: number): Promise<number> {
  const subjects = await db.read<{ label: string; key: string; dates: string[]; cameo: string | null }>(
    `UNWIND ['Country', 'Actor', 'Meeting', 'Topic'] AS label
     CALL (label) {
       MATCH (root) WHERE label IN labels(root)
       CALL (root) {
         MATCH (s:Statement)-[:ABOUT]->(root) WHERE coalesce(s.rank, '') <> 'DEPRECATED'
         RETURN count(s) AS n, collect(DISTINCT toString(s.date)) AS dates, min(s.cameo) AS cameo
       }
       WITH root, n, dates, cameo WHERE n > 0 ORDER BY n DESC, root.id LIMIT $n
       RETURN root.id AS key, dates, cameo
     }
     RETURN label, key, dates, cameo`,
    { n: int(perLabel) },
  );
  const repository = new StatementStatsRepository(db);
  const top = 100;
  let checked = 0;
  for (const subject of subjects) {
    const dates = subject.dates.filter((d): d is string => d !== null).sort();
    const mid = dates[Math.floor(dates.length / 2)] ?? null;
    const filters: { from?: string | null; to?: string | null; cameo?: string | null }[] = [{}];
    if (mid !== null) {
      filters.push({ from: mid }, { to: mid }, { from: mid, to: mid });
      const cut = { from: `${dates[0]!.slice(0, 7)}-15`, to: `${dates[dates.length - 1]!.slice(0, 7)}-10` };
      if (cut.from <= cut.to) filters.push(cut);
    }
    if (subject.cameo) filters.push({ cameo: subject.cameo.slice(0, 2) });
    for (const filter of filters) {
      const criteria = statementCriteria({
        ...filter,
        about: toGlobalId(subject.label as 'Country', subject.key),
        includeDeprecated: false,
      });
      for (const groupBy of GROUPINGS) {
        if (filter.cameo && !['CAMEO', 'PLOVER', 'MONTH'].includes(groupBy)) continue;
        const where = `${subject.label}:${subject.key} ${groupBy} ${JSON.stringify(filter)}`;
        const cells = await repository.fromCells(groupBy, criteria, top);
        const scan = await repository.scan(groupBy, criteria, top);
        assertSameGroups(cells, scan, top, where);
        checked += 1;
      }
    }
  }
  return checked;
}
