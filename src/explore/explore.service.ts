import { BadUserInputError, NotFoundError } from '../shared/errors';
import { fromGlobalId, toGlobalId } from '../shared/global-id';
import { Label } from '../shared/graph-schema';
import type { Database } from '../shared/neo4j/database';
import { ExploreRepository } from './explore.repository';
import { displayNames, domainType, projectPath, type RawEdge, type RawNode } from './projection';
import { Subgraph, SubgraphEdge, SubgraphNode } from './subgraph.type';

export const MAX_DEPTH = 3;
export const DEFAULT_NODE_LIMIT = 200;
export const MAX_NODE_LIMIT = 1000;
export const MAX_HOPS = 6;
/** Most shortest paths returned; more are flagged with `truncated`. */
export const MAX_PATHS = 25;

function checkRange(path: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(`Invalid ${path}`, [
      { path, message: `must be an integer from ${min} to ${max} (got ${value})` },
    ]);
  }
}

function toSubgraph(nodes: RawNode[], edges: RawEdge[], truncated: boolean): Subgraph {
  const ids = new Map<string, string>();
  const subgraph = new Subgraph();
  subgraph.nodes = [];
  for (const raw of nodes) {
    const type = domainType(raw.labels);
    if (!type || ids.has(raw.elementId)) continue;
    const node = new SubgraphNode();
    node.elementId = raw.elementId;
    node.id = toGlobalId(type, String(raw.props.id));
    node.type = type;
    node.names = displayNames(type, raw.props);
    ids.set(raw.elementId, node.id);
    subgraph.nodes.push(node);
  }
  const seen = new Set<string>();
  subgraph.edges = [];
  for (const raw of edges) {
    const source = ids.get(raw.source);
    const target = ids.get(raw.target);
    const key = `${raw.source}|${raw.target}|${raw.type}`;
    if (!source || !target || seen.has(key)) continue;
    seen.add(key);
    const edge = new SubgraphEdge();
    edge.source = source;
    edge.target = target;
    edge.type = raw.type;
    subgraph.edges.push(edge);
  }
  subgraph.truncated = truncated;
  return subgraph;
}

/**
 * The subgraph within `depth` projected hops of a node (internal nodes folded into edges, see FOLDS), breadth
 * first, capped at `limit` nodes: nearer nodes first, and at each level entities before statements, newest
 * statements first. Edges are all projected edges among the returned nodes. Round trips: at most depth + 2.
 */
export async function neighborhood(db: Database, id: string, depth: number, limit: number): Promise<Subgraph> {
  checkRange('depth', depth, 1, MAX_DEPTH);
  checkRange('limit', limit, 1, MAX_NODE_LIMIT);
  const start = fromGlobalId(id, 'id');
  const repository = new ExploreRepository(db);
  return repository.inTransaction(async (tx) => {
    const origin = await repository.node(tx, Label[start.type], start.id);
    if (!origin) throw new NotFoundError(start.type, id);
    const kept: RawNode[] = [origin];
    const seen = [origin.elementId];
    let frontier = [origin.elementId];
    let truncated = false;
    for (let level = 1; level <= depth && frontier.length > 0; level++) {
      const room = limit - kept.length;
      // Full and already known to be cut short: another level could add nothing (bench Q6: a third of the db hits).
      if (room <= 0 && truncated) break;
      const found = await repository.expand(tx, frontier, seen, room + 1);
      if (found.length > room) truncated = true;
      const added = found.slice(0, room);
      kept.push(...added);
      seen.push(...added.map((n) => n.elementId));
      frontier = added.map((n) => n.elementId);
    }
    const edges = await repository.edgesAmong(tx, seen);
    return toSubgraph(kept, edges, truncated);
  });
}

/**
 * The shortest connections between two nodes. Neo4j finds all shortest paths over the stored relationships of
 * the domain (never HAS_ALIAS; never through a deprecated statement); each is folded as in `neighborhood`, where
 * a hop through a report, role or status change counts once. `maxHops` bounds the folded length, so the search
 * allows twice as many stored relationships and keeps the paths of the fewest folded hops. (A path that is longer
 * in stored relationships but shorter once folded is not looked for: the shortest stored path wins.)
 * Round trips: 3.
 */
export async function path(db: Database, fromId: string, toId: string, maxHops: number): Promise<Subgraph> {
  checkRange('maxHops', maxHops, 1, MAX_HOPS);
  const from = fromGlobalId(fromId, 'from');
  const to = fromGlobalId(toId, 'to');
  const repository = new ExploreRepository(db);
  return repository.inTransaction(async (tx) => {
    const a = await repository.node(tx, Label[from.type], from.id);
    if (!a) throw new NotFoundError(from.type, fromId);
    const b = await repository.node(tx, Label[to.type], to.id);
    if (!b) throw new NotFoundError(to.type, toId);
    if (a.elementId === b.elementId) return toSubgraph([a], [], false);
    const found = await repository.shortestPaths(tx, a.elementId, b.elementId, 2 * maxHops, MAX_PATHS + 1);
    const folded = found
      .slice(0, MAX_PATHS)
      .map((p) => projectPath(p.nodes, p.rels))
      .filter((p) => p !== null);
    const fewest = Math.min(...folded.map((p) => p.edges.length));
    const best = folded.filter((p) => p.edges.length === fewest && fewest <= maxHops);
    return toSubgraph(
      best.flatMap((p) => p.nodes),
      best.flatMap((p) => p.edges),
      found.length > MAX_PATHS,
    );
  });
}
