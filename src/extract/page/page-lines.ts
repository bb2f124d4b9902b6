/** One line of a page: [start, end) is its content without the line break, trimmed of surrounding white space. */
export interface PageLine {
  /** Zero-based line number on the page. */
  index: number;
  /** Page offset of the first non-blank character (equal to `end` for a blank line). */
  start: number;
  /** Page offset just after the last non-blank character. */
  end: number;
  /** page.slice(start, end). */
  text: string;
}

const BLANK = /[\s\u200B-\u200F\u2028\u2029\uFEFF]/;

/**
 * Splits a page at \n, \r\n, \r, U+2028 and U+2029 in one pass, trimming each line (white space, zero-width and
 * direction marks) so offsets point at real characters. Linear in the page length.
 */
export function splitLines(page: string): PageLine[] {
  const lines: PageLine[] = [];
  let lineStart = 0;
  const push = (lineEnd: number): void => {
    let s = lineStart;
    let e = lineEnd;
    while (s < e && BLANK.test(page[s] as string)) s++;
    while (e > s && BLANK.test(page[e - 1] as string)) e--;
    lines.push({ index: lines.length, start: s, end: e, text: page.slice(s, e) });
  };
  for (let i = 0; i < page.length; i++) {
    const c = page.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
      push(i);
      if (c === 0x0d && page.charCodeAt(i + 1) === 0x0a) i++;
      lineStart = i + 1;
    }
  }
  push(page.length);
  return lines;
}

/** Words of a line: runs of letters or digits (punctuation and symbols do not count). */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu)?.length ?? 0;
}
