/** One grapheme segmenter for the process: Intl.Segmenter is costly to build and safe to share. */
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * What a span offset would cut through, or null when it falls between two whole characters. Offsets are UTF-16
 * code units (as JavaScript and Java index strings); a user-perceived character is an extended grapheme cluster
 * (Unicode UAX #29, as Intl.Segmenter finds them): an emoji with its modifiers and joiners, a letter with its
 * combining marks (Arabic harakat included).
 * @param text the text the offset indexes into.
 * @param offset 0..text.length, in UTF-16 code units.
 */
export function cutAt(text: string, offset: number): 'surrogate pair' | 'grapheme cluster' | null {
  if (offset <= 0 || offset >= text.length) return null;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return 'surrogate pair';
  const segment = graphemes.segment(text).containing(offset);
  return segment && segment.index !== offset ? 'grapheme cluster' : null;
}
