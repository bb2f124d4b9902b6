import { normalizeName } from './normalize';

/**
 * The text properties the full-text indexes read, per label, each through its normalized shadow `search_<field>`
 * (schema/006-search-shadow-indexes.cypher). The index sees `normalizeName(field)`, the query is normalized the
 * same way, and the stored field stays exactly as written (spans point into it). Every write of one of these
 * fields writes its shadow in the same statement; the `007-renormalize` migration backfills and recomputes them.
 */
export const SEARCH_FIELDS = {
  Statement: ['text', 'quote', 'translation'],
  Article: ['title', 'text'],
  Topic: ['name_en', 'name_ar'],
  Alias: ['text'],
} as const;

export type SearchLabel = keyof typeof SEARCH_FIELDS;

/** The shadow property of a field: `text` -> `search_text`. */
export function searchProperty(field: string): string {
  return `search_${field}`;
}

/**
 * The shadow properties for `props`: `search_<field>` = normalizeName(value) for each of the label's fields present
 * as a string, null for those given as null (so a SET clears a stale shadow).
 */
export function searchProperties(
  label: SearchLabel,
  props: Readonly<Record<string, unknown>>,
): Record<string, string | null> {
  const shadow: Record<string, string | null> = {};
  for (const field of SEARCH_FIELDS[label]) {
    const value = props[field];
    if (typeof value === 'string') shadow[searchProperty(field)] = normalizeName(value);
    else if (value === null) shadow[searchProperty(field)] = null;
  }
  return shadow;
}

/** `props` with its shadow properties added. */
export function withSearchProperties<T extends Record<string, unknown>>(
  label: SearchLabel,
  props: T,
): T & Record<string, string | null> {
  return { ...props, ...searchProperties(label, props) };
}
