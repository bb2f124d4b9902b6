/** A half-open range of UTF-16 code units, end exclusive (the contract of src/extract/page). */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Maps a span of article text to the page through the article's `pageOffsets` (pageOffsets[i] is the page offset
 * of text[i]): { start: pageOffsets[start], end: pageOffsets[end - 1] + 1 }.
 */
export function toPageSpan(span: TextSpan, pageOffsets: ArrayLike<number>): TextSpan {
  if (span.end <= span.start) return { start: pageOffsets[span.start] ?? 0, end: pageOffsets[span.start] ?? 0 };
  return { start: pageOffsets[span.start]!, end: pageOffsets[span.end - 1]! + 1 };
}
