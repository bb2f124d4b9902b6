import { BadUserInputError } from '../shared/errors';
import { escapeLuceneSyntax } from '../shared/text/lucene-syntax';

/** Longest search text accepted; Lucene builds one clause per term, and nobody types more. */
export const MAX_SEARCH_TEXT = 200;

// Upper-case boolean keywords are operators to the parser. They are dropped (a user writing them meant an
// operator, and as words they would match every "and" in a name); alone they are searched in lower case.
const LUCENE_KEYWORD = /(^|\s)(AND|OR|NOT)(?=\s|$)/g;

/**
 * Turns user text into a Lucene query that matches its words and nothing else: every operator character is
 * escaped and the keywords AND/OR/NOT are dropped, so no input can make the parser fail.
 * @throws BadUserInputError naming `text` when it is too long or holds no letter or digit.
 */
export function toLuceneQuery(text: string): string {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (trimmed.length > MAX_SEARCH_TEXT) {
    throw new BadUserInputError('Search text too long', [
      { path: 'text', message: `must be at most ${MAX_SEARCH_TEXT} characters (got ${trimmed.length})` },
    ]);
  }
  if (!/[\p{L}\p{N}]/u.test(trimmed)) {
    throw new BadUserInputError('Nothing to search for', [
      { path: 'text', message: 'must contain a letter or a digit' },
    ]);
  }
  const escaped = escapeLuceneSyntax(trimmed);
  const words = escaped.replace(LUCENE_KEYWORD, '$1').replace(/\s+/g, ' ').trim();
  return /[\p{L}\p{N}]/u.test(words) ? words : escaped.toLowerCase();
}
