import { BadUserInputError } from '../shared/errors';
import { escapeLuceneSyntax } from '../shared/text/lucene-syntax';
import { normalizeName } from '../shared/text/normalize';

/** Longest search text accepted, in UTF-16 code units; Lucene builds one clause per term, and nobody types more. */
export const MAX_SEARCH_TEXT = 200;

/** A search text made ready: the Lucene query and the normalized key for the exact-name bonus. */
export interface SearchQuery {
  /** Lucene query over the normalized words; matches words, never parses as an operator. */
  query: string;
  /** normalizeName(text): what alias keys and the `search_*` shadows the indexes read are made of. */
  key: string;
}

/**
 * Turns user text into a query of its normalized words: the text goes through normalizeName (the same
 * normalization as alias keys and the `search_*` shadow properties the full-text indexes read), so an invisible
 * mark, a presentation form or a Persian letter finds what the plain spelling finds. Normalized text holds no
 * punctuation and only lower-case words, so no Lucene operator (AND, "+", "(" ...) survives; escaping is kept as a
 * second guard.
 * @throws BadUserInputError naming `text` when it is longer than 200 characters or has no letter or digit once
 *   normalized (empty, punctuation only, or invisible characters only such as U+200B).
 */
export function searchQuery(text: string): SearchQuery {
  const trimmed = text.trim();
  if (trimmed.length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError('Search text too long', [
      { path: 'text', message: `must be at most ${MAX_SEARCH_TEXT} characters (got ${trimmed.length})` },
    ]);
  }
  const key = normalizeName(text);
  if (!/[\p{L}\p{N}]/u.test(key)) {
    throw new BadUserInputError('Nothing to search for', [
      { path: 'text', message: 'must contain a letter or a digit (invisible characters and punctuation do not count)' },
    ]);
  }
  return { query: escapeLuceneSyntax(key), key };
}
