import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import { useEffect, useRef, useState } from 'react';
import { navigate } from '../router';
import { nodePath } from './node-link';

export interface SubgraphData {
  truncated: boolean;
  nodes: { id: string; type: string; name: string }[];
  edges: { source: string; target: string; type: string }[];
}

/** One colour per node type, shared by the drawing and its legend. */
export const TYPE_COLOURS: Record<string, string> = {
  Actor: '#2563eb',
  Country: '#059669',
  Statement: '#d97706',
  Meeting: '#7c3aed',
  Article: '#64748b',
  Topic: '#db2777',
};

function label(name: string, type: string): string {
  const limit = type === 'Statement' ? 24 : 32;
  return name.length > limit ? `${name.slice(0, limit - 1)}…` : name;
}

const TYPE_ORDER = ['Actor', 'Country', 'Meeting', 'Topic', 'Statement', 'Article'];

/** Inner rings for the entities, outer ones for statements and articles. */
function typeRank(type: string): number {
  const index = TYPE_ORDER.indexOf(type);
  return TYPE_ORDER.length - (index === -1 ? TYPE_ORDER.length : index);
}

/** Hop distance of every node from the roots, through edges in either direction. */
function distances(graph: SubgraphData, roots: string[]): Map<string, number> {
  const neighbours = new Map<string, string[]>();
  for (const edge of graph.edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }
  const distance = new Map<string, number>(roots.map((root) => [root, 0]));
  let frontier = roots;
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of neighbours.get(id) ?? []) {
        if (!distance.has(other)) {
          distance.set(other, distance.get(id)! + 1);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return distance;
}

/**
 * A subgraph drawn with cytoscape.js: nodes in rings by hop distance from `roots` (concentric layout, linear in
 * the node count, so 1,000 nodes lay out at once, where force-directed layouts take seconds). Clicking a node
 * opens its page. Reports the drawn node count per type (read from cytoscape, not from the input) to `onDrawn`.
 */
export function GraphView({
  graph,
  roots,
  layout = 'rings',
  onDrawn,
}: {
  graph: SubgraphData;
  roots: string[];
  /** rings: concentric by hop distance (neighbourhoods); tree: layered from the roots (paths). */
  layout?: 'rings' | 'tree';
  onDrawn?: (counts: Record<string, number>, ms: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  useEffect(() => {
    if (!container.current) return;
    const started = performance.now();
    const distance = distances(graph, roots);
    const maxDistance = Math.max(0, ...distance.values());
    const ids = new Set(graph.nodes.map((node) => node.id));
    const elements: ElementDefinition[] = [
      ...graph.nodes.map((node) => ({
        group: 'nodes' as const,
        data: {
          id: node.id,
          type: node.type,
          label: label(node.name, node.type),
          name: node.name,
          // One ring per hop distance and, within it, per type: a big neighbourhood reads as typed bands.
          level: (maxDistance + 1 - (distance.get(node.id) ?? maxDistance + 1)) * 10 + typeRank(node.type),
          colour: TYPE_COLOURS[node.type] ?? '#475569',
          root: roots.includes(node.id) ? 1 : 0,
        },
      })),
      ...graph.edges
        .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
        .map((edge, index) => ({
          group: 'edges' as const,
          data: { id: `e${index}`, source: edge.source, target: edge.target, type: edge.type },
        })),
    ];
    const large = graph.nodes.length > 300;
    const edgeLabels = graph.edges.length <= 40;
    const cy: Core = cytoscape({
      container: container.current,
      elements,
      // Large graphs: no labels until zoomed in, haystack edges and no arrows; the cheapest cytoscape drawing.
      hideEdgesOnViewport: large,
      textureOnViewport: large,
      pixelRatio: large ? 1 : 'auto',
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': 'data(colour)',
            label: large ? '' : 'data(label)',
            'font-size': 9,
            color: '#1e293b',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-wrap': 'wrap',
            'text-max-width': '110px',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.7,
            width: 16,
            height: 16,
          },
        },
        { selector: 'node[root = 1]', style: { width: 28, height: 28, 'border-width': 3, 'border-color': '#0f172a' } },
        { selector: 'node[type = "Statement"]', style: { shape: 'round-rectangle' } },
        { selector: 'node[type = "Article"]', style: { shape: 'rectangle' } },
        { selector: 'node[type = "Meeting"]', style: { shape: 'diamond' } },
        {
          selector: 'edge',
          style: large
            ? { 'curve-style': 'haystack', width: 0.5, 'line-color': '#cbd5e1' }
            : {
                'curve-style': 'bezier',
                width: 1,
                'line-color': '#94a3b8',
                'target-arrow-color': '#94a3b8',
                'target-arrow-shape': 'triangle',
                'arrow-scale': 0.6,
                label: edgeLabels ? 'data(type)' : '',
                'font-size': 6,
                color: '#64748b',
                'text-rotation': 'autorotate',
              },
        },
        { selector: 'node:active, node.hover', style: { 'overlay-opacity': 0.15, label: 'data(label)' } },
      ],
      layout:
        layout === 'tree'
          ? { name: 'breadthfirst', roots, directed: false, spacingFactor: 1.2, padding: 30, animate: false }
          : {
              name: 'concentric',
              concentric: (node) => node.data('level') as number,
              levelWidth: () => 1,
              minNodeSpacing: large ? 4 : 40,
              padding: 30,
              animate: false,
            },
    });
    // The one node a neighbourhood is about goes in the middle of its rings (concentric does not always put a
    // lone innermost level at the centre of a large layout).
    if (layout === 'rings' && roots.length === 1) {
      const root = cy.getElementById(roots[0]!);
      const others = cy.nodes().difference(root);
      if (root.nonempty() && others.nonempty()) {
        const box = others.boundingBox();
        root.position({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 });
        cy.fit(undefined, 30);
      }
    }
    // A small graph fitted to the box would be drawn huge; keep it at most at natural size, centred.
    if (cy.zoom() > 1.1) {
      cy.zoom(1.1);
      cy.center();
    }
    cy.on('tap', 'node', (event) => navigate(nodePath(event.target.id() as string)));
    cy.on('mouseover', 'node', (event) => {
      event.target.addClass('hover');
      setHovered(`${event.target.data('type')}: ${event.target.data('name')}`);
      if (container.current) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', (event) => {
      event.target.removeClass('hover');
      setHovered(null);
      if (container.current) container.current.style.cursor = '';
    });
    const counts: Record<string, number> = {};
    cy.nodes().forEach((node) => {
      const type = node.data('type') as string;
      counts[type] = (counts[type] ?? 0) + 1;
    });
    onDrawn?.(counts, performance.now() - started);
    return () => cy.destroy();
    // The drawing depends on the graph and roots only; onDrawn is a report.
  }, [graph, roots.join(','), layout]);
  return (
    <div className="graph-wrap">
      <div ref={container} className="graph" data-testid="graph" />
      <p className="graph-hover" dir="auto" aria-live="polite">
        {hovered ?? 'Click a node to open it; scroll to zoom, drag to pan.'}
      </p>
    </div>
  );
}

/** The legend: node counts per type as drawn. */
export function GraphLegend({ counts }: { counts: Record<string, number> }) {
  return (
    <ul className="legend">
      {Object.entries(counts)
        .sort((a, b) => b[1] - a[1])
        .map(([type, count]) => (
          <li key={type} data-type={type} data-count={count}>
            <span className="swatch" style={{ background: TYPE_COLOURS[type] ?? '#475569' }} /> {type} {count}
          </li>
        ))}
    </ul>
  );
}
