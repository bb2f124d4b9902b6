import { normalizeName } from '../../shared/text/normalize';
import { buildArticle, type PageContext } from './build-article';
import { countScripts } from './language';
import type { PageArticle, SplitPageOptions } from './page.model';
import { classifyCredit } from './page-lexicon';
import {
  classifyLines,
  COPYRIGHT,
  isSourceLine,
  MASTHEAD,
  MASTHEAD_MAX_WORDS,
  splitSegment,
  type Line,
} from './page-line-kinds';

export type { PageArticle, SplitPageOptions, TextSpan } from './page.model';

/**
 * The outlet a page names for itself: the first source line that does not name an agency, else the masthead, else
 * the owner named by a copyright line.
 */
function findPageOutlet(lines: Line[]): { outlet: string; reason: string } | null {
  let masthead: { outlet: string; reason: string } | null = null;
  let copyright: { outlet: string; reason: string } | null = null;
  for (const l of lines) {
    if (l.type !== 'furniture' || l.outlet === undefined) continue;
    if (l.kind === MASTHEAD) masthead ??= { outlet: l.outlet, reason: `the masthead "${l.line.text}"` };
    else if (l.kind === COPYRIGHT) copyright ??= { outlet: l.outlet, reason: `the copyright line "${l.line.text}"` };
    else if (isSourceLine(l) && classifyCredit(l.outlet).kind !== 'agency') {
      return { outlet: l.outlet, reason: `the source line "${l.line.text}"` };
    }
  }
  return masthead ?? copyright;
}

/**
 * Splits a raw scraped page into articles. Pure, synchronous, no I/O; linear in the page length (each line is
 * classified once with anchored regular expressions).
 *
 * How it decides (each decision is written to `evidence`):
 * - Lines are classified by the data in src/extract/lexicon/: "read also" separators and list headers
 *   (page-read-also.json, most-read rules) cut the page into segments; furniture lines (source, tags, share/print,
 *   newsletter, copyright, byline, masthead, menus) are dropped; glued widget labels are cut from the line start;
 *   date-only lines (dates-months.json) give the publication date and are dropped.
 * - A segment becomes an article only when it holds an anchor paragraph (sentence punctuation and anchorMinWords
 *   words, or proseMinWords words; page-furniture.json `shape`): a page of headlines or furniture only yields [].
 * - Inside a segment, a date or dateline line after body text starts another article (two articles without a
 *   separator).
 * - Title: the last headline-like line before the date/dateline lines (or before the body); a question or
 *   exclamation headline counts when nothing else can be the title. Dateline: a dateline line before the body, or a
 *   dateline at the start of the first paragraph (BEIJING (Reuters) - ...), in which case datelineSpan lies inside
 *   that paragraph and the paragraph and bodySpan start after it. A dateline printed above the title is reported
 *   (places, credits) but left out of the text, which keeps page order.
 * - Credits: the dateline's, a closing credit line ((وام) after the body), the agencies a byline names (By Reuters)
 *   and a source line that names agencies (المصدر: وكالات).
 * - Outlet: the article's source line (المصدر: ...), else the page's, else the page's masthead (صحيفة ..., or the
 *   first item of a menu bar), else the owner a copyright line names (© 2025 AFP), else `options.outlet`, else the
 *   one credit
 *   beside agency credits in the dateline ((الاتحاد، وكالات)). A source line naming an agency is not an outlet.
 * - publishedOn: the article's own date line (a "published" or unlabelled date, never an "updated" one), else
 *   `options.publishedOn` when it is an ISO date, else null. Numeric dates are read day-first on Arabic pages and
 *   skipped when ambiguous on others.
 *
 * Article text follows seed/al-ittihad-2025-05.json: title, dateline line, body paragraphs, joined by '\n', each
 * line trimmed. Never throws: an empty or non-string page returns [].
 */
export function splitPage(page: string, options: SplitPageOptions = {}): PageArticle[] {
  if (typeof page !== 'string' || page.trim().length === 0) return [];
  const scripts = countScripts(page);
  const lines = classifyLines(page, scripts.arabic >= scripts.latin);

  const found = findPageOutlet(lines);
  const ctx: PageContext = {
    page,
    pageOutlet: found?.outlet ?? null,
    pageOutletReason: found?.reason ?? null,
    options,
  };

  // A short line that only names the outlet is its masthead.
  const outletKeys = [ctx.pageOutlet, options.outlet]
    .filter((o): o is string => typeof o === 'string' && o.trim().length > 0)
    .map((o) => normalizeName(o));
  const classified = lines.map((l): Line => {
    if (l.type === 'text' && l.words <= MASTHEAD_MAX_WORDS && outletKeys.includes(normalizeName(l.text))) {
      return { type: 'furniture', line: l.line, kind: MASTHEAD, reason: `masthead "${l.text}" (the outlet's name)` };
    }
    return l;
  });

  const articles: PageArticle[] = [];
  let opening = 'article starts at the top of the page';
  let segment: Line[] = [];
  const flush = (): void => {
    splitSegment(segment).forEach((part, i) => {
      const why = i === 0 ? opening : 'article starts at a new date or dateline line after body text';
      const article = buildArticle(part, ctx, why);
      if (article) articles.push(article);
    });
    segment = [];
  };
  for (const l of classified) {
    if (l.type === 'separator') {
      flush();
      opening = `article starts after the ${l.reason} at page offset ${l.line.start}`;
    } else segment.push(l);
  }
  flush();
  return articles;
}
