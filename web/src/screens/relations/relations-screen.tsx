import type { ChartConfiguration } from 'chart.js';
import { useMemo } from 'react';
import { useQuery } from '../../api/client';
import { ChartCanvas } from '../../components/chart';
import { EntityPicker } from '../../components/entity-picker';
import { NodeLink } from '../../components/node-link';
import { Empty, QueryView } from '../../components/states';
import { href, navigate } from '../../router';

const RELATIONS = /* GraphQL */ `
  query Relations($a: ID!, $b: ID!, $interval: Interval!, $from: Date, $to: Date) {
    relations(a: $a, b: $b, interval: $interval, from: $from, to: $to) {
      a {
        id
        name
      }
      b {
        id
        name
      }
      buckets {
        ...Bucket
      }
      undated {
        ...Bucket
      }
      total {
        ...Bucket
      }
    }
  }

  fragment Bucket on RelationBucket {
    start
    end
    aToB {
      count
      meanGoldstein
    }
    bToA {
      count
      meanGoldstein
    }
  }
`;

interface Bucket {
  start: string | null;
  end: string | null;
  aToB: { count: number; meanGoldstein: number | null };
  bToA: { count: number; meanGoldstein: number | null };
}

interface RelationsData {
  relations: {
    a: { id: string; name: string };
    b: { id: string; name: string };
    buckets: Bucket[];
    undated: Bucket;
    total: Bucket;
  };
}

const INTERVALS = ['WEEK', 'MONTH', 'YEAR'];

function bucketLabel(bucket: Bucket, interval: string): string {
  if (!bucket.start) return 'undated';
  if (interval === 'YEAR') return bucket.start.slice(0, 4);
  if (interval === 'MONTH') return bucket.start.slice(0, 7);
  return bucket.start;
}

function round(value: number | null): string {
  return value === null ? '—' : value.toFixed(2);
}

function RelationsChart({ data, interval }: { data: RelationsData['relations']; interval: string }) {
  const config = useMemo<ChartConfiguration>(() => {
    const buckets =
      data.undated.aToB.count + data.undated.bToA.count > 0 ? [...data.buckets, data.undated] : data.buckets;
    const labels = buckets.map((bucket) => bucketLabel(bucket, interval));
    return {
      type: 'bar',
      data: {
        labels,
        datasets: [
          {
            type: 'bar',
            label: `${data.a.name} → ${data.b.name}`,
            data: buckets.map((b) => b.aToB.count),
            backgroundColor: '#2563eb',
            yAxisID: 'count',
          },
          {
            type: 'bar',
            label: `${data.b.name} → ${data.a.name}`,
            data: buckets.map((b) => b.bToA.count),
            backgroundColor: '#059669',
            yAxisID: 'count',
          },
          {
            type: 'line',
            label: `mean Goldstein ${data.a.name} → ${data.b.name}`,
            data: buckets.map((b) => b.aToB.meanGoldstein),
            borderColor: '#1e3a8a',
            backgroundColor: '#1e3a8a',
            yAxisID: 'goldstein',
            spanGaps: true,
          },
          {
            type: 'line',
            label: `mean Goldstein ${data.b.name} → ${data.a.name}`,
            data: buckets.map((b) => b.bToA.meanGoldstein),
            borderColor: '#065f46',
            backgroundColor: '#065f46',
            borderDash: [4, 3],
            yAxisID: 'goldstein',
            spanGaps: true,
          },
        ],
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        datasets: { bar: { maxBarThickness: 48 } },
        scales: {
          count: {
            type: 'linear',
            position: 'left',
            beginAtZero: true,
            title: { display: true, text: 'statements' },
            ticks: { precision: 0 },
          },
          goldstein: {
            type: 'linear',
            position: 'right',
            min: -10,
            max: 10,
            title: { display: true, text: 'mean Goldstein' },
            grid: { drawOnChartArea: false },
          },
        },
      },
    };
  }, [data, interval]);
  return (
    <ChartCanvas
      config={config}
      label={`Statements between ${data.a.name} and ${data.b.name} per ${interval.toLowerCase()}`}
    />
  );
}

/** /relations?a=&b=&interval=: statements each way between two countries or actors, per bucket, with Goldstein means. */
export function RelationsScreen({ a, b, interval: rawInterval }: { a: string; b: string; interval: string }) {
  const interval = INTERVALS.includes(rawInterval) ? rawInterval : 'MONTH';
  const ready = Boolean(a && b);
  const state = useQuery<RelationsData>(RELATIONS, { a, b, interval }, !ready);
  const go = (na: string, nb: string, ni: string) => navigate(href('/relations', { a: na, b: nb, interval: ni }));
  return (
    <section className="relations-screen">
      <h1>Relations</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <EntityPicker label="between" value={a} onPick={(id) => go(id, b, interval)} />
        <EntityPicker label="and" value={b} onPick={(id) => go(a, id, interval)} />
        <label>
          per{' '}
          <select value={interval} onChange={(event) => go(a, b, event.target.value)}>
            {INTERVALS.map((i) => (
              <option key={i} value={i}>
                {i.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
      </form>
      {!ready ? (
        <Empty>Choose two countries or actors, by any name or alias.</Empty>
      ) : (
        <QueryView state={state} what="Counting statements">
          {({ relations }) => {
            if (relations.total.aToB.count + relations.total.bToA.count === 0) {
              return <Empty>No statement of one side about the other.</Empty>;
            }
            const rows = [...relations.buckets, relations.undated, relations.total];
            return (
              <>
                <p>
                  <NodeLink node={relations.a} /> → <NodeLink node={relations.b} />: {relations.total.aToB.count}{' '}
                  statements, mean Goldstein {round(relations.total.aToB.meanGoldstein)}; back:{' '}
                  {relations.total.bToA.count}, mean {round(relations.total.bToA.meanGoldstein)}.
                </p>
                <RelationsChart data={relations} interval={interval} />
                <table className="numbers">
                  <thead>
                    <tr>
                      <th>{interval.toLowerCase()}</th>
                      <th dir="auto">
                        {relations.a.name} → {relations.b.name}
                      </th>
                      <th>mean Goldstein</th>
                      <th dir="auto">
                        {relations.b.name} → {relations.a.name}
                      </th>
                      <th>mean Goldstein</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((bucket, index) => (
                      <tr key={index} className={index === rows.length - 1 ? 'total' : undefined}>
                        <td>{index === rows.length - 1 ? 'total' : bucketLabel(bucket, interval)}</td>
                        <td>{bucket.aToB.count}</td>
                        <td>{round(bucket.aToB.meanGoldstein)}</td>
                        <td>{bucket.bToA.count}</td>
                        <td>{round(bucket.bToA.meanGoldstein)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            );
          }}
        </QueryView>
      )}
    </section>
  );
}
