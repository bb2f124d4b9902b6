import { Label } from '../shared/graph-schema';
import { int, type Database, type Tx } from '../shared/neo4j/database';
import { DOMAIN_LABELS, domainNodeProps } from './domain-node.repository';
import { DIRECT_RELS, FOLDS, PATH_RELS, type RawEdge, type RawNode, type RawRel } from './projection';

// Label tests, not `any(l IN labels(v) WHERE ...)` nor a read of `rank`: the DeprecatedStatement label is kept in
// step with rank by every write (graph-schema.ts); on bench Q6 (42k neighbours at 100k statements) they took the
// expansion from ~115 to ~99 ms p50.
const domainNode = (v: string) => `(${DOMAIN_LABELS.map((label) => `${v}:${label}`).join(' OR ')})`;
const notDeprecated = (v: string) => `NOT ${v}:${Label.DeprecatedStatement}`;
const rawNode = (v: string) => `{elementId: elementId(${v}), labels: labels(${v}), props: ${domainNodeProps(v)}}`;
// Entities first, then statements newest first: what a reader of a truncated neighbourhood most wants to see.
const neighbourOrder = (v: string) => `CASE WHEN ${v}:${Label.Statement} THEN 1 ELSE 0 END, ${v}.sortKey DESC, ${v}.id`;

/**
 * Cypher returning every `m` one projected hop from `n`, in either direction, internal nodes folded. The direct
 * relationships come LAST: Neo4j plans a UNION of k branches as a chain of k-1 Union operators with the first
 * branch at the bottom, so every row of the first branch passes through all of them. The direct branch holds
 * nearly every row of a busy node (a prolific speaker's statements): last, its rows pass one Union. Bench Q6's
 * expansion at 100k statements: 175-190 ms -> ~115 ms p50 (and ~99 ms with the label tests above), same nodes.
 */
const NEIGHBOURS = [
  ...FOLDS.flatMap((f) => [
    `MATCH (n)-[:${f.sourceRel}]-(:${f.internal})-[:${f.targetRel}]-(m) RETURN m`,
    `MATCH (n)-[:${f.targetRel}]-(:${f.internal})-[:${f.sourceRel}]-(m) RETURN m`,
  ]),
  `MATCH (n)-[:${DIRECT_RELS.join('|')}]-(m) RETURN m`,
].join('\nUNION\n');

/** Cypher returning every projected edge that starts at `n`, as `m` (its target) and `type`; direct ones last (see NEIGHBOURS). */
const OUTGOING_EDGES = [
  ...FOLDS.map(
    (f) => `MATCH (n)-[:${f.sourceRel}]-(:${f.internal})-[:${f.targetRel}]-(m) RETURN m, '${f.type}' AS type`,
  ),
  `MATCH (n)-[r:${DIRECT_RELS.join('|')}]->(m) RETURN m, type(r) AS type`,
].join('\nUNION\n');

/**
 * Matches the node `v` of `label` whose key is in parameter `$<param>`, following a Redirect left by an entity
 * merge (its id is `Label:key`) to the kept node.
 */
export function matchByKey(v: string, label: string, param: string): string {
  return `OPTIONAL MATCH (${v}_redirect:${Label.Redirect} {id: '${label}:' + $${param}})
    WITH *, coalesce(${v}_redirect.target, $${param}) AS ${v}_key
    MATCH (${v}:${label} {id: ${v}_key})`;
}

/** A path as read: its nodes and relationships in order. */
export interface RawPath {
  nodes: RawNode[];
  rels: RawRel[];
}

export class ExploreRepository {
  constructor(private readonly db: Database) {}

  /** Runs `work` in one read transaction: element ids are only stable within one. */
  inTransaction<R>(work: (tx: Tx) => Promise<R>): Promise<R> {
    return this.db.readTx(work);
  }

  /** The node of `label` with key `key` (following redirects), or null. */
  async node(tx: Tx, label: string, key: string): Promise<RawNode | null> {
    const [row] = await tx.run<{ node: RawNode }>(`${matchByKey('n', label, 'key')} RETURN ${rawNode('n')} AS node`, {
      key,
    });
    return row?.node ?? null;
  }

  /**
   * The domain nodes one projected hop from any frontier node and not yet seen, at most `room`: entities first,
   * then statements newest first. Deprecated statements are left out.
   */
  async expand(tx: Tx, frontier: string[], seen: string[], room: number): Promise<RawNode[]> {
    const rows = await tx.run<{ node: RawNode }>(
      `UNWIND $frontier AS id
       MATCH (n) WHERE elementId(n) = id
       CALL (n) {
         CALL (n) { ${NEIGHBOURS} }
         WITH m WHERE ${domainNode('m')} AND ${notDeprecated('m')} AND NOT elementId(m) IN $seen
         RETURN m ORDER BY ${neighbourOrder('m')} LIMIT $room
       }
       WITH DISTINCT m
       ORDER BY ${neighbourOrder('m')} LIMIT $room
       RETURN ${rawNode('m')} AS node`,
      { frontier, seen, room: int(room) },
    );
    return rows.map((row) => row.node);
  }

  /** Every projected edge between two of the given nodes. */
  async edgesAmong(tx: Tx, ids: string[]): Promise<RawEdge[]> {
    return tx.run<RawEdge>(
      `UNWIND $ids AS id
       MATCH (n) WHERE elementId(n) = id
       CALL (n) { ${OUTGOING_EDGES} }
       WITH n, m, type WHERE elementId(m) IN $ids
       RETURN DISTINCT elementId(n) AS source, elementId(m) AS target, type`,
      { ids },
    );
  }

  /**
   * All shortest paths of at most `maxRelationships` stored relationships between two nodes, over the domain
   * relationship types only (never HAS_ALIAS) and never through a deprecated statement; at most `maxPaths`.
   * allShortestPaths searches from both ends at once and checks the predicate (on every node alike) during the
   * search; the newer ALL SHORTEST patterns took tens of seconds on a graph of 100k statements where this takes
   * well under one.
   */
  async shortestPaths(
    tx: Tx,
    from: string,
    to: string,
    maxRelationships: number,
    maxPaths: number,
  ): Promise<RawPath[]> {
    // A length bound cannot be a parameter; this one is an integer the service computed and checked.
    const bound = Math.max(1, Math.min(12, Math.trunc(maxRelationships)));
    return tx.run<RawPath>(
      `MATCH (a) WHERE elementId(a) = $from
       MATCH (b) WHERE elementId(b) = $to
       MATCH p = allShortestPaths((a)-[:${PATH_RELS.join('|')}*..${bound}]-(b))
       WHERE none(n IN nodes(p) WHERE n:${Label.Statement} AND coalesce(n.rank, '') = 'DEPRECATED')
       WITH p LIMIT $maxPaths
       RETURN [n IN nodes(p) | ${rawNode('n')}] AS nodes,
         [rel IN relationships(p) | {type: type(rel), start: elementId(startNode(rel)), end: elementId(endNode(rel))}]
           AS rels`,
      { from, to, maxPaths: int(maxPaths) },
    );
  }
}
