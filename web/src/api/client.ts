import { useCallback, useEffect, useRef, useState } from 'react';
import manifest from '../../../schema/persisted-query-manifest.json';

/** An error of the GraphQL API (its message and extensions.code), or of the network (code NETWORK_ERROR). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly path?: readonly (string | number)[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * The id of each registered document (schema/persisted-query-manifest.json, generated from these screens by
 * `npm run documents:generate`): the explorer sends the id alone, so it works on a server that runs registered
 * operations only (TRUSTED_DOCUMENTS=true), and sends less. A text not in the list goes as text.
 */
const DOCUMENT_IDS = new Map(
  (manifest.operations as { id: string; body: string }[]).map((operation) => [operation.body, operation.id]),
);

/** The request body: the APQ extension with the document's id when it is registered, else the text. */
function requestBody(document: string, variables: Record<string, unknown>): string {
  const id = DOCUMENT_IDS.get(document);
  return JSON.stringify(
    id === undefined
      ? { query: document, variables }
      : { variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } },
  );
}

/**
 * Runs one operation against the public API at /graphql, as any client would. Resolves with `data`; rejects with
 * an ApiError carrying the first error's message and code (a partial result counts as failed: screens show the
 * error rather than a half-filled page). `headers` are added to the request (an editor key's Authorization).
 */
export async function request<T>(
  document: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...headers,
      },
      body: requestBody(document, variables),
    });
  } catch (error) {
    throw new ApiError(`The API could not be reached: ${(error as Error).message}`, 'NETWORK_ERROR');
  }
  let body: GraphQLResponse<T>;
  try {
    body = (await response.json()) as GraphQLResponse<T>;
  } catch {
    throw new ApiError(
      `The API answered HTTP ${response.status} without a GraphQL response`,
      `HTTP_${response.status}`,
    );
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.message, first.extensions?.code ?? 'UNKNOWN', first.path);
  if (!body.data)
    throw new ApiError(`The API answered HTTP ${response.status} without data`, `HTTP_${response.status}`);
  return body.data;
}

export type QueryState<T> =
  | { status: 'loading'; data?: undefined; error?: undefined }
  | { status: 'error'; error: ApiError; data?: undefined }
  | { status: 'done'; data: T; error?: undefined };

/**
 * Runs `document` whenever `variables` change (compared as JSON) and keeps the latest answer only, so a slow
 * earlier request never overwrites a newer one. `skip` leaves the state loading without a request.
 */
export function useQuery<T>(
  document: string,
  variables: Record<string, unknown>,
  skip = false,
): QueryState<T> & { reload: () => void } {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const latest = useRef(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (skip) return;
    const id = ++latest.current;
    setState({ status: 'loading' });
    request<T>(document, JSON.parse(key) as Record<string, unknown>).then(
      (data) => id === latest.current && setState({ status: 'done', data }),
      (error: unknown) =>
        id === latest.current &&
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(String(error), 'CLIENT_ERROR'),
        }),
    );
  }, [document, key, skip, generation]);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  return { ...state, reload };
}
