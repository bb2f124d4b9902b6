/**
 * Length-preserving folding for matching page text against lexicon phrases. Unlike normalizeName
 * (src/shared/text/normalize.ts) it never drops or adds a character, so an offset found in the folded text is the
 * same offset in the page: alef forms أ إ آ ٱ become ا, final-or-not ى becomes ي, ة becomes ه, Arabic-Indic (٠-٩) and
 * Eastern Arabic-Indic (۰-۹) digits become ASCII, and letters are lower-cased where that keeps one code unit.
 * Diacritics and tatweel stay in place; phraseSource() lets a pattern skip them.
 */
export function foldText(text: string): string {
  return text.replace(FOLDABLE, foldOne);
}

const FOLDABLE = /[\u0623\u0625\u0622\u0671\u0649\u0629\u0660-\u0669\u06F0-\u06F9\p{Lu}]/gu;

function foldOne(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x0623 || code === 0x0625 || code === 0x0622 || code === 0x0671) return '\u0627';
  if (code === 0x0649) return '\u064A';
  if (code === 0x0629) return '\u0647';
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  const lower = c.toLowerCase();
  return lower.length === c.length ? lower : c;
}

/** Arabic diacritics (tanween, harakat, shadda, sukun, dagger alef) and tatweel, which a phrase may carry or not. */
export const DIACRITICS = '[\\u064B-\\u0652\\u0670\\u0640]*';

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
