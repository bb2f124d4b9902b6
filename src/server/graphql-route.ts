import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

/** A connect-style handler: `next(error)` passes an error on. */
export type BodyParser = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/** Where the direct route hands a request it cannot finish: Express, which answers errors as it always has. */
export type Fallback = (req: IncomingMessage, res: ServerResponse, error: unknown) => void;

/**
 * Whether a request takes the direct route: a POST to exactly /graphql, the path of every GraphQL operation.
 * Anything else (GET queries and the landing page, other spellings of the path, other methods) stays with Express.
 */
export function isDirectGraphQLRequest(req: IncomingMessage): boolean {
  const url = req.url ?? '';
  return req.method === 'POST' && url.startsWith('/graphql') && (url.length === 8 || url[8] === '?');
}

/** Express's res.send gives a string body a utf-8 charset, or text/html when there is no type. */
function withUtf8(type: string | number | string[] | undefined): string {
  if (typeof type !== 'string') return 'text/html; charset=utf-8';
  return /;\s*charset=/i.test(type) ? type.replace(/;\s*charset=[^;]*/i, '; charset=utf-8') : `${type}; charset=utf-8`;
}

async function execute<T extends BaseContext>(
  apollo: ApolloServer<T>,
  context: (req: IncomingMessage) => Promise<T>,
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '';
  const query = url.indexOf('?');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: 'POST', headers, search: query === -1 ? '' : url.slice(query), body: req.body },
    context: () => context(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status || 200;
  if (response.body.kind === 'complete') {
    const body = response.body.string;
    res.setHeader('Content-Type', withUtf8(res.getHeader('content-type')));
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Serves POST /graphql straight from node:http: the same body parser (express.json with our limit), the same
 * Apollo request and context, the same response as @as-integrations/express5 with res.send, except the ETag that
 * res.send hashes for every body (useless on a POST: nothing revalidates one). Going through Express cost about a
 * third of a millisecond of CPU per request (its router, res.send, and the prototypes it swaps on req and res,
 * which slow Node's own http code), a tenth of a one-query request's Node-side time. Body errors (size limit, bad
 * JSON) and unexpected failures go to `fallback`, Express, so they are answered exactly as before.
 */
export function serveGraphQL<T extends BaseContext>(
  apollo: ApolloServer<T>,
  parseBody: BodyParser,
  context: (req: IncomingMessage) => Promise<T>,
  fallback: Fallback,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  parseBody(req, res, (error) => {
    if (error) return fallback(req, res, error);
    execute(apollo, context, req, res).catch((failure: unknown) => fallback(req, res, failure));
  });
}
