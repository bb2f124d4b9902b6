/**
 * The one text normalization of Diplograph for matching: alias keys, resolveEntity, ingest name resolution,
 * addAlias, search (the query text and the `search_*` shadow properties the full-text indexes read), keys made from
 * names and extraction all call `normalizeName`, so a name matches wherever it is compared or not at all.
 * For matching only: stored text stays exactly as written, since span offsets point into it.
 *
 * Sources: Unicode UAX #15 (NFKC), UAX #44 (General_Category Cf, Default_Ignorable_Code_Point), the Arabic folds of
 * the domain notes ("Arabic text normalization for matching"), and the Persian/Urdu letters that Arabic-script text
 * on the web mixes in (Unicode Arabic block chart, U+06A9 keheh, U+06CC Farsi yeh, U+06BE/U+06C1 heh forms).
 */

/**
 * Characters that render as nothing: bidi marks, embeddings and isolates (LRM, RLM, ALM, LRE..PDF, LRI..PDI),
 * ZWSP/ZWNJ/ZWJ, word joiner, BOM, soft hyphen, interlinear annotation marks (all General_Category Cf), plus the
 * other Default_Ignorable_Code_Points (combining grapheme joiner, variation selectors, Hangul fillers ...).
 */
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
/** Control characters (tabs and newlines among them) separate words. */
const CONTROL = /\p{Cc}/gu;
/** Latin, Greek and Cyrillic accents once NFKD has split them off (Combining Diacritical Marks block). */
const LATIN_COMBINING_MARKS = /[\u0300-\u036f]/g;
/**
 * Arabic harakat and Quranic annotation marks, superscript alef and tatweel. A hamza mark still standing alone after
 * composition (U+0654/U+0655 on a letter with no precomposed form) goes too.
 */
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640]/g;
/** Alef with madda, hamza above or below, wasla, and the wavy-hamza alefs: all plain alef. */
const ALEF_FORMS = /[\u0622\u0623\u0625\u0671\u0672\u0673\u0675]/g;
/** Farsi yeh, Kashmiri yeh, yeh barree and Pashto yeh forms: Arabic yeh. */
const YEH_FORMS = /[\u06cc\u0620\u06cd\u06ce\u06d0\u06d2]/g;
/** Keheh and swash kaf (Persian/Urdu kaf): Arabic kaf. */
const KAF_FORMS = /[\u06a9\u06aa]/g;
/** Heh doachashmee, heh goal, heh with yeh above, heh goal with hamza, ae: Arabic heh. */
const HEH_FORMS = /[\u06be\u06c0\u06c1\u06c2\u06d5]/g;
/** Teh marbuta and teh marbuta goal: heh, as in the domain notes. */
const TEH_MARBUTA = /[\u0629\u06c3]/g;
/** Alef maksura at the end of a word: yeh. The word ends wherever no letter or mark follows. */
const FINAL_ALEF_MAKSURA = /\u0649(?![\p{L}\p{M}])/gu;
/** Any decimal digit of any script (Arabic-Indic, Extended Arabic-Indic, Devanagari ...): its ASCII digit. */
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
/** Punctuation (Arabic ، ؛ ؟ ٪ included: they are General_Category P) and symbols separate words. */
const PUNCTUATION = /[\p{P}\p{S}]+/gu;

function asciiDigit(digit: string): string {
  const code = digit.codePointAt(0)!;
  // Nd characters come in contiguous runs of whole sets 0..9 (UAX #44, Numeric_Value): the offset from the run's
  // start, modulo ten, is the digit's value.
  let start = code;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}

/**
 * The matching key of a name or text, a string to compare (and to index) in place of the text. Steps, in order:
 * invisible format characters removed (anywhere, by Unicode property), controls made spaces, NFKC (presentation
 * forms, compatibility letters, decomposed hamza `ا`+U+0654 composed to `أ`), lower case, Latin accents dropped,
 * Arabic marks and tatweel dropped, alef forms to `ا`, Persian/Urdu yeh, kaf and heh forms to `ي` `ك` `ه`, `ة` to `ه`,
 * every decimal digit to ASCII, punctuation and symbols (Arabic ، ؛ ؟ too) to spaces, final `ى` to `ي` (also before
 * punctuation), Greek final sigma to sigma, spaces collapsed and trimmed.
 * Idempotent: normalizeName(normalizeName(x)) === normalizeName(x) (property-tested in normalize.test.ts).
 * @param text any string; an empty result means it has nothing to match.
 * @returns the key: lower-case, single spaces, no punctuation. Stable signature (extraction imports it).
 */
export function normalizeName(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(CONTROL, ' ')
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFKD')
    .replace(LATIN_COMBINING_MARKS, '')
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(ARABIC_MARKS, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(YEH_FORMS, '\u064a')
    .replace(KAF_FORMS, '\u0643')
    .replace(HEH_FORMS, '\u0647')
    .replace(TEH_MARBUTA, '\u0647')
    .replace(NON_ASCII_DIGIT, asciiDigit)
    .replace(/ς/g, 'σ')
    .replace(PUNCTUATION, ' ')
    .replace(FINAL_ALEF_MAKSURA, '\u064a')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when the text holds something to match: a letter or a digit once normalized. A name, alias or search text
 * made only of invisible characters, spaces, marks or punctuation (`\u200b`, RLM+LRM, a soft hyphen) is not one.
 */
export function hasMatchableText(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(normalizeName(text));
}

/** True when the text is empty once spaces, controls and invisible format characters are removed. */
export function isInvisible(text: string): boolean {
  return text.replace(INVISIBLE, '').replace(CONTROL, '').trim() === '';
}

/** True when the text holds Arabic-script letters (Arabic, Persian, Urdu, presentation forms). */
export function hasArabic(text: string): boolean {
  return /\p{Script=Arabic}/u.test(text);
}
