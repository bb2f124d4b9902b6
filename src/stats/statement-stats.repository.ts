import { DOMAIN_LABELS } from '../explore/domain-node.repository';
import type { DomainNodeRow } from '../explore/domain-node.mapper';
import { matchByKey } from '../explore/explore.repository';
import { Label, Rel } from '../shared/graph-schema';
import { int, type Database } from '../shared/neo4j/database';
import { subjectRefOf } from '../shared/neo4j/stats-cells.repository';
import {
  statementConditions,
  subjectMonthBounds,
  type StatementCriteria,
} from '../statement/statement-filter.repository';
import { StatementRank } from '../shared/graphql/enums';

export type StatsGroupName = 'SPEAKER' | 'ABOUT' | 'SPEAKER_COUNTRY' | 'CAMEO' | 'PLOVER' | 'MONTH';

export interface StatsRowData {
  node: DomainNodeRow | null;
  value: string | null;
  count: number;
  mean: number | null;
}

/** For each grouping: the Cypher binding `g` (a node) or `value` for each statement `s`. */
const GROUPING: Record<StatsGroupName, string> = {
  SPEAKER: `MATCH (s)-[:${Rel.SAID_BY}]->(g:${Label.Actor}) WITH s, g, null AS value`,
  ABOUT: `MATCH (s)-[:${Rel.ABOUT}]->(g) WITH s, g, null AS value`,
  SPEAKER_COUNTRY: `OPTIONAL MATCH (s)-[:${Rel.SAID_BY}]->(:${Label.Actor})-[:${Rel.OF_COUNTRY}]->(g:${Label.Country})
    WITH s, g, null AS value`,
  CAMEO: 'WITH s, null AS g, s.cameo AS value',
  PLOVER: 'WITH s, null AS g, s.plover AS value',
  MONTH: 'WITH s, null AS g, substring(toString(s.date), 0, 7) AS value',
};

/**
 * Where the statements come from: the filter's subject or speaker narrows the start (redirects followed). Each
 * source yields a statement at most once (one subject, one speaker, or one index seek), so no DISTINCT follows: it
 * was an eager pass over every matched row.
 */
function source(criteria: StatementCriteria): string {
  if (criteria.aboutLabel) {
    return `${matchByKey('subject', criteria.aboutLabel, 'about')}
      MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(subject)`;
  }
  if (criteria.speaker !== null) {
    return `MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}]->(:${Label.Actor} {id: speakerKey})`;
  }
  if (criteria.from !== null || criteria.to !== null) {
    // A range seek on the (date, id) index instead of a label scan: Neo4j uses a composite index only when every
    // key has a predicate, hence `s.id IS NOT NULL` (bench Q4: db hits stop growing with the whole graph).
    return `MATCH (s:${Label.Statement})
      WHERE s.date >= date(coalesce($from, '0001-01-01')) AND s.date <= date(coalesce($to, '9999-12-31'))
        AND s.id IS NOT NULL`;
  }
  return `MATCH (s:${Label.Statement})`;
}

/**
 * The stats-cell kinds each grouping sums (stats-cells.repository.ts). ABOUT adds the code cells: every statement
 * about the subject is also in the subject's own group.
 */
const CELL_DIMS: Record<StatsGroupName, ('C' | 'S' | 'A')[]> = {
  SPEAKER: ['S'],
  SPEAKER_COUNTRY: ['S'],
  ABOUT: ['A', 'C'],
  CAMEO: ['C'],
  PLOVER: ['C'],
  MONTH: ['C'],
};

/** For each grouping: the group key `k` of a cell `c` of its kinds (`ref` the subject's reference). */
const CELL_KEY: Record<StatsGroupName, string> = {
  SPEAKER: 'c.value',
  SPEAKER_COUNTRY: 'c.value',
  ABOUT: `CASE c.dim WHEN 'C' THEN ref ELSE c.value END`,
  CAMEO: 'c.value',
  PLOVER: 'c.plover',
  MONTH: `CASE WHEN c.month = '0000-00' THEN null ELSE c.month END`,
};

/** For each grouping: the group keys `k` of a statement `s` read whole (a month a date range cuts), as CELL_KEY. */
const STATEMENT_KEYS: Record<StatsGroupName, string> = {
  SPEAKER: `MATCH (s)-[:${Rel.SAID_BY}]->(a:${Label.Actor}) WITH s, a.id AS k`,
  SPEAKER_COUNTRY: `OPTIONAL MATCH (s)-[:${Rel.SAID_BY}]->(a:${Label.Actor}) WITH s, a.id AS k`,
  ABOUT: `MATCH (s)-[:${Rel.ABOUT}]->(root)
    WHERE root:${Label.Actor} OR root:${Label.Country} OR root:${Label.Meeting} OR root:${Label.Topic}
    WITH s, ${subjectRefOf('root')} AS k`,
  CAMEO: 'WITH s, s.cameo AS k',
  PLOVER: 'WITH s, s.plover AS k',
  MONTH: 'WITH s, substring(toString(s.date), 0, 7) AS k',
};

/** For each grouping: from group key `k` (and its sums) to the group's node `g` or `value`, as GROUPING gives them. */
const GROUP_OF_KEY: Record<StatsGroupName, string> = {
  SPEAKER: `MATCH (g:${Label.Actor} {id: k}) WITH g, null AS value, count, scored, total`,
  SPEAKER_COUNTRY: `OPTIONAL MATCH (:${Label.Actor} {id: k})-[:${Rel.OF_COUNTRY}]->(g:${Label.Country})
    WITH g, null AS value, sum(count) AS count, sum(scored) AS scored, sum(total) AS total`,
  ABOUT: `WITH k, split(k, ':')[0] AS label, count, scored, total
    WITH label, substring(k, size(label) + 1) AS id, count, scored, total
    CALL (label, id) {
      ${[Label.Actor, Label.Country, Label.Meeting, Label.Topic]
        .map((l) => `MATCH (g:${l} {id: id}) WHERE label = '${l}' RETURN g`)
        .join(' UNION ALL ')}
    }
    WITH g, null AS value, count, scored, total`,
  CAMEO: 'WITH null AS g, k AS value, count, scored, total',
  PLOVER: 'WITH null AS g, k AS value, count, scored, total',
  MONTH: 'WITH null AS g, k AS value, count, scored, total',
};

/** The top groups of `g`/`value` rows with `count` and `mean`, biggest first, as rows of StatsRowData. */
const TOP_GROUPS = `WITH g, value, count, mean, coalesce(g.name_en, g.id, value) AS sortLabel
  ORDER BY count DESC, sortLabel
  LIMIT $top
  CALL (g) {
    OPTIONAL MATCH (g)-[:${Rel.OF_COUNTRY}]->(c:${Label.Country})
    RETURN c.id AS ref LIMIT 1
  }
  RETURN CASE WHEN g IS NULL THEN null ELSE {
      label: [l IN labels(g) WHERE l IN $domainLabels][0], props: properties(g), ref: ref} END AS node,
    value, count, mean`;

/**
 * Whether the stats cells answer this query: a subject, and no filter the cells do not record (the speaker, the
 * language; a CAMEO prefix only where the cells are the codes'). Dates filter by month, and exactly within the at
 * most two months a range cuts.
 */
export function statsCellsApply(groupBy: StatsGroupName, criteria: StatementCriteria): boolean {
  return (
    criteria.aboutLabel !== null &&
    criteria.speaker === null &&
    criteria.language === null &&
    (criteria.cameo === null || CELL_DIMS[groupBy].every((dim) => dim === 'C')) &&
    !criteria.includeDeprecated
  );
}

export class StatementStatsRepository {
  constructor(private readonly db: Database) {}

  /** Statement counts and mean Goldstein scores per group, biggest first, grouped and counted in the database. */
  async groups(groupBy: StatsGroupName, criteria: StatementCriteria, top: number): Promise<StatsRowData[]> {
    return statsCellsApply(groupBy, criteria)
      ? this.fromCells(groupBy, criteria, top)
      : this.scan(groupBy, criteria, top);
  }

  /**
   * The groups from the stats cells (stats-cells.repository.ts): the months wholly inside the date range sum each
   * cell's degree; the statements of the at most two months the range cuts are read and filtered by date. Work
   * grows with the subject's cells in range (months × groups × Goldstein scores), not with its statements.
   */
  async fromCells(groupBy: StatsGroupName, criteria: StatementCriteria, top: number): Promise<StatsRowData[]> {
    const bounds = subjectMonthBounds(criteria.from, criteria.to, null);
    const edgeMonths = [...new Set([criteria.from, criteria.to].filter((d) => d !== null).map((d) => d.slice(0, 7)))];
    const cameo = criteria.cameo === null ? '' : 'AND c.value STARTS WITH $cameo';
    return this.db.read<StatsRowData>(
      `${matchByKey('subject', criteria.aboutLabel!, 'about')}
       WITH '${criteria.aboutLabel}:' + subject.id AS ref
       CALL (ref) {
         MATCH (c:${Label.StatsCell})
         WHERE c.subject = ref AND c.dim IN $dims AND c.month > $monthsAbove AND c.month < $monthsBelow ${cameo}
         RETURN ${CELL_KEY[groupBy]} AS k, COUNT { (c)<-[:${Rel.IN_STATS_CELL}]-() } AS n, c.goldstein AS goldstein
         UNION ALL
         UNWIND $edgeMonths AS month
         MATCH (c:${Label.StatsCell})
         WHERE c.subject = ref AND c.dim = 'C' AND c.month = month
         MATCH (c)<-[:${Rel.IN_STATS_CELL}]-(s:${Label.Statement})
         WHERE ${statementConditions(criteria, (field) => `$${field}`)}
         ${STATEMENT_KEYS[groupBy]}
         RETURN k, 1 AS n, s.goldstein AS goldstein
       }
       WITH k, sum(n) AS count, sum(CASE WHEN goldstein IS NULL THEN 0 ELSE n END) AS scored,
         sum(coalesce(goldstein, 0.0) * n) AS total
       WHERE count > 0
       ${GROUP_OF_KEY[groupBy]}
       WITH g, value, count, CASE WHEN scored = 0 THEN null ELSE total / scored END AS mean
       ${TOP_GROUPS}`,
      {
        about: criteria.about,
        dims: CELL_DIMS[groupBy],
        monthsAbove: bounds.monthsAbove,
        monthsBelow: bounds.monthsBelow,
        edgeMonths,
        from: criteria.from,
        to: criteria.to,
        cameo: criteria.cameo,
        top: int(top),
        deprecated: StatementRank.DEPRECATED,
        domainLabels: DOMAIN_LABELS,
      },
    );
  }

  /** The groups by reading every matching statement: any filter. */
  async scan(groupBy: StatsGroupName, criteria: StatementCriteria, top: number): Promise<StatsRowData[]> {
    return this.db.read<StatsRowData>(
      `OPTIONAL MATCH (speakerRedirect:${Label.Redirect} {id: '${Label.Actor}:' + $speaker})
       WITH coalesce(speakerRedirect.target, $speaker) AS speakerKey
       ${source(criteria)}
       WITH s, speakerKey
       WHERE ${statementConditions(criteria, (field) => (field === 'speaker' ? 'speakerKey' : `$${field}`))}
       ${GROUPING[groupBy]}
       WITH g, value, count(s) AS count, avg(s.goldstein) AS mean
       ${TOP_GROUPS}`,
      {
        about: criteria.about,
        speaker: criteria.speaker,
        from: criteria.from,
        to: criteria.to,
        language: criteria.language,
        cameo: criteria.cameo,
        top: int(top),
        deprecated: StatementRank.DEPRECATED,
        domainLabels: DOMAIN_LABELS,
      },
    );
  }
}
