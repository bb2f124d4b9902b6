import { z } from 'zod';
import trackingParamsData from './tracking-params.json';

/** The shape of tracking-params.json: parameter name prefixes and exact names, all lower-case. */
export const TrackingParamsSchema = z
  .object({
    $comment: z.string().optional(),
    prefixes: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1),
    names: z.array(z.string().regex(/^[a-z0-9_]+$/)).min(1),
  })
  .strict();

const TRACKING = TrackingParamsSchema.parse(trackingParamsData);
const TRACKING_NAMES = new Set(TRACKING.names);

/** True for a query parameter that tracks a click (utm_*, fbclid, gclid ...; case-insensitive). */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING.prefixes.some((prefix) => lower.startsWith(prefix));
}

// RFC 3986 §2.3: unreserved characters mean the same escaped or not.
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * RFC 3986 §6.2.2.2 percent-encoding normalization: escapes of unreserved characters decoded, the hex digits of
 * every other escape upper-cased. Escapes of reserved characters (`%2F`, `%26` ...) stay escaped: decoding them
 * would change what the URL means.
 */
export function normalizePercentEncoding(part: string): string {
  return part.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function paramName(pair: string): string {
  const raw = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The canonical form of an article URL, the identity of an article by URL (RFC 3986 §6 syntax- and scheme-based
 * normalization on WHATWG URL parsing): scheme and host lower-case (IDN hosts in punycode), default port and host's
 * trailing dot dropped, dot segments resolved, fragment dropped, tracking parameters (tracking-params.json) dropped,
 * the other query parameters sorted by name (stable, so repeated names keep their order), percent-encoding
 * normalized, an empty query dropped. The path's case and a trailing slash are kept: servers may tell them apart.
 * The URL as given is what is stored; this form only identifies.
 * @param url an absolute http(s) URL, surrounding spaces ignored.
 * @returns the canonical URL, or null when `url` does not parse as an absolute http(s) URL.
 */
export function canonicalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  parsed.hash = '';
  if (parsed.hostname.endsWith('.')) parsed.hostname = parsed.hostname.replace(/\.+$/, '');
  const pairs = parsed.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && !isTrackingParam(paramName(pair)))
    .map((pair) => ({ name: paramName(pair), pair: normalizePercentEncoding(pair) }));
  pairs.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const query = pairs.map((p) => p.pair).join('&');
  const path = normalizePercentEncoding(parsed.pathname);
  const auth = parsed.username ? `${parsed.username}${parsed.password ? `:${parsed.password}` : ''}@` : '';
  return `${parsed.protocol}//${auth}${parsed.host}${path}${query ? `?${query}` : ''}`;
}
