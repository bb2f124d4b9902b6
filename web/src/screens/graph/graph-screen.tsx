import { useMemo, useState } from 'react';
import { useQuery } from '../../api/client';
import { GraphLegend, GraphView } from '../../components/graph-view';
import { NodeLink, nodePath } from '../../components/node-link';
import { Empty, QueryView } from '../../components/states';
import { href, Link, navigate } from '../../router';
import { NEIGHBORHOOD, type NeighborhoodData } from './graph.queries';

const LIMITS = [50, 200, 500, 1000];

function clamp(value: number, min: number, max: number, fallback: number): number {
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** /node/<id>/graph?depth=&limit=: the neighbourhood of a node (depth 1-3, at most 1,000 nodes). */
export function GraphScreen({ id, depth: rawDepth, limit: rawLimit }: { id: string; depth: number; limit: number }) {
  const depth = clamp(rawDepth, 1, 3, 1);
  const limit = clamp(rawLimit, 1, 1000, 200);
  const state = useQuery<NeighborhoodData>(NEIGHBORHOOD, { id, depth, limit });
  const [drawn, setDrawn] = useState<{ counts: Record<string, number>; ms: number } | null>(null);
  const roots = useMemo(() => [id], [id]);
  const go = (d: number, l: number) => navigate(href(`${nodePath(id)}/graph`, { depth: d, limit: l }));
  return (
    <section className="graph-screen">
      <QueryView state={state} what="Loading the neighbourhood">
        {({ node, neighborhood }) => {
          if (!node) return <Empty>Nothing has the id {id}.</Empty>;
          const name = node.name ?? node.title ?? node.text ?? id;
          return (
            <>
              <h1>
                Neighbourhood of <NodeLink node={{ id: node.id, name }} />
              </h1>
              <form className="filters" onSubmit={(event) => event.preventDefault()}>
                <label>
                  depth{' '}
                  <select value={depth} onChange={(event) => go(Number(event.target.value), limit)}>
                    {[1, 2, 3].map((d) => (
                      <option key={d} value={d}>
                        {d}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  at most{' '}
                  <select value={limit} onChange={(event) => go(depth, Number(event.target.value))}>
                    {[...new Set([...LIMITS, limit])]
                      .sort((a, b) => a - b)
                      .map((l) => (
                        <option key={l} value={l}>
                          {l}
                        </option>
                      ))}
                  </select>{' '}
                  nodes
                </label>
                <Link to={href('/path', { from: id })}>Shortest paths from here…</Link>
              </form>
              {neighborhood.truncated && (
                <p className="notice" role="status">
                  Truncated: more than {limit} nodes lie within {depth} hop{depth > 1 ? 's' : ''}; only {limit} are
                  drawn. Raise the limit or lower the depth.
                </p>
              )}
              <p className="muted">
                {neighborhood.nodes.length} nodes, {neighborhood.edges.length} edges
                {drawn && ` · drawn in ${Math.round(drawn.ms)} ms`}
              </p>
              {drawn && <GraphLegend counts={drawn.counts} />}
              {neighborhood.nodes.length <= 1 ? (
                <Empty>Nothing is connected to it.</Empty>
              ) : (
                <GraphView graph={neighborhood} roots={roots} onDrawn={(counts, ms) => setDrawn({ counts, ms })} />
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
