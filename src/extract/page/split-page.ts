import { normalizeName } from '../../shared/text/normalize';
import { parseDateline, type Dateline } from './dateline';
import { classifyFurniture, hasSentencePunctuation } from './furniture';
import { countScripts, detectLanguage } from './language';
import { OffsetTextBuilder } from './offset-map';
import type { PageArticle, SplitPageOptions, TextSpan } from './page.model';
import { classifyCredit, furnitureLexicon } from './page-lexicon';
import { countWords, splitLines, type PageLine } from './page-lines';
import { parseDateLine, type DateLine } from './publication-date';

export type { PageArticle, SplitPageOptions, TextSpan } from './page.model';

/** A page line after the furniture rules, date lines and datelines have had their say. */
type Line =
  | { type: 'blank'; line: PageLine }
  | { type: 'separator'; line: PageLine; reason: string }
  | { type: 'furniture'; line: PageLine; reason: string; kind: string; outlet?: string }
  | { type: 'date'; line: PageLine; date: DateLine }
  | {
      type: 'text';
      line: PageLine;
      /** Page offset where the kept text starts (after a glued widget label). */
      start: number;
      text: string;
      words: number;
      /** Sentence punctuation and bodyMinWords words, or proseMinWords words. */
      body: boolean;
      /** Strong enough to make its segment an article (anchorMinWords with punctuation, or proseMinWords). */
      anchor: boolean;
      punctuated: boolean;
      /** A dateline at the start of the line, and whether it is the whole line. */
      dateline: Dateline | null;
      stripped: string | null;
    };
type TextLine = Extract<Line, { type: 'text' }>;
type SourceLine = Extract<Line, { type: 'furniture' }> & { outlet: string };

const SHAPE = furnitureLexicon.shape;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** How many words an outlet-name line may have to count as a masthead: longer lines are never mastheads. */
const MASTHEAD_MAX_WORDS = 5;
/** The furniture kind (page-furniture.json) whose line names the outlet in the page's own masthead. */
const MASTHEAD = 'masthead';

function classifyLines(page: string, dayFirst: boolean): Line[] {
  return splitLines(page).map((line): Line => {
    if (line.start === line.end) return { type: 'blank', line };
    const verdict = classifyFurniture(line.text);
    if (verdict.role === 'separator') return { type: 'separator', line, reason: verdict.reason };
    if (verdict.role === 'furniture') {
      const outlet = verdict.givesOutlet && verdict.value ? verdict.value : undefined;
      return { type: 'furniture', line, reason: verdict.reason, kind: verdict.kind, ...(outlet ? { outlet } : {}) };
    }
    const cut = verdict.role === 'stripped' ? verdict.cut : 0;
    const start = line.start + cut;
    const text = page.slice(start, line.end);
    const date = parseDateLine(text, dayFirst);
    if (date) return { type: 'date', line, date };
    const words = countWords(text);
    const punctuated = hasSentencePunctuation(text);
    return {
      type: 'text',
      line,
      start,
      text,
      words,
      punctuated,
      body: (punctuated && words >= SHAPE.bodyMinWords) || words >= SHAPE.proseMinWords,
      anchor: (punctuated && words >= SHAPE.anchorMinWords) || words >= SHAPE.proseMinWords,
      dateline: parseDateline(text),
      stripped: verdict.role === 'stripped' ? verdict.reason : null,
    };
  });
}

const HEADLINE_NEVER_ENDS_WITH = new Set(SHAPE.headlineNeverEndsWith);

/** Short, no dateline, and not ending like a statement (closing quotes and brackets ignored). */
function looksLikeHeadline(l: TextLine): boolean {
  const last = l.text.replace(/[\s»”"')\]]+$/u, '').at(-1) ?? '';
  return l.words < SHAPE.proseMinWords && l.dateline === null && !HEADLINE_NEVER_ENDS_WITH.has(last);
}

function isStandaloneDateline(l: Line): l is TextLine & { dateline: Dateline } {
  return l.type === 'text' && l.dateline !== null && l.dateline.bodyStart >= l.text.length;
}

/**
 * Cuts a segment (the lines between two separators) where a second article starts without a separator: after body
 * text, a date line or a dateline line that more body follows opens a new article, whose title is the headline-like
 * line just before it.
 */
function splitSegment(lines: Line[]): Line[][] {
  const parts: Line[][] = [];
  let current: Line[] = [];
  let seenBody = false;
  // anchorAfter[i]: an anchor paragraph comes after line i (one backward pass keeps the split linear).
  const anchorAfter = new Array<boolean>(lines.length).fill(false);
  for (let i = lines.length - 2; i >= 0; i--) {
    const next = lines[i + 1] as Line;
    anchorAfter[i] = (anchorAfter[i + 1] as boolean) || (next.type === 'text' && next.anchor);
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as Line;
    const opensArticle = seenBody && (l.type === 'date' || isStandaloneDateline(l)) && anchorAfter[i] === true;
    if (opensArticle) {
      let cut = current.length;
      for (let j = current.length - 1; j >= 0; j--) {
        const prev = current[j] as Line;
        if (prev.type === 'blank') continue;
        if (prev.type === 'text' && !prev.body) cut = j;
        break;
      }
      parts.push(current.slice(0, cut));
      current = current.slice(cut);
      seenBody = false;
    }
    current.push(l);
    if (l.type === 'text' && l.body && !looksLikeHeadline(l)) seenBody = true;
  }
  parts.push(current);
  return parts;
}

interface PageContext {
  page: string;
  pageOutlet: string | null;
  pageOutletReason: string | null;
  options: SplitPageOptions;
}

function buildArticle(segment: Line[], ctx: PageContext, opening: string): PageArticle | null {
  const texts = segment.filter((l): l is TextLine => l.type === 'text');
  const evidence: string[] = [opening];
  const opensBody = (l: TextLine): boolean => l.body && !isStandaloneDateline(l);
  let firstBodyIndex = texts.findIndex(opensBody);
  if (firstBodyIndex >= 0) {
    // A question or exclamation headline (هل تنجح الوساطة؟) is punctuated like a sentence; when nothing else before
    // the body could be the title, and body text follows, it is the title.
    const first = texts[firstBodyIndex] as TextLine;
    const hasHeadline = texts.slice(0, firstBodyIndex).some((l) => !isStandaloneDateline(l) && l.words >= 2);
    const next = texts.findIndex((l, i) => i > firstBodyIndex && opensBody(l));
    if (!hasHeadline && next >= 0 && looksLikeHeadline(first)) {
      evidence.push(`punctuated line "${first.text}" opens the article: read as its title`);
      firstBodyIndex = next;
    }
  }
  if (firstBodyIndex < 0 || !texts.slice(firstBodyIndex).some((l) => l.anchor)) return null;

  // Before the body: headline-like lines, date lines and a dateline line. The title is the last headline-like line
  // before the first date or dateline line that follows one, else the last headline-like line before the body.
  const firstBody = texts[firstBodyIndex] as TextLine;
  const preBody = segment.slice(0, segment.indexOf(firstBody));
  let title: TextLine | null = null;
  let dateline: TextLine | null = null;
  for (const l of preBody) {
    if (l.type === 'date' || isStandaloneDateline(l)) {
      if (l.type === 'text' && dateline === null) dateline = l;
      if (title !== null) break;
    } else if (l.type === 'text') title = l;
  }
  if (dateline === null) dateline = (preBody.find(isStandaloneDateline) as TextLine | undefined) ?? null;
  if (title !== null && title.words < 2) title = null;
  for (const l of preBody) {
    if (l.type === 'text' && l !== title && l !== dateline) evidence.push(`dropped headline-like line "${l.text}"`);
  }

  // The body runs from the first body line to the last; short punctuated lines right after it are closing sentences.
  let lastBodyIndex = firstBodyIndex;
  texts.forEach((l, i) => {
    if (l.body && i > lastBodyIndex) lastBodyIndex = i;
  });
  while (lastBodyIndex + 1 < texts.length) {
    const next = texts[lastBodyIndex + 1] as TextLine;
    if (!(next.punctuated && next.words >= 3) || isStandaloneDateline(next)) break;
    lastBodyIndex++;
  }
  const bodyLines = texts.slice(firstBodyIndex, lastBodyIndex + 1);
  for (const l of texts.slice(lastBodyIndex + 1)) evidence.push(`dropped trailing line "${l.text}"`);

  const builder = new OffsetTextBuilder(ctx.page);
  let titleSpan: TextSpan | null = null;
  let datelineSpan: TextSpan | null = null;
  let datelineInfo: Dateline | null = null;
  if (title) {
    builder.appendPage(title.start, title.line.end);
    titleSpan = { start: 0, end: builder.position };
    evidence.push(`title "${title.text}"`);
  }
  if (dateline && title && dateline.line.index < title.line.index) {
    // The text keeps page order (pageOffsets strictly increasing) and its first line is the title, so a dateline
    // printed above the title is reported (places, credits) but not copied into the text.
    evidence.push(`dateline line "${dateline.text}" stands above the title: reported, not kept in the text`);
    datelineInfo = dateline.dateline;
  } else if (dateline && dateline.dateline) {
    if (builder.position > 0) builder.appendJoin();
    const start = builder.position;
    builder.appendPage(dateline.start, dateline.line.end);
    datelineSpan = { start, end: builder.position };
    datelineInfo = dateline.dateline;
  }
  const paragraphs: TextSpan[] = [];
  let bodyStart = -1;
  for (const l of bodyLines) {
    if (builder.position > 0) builder.appendJoin();
    const lineStart = builder.position;
    builder.appendPage(l.start, l.line.end);
    let paragraphStart = lineStart;
    if (l === firstBody && datelineInfo === null && l.dateline !== null) {
      datelineInfo = l.dateline;
      datelineSpan = { start: lineStart, end: lineStart + l.dateline.end };
      paragraphStart = lineStart + l.dateline.bodyStart;
    }
    if (bodyStart < 0) bodyStart = paragraphStart;
    paragraphs.push({ start: paragraphStart, end: builder.position });
    if (l.stripped) evidence.push(l.stripped);
  }
  const { text, pageOffsets } = builder.build();
  if (datelineInfo) evidence.push(datelineInfo.reason);

  for (const l of segment) {
    if (l.type === 'furniture') evidence.push(`dropped ${l.reason}`);
  }

  // Publication date: the first date line of the article's own part of the page; never borrowed from another article.
  let publishedOn: string | null = null;
  let updatedOn: string | null = null;
  for (const l of segment) {
    if (l.type !== 'date') continue;
    evidence.push(`date line: ${l.date.reason}`);
    publishedOn ??= l.date.publishedOn;
    updatedOn ??= l.date.updatedOn;
  }
  if (publishedOn === null && ctx.options.publishedOn && ISO_DATE.test(ctx.options.publishedOn)) {
    publishedOn = ctx.options.publishedOn;
    evidence.push(`publishedOn ${publishedOn} given by the caller`);
  } else if (publishedOn === null) {
    evidence.push(updatedOn ? `no publication date (only updated ${updatedOn})` : 'no publication date on the page');
  }

  const credits = [...(datelineInfo?.credits ?? [])];
  const agencies = [...(datelineInfo?.agencies ?? [])];
  let segmentSource: SourceLine | undefined;
  for (const l of segment) {
    if (l.type !== 'furniture' || l.outlet === undefined || l.kind === MASTHEAD) continue;
    if (classifyCredit(l.outlet).kind === 'agency') {
      // المصدر: وكالات credits agencies; it names no outlet.
      credits.push(l.outlet);
      agencies.push(l.outlet);
      evidence.push(`agency credit "${l.outlet}" from the source line "${l.line.text}"`);
    } else segmentSource ??= l as SourceLine;
  }
  let outlet: string | null = null;
  if (segmentSource) {
    outlet = segmentSource.outlet;
    evidence.push(`outlet "${outlet}" from the source line "${segmentSource.line.text}"`);
  } else if (ctx.pageOutlet !== null) {
    outlet = ctx.pageOutlet;
    evidence.push(`outlet "${outlet}" from ${ctx.pageOutletReason}`);
  } else if (ctx.options.outlet) {
    outlet = ctx.options.outlet;
    evidence.push(`outlet "${outlet}" given by the caller`);
  } else if (datelineInfo && datelineInfo.agencies.length > 0 && datelineInfo.otherCredits.length === 1) {
    outlet = datelineInfo.otherCredits[0] as string;
    evidence.push(`outlet "${outlet}": the credit beside the agencies in the dateline`);
  }

  const body = text.slice(bodyStart);
  const language = detectLanguage(body);
  evidence.push(language.reason);

  const last = pageOffsets[text.length - 1] as number;
  return {
    text,
    title: title ? title.text : null,
    titleSpan,
    datelineSpan,
    bodySpan: { start: bodyStart, end: text.length },
    paragraphs,
    pageOffsets,
    pageSpan: { start: pageOffsets[0] as number, end: last + 1 },
    publishedOn,
    updatedOn,
    language: language.language,
    datelinePlaces: datelineInfo?.places ?? [],
    outlet,
    agencies,
    credits,
    evidence,
  };
}

/** The outlet a page names for itself: the first source line that does not name an agency, else the masthead. */
function findPageOutlet(lines: Line[]): { outlet: string; reason: string } | null {
  let masthead: { outlet: string; reason: string } | null = null;
  for (const l of lines) {
    if (l.type !== 'furniture' || l.outlet === undefined) continue;
    if (l.kind === MASTHEAD) masthead ??= { outlet: l.outlet, reason: `the masthead "${l.line.text}"` };
    else if (classifyCredit(l.outlet).kind !== 'agency') {
      return { outlet: l.outlet, reason: `the source line "${l.line.text}"` };
    }
  }
  return masthead;
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
 * - Title: the last headline-like line before the date/dateline lines (or before the body). Dateline: a dateline
 *   line before the body, or a dateline at the start of the first paragraph (BEIJING (Reuters) - ...), in which case
 *   datelineSpan lies inside that paragraph and the paragraph and bodySpan start after it.
 * - Outlet: the article's source line (المصدر: ...), else the page's, else the page's masthead (صحيفة ...), else
 *   `options.outlet`, else the one credit
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
