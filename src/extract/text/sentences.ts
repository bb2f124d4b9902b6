import type { TextSpan } from './span';

/** Quote mark pairs: guillemets, English curly quotes, low-high quotes, straight quotes (open = close). */
const PAIRS: Record<string, string> = { '«': '»', '“': '”', '„': '“', '‹': '›', '"': '"' };
const CLOSERS = new Set(Object.values(PAIRS));

/** A quoted stretch: the marks at `open` and `close` (offsets in the text), the words strictly between. */
export interface QuoteRegion {
  open: number;
  close: number;
  /** The quote mark that opened it. */
  mark: string;
  /** Nesting depth: 0 outermost. */
  depth: number;
}

/**
 * The quoted stretches of `text[from, to)`, nested ones included (“ inside «»). Straight quotes pair up in order.
 * An unclosed quote runs to `to` (scraped text loses closing marks), so the words after it are still quoted.
 */
export function findQuotes(text: string, from: number, to: number): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  const stack: { mark: string; at: number }[] = [];
  for (let i = from; i < to; i++) {
    const ch = text[i]!;
    const top = stack[stack.length - 1];
    if (top && PAIRS[top.mark] === ch) {
      stack.pop();
      regions.push({ open: top.at, close: i, mark: top.mark, depth: stack.length });
    } else if (ch in PAIRS && !(ch === '"' && stack.some((s) => s.mark === '"'))) {
      stack.push({ mark: ch, at: i });
    } else if (CLOSERS.has(ch)) {
      // A closer without its opener (the page lost it): ignore.
    }
  }
  while (stack.length > 0) {
    const open = stack.pop()!;
    regions.push({ open: open.at, close: to, mark: open.mark, depth: stack.length });
  }
  return regions.sort((a, b) => a.open - b.open);
}

function balanced(text: string, from: number, to: number): boolean {
  let guillemets = 0;
  let curly = 0;
  let straight = 0;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch === '«') guillemets++;
    else if (ch === '»') guillemets--;
    else if (ch === '“') curly++;
    else if (ch === '”') curly--;
    else if (ch === '"') straight++;
  }
  return guillemets <= 0 && curly <= 0 && straight % 2 === 0;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string): Intl.Segmenter {
  let s = segmenters.get(language);
  if (!s) {
    s = new Intl.Segmenter(language, { granularity: 'sentence' });
    segmenters.set(language, s);
  }
  return s;
}

/** Abbreviations Intl.Segmenter may split after (English): a sentence never ends on one of them. */
const ABBREVIATION =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|St|Prof|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U)\.|\b[A-Z]\.)\s*$/;

/**
 * Sentences of `text` inside `spans` (paragraphs), as trimmed spans in `text` coordinates. Intl.Segmenter does the
 * splitting for Arabic and English; on top of it: a paragraph always ends a sentence; a sentence never ends inside
 * an open quote (a quote of several sentences stays in one), after an English abbreviation (Mr., U.S.) or before
 * an Arabic semicolon ؛ continuation; Arabic ؟ and ! end sentences as . does.
 */
export function splitSentences(text: string, spans: readonly TextSpan[], language: string): TextSpan[] {
  const out: TextSpan[] = [];
  for (const para of spans) {
    const body = text.slice(para.start, para.end);
    const cuts: number[] = [];
    for (const seg of segmenter(language).segment(body)) if (seg.index > 0) cuts.push(seg.index);
    let start = 0;
    const ends = [...cuts, body.length];
    for (const end of ends) {
      const candidate = body.slice(start, end);
      const last = end === body.length;
      if (!last && (!balanced(body, start, end) || ABBREVIATION.test(candidate))) continue;
      const trimmedStart = start + (candidate.length - candidate.trimStart().length);
      const trimmedEnd = start + candidate.trimEnd().length;
      if (trimmedEnd > trimmedStart) out.push({ start: para.start + trimmedStart, end: para.start + trimmedEnd });
      start = end;
    }
  }
  return out;
}
