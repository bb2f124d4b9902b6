import { DOMAIN_LABELS } from '../explore/domain-node.repository';
import type { DomainNodeRow } from '../explore/domain-node.mapper';
import { matchByKey } from '../explore/explore.repository';
import { Label, Rel } from '../shared/graph-schema';
import { int, type Database } from '../shared/neo4j/database';
import { statementConditions, type StatementCriteria } from '../statement/statement-filter.repository';
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

export class StatementStatsRepository {
  constructor(private readonly db: Database) {}

  /** Statement counts and mean Goldstein scores per group, biggest first, grouped and counted in the database. */
  async groups(groupBy: StatsGroupName, criteria: StatementCriteria, top: number): Promise<StatsRowData[]> {
    return this.db.read<StatsRowData>(
      `OPTIONAL MATCH (speakerRedirect:${Label.Redirect} {id: '${Label.Actor}:' + $speaker})
       WITH coalesce(speakerRedirect.target, $speaker) AS speakerKey
       ${source(criteria)}
       WITH s, speakerKey
       WHERE ${statementConditions(criteria, (field) => (field === 'speaker' ? 'speakerKey' : `$${field}`))}
       ${GROUPING[groupBy]}
       WITH g, value, count(s) AS count, avg(s.goldstein) AS mean
       WITH g, value, count, mean, coalesce(g.name_en, g.id, value) AS sortLabel
       ORDER BY count DESC, sortLabel
       LIMIT $top
       CALL (g) {
         OPTIONAL MATCH (g)-[:${Rel.OF_COUNTRY}]->(c:${Label.Country})
         RETURN c.id AS ref LIMIT 1
       }
       RETURN CASE WHEN g IS NULL THEN null ELSE {
           label: [l IN labels(g) WHERE l IN $domainLabels][0], props: properties(g), ref: ref} END AS node,
         value, count, mean`,
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
