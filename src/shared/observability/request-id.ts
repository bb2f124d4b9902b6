import { randomUUID } from 'node:crypto';

/** W3C Trace Context `traceparent` (https://www.w3.org/TR/trace-context/#traceparent-header): version-trace-parent-flags. */
const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}/;

/** What a caller may send as `x-request-id`: printable ASCII without spaces, at most 128 characters. */
const REQUEST_ID = /^[\x21-\x7e]{1,128}$/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * The id a request's log lines carry: the caller's `x-request-id` when it is a sane token, else the trace id of
 * its `traceparent` (so logs join the caller's trace), else a new UUID. A malformed value is ignored, never echoed.
 */
export function requestIdOf(headers: Record<string, string | string[] | undefined>): string {
  const given = first(headers['x-request-id'])?.trim();
  if (given && REQUEST_ID.test(given)) return given;
  const traceId = TRACEPARENT.exec(first(headers.traceparent)?.trim().toLowerCase() ?? '')?.[1];
  if (traceId && !/^0+$/.test(traceId)) return traceId;
  return randomUUID();
}
