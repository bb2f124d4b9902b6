import cors from 'cors';
import type { HttpHandler } from '../shared/http/http-handler';

/** Request headers a browser client may send cross-origin (Apollo's CSRF header and operation name among them). */
export const CORS_ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'x-request-id',
  'x-diplograph-debug',
  'if-none-match',
];

/**
 * CORS for browser clients served from other origins (the `cors` package driven from node:http). `origins` are
 * exact origins such as `https://dash.example.org`, or `*` for any; empty (the default) adds no CORS header, so
 * browsers keep other origins out. A preflight (OPTIONS with Access-Control-Request-Method) from an allowed origin
 * is answered 204 with the allowed methods and headers, cacheable for 10 minutes; any other request gets its
 * Access-Control-Allow-Origin header and goes on to the next handler.
 */
export function corsHandler(origins: readonly string[]): HttpHandler {
  if (origins.length === 0) return async () => false;
  const middleware = cors({
    origin: origins.includes('*') ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    exposedHeaders: ['etag', 'retry-after', 'content-disposition'],
    maxAge: 600,
  });
  return (req, res) =>
    new Promise<boolean>((resolve, reject) => {
      middleware(req, res, (error?: unknown) => (error ? reject(error) : resolve(false)));
      // A preflight is answered by the middleware itself, which then never calls next.
      if (res.writableEnded) resolve(true);
    });
}
