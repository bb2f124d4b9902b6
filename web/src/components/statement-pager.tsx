import { useEffect, useState } from 'react';
import { ApiError, request, useQuery } from '../api/client';
import { Empty, ErrorBox, QueryView } from './states';
import { StatementCard, type StatementCardData } from './statement-card';

export interface StatementPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: StatementCardData }[];
}

/**
 * A statement list read page by page: the first page with the given variables, then "Load more" with `after`.
 * `select` picks the connection out of the operation's data.
 */
export function StatementPager<T>({
  document,
  variables,
  select,
  empty,
}: {
  document: string;
  variables: Record<string, unknown>;
  select: (data: T) => StatementPage | null | undefined;
  empty: string;
}) {
  const first = useQuery<T>(document, { ...variables, first: 20 });
  const [more, setMore] = useState<StatementPage[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError | null>(null);
  const key = JSON.stringify(variables);
  useEffect(() => {
    setMore([]);
    setMoreError(null);
  }, [key]);
  return (
    <QueryView state={first} what="Loading statements">
      {(data) => {
        const page = select(data);
        if (!page || page.totalCount === 0) return <Empty>{empty}</Empty>;
        const pages = [page, ...more];
        const last = pages[pages.length - 1]!;
        const loadMore = async () => {
          setLoadingMore(true);
          setMoreError(null);
          try {
            const next = select(
              await request<T>(document, { ...variables, first: 20, after: last.pageInfo.endCursor }),
            );
            if (next) setMore((previous) => [...previous, next]);
          } catch (error) {
            setMoreError(error instanceof ApiError ? error : new ApiError(String(error), 'CLIENT_ERROR'));
          } finally {
            setLoadingMore(false);
          }
        };
        const shown = pages.reduce((sum, p) => sum + p.edges.length, 0);
        return (
          <div className="statement-list">
            <p className="muted">
              {page.totalCount} statement{page.totalCount === 1 ? '' : 's'}
              {shown < page.totalCount ? `, ${shown} shown` : ''}
            </p>
            {pages
              .flatMap((p) => p.edges)
              .map((edge) => (
                <StatementCard key={edge.node.id} statement={edge.node} />
              ))}
            {moreError && <ErrorBox error={moreError} />}
            {last.pageInfo.hasNextPage && (
              <button type="button" onClick={loadMore} disabled={loadingMore}>
                {loadingMore ? 'Loading…' : 'Load more'}
              </button>
            )}
          </div>
        );
      }}
    </QueryView>
  );
}
