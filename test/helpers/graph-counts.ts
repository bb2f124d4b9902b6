import type { Database } from '../../src/shared/neo4j/database';

/** Every node label and relationship type with its count, plus property-free totals: to show a write changed nothing. */
export async function graphCounts(db: Database): Promise<Record<string, number>> {
  const nodes = await db.read<{ label: string; n: number }>(
    'MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n',
  );
  const rels = await db.read<{ type: string; n: number }>('MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n');
  const counts: Record<string, number> = {};
  for (const row of nodes) counts[`:${row.label}`] = row.n;
  for (const row of rels) counts[`[${row.type}]`] = row.n;
  return counts;
}
