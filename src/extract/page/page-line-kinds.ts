import { parseDateline, type Dateline } from './dateline';
import { classifyFurniture, hasSentencePunctuation } from './furniture';
import { furnitureLexicon } from './page-lexicon';
import { countWords, splitLines, type PageLine } from './page-lines';
import { parseDateLine, parsePlaceDateLine, type DateLine } from './publication-date';

/** A page line after the furniture rules, date lines and datelines have had their say. */
export type Line =
  | { type: 'blank'; line: PageLine }
  | { type: 'separator'; line: PageLine; reason: string }
  | { type: 'furniture'; line: PageLine; reason: string; kind: string; outlet?: string; credit?: string }
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
export type TextLine = Extract<Line, { type: 'text' }>;
export type SourceLine = Extract<Line, { type: 'furniture' }> & { outlet: string };

export const SHAPE = furnitureLexicon.shape;
/** How many words an outlet-name line may have to count as a masthead: longer lines are never mastheads. */
export const MASTHEAD_MAX_WORDS = 5;
/** The furniture kind (page-furniture.json) whose line names the outlet in the page's own masthead. */
export const MASTHEAD = 'masthead';
/** The furniture kind whose line may name the site's owner (© 2025 AFP): the weakest page-level outlet. */
export const COPYRIGHT = 'copyright';

/** A line that credits the article's source with a label (المصدر: ...), as opposed to a masthead or copyright. */
export function isSourceLine(l: Line): l is SourceLine {
  return l.type === 'furniture' && l.outlet !== undefined && l.kind !== MASTHEAD && l.kind !== COPYRIGHT;
}

export function classifyLines(page: string, dayFirst: boolean): Line[] {
  return splitLines(page).map((line): Line => {
    if (line.start === line.end) return { type: 'blank', line };
    const verdict = classifyFurniture(line.text);
    if (verdict.role === 'separator') return { type: 'separator', line, reason: verdict.reason };
    if (verdict.role === 'furniture') {
      const outlet = verdict.givesOutlet && verdict.value ? verdict.value : undefined;
      return {
        type: 'furniture',
        line,
        reason: verdict.reason,
        kind: verdict.kind,
        ...(outlet ? { outlet } : {}),
        ...(verdict.credit ? { credit: verdict.credit } : {}),
      };
    }
    const cut = verdict.role === 'stripped' ? verdict.cut : 0;
    const start = line.start + cut;
    const text = page.slice(start, line.end);
    const date = parseDateLine(text, dayFirst) ?? parsePlaceDateLine(text, dayFirst);
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
export function looksLikeHeadline(l: TextLine): boolean {
  const last = l.text.replace(/[\s»”"')\]]+$/u, '').at(-1) ?? '';
  return l.words < SHAPE.proseMinWords && l.dateline === null && !HEADLINE_NEVER_ENDS_WITH.has(last);
}

export function isStandaloneDateline(l: Line): l is TextLine & { dateline: Dateline } {
  return l.type === 'text' && l.dateline !== null && l.dateline.bodyStart >= l.text.length;
}

/**
 * Cuts a segment (the lines between two separators) where a second article starts without a separator: after body
 * text, a date line or a dateline line that more body follows opens a new article, whose title is the headline-like
 * line just before it.
 */
export function splitSegment(lines: Line[]): Line[][] {
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
    // A credit alone ((وام)) closes an article rather than opening one; a dateline with places opens one.
    const opener = l.type === 'date' || (isStandaloneDateline(l) && l.dateline.places.length > 0);
    const opensArticle = seenBody && opener && anchorAfter[i] === true;
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
