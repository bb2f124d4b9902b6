import { escapeLuceneSyntax } from '../shared/text/lucene-syntax';

/** Escapes Lucene query syntax in user text, so it can only ever be searched for, never parsed as an operator. */
export function escapeLucene(text: string): string {
  // Upper-case AND/OR/NOT are operators; lower-casing them makes them plain words (the analyzers fold case anyway).
  return escapeLuceneSyntax(text).replace(/\b(AND|OR|NOT)\b/g, (word) => word.toLowerCase());
}

/**
 * Edits allowed for a word of this length, as Elasticsearch's AUTO fuzziness: none up to 3 characters, one up to
 * 7, two beyond. It lets ترمب find ترامب and "Dmitry" find "Dmitri" while موسكو stays clear of موناكو.
 */
export function editsFor(word: string): number {
  const length = [...word].length;
  if (length <= 3) return 0;
  return length <= 7 ? 1 : 2;
}

/**
 * A full-text query for a normalized name: every word longer than three characters must match, exactly (as the
 * index's analyzer sees it, which also strips Arabic prefixes such as ال) or within its allowed edits; shorter
 * words ("al", "bin", "and") only add to the score. Null when there is no word.
 */
export function fuzzyNameQuery(normalized: string): string | null {
  const words = normalized.split(/\s+/).filter((word) => word.length > 0);
  if (words.length === 0) return null;
  return words
    .map((word) => {
      const escaped = escapeLucene(word);
      const edits = editsFor(word);
      return edits === 0 ? escaped : `+(${escaped}^2 ${escaped}~${edits})`;
    })
    .join(' ');
}
