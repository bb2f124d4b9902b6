import type { GoldFile, PageSpan } from './gold.schema';

/** A gold text that cannot be placed on its page, with the JSON path of the field that holds it. */
export interface SpanProblem {
  path: string;
  message: string;
}

/** Every start offset (UTF-16) at which `text` occurs in `page`, overlapping occurrences included. */
export function occurrencesOf(page: string, text: string): number[] {
  const found: number[] = [];
  for (let at = page.indexOf(text); at !== -1; at = page.indexOf(text, at + 1)) found.push(at);
  return found;
}

function locate(page: string, text: string, occurrence: number | undefined, path: string): PageSpan | SpanProblem {
  const found = occurrencesOf(page, text);
  const short = text.length > 50 ? `${text.slice(0, 50)}…` : text;
  if (found.length === 0) return { path, message: `"${short}" is not on the page` };
  if (occurrence === undefined && found.length > 1)
    return { path, message: `"${short}" occurs ${found.length} times on the page: give its occurrence (0-based)` };
  const start = found[occurrence ?? 0];
  if (start === undefined)
    return { path, message: `occurrence ${occurrence} asked, but "${short}" occurs ${found.length} time(s)` };
  return { start, end: start + text.length };
}

function isProblem(value: PageSpan | SpanProblem): value is SpanProblem {
  return 'message' in value;
}

/**
 * Computes the page span (UTF-16 offsets, end exclusive) of every article and statement of a gold file from its
 * texts: a statement's span is where its `text` occurs (its `occurrence`-th occurrence, or the only one); an
 * article runs from its title to the next article's title, or to the end of the page. Returns the gold with the
 * spans filled in, and the problems (a text not on the page, an ambiguous text, articles out of page order, a
 * statement outside its article). The input is not modified.
 */
export function computeGoldSpans(gold: GoldFile, page: string): { gold: GoldFile; problems: SpanProblem[] } {
  const problems: SpanProblem[] = [];
  const titleStarts = gold.articles.map((article, i) => {
    const span = locate(page, article.title, article.titleOccurrence, `articles[${i}].title`);
    if (isProblem(span)) {
      problems.push(span);
      return null;
    }
    return span.start;
  });
  const articles = gold.articles.map((article, i) => {
    const start = titleStarts[i];
    const next = titleStarts.slice(i + 1).find((s): s is number => s !== null);
    if (start !== null && start !== undefined && next !== undefined && next <= start)
      problems.push({ path: `articles[${i + 1}].title`, message: 'articles must be listed in page order' });
    const articleSpan = start === null || start === undefined ? undefined : { start, end: next ?? page.length };
    const statements = article.statements.map((statement, j) => {
      const path = `articles[${i}].statements[${j}].text`;
      const span = locate(page, statement.text, statement.occurrence, path);
      if (isProblem(span)) {
        problems.push(span);
        return { ...statement, span: undefined };
      }
      if (articleSpan && (span.start < articleSpan.start || span.end > articleSpan.end))
        problems.push({ path, message: `lies outside its article (page ${articleSpan.start}..${articleSpan.end})` });
      return { ...statement, span };
    });
    return { ...article, span: articleSpan, statements };
  });
  return { gold: { ...gold, articles }, problems };
}

/**
 * Checks the spans stored in a gold file against its page: each must be present and equal to the span computed
 * from its text (see computeGoldSpans). An empty list means every gold text is found exactly where it is expected.
 */
export function verifyGoldSpans(gold: GoldFile, page: string): SpanProblem[] {
  const { gold: computed, problems } = computeGoldSpans(gold, page);
  const same = (a: PageSpan | undefined, b: PageSpan | undefined): boolean =>
    a !== undefined && b !== undefined && a.start === b.start && a.end === b.end;
  const show = (s: PageSpan | undefined): string => (s ? `${s.start}..${s.end}` : 'none');
  gold.articles.forEach((article, i) => {
    const expected = computed.articles[i]!;
    if (!same(article.span, expected.span))
      problems.push({
        path: `articles[${i}].span`,
        message: `is ${show(article.span)}, the title places it at ${show(expected.span)} (run npm run eval:spans)`,
      });
    article.statements.forEach((statement, j) => {
      const want = expected.statements[j]!.span;
      if (!same(statement.span, want))
        problems.push({
          path: `articles[${i}].statements[${j}].span`,
          message: `is ${show(statement.span)}, the text is at ${show(want)} (run npm run eval:spans)`,
        });
      else if (page.slice(statement.span!.start, statement.span!.end) !== statement.text)
        problems.push({ path: `articles[${i}].statements[${j}].span`, message: 'does not cover the text' });
    });
  });
  return problems;
}
