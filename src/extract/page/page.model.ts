// Contract between the page splitter (this module) and the statement extractor (src/extract/ outside page/).
// Both sides may ADD fields; none may rename. See split-page.ts for how each field is found.

/** A half-open range of UTF-16 code units, end exclusive. */
export interface TextSpan {
  start: number;
  end: number;
}

/** One article found on a raw page. */
export interface PageArticle {
  /**
   * The article text as `ArticleInput.text` takes it: the title line, then the dateline line (when there is one),
   * then the body paragraphs, joined by '\n', with page furniture removed (widget labels glued to text such as
   * أخبار ذات صلة, the publication-date line, source lines المصدر:, keyword tags كلمات دلالية:, share/print labels,
   * "read also" separators, mastheads, menus, most-read lists). This is the convention of seed/al-ittihad-2025-05.json.
   */
  text: string;
  /** The title as written (first line of `text`), or null when the article has none. */
  title: string | null;
  /** Where each part sits in `text`. */
  titleSpan: TextSpan | null;
  datelineSpan: TextSpan | null;
  /** From the first body character to the end of `text`: statements are looked for here only. */
  bodySpan: TextSpan;
  /** Paragraph spans inside `text` (body paragraphs only), in order. */
  paragraphs: TextSpan[];
  /**
   * pageOffsets[i] is the page offset of text[i], for i in 0..text.length (the last entry is the page offset just
   * after the article's last character). Every span in article coordinates maps to the page through it:
   * page span = { start: pageOffsets[s.start], end: pageOffsets[s.end - 1] + 1 }.
   *
   * The '\n' that joins two kept lines is inserted by the splitter: it maps to the page offset just after the
   * preceding kept character (usually the page's own line break, or the space left where furniture was cut), so
   * pageOffsets is strictly increasing and text[i] === page[pageOffsets[i]] for every character that is not such a join.
   */
  pageOffsets: Int32Array;
  /** The range of the page the article came from (first to last character kept). */
  pageSpan: TextSpan;
  /** ISO date YYYY-MM-DD, or null when the page gives none (never guessed). */
  publishedOn: string | null;
  /** BCP 47 primary tag of the article's language: 'ar' or 'en' (by script share of the body). */
  language: string;
  /** Places named by the dateline, as written (موسكو، واشنطن / BEIJING). */
  datelinePlaces: string[];
  /** The outlet, as written on the page or given by the caller (صحيفة الاتحاد / Al-Ittihad), or null. */
  outlet: string | null;
  /** Agencies credited by the dateline or a credit line, as written (وكالات, وام, رويترز, Reuters, أ ف ب ...). */
  agencies: string[];
  /**
   * Every credit of the dateline or credit line, as written and in page order: the agencies above plus the outlet's
   * own newsroom (الاتحاد in `(الاتحاد، وكالات)`) and staff credits (مراسلنا). Added by the page splitter.
   */
  credits: string[];
  /** The date of an "updated" label (آخر تحديث:, Updated:) when the page gives one; never used as publishedOn. */
  updatedOn: string | null;
  /** Human-readable reasons for each decision above (which separator, which date pattern, which furniture rule). */
  evidence: string[];
}

/** Options the caller may give. */
export interface SplitPageOptions {
  /** Outlet name to use when the page names none. */
  outlet?: string | null;
  /** Publication date to use when the page gives none (ISO YYYY-MM-DD). */
  publishedOn?: string | null;
}
