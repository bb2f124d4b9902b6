import { monthsLexicon } from './page-lexicon';
import { countWords } from './page-lines';
import { DIACRITICS, foldText, phrasesSource, WORD_END, WORD_START } from './text-fold';

/** A calendar date found in a line; start/end are offsets in that line (UTF-16, end exclusive). */
export interface FoundDate {
  /** ISO YYYY-MM-DD. */
  iso: string;
  start: number;
  end: number;
  /** Which pattern matched: iso, day-month-year, month-day-year, numeric-day-month-year. */
  pattern: string;
}

/** A line that holds only a date (with its label, weekday, time and zone), as pages print publication dates. */
export interface DateLine {
  /** The publication date: after a published label (تاريخ النشر:, Published:), else the first unlabelled date. */
  publishedOn: string | null;
  /** A date after an update label (آخر تحديث:, Updated:). */
  updatedOn: string | null;
  /** Human-readable account of the match, for evidence. */
  reason: string;
}

const monthByKey = new Map<string, number>();
for (const { month, names } of monthsLexicon.months) {
  for (const name of names) monthByKey.set(monthKey(name), month);
}

function monthKey(written: string): string {
  return foldText(written)
    .replace(new RegExp(DIACRITICS.slice(0, -1), 'g'), '')
    .replace(/[\s.]+/g, ' ')
    .trim();
}

const MONTH = `${WORD_START}${phrasesSource(monthsLexicon.months.flatMap((m) => m.names))}${WORD_END}`;
const ORDINAL = '(?:st|nd|rd|th)?';
const SEP = '\\s*[,،]?\\s*';

const PATTERNS: { name: string; regex: RegExp; order: 'ymd' | 'dmy' | 'mdy' | 'num-dmy' }[] = [
  {
    name: 'iso',
    order: 'ymd',
    regex:
      /(?<![\d/.-])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?(?![\d/.-]?\d)/gu,
  },
  {
    name: 'day-month-year',
    order: 'dmy',
    regex: new RegExp(
      `(?<![\\p{L}\\p{N}])(\\d{1,2})${ORDINAL}${SEP}(?:of\\s+)?(${MONTH})(?:\\s*[/(]\\s*${MONTH}\\s*\\)?)?\\.?${SEP}(\\d{4})(?!\\d)`,
      'gu',
    ),
  },
  {
    name: 'month-day-year',
    order: 'mdy',
    regex: new RegExp(`(${MONTH})\\.?\\s*(\\d{1,2})${ORDINAL}${SEP}(\\d{4})(?!\\d)`, 'gu'),
  },
  {
    name: 'numeric-day-month-year',
    order: 'num-dmy',
    regex: /(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)/gu,
  },
];

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Finds Gregorian dates in one line: ISO (2025-05-06), day-month-year (6 May 2025, 6th, May 2025, ٦ أيار ٢٠٢٥,
 * 6 مايو/أيار 2025, 6 كانون الثاني 2025), month-day-year (May 6, 2025) and numeric day/month/year (06/05/2025).
 * Digits may be ASCII, Arabic-Indic or Eastern Arabic-Indic. A numeric date whose day and month could be swapped is
 * taken as day/month only when `dayFirst` (Arabic and most non-US pages); otherwise it is skipped, never guessed.
 * Impossible dates (31 April) and years outside 1900..2100 are skipped. Returns non-overlapping dates in line order.
 */
export function findDates(line: string, dayFirst: boolean): FoundDate[] {
  const folded = foldText(line);
  const found: FoundDate[] = [];
  for (const { name, regex, order } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(folded); m !== null; m = regex.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && f.start < end)) continue;
      const a = m[1] as string;
      const b = m[2] as string;
      const c = m[3] as string;
      let iso: string | null = null;
      if (order === 'ymd') iso = isoOf(Number(a), Number(b), Number(c));
      else if (order === 'dmy') iso = isoOf(Number(c), monthByKey.get(monthKey(b)) ?? 0, Number(a));
      else if (order === 'mdy') iso = isoOf(Number(c), monthByKey.get(monthKey(a)) ?? 0, Number(b));
      else {
        const first = Number(a);
        const second = Number(b);
        const ambiguous = first <= 12 && second <= 12 && first !== second;
        if (!ambiguous || dayFirst)
          iso = isoOf(Number(c), first > 12 || dayFirst ? second : first, first > 12 || dayFirst ? first : second);
      }
      if (iso !== null) found.push({ iso, start, end, pattern: name });
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

const LABEL = (phrases: string[]): RegExp => new RegExp(`${WORD_START}${phrasesSource(phrases)}${WORD_END}`, 'gu');
const PUBLISHED_LABEL = LABEL(monthsLexicon.publishedLabels);
const UPDATED_LABEL = LABEL(monthsLexicon.updatedLabels);
const FILLER = LABEL(monthsLexicon.filler.words);
const TIME = /(?<!\d)\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?!\d)/g;

/** Longest line (in words) that can still be a date line: a dated sentence is longer. */
const DATE_LINE_MAX_WORDS = 16;

function labelsIn(folded: string, regex: RegExp, kind: 'published' | 'updated'): { end: number; kind: string }[] {
  regex.lastIndex = 0;
  return [...folded.matchAll(regex)].map((m) => ({ end: m.index + m[0].length, kind }));
}

/**
 * Reads a line that holds only a date: once the dates, their labels (from dates-months.json), weekdays, times, zone
 * and calendar words are removed, at most one other word may remain (two when a label says what the date is).
 * Returns null for any other line, so a headline that contains a date stays a headline.
 */
export function parseDateLine(line: string, dayFirst: boolean): DateLine | null {
  if (countWords(line) > DATE_LINE_MAX_WORDS) return null;
  const dates = findDates(line, dayFirst);
  if (dates.length === 0) return null;
  const folded = foldText(line);
  const labels = [...labelsIn(folded, PUBLISHED_LABEL, 'published'), ...labelsIn(folded, UPDATED_LABEL, 'updated')];
  let rest = folded;
  for (const d of dates) rest = rest.slice(0, d.start) + ' '.repeat(d.end - d.start) + rest.slice(d.end);
  rest = rest.replace(PUBLISHED_LABEL, ' ').replace(UPDATED_LABEL, ' ').replace(TIME, ' ').replace(FILLER, ' ');
  // Numbers left over belong to a Hijri date or a time; only letter words make a line a sentence.
  const leftWords = rest.match(/\p{L}[\p{L}\p{M}]*/gu)?.length ?? 0;
  if (leftWords > (labels.length > 0 ? 2 : 1)) return null;
  let publishedOn: string | null = null;
  let updatedOn: string | null = null;
  const parts: string[] = [];
  for (const d of dates) {
    const label = labels.filter((l) => l.end <= d.start).sort((x, y) => y.end - x.end)[0];
    const kind = label?.kind ?? 'unlabelled';
    if (kind === 'updated') updatedOn ??= d.iso;
    else publishedOn ??= d.iso;
    parts.push(`${d.iso} from "${line.slice(d.start, d.end)}" (${d.pattern}, ${kind})`);
  }
  return { publishedOn, updatedOn, reason: parts.join('; ') };
}

const CAP_WORD = "\\p{Lu}[\\p{L}.'’-]*";
const PLACE_ITEM = `(?:${CAP_WORD}(?:[ \\t]+${CAP_WORD})?|\\p{Script=Arabic}+)`;
/** One or two short place names then a dash or comma, before a date: ANKARA, Turkey — / القاهرة - */
const PLACE_PREFIX = new RegExp(`^${PLACE_ITEM}(?:[ \\t]*[,،][ \\t]*${PLACE_ITEM})?[ \\t]*[-–—|,،][ \\t]*`, 'u');

/**
 * A date line that names the place first, as wire pages print it: `ANKARA, Turkey — 2025-05-30`,
 * `القاهرة - 6 مايو 2025`. Places are one or two capitalised words, or one Arabic word, at most two of them; the
 * rest of the line must be a date line by parseDateLine. Null otherwise.
 */
export function parsePlaceDateLine(line: string, dayFirst: boolean): DateLine | null {
  const prefix = PLACE_PREFIX.exec(line);
  if (!prefix || prefix[0].length >= line.length) return null;
  const date = parseDateLine(line.slice(prefix[0].length), dayFirst);
  if (!date) return null;
  return { ...date, reason: `${date.reason} after the place "${prefix[0].replace(/[\s\-–—|,،]+$/u, '')}"` };
}
