import { useMemo, useState } from 'react';
import { useQuery } from '../../api/client';
import { EntityPicker } from '../../components/entity-picker';
import { GraphLegend, GraphView, type SubgraphData } from '../../components/graph-view';
import { Empty, QueryView } from '../../components/states';
import { href, navigate } from '../../router';

const PATH = /* GraphQL */ `
  query ShortestPaths($from: ID!, $to: ID!, $maxHops: Int) {
    path(from: $from, to: $to, maxHops: $maxHops) {
      truncated
      nodes {
        id
        type
        name
      }
      edges {
        source
        target
        type
      }
    }
  }
`;

/** /path?from=&to=&maxHops=: every shortest connection between two nodes, drawn from `from` outwards. */
export function PathScreen({ from, to, maxHops: rawHops }: { from: string; to: string; maxHops: number }) {
  const maxHops = Number.isInteger(rawHops) ? Math.min(6, Math.max(1, rawHops)) : 4;
  const ready = Boolean(from && to);
  const state = useQuery<{ path: SubgraphData }>(PATH, { from, to, maxHops }, !ready);
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const roots = useMemo(() => [from], [from]);
  const go = (f: string, t: string, hops: number) => navigate(href('/path', { from: f, to: t, maxHops: hops }));
  return (
    <section className="graph-screen">
      <h1>Shortest paths</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <EntityPicker label="from" value={from} onPick={(id) => go(id, to, maxHops)} />
        <EntityPicker label="to" value={to} onPick={(id) => go(from, id, maxHops)} />
        <label>
          at most{' '}
          <select value={maxHops} onChange={(event) => go(from, to, Number(event.target.value))}>
            {[1, 2, 3, 4, 5, 6].map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>{' '}
          hops
        </label>
      </form>
      {!ready ? (
        <Empty>Choose two actors or countries (any name or alias) to see how they connect.</Empty>
      ) : (
        <QueryView state={state} what="Finding paths">
          {({ path }) => {
            if (path.nodes.length === 0) return <Empty>No connection within {maxHops} hops.</Empty>;
            return (
              <>
                {path.truncated && (
                  <p className="notice" role="status">
                    Truncated: more shortest paths exist than the 25 returned.
                  </p>
                )}
                <p className="muted">
                  {path.nodes.length} nodes, {path.edges.length} edges on the shortest paths
                </p>
                {counts && <GraphLegend counts={counts} />}
                <GraphView graph={path} roots={roots} layout="tree" onDrawn={(c) => setCounts(c)} />
              </>
            );
          }}
        </QueryView>
      )}
    </section>
  );
}
