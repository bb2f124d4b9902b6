import { isIsoDate } from '../shared/graphql/date.scalar';
import { BadUserInputError, type FieldProblem } from '../shared/errors';
import type { Database } from '../shared/neo4j/database';
import type { AliasIndex } from './alias-index';
import { aliasIndexFor } from './alias-index.service';
import { extractArticle } from './engine/extract-article';
import type { PageExtractionData } from './extract.model';
import { lexicon } from './lexicon/lexicon';
import { splitPage } from './page-source';

/** A raw page as the API and the CLI take it. */
export interface PageInputData {
  /** The page's text as scraped (UTF-8 text; furniture and several articles allowed). */
  text: string;
  /** The outlet's name when the page does not give it (the seed: Al-Ittihad). */
  outlet?: string | null;
  /** Publication date (ISO YYYY-MM-DD) when the page does not give one. */
  publishedOn?: string | null;
  /** The page's URL, stored on its articles. */
  url?: string | null;
}

/** Size caps of one page (UTF-16 code units): a page is at most as long as an article may be. */
export const PAGE_LIMITS = { text: 200_000, outlet: 300, url: 2_048 } as const;

/**
 * Checks a page before any work: text present, not empty, not over PAGE_LIMITS.text, and text (no NUL or other
 * control characters than tab and line breaks, no U+FFFD replacement characters of a failed decoding).
 * @param path where the page sits in the request (`input`), for the field paths of the problems.
 * @throws BadUserInputError naming each bad field (`input.text`) and why.
 */
export function assertValidPageInput(input: PageInputData, path = 'input'): void {
  const problems: FieldProblem[] = [];
  const text = input.text;
  if (typeof text !== 'string') problems.push({ path: `${path}.text`, message: 'is required' });
  else if (text.trim() === '') problems.push({ path: `${path}.text`, message: 'must not be empty' });
  else if (text.length > PAGE_LIMITS.text) {
    problems.push({
      path: `${path}.text`,
      message: `must be at most ${PAGE_LIMITS.text} characters (got ${text.length})`,
    });
  } else {
    // eslint-disable-next-line no-control-regex
    const binary = (text.match(/[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/g) ?? []).length;
    if (binary > 0) {
      problems.push({
        path: `${path}.text`,
        message: `must be text: it holds ${binary} control or undecodable characters (a binary file or a wrong encoding)`,
      });
    }
  }
  if (input.outlet != null && (input.outlet.trim() === '' || input.outlet.length > PAGE_LIMITS.outlet)) {
    problems.push({ path: `${path}.outlet`, message: `must be 1 to ${PAGE_LIMITS.outlet} characters` });
  }
  if (input.publishedOn != null && !isIsoDate(input.publishedOn)) {
    problems.push({ path: `${path}.publishedOn`, message: 'must be an ISO date YYYY-MM-DD' });
  }
  if (input.url != null && (input.url.length > PAGE_LIMITS.url || !/^https?:\/\/\S+$/.test(input.url))) {
    problems.push({ path: `${path}.url`, message: `must be an http(s) URL of at most ${PAGE_LIMITS.url} characters` });
  }
  if (problems.length > 0) throw new BadUserInputError('Invalid page', problems);
}

/**
 * Extracts candidate articles, statements and meetings from a page with a loaded alias index. Pure and
 * synchronous: the benchmark times exactly this.
 */
export function extractWithIndex(input: PageInputData, index: AliasIndex): PageExtractionData {
  const lex = lexicon();
  const articles = splitPage(input.text, { outlet: input.outlet ?? null, publishedOn: input.publishedOn ?? null });
  return {
    articles: articles.map((article) => {
      const candidate = extractArticle(article, index, lex);
      // The outlet by the graph's English name when it knows the page's (صحيفة الاتحاد is Al-Ittihad).
      const outlet = index.resolveName(candidate.outlet.name).find((e) => e.type === 'Actor' && e.kind === 'MEDIA');
      return { ...candidate, outlet: { name: outlet?.nameEn ?? candidate.outlet.name }, url: input.url ?? null };
    }),
  };
}

/**
 * Validates a page and extracts it against the database's alias index (loaded once, refreshed when aliases
 * change). Read-only.
 * @throws BadUserInputError for an empty, oversized or non-text page.
 */
export async function extractPage(db: Database, input: PageInputData): Promise<PageExtractionData> {
  assertValidPageInput(input);
  return extractWithIndex(input, await aliasIndexFor(db));
}
