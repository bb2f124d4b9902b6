import { Label, Rel, type NodeTypeName } from '../shared/graph-schema';
import { namesFrom, type Names } from '../shared/graphql/names';

/** Relationships between two domain nodes, shown as they are. */
export const DIRECT_RELS: string[] = [
  Rel.SAID_BY,
  Rel.ON_BEHALF_OF,
  Rel.ABOUT,
  Rel.OF_COUNTRY,
  Rel.PARTICIPANT,
  Rel.LOCATED_IN,
  Rel.PUBLISHED_BY,
  Rel.MENTIONS,
  Rel.HAS_TOPIC,
];

/**
 * One way through an internal node, folded into one edge: from the node at the end of `sourceRel` to the node at
 * the end of `targetRel` (each relationship type links the internal node to one kind of node, whatever the
 * direction it is stored in).
 */
export interface Fold {
  internal: string;
  sourceRel: string;
  targetRel: string;
  type: string;
}

/**
 * Internal nodes never appear in a subgraph: every pair of relationships through a Report, Role or StatusChange
 * folds into an edge between the domain nodes on either side, and Aliases are left out (two entities sharing a
 * spelling are not connected).
 */
export const FOLDS: Fold[] = [
  { internal: Label.Report, sourceRel: Rel.HAS_REPORT, targetRel: Rel.IN_ARTICLE, type: 'REPORTED_IN' },
  { internal: Label.Report, sourceRel: Rel.HAS_REPORT, targetRel: Rel.VIA, type: 'VIA' },
  { internal: Label.Report, sourceRel: Rel.IN_ARTICLE, targetRel: Rel.VIA, type: 'VIA' },
  { internal: Label.Role, sourceRel: Rel.HOLDS_ROLE, targetRel: Rel.IN_ORGANIZATION, type: 'HOLDS_ROLE_IN' },
  { internal: Label.Role, sourceRel: Rel.HOLDS_ROLE, targetRel: Rel.FOR_COUNTRY, type: 'HOLDS_ROLE_FOR' },
  { internal: Label.Role, sourceRel: Rel.IN_ORGANIZATION, targetRel: Rel.FOR_COUNTRY, type: 'HAS_OFFICE_FOR' },
  { internal: Label.StatusChange, sourceRel: Rel.ASSERTED_BY, targetRel: Rel.HAS_STATUS, type: 'ASSERTS_STATUS' },
];

/** Every relationship type a path may use: the direct ones and those through internal nodes, never HAS_ALIAS. */
export const PATH_RELS: string[] = [...DIRECT_RELS, ...new Set(FOLDS.flatMap((f) => [f.sourceRel, f.targetRel]))];

/** A node as read from the database. */
export interface RawNode {
  elementId: string;
  labels: string[];
  props: Record<string, unknown>;
}

/** A relationship as read from the database, its ends as element ids. */
export interface RawRel {
  type: string;
  start: string;
  end: string;
}

/** A projected edge, its ends as element ids. */
export interface RawEdge {
  source: string;
  target: string;
  type: string;
}

const DOMAIN: readonly string[] = [
  Label.Country,
  Label.Actor,
  Label.Statement,
  Label.Meeting,
  Label.Article,
  Label.Topic,
];

/** The GraphQL type of a node, or null for an internal node. */
export function domainType(labels: readonly string[]): NodeTypeName | null {
  return (labels.find((l) => DOMAIN.includes(l)) as NodeTypeName | undefined) ?? null;
}

function snippet(text: unknown, max = 80): string | null {
  if (typeof text !== 'string' || text === '') return null;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Display names of a domain node: an entity's names, an article's title, a statement's opening words. */
export function displayNames(type: NodeTypeName, props: Record<string, unknown>): Names {
  if (type === 'Statement') {
    const names: Names = {};
    const original = snippet(props.text);
    const translation = snippet(props.translation);
    if (original) names[String(props.language ?? 'und').split('-')[0]!] = original;
    if (translation) names.en = translation;
    return names;
  }
  if (type === 'Article') {
    const title = snippet(props.title, 120);
    return title ? { [String(props.language ?? 'und').split('-')[0]!]: title } : {};
  }
  const names = namesFrom(props);
  return Object.keys(names).length > 0 ? names : { en: String(props.id) };
}

/**
 * Folds a path read from the database into domain nodes and edges: each internal node and its two relationships
 * become one edge (see FOLDS). Returns null when a pass through an internal node folds into nothing.
 */
export function projectPath(nodes: RawNode[], rels: RawRel[]): { nodes: RawNode[]; edges: RawEdge[] } | null {
  const kept: RawNode[] = [];
  const edges: RawEdge[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (domainType(node.labels)) {
      kept.push(node);
      const rel = rels[i];
      const next = nodes[i + 1];
      if (rel && next && domainType(next.labels)) edges.push({ source: rel.start, target: rel.end, type: rel.type });
      continue;
    }
    const before = rels[i - 1];
    const after = rels[i];
    const previous = nodes[i - 1];
    const next = nodes[i + 1];
    if (!before || !after || !previous || !next) return null;
    const forward = FOLDS.find(
      (f) => node.labels.includes(f.internal) && f.sourceRel === before.type && f.targetRel === after.type,
    );
    const backward = FOLDS.find(
      (f) => node.labels.includes(f.internal) && f.sourceRel === after.type && f.targetRel === before.type,
    );
    if (forward) edges.push({ source: previous.elementId, target: next.elementId, type: forward.type });
    else if (backward) edges.push({ source: next.elementId, target: previous.elementId, type: backward.type });
    else return null;
  }
  return { nodes: kept, edges };
}
