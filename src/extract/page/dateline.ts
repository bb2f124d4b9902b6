import { agenciesLexicon, classifyCredit, monthsLexicon } from './page-lexicon';
import { countWords } from './page-lines';
import { foldText, phrasesSource, WORD_END } from './text-fold';

/** A dateline or credit line at the start of a line. Offsets are in that line (UTF-16). */
export interface Dateline {
  /** End of the dateline proper (after the closing parenthesis or the agency), before any dash. */
  end: number;
  /** Where the text after the dateline starts (after the dash and spaces); the line length when it stands alone. */
  bodyStart: number;
  /** Places as written, in order (موسكو، واشنطن → [موسكو, واشنطن]); dates inside the place part are left out. */
  places: string[];
  /** Credits as written, in order ((الاتحاد، وكالات) → [الاتحاد, وكالات]). */
  credits: string[];
  /** The credits that name news agencies (agencies-credits.json). */
  agencies: string[];
  /** Credits that are neither agencies nor staff credits: the outlet's own newsroom when beside an agency. */
  otherCredits: string[];
  reason: string;
}

const WORD = "[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}'’.\\-]*";
const ITEM = `${WORD}(?:[ \\t]+${WORD}){0,3}`;
const PLACES = `${ITEM}(?:[ \\t]*[،,][ \\t]*${ITEM}){0,4}`;
const DASH = '[-–—:|]+';
const AGENCY = `${phrasesSource(agenciesLexicon.agencies.flatMap((a) => a.forms))}${WORD_END}`;

/** Places (optional) then credits in parentheses: موسكو، واشنطن (الاتحاد، وكالات) / BEIJING (Reuters) - / (وام) */
const PAREN = new RegExp(`^(?:(${PLACES})[ \\t]*)?\\(([^()\\n]{1,80})\\)[ \\t]*(?:(${DASH})[ \\t]*)?`, 'u');
/** Places, a dash, then a known agency: القاهرة - أ ف ب */
const DASH_AGENCY = new RegExp(`^(${PLACES})[ \\t]*[-–—][ \\t]*(${AGENCY})[ \\t]*(?:(${DASH})[ \\t]*|$)`, 'u');
/** Places, a dash, then a credit in quotation marks: موسكو – «المشهد» */
const DASH_QUOTED = new RegExp(
  `^(${PLACES})[ \\t]*[-–—][ \\t]*[«"“]([^«»"“”\\n]{1,40})[»"”][ \\t]*(?:(${DASH})[ \\t]*|$)`,
  'ud',
);
/** Upper-case places and a dash, English wire style without a credit: LONDON — / KYIV, Ukraine — */
const CAPS_DASH =
  /^(\p{Lu}[\p{Lu}.'’-]{2,}(?:[ \t]\p{Lu}[\p{Lu}.'’-]*){0,2}(?:,[ \t]*\p{Lu}[\p{L}.'’-]*(?:[ \t]\p{Lu}[\p{L}.'’-]*){0,2})?)[ \t]+[-–—]+[ \t]+/u;

const MONTH_WORD = new RegExp(`^${phrasesSource(monthsLexicon.months.flatMap((m) => m.names))}${WORD_END}`, 'u');

function splitPlaces(written: string | undefined): string[] {
  if (written === undefined) return [];
  return written
    .split(/[ \t]*[،,][ \t]*/u)
    .map((p) => p.trim())
    .filter((p) => p.length > 0 && !/[\p{N}]/u.test(p) && !MONTH_WORD.test(foldText(p)));
}

function splitCredits(written: string): string[] {
  return written
    .split(/[ \t]*[،,/;][ \t]*/u)
    .map((c) => c.trim())
    .filter((c) => c.length > 0)
    .flatMap(splitConjoined);
}

/**
 * (الاتحاد ووكالات): the conjunction و is glued to the next credit. An item is split there only when it is not an
 * agency's name itself and every part after the first is a known credit (so a name that contains و stays whole).
 */
function splitConjoined(item: string): string[] {
  if (classifyCredit(item).kind === 'agency') return [item];
  const parts = item.split(/[ \t]+و(?=\S)/u);
  if (parts.length < 2 || parts.slice(1).some((p) => classifyCredit(p).kind === 'other')) return [item];
  return parts;
}

function build(
  line: string,
  matched: RegExpExecArray,
  places: string[],
  credits: string[],
  end: number,
  form: string,
): Dateline {
  const agencies: string[] = [];
  const otherCredits: string[] = [];
  for (const credit of credits) {
    const kind = classifyCredit(credit);
    if (kind.kind === 'agency') agencies.push(credit);
    else if (kind.kind === 'other') otherCredits.push(credit);
  }
  const bodyStart = matched[0].length;
  const shown = line.slice(0, end);
  return {
    end,
    bodyStart,
    places,
    credits,
    agencies,
    otherCredits,
    reason: `dateline "${shown}" (${form}): places [${places.join(', ')}], credits [${credits.join(', ')}]`,
  };
}

/**
 * Reads a dateline or credit at the start of a line, in the forms news pages use:
 * `موسكو، واشنطن (الاتحاد، وكالات)`, `أبوظبي (وام) -`, `(وام)`, `BEIJING (Reuters) -`, `WASHINGTON, May 6 (Reuters) -`,
 * `القاهرة - أ ف ب`, `موسكو – «المشهد»`, `LONDON —`. A line that is only a dateline has bodyStart === line.length.
 * Guards against sentences: a parenthesised credit followed directly by text (no dash) must name a known agency or
 * staff credit; place items are at most four words; a credit alone must be an agency or staff credit.
 * Returns null when the line does not start with a dateline.
 */
export function parseDateline(line: string): Dateline | null {
  const folded = foldText(line);
  const paren = PAREN.exec(folded);
  if (paren) {
    const credits = splitCredits(line.slice(paren.index + paren[0].indexOf('(') + 1, paren[0].lastIndexOf(')')));
    const places = splitPlaces(paren[1] === undefined ? undefined : line.slice(0, paren[1].length));
    const end = paren[0].lastIndexOf(')') + 1;
    const standalone = paren[0].length === line.length;
    const known = credits.some((c) => classifyCredit(c).kind !== 'other');
    const hasDash = paren[3] !== undefined;
    const shortCredits = credits.length > 0 && credits.length <= 4 && credits.every((c) => countWords(c) <= 4);
    const placesOk = paren[1] === undefined ? known : places.length > 0 || known;
    if (shortCredits && placesOk && (known || hasDash || standalone)) {
      return build(line, paren, places, credits, end, standalone ? 'dateline line' : 'inline dateline');
    }
  }
  const dashAgency = DASH_AGENCY.exec(folded);
  if (dashAgency) {
    const placesEnd = (dashAgency[1] as string).length;
    const agencyStart = dashAgency[0].indexOf(dashAgency[2] as string, placesEnd);
    const agencyEnd = agencyStart + (dashAgency[2] as string).length;
    const places = splitPlaces(line.slice(0, placesEnd));
    if (places.length > 0) {
      return build(line, dashAgency, places, [line.slice(agencyStart, agencyEnd).trim()], agencyEnd, 'place - agency');
    }
  }
  const quoted = DASH_QUOTED.exec(folded);
  if (quoted) {
    const places = splitPlaces(line.slice(0, (quoted[1] as string).length));
    const [creditStart, creditEnd] = quoted.indices?.[2] ?? [0, 0];
    const credit = line.slice(creditStart, creditEnd).trim();
    // Kept short on both sides so that a headline quoting someone after a dash is not read as a dateline.
    const short = places.every((p) => countWords(p) <= 2) && countWords(credit) >= 1 && countWords(credit) <= 3;
    if (places.length > 0 && short)
      return build(line, quoted, places, [credit], creditEnd + 1, 'place - quoted credit');
  }
  const caps = CAPS_DASH.exec(line);
  if (caps) {
    const places = splitPlaces(caps[1]);
    if (places.length > 0) return build(line, caps, places, [], (caps[1] as string).length, 'upper-case place');
  }
  return null;
}
