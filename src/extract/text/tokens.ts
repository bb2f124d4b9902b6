import { normalizeName } from '../../shared/text/normalize';

/** One word of a text, with its UTF-16 offsets in that text and its matching keys. */
export interface Token {
  /** As written. */
  text: string;
  /** UTF-16 offsets in the text tokenized, end exclusive. */
  start: number;
  end: number;
  /** normalizeName of the word: the key aliases and lexicon phrases are matched on. */
  norm: string;
  /**
   * Further keys the word may match as the first word of a phrase: Arabic with its proclitics removed (و، ف then
   * ب، ل، ك; لل → ال) or its accusative alef (منفتحاً → منفتح), an English possessive without its 's. Empty for
   * most words.
   */
  variants: string[];
  /** Whether the word is in Latin script, and capitalised (a proper-noun hint for English alias matches). */
  latin: boolean;
  capitalized: boolean;
  /**
   * Whether punctuation other than . - ' ’ (or a line break) separates this word from the previous one: phrases
   * and names never run across it.
   */
  breakBefore: boolean;
  /** The punctuation between the previous word and this one, trimmed ('' when none). */
  punctBefore: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
const ARABIC = /[\u0600-\u06FF]/;
const SOFT_GAP = /^[\s.\-'’\u0640]*$/;

/** Arabic proclitic variants of a normalized word: و/ف (conjunctions), then ب/ل/ك (prepositions), لل → ال. */
function arabicVariants(norm: string): string[] {
  const out: string[] = [];
  const add = (v: string) => {
    if (v.length >= 2 && v !== norm && !out.includes(v)) out.push(v);
  };
  let base = norm;
  if ((base.startsWith('و') || base.startsWith('ف')) && base.length > 3) {
    base = base.slice(1);
    add(base);
  }
  if (base.startsWith('لل') && base.length > 3) add(`ال${base.slice(2)}`);
  if (/^[بلك]/.test(base) && base.length > 3) {
    add(base.slice(1));
    if (base.startsWith('بال') || base.startsWith('كال')) add(base.slice(1));
  }
  // ب/ل on a two-letter word that starts with alef: بأي، لأي، بأن، لأن (أي حوار, أن).
  if (/^[بل]ا./.test(base) && base.length === 3) add(base.slice(1));
  // The accusative ending (tanween fath, written alef): a predicate after كان or ليس, a circumstantial adjective
  // (منفتحاً، مستعداً، مؤكداً) matches its base form. Stems of four letters or more only (not دعا، بحثا).
  if (base.endsWith('ا') && base.length >= 5) add(base.slice(0, -1));
  return out;
}

/**
 * Splits `text[from, to)` into words with offsets in `text`. Pure and linear; numbers count as words.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  let previousEnd = 0;
  for (const match of slice.matchAll(WORD)) {
    const start = match.index;
    const word = match[0];
    const gap = slice.slice(previousEnd, start);
    const norm = normalizeName(word);
    if (norm === '') continue;
    const latin = !ARABIC.test(word);
    let variants: string[] = [];
    if (!latin) variants = arabicVariants(norm);
    else if (/['’]s$/i.test(word)) variants = [normalizeName(word.slice(0, -2))];
    tokens.push({
      text: word,
      start: from + start,
      end: from + start + word.length,
      norm,
      variants,
      latin,
      capitalized: latin && /^\p{Lu}/u.test(word),
      breakBefore: tokens.length > 0 && (!SOFT_GAP.test(gap) || gap.includes('\n')),
      punctBefore: gap.replace(/\s+/g, ''),
    });
    previousEnd = start + word.length;
  }
  return tokens;
}

/** The keys a phrase of the lexicon is matched on: its normalized words. */
export function phraseKey(phrase: string): string {
  return normalizeName(phrase);
}
