import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState, type FormEvent } from 'react';
import cameoRoots from '../../api/cameo-roots.json';
import { useQuery } from '../../api/client';
import { ChartCanvas } from '../../components/chart';
import { nodePath } from '../../components/node-link';
import { Empty, QueryView } from '../../components/states';
import { href, Link, navigate } from '../../router';

const STATS = /* GraphQL */ `
  query StatsDashboard($filter: StatementFilter) {
    speakers: statementStats(groupBy: SPEAKER, filter: $filter, top: 10) {
      ...Row
    }
    subjects: statementStats(groupBy: ABOUT, filter: $filter, top: 10) {
      ...Row
    }
    cameo: statementStats(groupBy: CAMEO, filter: $filter, top: 100) {
      ...Row
    }
    months: statementStats(groupBy: MONTH, filter: $filter, top: 100) {
      ...Row
    }
  }

  fragment Row on StatsRow {
    key {
      id
    }
    label
    count
    meanGoldstein
  }
`;

interface Row {
  key: { id: string } | null;
  label: string;
  count: number;
  meanGoldstein: number | null;
}

interface StatsData {
  speakers: Row[];
  subjects: Row[];
  cameo: Row[];
  months: Row[];
}

/** CAMEO codes folded into their root category (the first two digits), weighting Goldstein means by count. */
function cameoRootRows(rows: Row[]): Row[] {
  const roots = new Map<string, { count: number; goldsteinSum: number; goldsteinCount: number }>();
  for (const row of rows) {
    const root = row.label.slice(0, 2);
    const entry = roots.get(root) ?? { count: 0, goldsteinSum: 0, goldsteinCount: 0 };
    entry.count += row.count;
    if (row.meanGoldstein !== null) {
      entry.goldsteinSum += row.meanGoldstein * row.count;
      entry.goldsteinCount += row.count;
    }
    roots.set(root, entry);
  }
  return [...roots]
    .map(([root, entry]) => ({
      key: null,
      label: `${root} ${(cameoRoots as Record<string, string>)[root] ?? ''}`.trim(),
      count: entry.count,
      meanGoldstein: entry.goldsteinCount ? entry.goldsteinSum / entry.goldsteinCount : null,
    }))
    .sort((x, y) => y.count - x.count);
}

function barConfig(rows: Row[], colour: string, horizontal: boolean): ChartConfiguration {
  return {
    type: 'bar',
    data: {
      labels: rows.map((row) => row.label),
      datasets: [{ label: 'statements', data: rows.map((row) => row.count), backgroundColor: colour }],
    },
    options: {
      indexAxis: horizontal ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: {
        [horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } },
        // Long names (meetings) would be cut at the canvas edge; the table beside the chart has them whole.
        [horizontal ? 'y' : 'x']: {
          ticks: {
            callback: (_value, index) => {
              const text = rows[index]?.label ?? '';
              return text.length > 26 ? `${text.slice(0, 25)}…` : text;
            },
          },
        },
      },
    },
  };
}

function Card({
  title,
  rows,
  colour,
  horizontal = true,
}: {
  title: string;
  rows: Row[];
  colour: string;
  horizontal?: boolean;
}) {
  const config = useMemo(() => barConfig(rows, colour, horizontal), [rows, colour, horizontal]);
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <Empty>No statements.</Empty>
      ) : (
        <>
          <ChartCanvas config={config} label={title} height={Math.max(160, horizontal ? rows.length * 26 + 40 : 240)} />
          <table className="numbers">
            <thead>
              <tr>
                <th></th>
                <th>count</th>
                <th>mean Goldstein</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.label}>
                  <td dir="auto">{row.key ? <Link to={nodePath(row.key.id)}>{row.label}</Link> : row.label}</td>
                  <td>{row.count}</td>
                  <td>{row.meanGoldstein === null ? '—' : row.meanGoldstein.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** /stats?from=&to=: statementStats as a dashboard of four cards, each one grouping and one chart. */
export function StatsScreen({ from, to }: { from: string; to: string }) {
  const filter = from || to ? { from: from || null, to: to || null } : null;
  const state = useQuery<StatsData>(STATS, { filter });
  const [fromText, setFrom] = useState(from);
  const [toText, setTo] = useState(to);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(href('/stats', { from: fromText, to: toText }));
  };
  return (
    <section className="stats-screen">
      <h1>Statement statistics</h1>
      <form className="filters" onSubmit={submit}>
        <label>
          from <input type="date" value={fromText} onChange={(event) => setFrom(event.target.value)} />
        </label>
        <label>
          to <input type="date" value={toText} onChange={(event) => setTo(event.target.value)} />
        </label>
        <button type="submit">Apply</button>
      </form>
      <QueryView state={state} what="Counting">
        {(data) => (
          <div className="dashboard">
            <Card title="Top speakers" rows={data.speakers} colour="#2563eb" />
            <Card title="Top subjects" rows={data.subjects} colour="#059669" />
            <Card title="CAMEO root categories" rows={cameoRootRows(data.cameo)} colour="#d97706" />
            <Card
              title="Statements by month"
              rows={[...data.months].sort((x, y) => x.label.localeCompare(y.label))}
              colour="#7c3aed"
              horizontal={false}
            />
          </div>
        )}
      </QueryView>
    </section>
  );
}
