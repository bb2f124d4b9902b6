import { toDomainNode } from '../explore/domain-node.mapper';
import { BadUserInputError, NotFoundError, type FieldProblem } from '../shared/errors';
import { fromGlobalId } from '../shared/global-id';
import { Label } from '../shared/graph-schema';
import type { Entity } from '../shared/graphql/entity.interface';
import { pickName, namesFrom } from '../shared/graphql/names';
import type { Database } from '../shared/neo4j/database';
import { statementCriteria } from '../statement/statement-criteria';
import type { StatementFilter } from '../statement/statement.input';
import { RelationsRepository, type BucketRow, type SideLabel } from './relations.repository';
import { DirectedCount, Interval, RelationBucket, RelationSeries } from './relations.type';
import { StatementStatsRepository } from './statement-stats.repository';
import { StatsGroup, StatsRow } from './statement-stats.type';

export const DEFAULT_TOP = 20;
export const MAX_TOP = 100;

/**
 * A mean to three decimals, in two steps: first to nine, which gives the same double for a mean summed in any order
 * (the stats cells sum score × count, a scan averages score by score: their last bits differ), then to three, so a
 * mean that lies on a half (0.0125) rounds the same way on both paths.
 */
const round = (value: number | null): number | null =>
  value === null ? null : Math.round(Math.round(value * 1e9) / 1e6) / 1000;

function directed(row: { count: number; mean: number | null }): DirectedCount {
  const count = new DirectedCount();
  count.count = row.count;
  count.meanGoldstein = round(row.mean);
  return count;
}

function bucket(row: BucketRow): RelationBucket {
  const result = new RelationBucket();
  result.start = row.start;
  result.end = row.end;
  result.aToB = directed(row.aToB);
  result.bToA = directed(row.bToA);
  return result;
}

/** Sums buckets, weighting each mean by its count. */
function sum(rows: BucketRow[]): BucketRow {
  const add = (parts: { count: number; mean: number | null }[]) => {
    const scored = parts.filter((p) => p.mean !== null);
    const weight = scored.reduce((n, p) => n + p.count, 0);
    return {
      count: parts.reduce((n, p) => n + p.count, 0),
      mean: weight === 0 ? null : scored.reduce((n, p) => n + p.count * p.mean!, 0) / weight,
    };
  };
  return { start: null, end: null, aToB: add(rows.map((r) => r.aToB)), bToA: add(rows.map((r) => r.bToA)) };
}

/**
 * The dyadic series between two actors or countries, per calendar bucket, with undated statements apart (see
 * RelationSeries for what a side is).
 */
export async function relations(
  db: Database,
  aId: string,
  bId: string,
  interval: Interval,
  from: string | null,
  to: string | null,
): Promise<RelationSeries> {
  const problems: FieldProblem[] = [];
  const decode = (id: string, path: string) => {
    try {
      return fromGlobalId(id, path, ['Actor', 'Country']);
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      problems.push(...error.problems);
      return null;
    }
  };
  const a = decode(aId, 'a');
  const b = decode(bId, 'b');
  if (from && to && from > to) problems.push({ path: 'from', message: 'must not be after to' });
  if (!a || !b || problems.length > 0) throw new BadUserInputError('Invalid relations query', problems);
  const rows = await new RelationsRepository(db).series(
    { label: Label[a.type] as SideLabel, key: a.id },
    { label: Label[b.type] as SideLabel, key: b.id },
    interval,
    from,
    to,
  );
  if (!rows) throw new NotFoundError('Actor or Country', `${aId}, ${bId}`);
  const series = new RelationSeries();
  series.a = toDomainNode(rows.a) as Entity;
  series.b = toDomainNode(rows.b) as Entity;
  series.interval = interval;
  series.buckets = rows.buckets.filter((r) => r.start !== null).map(bucket);
  const undated = rows.buckets.find((r) => r.start === null);
  series.undated = bucket(undated ?? sum([]));
  series.total = bucket(sum(rows.buckets));
  return series;
}

const NONE_LABEL: Partial<Record<StatsGroup, string>> = {
  [StatsGroup.SPEAKER_COUNTRY]: '(none)',
  [StatsGroup.PLOVER]: '(none)',
  [StatsGroup.MONTH]: '(undated)',
};

/** Statement counts and mean scores grouped by `groupBy`, biggest first; deprecated statements are left out. */
export async function statementStats(
  db: Database,
  groupBy: StatsGroup,
  filter: StatementFilter | null,
  top: number,
): Promise<StatsRow[]> {
  if (!Number.isInteger(top) || top < 1 || top > MAX_TOP) {
    throw new BadUserInputError('Invalid top', [
      { path: 'top', message: `must be an integer from 1 to ${MAX_TOP} (got ${top})` },
    ]);
  }
  const criteria = statementCriteria({ ...(filter ?? {}), includeDeprecated: false }, 'filter.');
  const rows = await new StatementStatsRepository(db).groups(groupBy, criteria, top);
  return rows.map((row) => {
    const result = new StatsRow();
    result.key = row.node ? toDomainNode(row.node) : null;
    result.label = row.node
      ? pickName(namesFrom(row.node.props), 'en') || String(row.node.props.id)
      : (row.value ?? NONE_LABEL[groupBy] ?? '(none)');
    result.count = row.count;
    result.meanGoldstein = round(row.mean);
    return result;
  });
}
