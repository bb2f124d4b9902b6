import { createHash } from 'node:crypto';
import { configure } from 'safe-stable-stringify';
import type { ArticleInputData } from './ingest.model';

/**
 * Bumped whenever ingest would write something else for the same input (keys, identity rules, stored fields):
 * receipts of an older version then no longer match, and a replay takes the full write path once more.
 */
export const INGEST_RECEIPT_VERSION = 1;

// Object keys sorted: the same input gives the same text whatever order a client (or JSON file) lists fields in.
const stringify = configure({ deterministic: true, bigint: false, circularValue: Error });

/**
 * The digest of an ingest input: SHA-256 (hex, 64 characters) of its canonical JSON, with the receipt version.
 * Absent, null and empty-list fields are one and the same (the ingest model reads them alike, see ingest.model.ts),
 * so a GraphQL input and the same article from a JSON file get one digest; any other difference, down to one
 * character of a text or one span offset, gives another digest. Two inputs with one digest write the same graph.
 */
export function ingestDigest(input: ArticleInputData): string {
  const canonical = stringify({ v: INGEST_RECEIPT_VERSION, input }, (_key, value: unknown) =>
    value === null || (Array.isArray(value) && value.length === 0) ? undefined : value,
  );
  return createHash('sha256').update(canonical!, 'utf8').digest('hex');
}
