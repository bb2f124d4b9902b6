import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import { toGlobalId } from '../src/shared/global-id';
import { Label, Rel } from '../src/shared/graph-schema';
import { createLogger } from '../src/shared/logger';
import type { Database } from '../src/shared/neo4j/database';
import { statementCriteria } from '../src/statement/statement-criteria';
import {
  StatementStatsRepository,
  type StatsGroupName,
  type StatsRowData,
} from '../src/stats/statement-stats.repository';
import { intOption } from './args';
import { totalHits } from './profile';
import { loadScale } from './scale-db';

/**
 * The answer's shape, to check both queries agree: each group's identity, count and mean to 6 places, rounded first to 9 as
 * the API does (the cells sum score × count where the scan averages score by score: the last bits differ).
 */
function digest(rows: StatsRowData[]): string {
  return JSON.stringify(
    rows.map((row) => [
      row.node ? `${row.node.label}:${String(row.node.props.id)}` : row.value,
      row.count,
      row.mean === null ? null : (Math.round(row.mean * 1e9) / 1e9).toFixed(6),
    ]),
  );
}

const GROUPINGS: StatsGroupName[] = ['SPEAKER', 'SPEAKER_COUNTRY', 'ABOUT', 'CAMEO', 'MONTH'];

/**
 * `node dist/bench/stats-profile.js [--scale 10000] [--top 10]`: PROFILE db hits and time (median of five runs) of statementStats filtered
 * by a subject, for the busiest and a quiet actor and country of the scale database (bench/.work/db-<scale>-s1; the
 * migrations, the stats-cell backfill among them, run when it opens): the scan of every statement about the subject
 * (StatementStatsRepository.scan, the only query before the stats cells) against the cells (fromCells), per grouping,
 * unfiltered and over the subject's busiest year cut mid-month at both ends; checks both give the same answer.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const scale = intOption(argv, 'scale', 10_000);
  const top = intOption(argv, 'top', 10);
  const { neo4j: bench } = await loadScale(scale, 1, 'merge', createLogger('warn'));
  const driver = bench.db.driver;
  let last = { hits: 0, ms: 0 };
  const profiled = {
    read: async (cypher: string, params: Record<string, unknown> = {}) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(`PROFILE ${cypher}`, params);
        // The time: the median of five runs without PROFILE, after it (planned and cached).
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await session.run(cypher, params);
          times.push(performance.now() - started);
        }
        last = { hits: totalHits(result.summary.profile), ms: times.sort((a, b) => a - b)[2]! };
        return result.records.map((record) => record.toObject());
      } finally {
        await session.close();
      }
    },
  } as unknown as Database;
  const repository = new StatementStatsRepository(profiled);
  try {
    const subjects = await bench.db.read<{ label: string; key: string; statements: number; year: string }>(
      `UNWIND ['${Label.Actor}', '${Label.Country}'] AS label
       CALL (label) {
         MATCH (c:${Label.StatsCell} {dim: 'C'}) WHERE c.subject STARTS WITH label + ':'
         WITH c.subject AS subject, sum(COUNT { (c)<-[:${Rel.IN_STATS_CELL}]-() }) AS statements
         WITH subject, statements ORDER BY statements DESC
         WITH collect({subject: subject, statements: statements}) AS all
         // The busiest, and a quiet one: the least busy with at least 20 statements.
         WITH all, [s IN all WHERE s.statements >= 20] AS some
         UNWIND [all[0], some[size(some) - 1]] AS s
         RETURN s.subject AS subject, s.statements AS statements
       }
       CALL (subject) {
         MATCH (c:${Label.StatsCell} {subject: subject, dim: 'C'}) WHERE c.month <> '0000-00'
         WITH substring(c.month, 0, 4) AS year, sum(COUNT { (c)<-[:${Rel.IN_STATS_CELL}]-() }) AS n
         RETURN year ORDER BY n DESC LIMIT 1
       }
       RETURN label, substring(subject, size(label) + 1) AS key, statements, year`,
    );
    const [size] = await bench.db.read<{ cells: number; entries: number; statements: number }>(
      `RETURN COUNT { (:${Label.StatsCell}) } AS cells, COUNT { ()-[:${Rel.IN_STATS_CELL}]->() } AS entries,
         COUNT { (:${Label.Statement}) } AS statements`,
    );
    console.log(`stats cells: ${size!.cells} cells, ${size!.entries} entries for ${size!.statements} statements`);
    console.log(
      `statementStats(filter: {about}) at ${scale} statements, top ${top}: PROFILE db hits (ms), scan -> cells`,
    );
    console.log('| subject | statements | grouping | range | scan | cells |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const subject of subjects) {
      const ranges: [string, string | null, string | null][] = [
        ['all', null, null],
        [`${subject.year}-01-15..${subject.year}-12-10`, `${subject.year}-01-15`, `${subject.year}-12-10`],
      ];
      for (const [range, from, to] of ranges) {
        const criteria = statementCriteria({
          about: toGlobalId(subject.label as 'Country', subject.key),
          from,
          to,
          includeDeprecated: false,
        });
        for (const groupBy of GROUPINGS) {
          const scanned = await repository.scan(groupBy, criteria, top);
          const scan = last;
          const cells = await repository.fromCells(groupBy, criteria, top);
          const fromCells = last;
          if (digest(scanned) !== digest(cells)) {
            throw new Error(`${subject.label}:${subject.key} ${groupBy} ${range}: the answers differ`);
          }
          console.log(
            `| ${subject.label}:${subject.key} | ${subject.statements} | ${groupBy} | ${range} | ` +
              `${scan.hits} (${scan.ms.toFixed(1)}) | ${fromCells.hits} (${fromCells.ms.toFixed(1)}) |`,
          );
        }
      }
    }
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
