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

/** One way through an internal node: its owner link, the link onwards, and the edge the pair folds into. */
export interface Fold {
  internal: string;
  /** The relationship from the owner (statement, actor, meeting) to the internal node. */
  ownerRel: string;
  /** The relationship from the internal node to the far node. */
  farRel: string;
  type: string;
  /** Whether the folded edge points from the owner to the far node (else from the far node to the owner). */
  fromOwner: boolean;
}

/**
 * Internal nodes never appear in a subgraph: Reports, Roles and StatusChanges fold into edges between the domain
 * nodes on either side, and Aliases are left out (two entities sharing a spelling are not connected).
 */
export const FOLDS: Fold[] = [
  { internal: Label.Report, ownerRel: Rel.HAS_REPORT, farRel: Rel.IN_ARTICLE, type: 'REPORTED_IN', fromOwner: true },
  { internal: Label.Report, ownerRel: Rel.HAS_REPORT, farRel: Rel.VIA, type: 'VIA', fromOwner: true },
  {
    internal: Label.Role,
    ownerRel: Rel.HOLDS_ROLE,
    farRel: Rel.IN_ORGANIZATION,
    type: 'HOLDS_ROLE_IN',
    fromOwner: true,
  },
  { internal: Label.Role, ownerRel: Rel.HOLDS_ROLE, farRel: Rel.FOR_COUNTRY, type: 'HOLDS_ROLE_FOR', fromOwner: true },
  {
    internal: Label.StatusChange,
    ownerRel: Rel.HAS_STATUS,
    farRel: Rel.ASSERTED_BY,
    type: 'ASSERTS_STATUS',
    fromOwner: false,
  },
];

export const INTERNAL_LABELS: string[] = [...new Set(FOLDS.map((f) => f.internal))];
export const OWNER_RELS: string[] = [...new Set(FOLDS.map((f) => f.ownerRel))];

/** Every relationship type a path may use: the direct ones and those through internal nodes, never HAS_ALIAS. */
export const PATH_RELS: string[] = [...DIRECT_RELS, ...new Set(FOLDS.flatMap((f) => [f.ownerRel, f.farRel]))];

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
 * become one edge (see FOLDS). Returns null when the path passes an internal node in a way that folds into nothing.
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
    const [ownerRel, farRel, owner, far] = OWNER_RELS.includes(before.type)
      ? [before, after, previous, next]
      : [after, before, next, previous];
    const fold = FOLDS.find(
      (f) => node.labels.includes(f.internal) && f.ownerRel === ownerRel.type && f.farRel === farRel.type,
    );
    if (!fold) return null;
    edges.push(
      fold.fromOwner
        ? { source: owner.elementId, target: far.elementId, type: fold.type }
        : { source: far.elementId, target: owner.elementId, type: fold.type },
    );
  }
  return { nodes: kept, edges };
}
