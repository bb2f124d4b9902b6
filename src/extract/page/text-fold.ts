/**
 * Length-preserving folding for matching page text against lexicon phrases. Unlike normalizeName
 * (src/shared/text/normalize.ts) it never drops or adds a character, so an offset found in the folded text is the
 * same offset in the page: alef forms أ إ آ ٱ (and the wavy-hamza alefs) become ا, final-or-not ى becomes ي, ة becomes
 * ه, the Persian/Urdu letters that Arabic-script pages mix in fold as normalizeName folds them (yeh forms ی ې ے → ي,
 * keheh ک → ك, heh forms ھ ہ ۀ ە → ه), Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits become ASCII, and
 * letters are lower-cased where that keeps one code unit. Diacritics, tatweel and invisible joiners stay in place;
 * phraseSource() lets a pattern skip them.
 */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, foldOne);
}

/** One code unit to one code unit, the single-letter folds of normalizeName (src/shared/text/normalize.ts). */
const LETTER_FOLDS: ReadonlyMap<string, string> = new Map([
  ...[...'\u0622\u0623\u0625\u0671\u0672\u0673'].map((c) => [c, '\u0627'] as const),
  ...[...'\u0649\u06CC\u0620\u06CD\u06CE\u06D0\u06D2'].map((c) => [c, '\u064A'] as const),
  ...[...'\u06A9\u06AA'].map((c) => [c, '\u0643'] as const),
  ...[...'\u0629\u06C3\u06BE\u06C0\u06C1\u06C2\u06D5'].map((c) => [c, '\u0647'] as const),
]);

const FOLDABLE =
  /[\u0620\u0622\u0623\u0625\u0629\u0649\u0671-\u0673\u06A9\u06AA\u06BE\u06C0-\u06C3\u06CC-\u06CE\u06D0\u06D2\u06D5\u0660-\u0669\u06F0-\u06F9\p{Lu}]/gu;

function foldOne(c: string): string {
  const letter = LETTER_FOLDS.get(c);
  if (letter !== undefined) return letter;
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  const lower = c.toLowerCase();
  return lower.length === c.length ? lower : c;
}

/**
 * What a phrase may carry or not after an Arabic letter: the marks normalizeName drops (harakat, tanween, shadda,
 * sukun, dagger alef, Quranic annotation marks), tatweel, and the invisible characters pages carry between letters
 * (ZWNJ and ZWJ, common in Persian typing; ZWSP; LRM/RLM/ALM).
 */
export const DIACRITICS =
  '[\\u0610-\\u061A\\u064B-\\u065F\\u0670\\u06D6-\\u06DC\\u06DF-\\u06E8\\u06EA-\\u06ED\\u0640\\u200B-\\u200F\\u061C]*';

/** Not preceded / not followed by a letter or digit: a word edge that works for Arabic, which \b does not. */
export const WORD_START = '(?<![\\p{L}\\p{N}\\p{M}])';
export const WORD_END = '(?![\\p{L}\\p{N}\\p{M}])';

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/**
 * The regex source (for the `u` flag) that matches a lexicon phrase in folded text: the phrase folded, any run of
 * spaces matching any run of white space, optional diacritics after every Arabic letter, and dots in abbreviations
 * (أ.ف.ب) optional, followed by optional spaces.
 */
export function phraseSource(phrase: string): string {
  const folded = foldText(phrase.trim());
  let out = '';
  for (const c of folded) {
    if (/\s/.test(c)) out += '\\s+';
    else if (c === '.') out += '\\.?\\s*';
    else if (/[\u0600-\u06FF]/.test(c)) out += escapeChar(c) + DIACRITICS;
    else out += escapeChar(c);
  }
  return out;
}

/** One alternation of phrases, longest first so that the longest label wins. */
export function phrasesSource(phrases: readonly string[]): string {
  const sorted = [...new Set(phrases)].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(phraseSource).join('|')})`;
}
