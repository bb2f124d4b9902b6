import type { IncomingMessage } from 'node:http';
import { acceptsHtml, CACHE_REVALIDATE, requestPath, sendFile, sendNotBuilt } from './static-files';
import type { HttpHandler } from './web-app.handler';

/**
 * Whether a request is for the IDE: any GET/HEAD of /graphiql, and a GET/HEAD of /graphql from a browser (Accept
 * text/html) that carries no `query` parameter. GraphQL clients (GET with ?query=, POST, JSON Accept) go on to
 * Apollo as before.
 */
export function wantsGraphiQL(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = requestPath(req);
  if (pathname === '/graphiql' || pathname === '/graphiql/') return true;
  if (pathname !== '/graphql' && pathname !== '/graphql/') return false;
  const search = new URLSearchParams((req.url ?? '').slice(pathname.length));
  return acceptsHtml(req) && !search.has('query');
}

/** GraphiQL's page (web/graphiql, built into `webDir`); hands every request on when `enabled` (IDE) is false. */
export function createGraphiQLHandler(webDir: string, enabled: boolean): HttpHandler {
  return async (req, res) => {
    if (!enabled || !wantsGraphiQL(req)) return false;
    if (!sendFile(req, res, webDir, 'graphiql.html', CACHE_REVALIDATE)) sendNotBuilt(res, 'GraphiQL');
    return true;
  };
}
