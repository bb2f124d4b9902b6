import 'reflect-metadata';
import neo4j from 'neo4j-driver';
import { createLogger } from '../src/shared/logger';
import { Label, Rel } from '../src/shared/graph-schema';
import type { Database } from '../src/shared/neo4j/database';
import { TimelineRepository, type TimelineLabel, type TimelineRows } from '../src/timeline/timeline.repository';
import { intOption } from './args';
import { totalHits } from './profile';
import { loadScale } from './scale-db';

/**
 * The timeline query before the timeline months (git history: src/timeline/timeline.repository.ts before
 * "Timeline from a timeline-month index"), kept as the reference: it reads every item of the node, sorts them and
 * slices the page.
 */
function scanTimeline(label: TimelineLabel): string {
  const meetingsOf: Record<TimelineLabel, string> = {
    [Label.Meeting]: 'RETURN x AS m',
    [Label.Actor]: `MATCH (m:${Label.Meeting})-[:${Rel.PARTICIPANT}]->(x) RETURN m`,
    [Label.Country]: `MATCH (m:${Label.Meeting})-[:${Rel.LOCATED_IN}]->(x) RETURN m
      UNION
      MATCH (m:${Label.Meeting})-[:${Rel.PARTICIPANT}]->(:${Label.Actor})-[:${Rel.OF_COUNTRY}]->(x) RETURN m`,
  };
  const project = (items: string, as: string) => `CALL (${items}) {
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
  return `MATCH (x:${label} {id: $key})
    CALL (x) {
      CALL (x) {
        MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}|${Rel.ON_BEHALF_OF}]->(x) RETURN s, 0 AS how
        UNION
        MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(x) RETURN s, 1 AS how
      }
      WITH s, min(how) AS how WHERE coalesce(s.rank, '') <> 'DEPRECATED'
      RETURN s AS node, s.date AS date, how, null AS meeting
      UNION ALL
      CALL (x) { ${meetingsOf[label]} }
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
    ${project('datedPage', 'dated')}
    ${project('undatedPage', 'undated')}
    RETURN true AS found, datedCount, undatedCount, dated, undated`;
}

/** The answer's shape, to check both queries agree: counts and the items' sort keys (undated: kind and id). */
function digest(rows: TimelineRows): string {
  const key = (row: TimelineRows['dated'][number]) =>
    `${row.sortKey ?? ''}|${row.how}|${String((row.statement ?? row.change)!.props.id)}`;
  return JSON.stringify([rows.datedCount, rows.undatedCount, rows.dated.map(key), rows.undated.map(key)]);
}

/**
 * `node dist/bench/timeline-profile.js [--scale 10000] [--first 20]`: PROFILE db hits of timeline(id:) for the
 * busiest and a quiet actor and country of the scale database (bench/.work/db-<scale>-s1; the migrations, the
 * timeline-month backfill among them, run when it opens): the scan the timeline ran before the timeline months and
 * the repository's query now, on the first page, a page from the middle and the first page of a one-year range;
 * checks both give the same answer.
 */
async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const scale = intOption(argv, 'scale', 10_000);
  const first = intOption(argv, 'first', 20);
  const { neo4j: bench } = await loadScale(scale, 1, 'merge', createLogger('warn'));
  const driver = bench.db.driver;
  let lastHits = 0;
  const profiled = {
    read: async (cypher: string, params: Record<string, unknown> = {}) => {
      const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(`PROFILE ${cypher}`, params);
        lastHits = totalHits(result.summary.profile);
        return result.records.map((record) => record.toObject());
      } finally {
        await session.close();
      }
    },
  } as unknown as Database;
  const repository = new TimelineRepository(profiled);
  try {
    const subjects = await bench.db.read<{ label: TimelineLabel; key: string; items: number }>(
      `UNWIND ['${Label.Actor}', '${Label.Country}'] AS label
       CALL (label) {
         MATCH (b:${Label.TimelineMonth}) WHERE b.subject STARTS WITH label + ':'
         WITH b.subject AS subject, sum(COUNT { (b)<-[:${Rel.IN_TIMELINE_MONTH}]-() }) AS items
         WITH subject, items ORDER BY items DESC
         WITH collect({subject: subject, items: items}) AS all
         // The busiest, and a quiet one: the least busy that still fills a page.
         WITH all, [s IN all WHERE s.items >= $first] AS paged
         UNWIND [all[0], paged[size(paged) - 1]] AS s
         RETURN s.subject AS subject, s.items AS items
       }
       RETURN label, substring(subject, size(label) + 1) AS key, items`,
      { first: neo4j.int(first) },
    );
    const [size] = await bench.db.read<{ entries: number; statements: number; changes: number }>(
      `RETURN COUNT { ()-[:${Rel.IN_TIMELINE_MONTH}]->() } AS entries, COUNT { (:${Label.Statement}) } AS statements,
         COUNT { (:${Label.StatusChange}) } AS changes`,
    );
    console.log(
      `timeline months: ${size!.entries} entries for ${size!.statements} statements and ${size!.changes} status changes`,
    );
    console.log(`timeline(id:) PROFILE db hits at ${scale} statements, first ${first}: before (scan) -> after (index)`);
    for (const subject of subjects) {
      const params = (from: string | null, to: string | null, after: string | null) => ({
        key: subject.key,
        from,
        to,
        after,
        limit: neo4j.int(first + 1),
      });
      const whole = await bench.db.read<{ dated: { sortKey: string }[] }>(scanTimeline(subject.label), {
        ...params(null, null, null),
        limit: neo4j.int(1_000_000),
      });
      const dated = whole[0]!.dated;
      const middle = dated[Math.floor(dated.length / 2)]?.sortKey ?? null;
      const year = dated.length > 0 ? dated[Math.floor(dated.length / 2)]!.sortKey.slice(0, 4) : '2024';
      const cases: [string, string | null, string | null, string | null][] = [
        ['first page', null, null, null],
        ['middle page', null, null, middle],
        [`${year} first page`, `${year}-01-01`, `${year}-12-31`, null],
      ];
      for (const [name, from, to, after] of cases) {
        const before = (await profiled.read(scanTimeline(subject.label), params(from, to, after)))[0] as TimelineRows;
        const beforeHits = lastHits;
        const now = await repository.timeline(subject.label, subject.key, from, to, after, first);
        const afterHits = lastHits;
        const same = digest(before) === digest(now) ? 'same answer' : 'ANSWERS DIFFER';
        console.log(
          `${subject.label}:${subject.key} (${subject.items} items) ${name}: ${beforeHits} -> ${afterHits} db hits, ` +
            `totalCount ${now.datedCount}, undatedCount ${now.undatedCount}, ${same}`,
        );
      }
    }
  } finally {
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
