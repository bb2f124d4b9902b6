import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A strong ETag of a response body: the first 32 hex digits of its SHA-256, quoted. */
export function etagOf(body: string): string {
  return `"${createHash('sha256').update(body, 'utf8').digest('hex').slice(0, 32)}"`;
}

/** Whether If-None-Match (a list, or `*`) names `etag`; weak validators compare by their opaque part (RFC 9110). */
export function notModified(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * Cache headers of a successful GET read: revalidate every time (`no-cache`; the ETag makes that a 304 when
 * nothing changed), `private` when the request carried a key (a shared cache must not hand it to others), else
 * `public` so a CDN may keep it. Vary on what changes the answer.
 */
export function readCacheHeaders(req: IncomingMessage, etag: string): Record<string, string> {
  return {
    etag,
    'cache-control': req.headers.authorization ? 'private, no-cache' : 'public, no-cache',
    vary: 'Authorization, Origin, Accept',
  };
}
