import { useState, type FormEvent } from 'react';
import { ApiError, request, useQuery } from '../../api/client';
import { NodeLink, nodePath, Text } from '../../components/node-link';
import { Empty, ErrorBox, QueryView } from '../../components/states';
import { href, Link, navigate } from '../../router';

const TIMELINE = /* GraphQL */ `
  query Timeline($id: ID!, $from: Date, $to: Date, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Meeting {
        name
      }
    }
    timeline(id: $id, from: $from, to: $to, first: $first, after: $after) {
      totalCount
      undatedCount
      pageInfo {
        hasNextPage
        endCursor
      }
      items {
        ...Item
      }
      undated {
        ...Item
      }
    }
  }

  fragment Item on TimelineItem {
    date
    kind
    statement {
      id
      text
      translation
      speaker {
        id
        name
      }
      event {
        cameo
        goldstein
      }
    }
    statusChange {
      status
      statement {
        id
      }
    }
    meeting {
      id
      name
    }
  }
`;

interface Item {
  date: string | null;
  kind: 'STATEMENT_BY' | 'STATEMENT_ABOUT' | 'STATUS_CHANGE';
  statement: {
    id: string;
    text: string;
    translation: string | null;
    speaker: { id: string; name: string } | null;
    event: { cameo: string; goldstein: number | null };
  } | null;
  statusChange: { status: string; statement: { id: string } | null } | null;
  meeting: { id: string; name: string } | null;
}

interface TimelinePage {
  totalCount: number;
  undatedCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  items: Item[];
  undated: Item[];
}

interface TimelineData {
  node: { __typename: string; id: string; name?: string } | null;
  timeline: TimelinePage;
}

const KIND_LABELS: Record<Item['kind'], string> = {
  STATEMENT_BY: 'said',
  STATEMENT_ABOUT: 'about it',
  STATUS_CHANGE: 'meeting status',
};

function ItemRow({ item }: { item: Item }) {
  return (
    <li className={`timeline-item kind-${item.kind.toLowerCase()}`}>
      <span className="date">{item.date ?? 'undated'}</span>
      <span className="chip">{KIND_LABELS[item.kind]}</span>
      {item.kind === 'STATUS_CHANGE' ? (
        <span>
          <NodeLink node={item.meeting} />{' '}
          <span className={`status status-${item.statusChange?.status.toLowerCase()}`}>
            {item.statusChange?.status}
          </span>
          {item.statusChange?.statement && (
            <>
              {' '}
              <Link to={nodePath(item.statusChange.statement.id)}>(statement)</Link>
            </>
          )}
        </span>
      ) : (
        item.statement && (
          <span className="timeline-statement">
            <NodeLink node={item.statement.speaker} className="speaker" />
            <Link to={nodePath(item.statement.id)} dir="auto" className="statement-link">
              {item.statement.text}
            </Link>
            {item.statement.translation && <Text className="translation">{item.statement.translation}</Text>}
          </span>
        )
      )}
    </li>
  );
}

/** /node/<id>/timeline?from=&to=: statements by and about an entity and its meetings' status changes, by date. */
export function TimelineScreen({ id, from, to }: { id: string; from: string; to: string }) {
  const variables = { id, from: from || null, to: to || null, first: 100 };
  const state = useQuery<TimelineData>(TIMELINE, variables);
  const [more, setMore] = useState<TimelinePage[]>([]);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const [fromText, setFrom] = useState(from);
  const [toText, setTo] = useState(to);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMore([]);
    navigate(href(`${nodePath(id)}/timeline`, { from: fromText, to: toText }));
  };
  return (
    <section className="timeline-screen">
      <QueryView state={state} what="Loading the timeline">
        {({ node, timeline }) => {
          if (!node) return <Empty>Nothing has the id {id}.</Empty>;
          const pages = [timeline, ...more];
          const last = pages[pages.length - 1]!;
          const items = pages.flatMap((page) => page.items);
          const loadMore = async () => {
            try {
              const next = await request<TimelineData>(TIMELINE, { ...variables, after: last.pageInfo.endCursor });
              setMore((previous) => [...previous, next.timeline]);
            } catch (error) {
              setMoreError(error instanceof ApiError ? error : new ApiError(String(error), 'CLIENT_ERROR'));
            }
          };
          const byMonth = new Map<string, Item[]>();
          for (const item of items) {
            const month = item.date?.slice(0, 7) ?? 'undated';
            byMonth.set(month, [...(byMonth.get(month) ?? []), item]);
          }
          return (
            <>
              <h1>
                Timeline of <NodeLink node={{ id: node.id, name: node.name ?? id }} />
              </h1>
              <form className="filters" onSubmit={submit}>
                <label>
                  from <input type="date" value={fromText} onChange={(event) => setFrom(event.target.value)} />
                </label>
                <label>
                  to <input type="date" value={toText} onChange={(event) => setTo(event.target.value)} />
                </label>
                <button type="submit">Apply</button>
              </form>
              <p className="muted">
                {timeline.totalCount} dated item{timeline.totalCount === 1 ? '' : 's'}
                {timeline.undatedCount > 0 && `, ${timeline.undatedCount} undated`}
              </p>
              {items.length === 0 && timeline.undated.length === 0 && <Empty>Nothing in this range.</Empty>}
              {[...byMonth].map(([month, monthItems]) => (
                <section key={month} className="timeline-month">
                  <h2>{month}</h2>
                  <ol className="timeline">
                    {monthItems.map((item, index) => (
                      <ItemRow key={index} item={item} />
                    ))}
                  </ol>
                </section>
              ))}
              {moreError && <ErrorBox error={moreError} />}
              {last.pageInfo.hasNextPage && (
                <button type="button" onClick={loadMore}>
                  Load more
                </button>
              )}
              {timeline.undated.length > 0 && (
                <section className="timeline-month">
                  <h2>Undated</h2>
                  <ol className="timeline">
                    {timeline.undated.map((item, index) => (
                      <ItemRow key={index} item={item} />
                    ))}
                  </ol>
                </section>
              )}
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
