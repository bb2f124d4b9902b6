import type { Page } from '../shared/graphql/connection.type';

export type { PageRequest } from '../shared/graphql/pagination';

/** A node with the sort key its cursor wraps. */
export interface Sorted<T> {
  node: T;
  sortKey: string;
}

/**
 * Puts the rows of one batched query back in the order of the batch's keys: each row names the index of the key
 * it answers; keys without a row get `empty()`. Loaders must answer in key order, and Cypher does not promise it.
 */
export function inKeyOrder<R extends { i: number }, T>(
  rows: readonly R[],
  count: number,
  map: (row: R) => T,
  empty: () => T,
): T[] {
  const out: T[] = Array.from({ length: count }, empty);
  for (const row of rows) out[row.i] = map(row);
  return out;
}

/** Groups rows by a string key, keeping only the first row per key (for lookups by id). */
export function byKey<R, T>(rows: readonly R[], keyOf: (row: R) => string, map: (row: R) => T): Map<string, T> {
  const found = new Map<string, T>();
  for (const row of rows) if (!found.has(keyOf(row))) found.set(keyOf(row), map(row));
  return found;
}

/**
 * Builds a page from up to `limit + 1` sorted rows (one more than the page, to learn whether another follows).
 * A batched query may fetch more rows than this key asked for (its LIMIT is the batch's largest); they are cut here.
 */
export function toPage<T>(rows: readonly Sorted<T>[], limit: number, totalCount: number): Page<T> {
  return {
    totalCount,
    hasNextPage: rows.length > limit,
    items: rows.slice(0, limit).map((row) => ({ node: row.node, position: row.sortKey })),
  };
}

/** Cache key for loaders keyed by objects (a parent key plus field arguments). */
export function jsonKey(key: unknown): string {
  return JSON.stringify(key);
}
