import { normalizeName } from '../../shared/text/normalize';
import { detectLanguage } from './language';
import { OffsetTextBuilder } from './offset-map';
import type { PageArticle, SplitPageOptions, TextSpan } from './page.model';
import { classifyCredit } from './page-lexicon';
import {
  isStandaloneDateline,
  looksLikeHeadline,
  isSourceLine,
  type Line,
  type SourceLine,
  type TextLine,
} from './page-line-kinds';
import type { Dateline } from './dateline';

/** What every article of a page shares: the page itself, the outlet it names, the caller's options. */
export interface PageContext {
  page: string;
  pageOutlet: string | null;
  pageOutletReason: string | null;
  options: SplitPageOptions;
}

/**
 * Builds the article of one segment (see splitPage for the rules), or null when the segment holds no anchor
 * paragraph. `opening` says why the segment starts where it does, for evidence.
 */
export function buildArticle(segment: Line[], ctx: PageContext, opening: string): PageArticle | null {
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
  const closingCredits: string[] = [];
  for (const l of texts.slice(lastBodyIndex + 1)) {
    if (isStandaloneDateline(l) && l.dateline.places.length === 0) {
      // A credit line that closes the article: (وام), (رويترز).
      closingCredits.push(...l.dateline.credits);
      evidence.push(`closing credit line "${l.text}"`);
    } else evidence.push(`dropped trailing line "${l.text}"`);
  }

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
  if (publishedOn === null && ctx.options.publishedOn && isIsoDate(ctx.options.publishedOn)) {
    publishedOn = ctx.options.publishedOn;
    evidence.push(`publishedOn ${publishedOn} given by the caller`);
  } else if (publishedOn === null) {
    evidence.push(updatedOn ? `no publication date (only updated ${updatedOn})` : 'no publication date on the page');
  }

  const credits = [...(datelineInfo?.credits ?? [])];
  const agencies = [...(datelineInfo?.agencies ?? [])];
  for (const credit of closingCredits) {
    if (credits.includes(credit)) continue;
    credits.push(credit);
    if (classifyCredit(credit).kind === 'agency') agencies.push(credit);
  }
  const bylineAgencies: string[] = [];
  for (const l of segment) {
    if (l.type !== 'furniture' || l.credit === undefined) continue;
    // By Reuters / By Jane Doe and AFP: the agencies a byline names are credits; a person's name is not.
    for (const part of l.credit.split(/\s*(?:[,،;&]|\band\b)\s*/u)) {
      if (part.length > 0 && classifyCredit(part).kind === 'agency') bylineAgencies.push(part);
      if (part.length === 0 || credits.includes(part) || classifyCredit(part).kind !== 'agency') continue;
      credits.push(part);
      agencies.push(part);
      evidence.push(`agency credit "${part}" from the byline "${l.line.text}"`);
    }
  }
  // A byline naming one agency, with no other agency credited, on a page that names no outlet: the agency's page.
  const ownAgency =
    bylineAgencies.length === 1 && agencies.every((a) => normalizeName(a) === normalizeName(bylineAgencies[0]!))
      ? bylineAgencies[0]!
      : null;
  let segmentSource: SourceLine | undefined;
  for (const l of segment) {
    if (!isSourceLine(l)) continue;
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
  } else if (ownAgency !== null) {
    outlet = ownAgency;
    evidence.push(`outlet "${outlet}": the one agency the byline and the dateline credit, on a page naming no outlet`);
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

/** A real calendar date written YYYY-MM-DD (2025-02-30 is not). */
function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
