import type { AliasIndex, IndexedEntity } from '../alias-index';
import type { Lexicon } from '../lexicon/lexicon';
import { findQuotes, type QuoteRegion } from '../text/sentences';
import type { TextSpan } from '../text/span';
import { tokenize, type Token } from '../text/tokens';
import { findMentions, type Mention } from './mentions';

/** A quote region that holds reported speech, not a quoted name («ريا نوفوستي»). */
export interface SpeechQuote extends QuoteRegion {
  /** Token range of its words. */
  from: number;
  to: number;
}

/** A sentence prepared for extraction: its words, its quoted speech and what its words name. */
export interface SentenceView {
  text: string;
  span: TextSpan;
  tokens: Token[];
  quotes: SpeechQuote[];
  /** For each token: the speech quote it lies in, or null. */
  quoteOf: (SpeechQuote | null)[];
  mentions: Mention[];
  mentionAt: (Mention | null)[];
  /** The language of the article: 'ar' or 'en'. */
  language: string;
}

/**
 * Tokenizes a sentence and finds its quotes and mentions. A quote is speech unless it holds nothing but a name
 * (an agency, a graph name) or one or two words after an agency or outlet word (وكالة «ريا نوفوستي»).
 */
export function viewSentence(
  text: string,
  span: TextSpan,
  language: string,
  index: AliasIndex,
  lex: Lexicon,
  localNames: ReadonlyMap<string, IndexedEntity> = new Map(),
): SentenceView {
  const tokens = tokenize(text, span.start, span.end);
  const { list, at } = findMentions(tokens, index, lex, localNames);
  const quotes: SpeechQuote[] = [];
  for (const region of findQuotes(text, span.start, span.end)) {
    const from = tokens.findIndex((t) => t.start > region.open);
    if (from < 0) continue;
    let to = from;
    while (to < tokens.length && tokens[to]!.end <= region.close) to++;
    if (to === from) continue;
    const only = at[from];
    const isName = only && only.to === to && (only.type === 'entity' || only.type === 'agency');
    const afterAgencyWord = from > 0 && lex.agencyWords.matchAt(tokens, from - 1) !== null && to - from <= 3;
    if (isName || afterAgencyWord) continue;
    quotes.push({ ...region, from, to });
  }
  const quoteOf: (SpeechQuote | null)[] = tokens.map(() => null);
  // Outer quotes first, so a token of a nested quote ends up with the outermost speech.
  for (const q of [...quotes].sort((a, b) => b.depth - a.depth)) {
    for (let i = q.from; i < q.to; i++) quoteOf[i] = q;
  }
  return { text, span, tokens, quotes, quoteOf, mentions: list, mentionAt: at, language };
}
