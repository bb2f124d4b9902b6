import { hashKey } from '../../src/auth/api-keys';

/** Plain keys for the write tests; the server is configured with their SHA-256 only, as in production. */
export const EDITOR_KEY = 'test-editor-key-0123456789';
export const ADMIN_KEY = 'test-admin-key-9876543210';

/** The API_KEYS value that accepts both test keys. */
export const TEST_API_KEYS = `editor:${hashKey(EDITOR_KEY)},admin:${hashKey(ADMIN_KEY)}`;

export const asEditor = { authorization: `Bearer ${EDITOR_KEY}` };
export const asAdmin = { authorization: `Bearer ${ADMIN_KEY}` };

export const INGEST = `mutation($input: ArticleInput!) {
  ingestArticle(input: $input) {
    article { id title language publishedOn url text }
    created { articles actors meetings statements topics }
    matched { articles actors meetings statements topics }
  }
}`;

/** A span object covering `words` in `text` (its first occurrence). */
export function spanOf(text: string, words: string): { start: number; end: number } {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { start, end: start + words.length };
}
