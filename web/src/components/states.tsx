import type { ReactNode } from 'react';
import type { ApiError, QueryState } from '../api/client';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p className="state state-loading" role="status" aria-busy="true">
      {what}…
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** An API error with its message and code, and a retry when one makes sense. */
export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>Error</strong> <code className="error-code">{error.code}</code>
      <p className="error-message" dir="auto">
        {error.message}
      </p>
      {error.path && <p className="error-path">at {error.path.join('.')}</p>}
      {retry && (
        <button type="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** Renders loading and error states of a query, and `children(data)` once it answered. */
export function QueryView<T>({
  state,
  children,
  what,
}: {
  state: QueryState<T> & { reload?: () => void };
  children: (data: T) => ReactNode;
  what?: string;
}) {
  if (state.status === 'loading') return <Loading what={what} />;
  if (state.status === 'error') return <ErrorBox error={state.error} retry={state.reload} />;
  return <>{children(state.data)}</>;
}
