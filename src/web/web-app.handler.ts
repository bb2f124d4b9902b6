import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { acceptsHtml, CACHE_IMMUTABLE, CACHE_REVALIDATE, requestPath, sendFile, sendNotBuilt } from './static-files';

/** A plain node:http route: resolves true when it answered the request, false to let the next route try. */
export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/** Paths that belong to the API, never to the explorer. */
const API_PATHS = /^\/(graphql|graphiql|health|ready)(\/|$)/;

/**
 * The explorer (web/src, built into `webDir` by npm run build): GET/HEAD /assets/<hashed name> for every built
 * file (long-cached), and, for a browser asking for HTML, the app's index.html at any other path outside the API
 * (/, /search?q=, /node/<id> ...), so deep links and reloads land in the app, whose router shows the screen or
 * its own "not found". Hands everything else on.
 */
export function createWebAppHandler(webDir: string): HttpHandler {
  const assetsDir = path.join(webDir, 'assets');
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = requestPath(req);
    if (pathname.startsWith('/assets/')) {
      if (sendFile(req, res, assetsDir, pathname.slice('/assets/'.length), CACHE_IMMUTABLE)) return true;
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end('No such asset\n');
      return true;
    }
    if (API_PATHS.test(pathname) || !acceptsHtml(req)) return false;
    if (!sendFile(req, res, webDir, 'index.html', CACHE_REVALIDATE)) sendNotBuilt(res, 'The explorer');
    return true;
  };
}
