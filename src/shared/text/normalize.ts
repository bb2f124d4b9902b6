const ARABIC_DIACRITICS = /[\u064B-\u0652\u0670\u0640]/g;
const ALEF_FORMS = /[\u0623\u0625\u0622\u0671]/g;
const ARABIC_INDIC_DIGITS = /[\u0660-\u0669]/g;
const EXTENDED_ARABIC_INDIC_DIGITS = /[\u06F0-\u06F9]/g;
const LATIN_COMBINING_MARKS = /[\u0300-\u036f]/g;
const PUNCTUATION = /[\p{P}\p{S}]+/gu;

/**
 * The matching key of a name: Arabic folded as in the domain notes (no diacritics or tatweel, one alef, final ى as
 * ي, ة as ه, ASCII digits), Latin lower-cased without accents, punctuation dropped, spaces collapsed.
 * For matching only: stored text stays untouched, since provenance offsets point into it.
 */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(LATIN_COMBINING_MARKS, '')
    .normalize('NFC')
    .replace(ARABIC_DIACRITICS, '')
    .replace(ALEF_FORMS, '\u0627')
    .replace(/\u0649(?=\s|$)/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(EXTENDED_ARABIC_INDIC_DIGITS, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase()
    .replace(PUNCTUATION, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when the text holds Arabic letters. */
export function hasArabic(text: string): boolean {
  return /[\u0600-\u06FF]/.test(text);
}
