import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '../error-codes';

/**
 * The seam of the HTTP layer. A handler looks at a request and either answers it completely and resolves `true`,
 * or leaves `res` untouched and resolves `false` so the next handler is asked. Handlers are tried in the order
 * they are mounted (see `createHttpServer` in http-server.ts); what none answers gets a JSON 404. A handler that
 * rejects gets a JSON 500 (when nothing was sent yet) and the error is logged.
 *
 * Mount a module's routes in one line, for example
 * `handlers: [healthRoutes(startup, db), metricsHandler(registry), webAppHandler(dir)]`.
 */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Where GraphQL is served: every method Apollo answers (POST operations, GET queries and the landing page). */
export const GRAPHQL_PATH = '/graphql';

/** The path of a request without its query string, such as `/graphql` for `/graphql?x=1`. */
export function requestPath(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** The media type of a JSON body of ours: the one the client asked for when it prefers graphql-response+json. */
function jsonType(req: IncomingMessage | undefined): string {
  const accept = req?.headers.accept ?? '';
  return accept.includes('application/graphql-response+json')
    ? 'application/graphql-response+json; charset=utf-8'
    : 'application/json; charset=utf-8';
}

/** Sends `body` as JSON with `status` (and `headers`), unless a response was already started. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  req?: IncomingMessage,
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': jsonType(req),
    'content-length': Buffer.byteLength(text),
  });
  res.end(req?.method === 'HEAD' ? undefined : text);
}

/**
 * Answers a request that never reached GraphQL execution (not ready, throttled, unreadable body, unknown path) the
 * way a GraphQL request error is answered: `{ "errors": [{ "message", "extensions": { "code" } }] }` with no
 * `data`, and a 4xx/5xx status (the GraphQL-over-HTTP rule in README, "HTTP status codes").
 */
export function sendGraphQLError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  // A body we did not read would otherwise be taken for the next request on a keep-alive connection.
  if (!req.complete) res.setHeader('connection', 'close');
  sendJson(res, status, { errors: [{ message, extensions: { code } }] }, headers, req);
}
