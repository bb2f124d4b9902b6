import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** Hashed assets never change under their name; the HTML pages that name them are revalidated every time. */
export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_REVALIDATE = 'no-cache';

/**
 * The pages load only what the server itself serves (scripts, styles, fonts, Monaco's workers) and talk only to
 * its own API: a CDN reference sneaking in would be refused by the browser, not silently fetched. Styles may be
 * inline because Monaco, cytoscape and Chart.js set element styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** Whether the client asks for HTML: a browser navigating, not a GraphQL client or a script. */
export function acceptsHtml(req: IncomingMessage): boolean {
  return /\btext\/html\b/i.test(req.headers.accept ?? '');
}

/** The path of the request URL, without its query string. */
export function requestPath(req: IncomingMessage): string {
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Sends one file of `dir` (a name without folders) with its content type and the given Cache-Control, its gzipped
 * sibling (`name.gz`, written by scripts/build-web.ts) when the client accepts gzip. Resolves false when there is
 * no such file. HEAD gets the headers only.
 */
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  dir: string,
  name: string,
  cacheControl: string,
): boolean {
  if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) return false;
  const file = path.join(dir, name);
  const size = fileSize(file);
  if (size === null) return false;
  const gzipped = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? fileSize(`${file}.gz`) : null;
  res.statusCode = 200;
  res.setHeader('Content-Type', CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream');
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Vary', 'Accept-Encoding');
  if (name.endsWith('.html')) {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Referrer-Policy', 'no-referrer');
  }
  if (gzipped !== null) res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Content-Length', gzipped ?? size);
  if (req.method === 'HEAD') {
    res.end();
    return true;
  }
  createReadStream(gzipped !== null ? `${file}.gz` : file)
    .on('error', () => res.destroy())
    .pipe(res);
  return true;
}

function fileSize(file: string): number | null {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

/** Answers 503 with a plain explanation: the server runs, but `npm run build` has not built the browser pages. */
export function sendNotBuilt(res: ServerResponse, what: string): void {
  res.statusCode = 503;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${what} is not built: run npm run build (it writes dist/web).\n`);
}
