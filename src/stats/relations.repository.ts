import { DOMAIN_LABELS, domainNodeColumns } from '../explore/domain-node.repository';
import type { DomainNodeRow } from '../explore/domain-node.mapper';
import { matchByKey } from '../explore/explore.repository';
import { Label, Rel } from '../shared/graph-schema';
import { ActorKind } from '../shared/graphql/enums';
import type { Database } from '../shared/neo4j/database';

export type SideLabel = typeof Label.Actor | typeof Label.Country;

/** Per direction, one bucket's count and mean score. */
export interface BucketRow {
  start: string | null;
  end: string | null;
  aToB: { count: number; mean: number | null };
  bToA: { count: number; mean: number | null };
}

export interface RelationRows {
  a: DomainNodeRow;
  b: DomainNodeRow;
  buckets: BucketRow[];
}

/**
 * The members of the side of `x` (see RelationSeries), each with the validity window of the role that makes it a
 * member (null for the entity itself and its institutions).
 */
function side(x: string): string {
  const role = `r:${Label.Role}`;
  const organization = `:${Label.Actor} {kind: $organization}`;
  return `CALL (${x}) {
      RETURN ${x} AS m, null AS since, null AS until
      UNION
      MATCH (${x}:${Label.Country})<-[:${Rel.FOR_COUNTRY}]-(${role})<-[:${Rel.HOLDS_ROLE}]-(m:${Label.Actor})
      RETURN m, r.since AS since, r.until AS until
      UNION
      MATCH (${x}:${Label.Country})<-[:${Rel.OF_COUNTRY}]-(m${organization})
      RETURN m, null AS since, null AS until
      UNION
      MATCH (${x}:${Label.Country})<-[:${Rel.OF_COUNTRY}]-(${organization})<-[:${Rel.IN_ORGANIZATION}]-(${role})
        <-[:${Rel.HOLDS_ROLE}]-(m:${Label.Actor})
      RETURN m, r.since AS since, r.until AS until
      UNION
      MATCH (${x}${organization})<-[:${Rel.IN_ORGANIZATION}]-(${role})<-[:${Rel.HOLDS_ROLE}]-(m:${Label.Actor})
      RETURN m, r.since AS since, r.until AS until
    }`;
}

/** Whether side member `member` counts for statement `s`: always for undated statements and windowless members. */
const within = (member: string, s: string) =>
  `(${s}.date IS NULL OR ((${member}.since IS NULL OR ${s}.date >= ${member}.since)
    AND (${member}.until IS NULL OR ${s}.date <= ${member}.until)))`;

/** Statements from side `from` about side `to`, as `s`, each once. */
function directed(from: string, to: string, direction: string): string {
  return `UNWIND ${from} AS member
      WITH member, member.m AS speaker
      MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}|${Rel.ON_BEHALF_OF}]->(speaker)
      WHERE coalesce(s.rank, '') <> 'DEPRECATED' AND ${within('member', 's')}
      MATCH (s)-[:${Rel.ABOUT}]->(subject)
      WITH DISTINCT s, [t IN ${to} WHERE t.m = subject AND ${within('t', 's')}] AS matched
      WHERE size(matched) > 0
      RETURN DISTINCT s, '${direction}' AS direction`;
}

/** `date.truncate` units for the GraphQL intervals, and the length of one bucket. */
const UNIT: Record<string, { unit: string; length: string }> = {
  WEEK: { unit: 'week', length: '{weeks: 1}' },
  MONTH: { unit: 'month', length: '{months: 1}' },
  YEAR: { unit: 'year', length: '{years: 1}' },
};

export class RelationsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The dyadic series between two entities, counted and averaged in the database: one row per bucket (null start
   * for undated statements). Null when either entity does not exist.
   */
  async series(
    a: { label: SideLabel; key: string },
    b: { label: SideLabel; key: string },
    interval: keyof typeof UNIT,
    from: string | null,
    to: string | null,
  ): Promise<RelationRows | null> {
    const { unit, length } = UNIT[interval]!;
    const [row] = await this.db.read<RelationRows>(
      `${matchByKey('a', a.label, 'aKey')}
       ${matchByKey('b', b.label, 'bKey')}
       CALL (a) { ${side('a')} RETURN collect({m: m, since: since, until: until}) AS sideA }
       CALL (b) { ${side('b')} RETURN collect({m: m, since: since, until: until}) AS sideB }
       CALL (sideA, sideB) {
         CALL (sideA, sideB) {
           ${directed('sideA', 'sideB', 'aToB')}
           UNION
           ${directed('sideB', 'sideA', 'bToA')}
         }
         WITH s, direction
         WHERE ($from IS NULL AND $to IS NULL) OR
           (s.date IS NOT NULL AND ($from IS NULL OR s.date >= date($from)) AND ($to IS NULL OR s.date <= date($to)))
         WITH direction, s.goldstein AS goldstein,
           CASE WHEN s.date IS NULL THEN null ELSE date.truncate('${unit}', s.date) END AS start
         WITH start, direction, count(*) AS count, avg(goldstein) AS mean
         WITH start, collect({direction: direction, count: count, mean: mean}) AS counts
         ORDER BY start
         RETURN collect({
           start: toString(start),
           end: CASE WHEN start IS NULL THEN null ELSE toString(start + duration(${length}) - duration({days: 1})) END,
           aToB: coalesce([c IN counts WHERE c.direction = 'aToB' | c][0], {count: 0, mean: null}),
           bToA: coalesce([c IN counts WHERE c.direction = 'bToA' | c][0], {count: 0, mean: null})
         }) AS buckets
       }
       WITH a, b, buckets
       CALL (a) { WITH a AS n ${domainNodeColumns('n')} RETURN {label: label, props: props, ref: ref} AS aRow }
       CALL (b) { WITH b AS n ${domainNodeColumns('n')} RETURN {label: label, props: props, ref: ref} AS bRow }
       RETURN aRow AS a, bRow AS b, buckets`,
      {
        aKey: a.key,
        bKey: b.key,
        from,
        to,
        organization: ActorKind.ORGANIZATION,
        domainLabels: DOMAIN_LABELS,
      },
    );
    return row ?? null;
  }
}
