/**
 * Builds an article's text from pieces of the page while recording, for each character, its page offset.
 * The '\n' joins it inserts map to the page offset just after the preceding kept character, which keeps the map
 * strictly increasing (pieces are appended in page order) and makes page spans of multi-line ranges cover the page
 * text between them.
 */
export class OffsetTextBuilder {
  private readonly parts: string[] = [];
  private readonly offsets: number[] = [];
  private length = 0;
  private lastPageEnd = -1;

  constructor(private readonly page: string) {}

  /** Text length so far (the article offset the next character will get). */
  get position(): number {
    return this.length;
  }

  /** Appends page.slice(start, end); pieces must come in page order and not overlap. */
  appendPage(start: number, end: number): void {
    if (start < this.lastPageEnd) throw new RangeError(`page piece ${start} overlaps the previous one`);
    this.parts.push(this.page.slice(start, end));
    for (let i = start; i < end; i++) this.offsets.push(i);
    this.length += end - start;
    this.lastPageEnd = end;
  }

  /** Appends an inserted '\n' (a line join that is not, or not exactly, on the page). */
  appendJoin(): void {
    this.parts.push('\n');
    this.offsets.push(this.lastPageEnd);
    this.length += 1;
  }

  /** The text and its page offsets, with the closing entry (page offset just after the last character). */
  build(): { text: string; pageOffsets: Int32Array } {
    const pageOffsets = new Int32Array(this.length + 1);
    pageOffsets.set(this.offsets);
    pageOffsets[this.length] = this.lastPageEnd;
    return { text: this.parts.join(''), pageOffsets };
  }
}
