import { furnitureLexicon, readAlsoLexicon, type FurnitureRule } from './page-lexicon';
import { countWords } from './page-lines';
import { foldText, phrasesSource, WORD_END } from './text-fold';

/** What the furniture rules make of one non-blank line. Offsets are in the line (UTF-16). */
export type FurnitureVerdict =
  /** A "read also" label alone on its line: the next article starts after it. */
  | { role: 'separator'; kind: 'read-also'; reason: string }
  /** A list header (most read, latest news): ends the current article, the list's headlines follow. */
  | { role: 'separator'; kind: string; reason: string }
  /**
   * The whole line is furniture. `value` is the text after a label's colon, or the whole line for a prefix rule;
   * `givesOutlet` says it names the outlet (a source line or a masthead); `credit` is what a byline credits.
   */
  | { role: 'furniture'; kind: string; reason: string; value?: string; givesOutlet?: boolean; credit?: string }
  /** A label glued to the start of text: the line's text starts at `cut`. */
  | { role: 'stripped'; kind: string; reason: string; cut: number }
  | { role: 'text' };

const PUNCT = '[\\s\\p{P}\\p{S}]*';
const PUNCT_OR_COUNT = '[\\s\\p{P}\\p{S}\\p{N}]*';

interface CompiledRule {
  rule: FurnitureRule;
  regex: RegExp;
}

function compile(rule: FurnitureRule): CompiledRule {
  const phrases = phrasesSource(rule.phrases);
  const sources: Record<FurnitureRule['match'], string> = {
    'glued-prefix': `^(${phrases})[\\s:：\\-–—|]*`,
    labelled: `^(${phrases})\\s*[:：]\\s*(.*)$`,
    'only-phrases': `^(?:${PUNCT_OR_COUNT}${phrases}${WORD_END})+${PUNCT_OR_COUNT}$`,
    'list-header': `^${PUNCT}${phrases}${PUNCT}$`,
    contains: `(?<![\\p{L}\\p{N}])${phrases}`,
    prefix: `^${PUNCT}(${phrases})(?=[\\s:：]|$)`,
  };
  return { rule, regex: new RegExp(sources[rule.match], 'u') };
}

const RULES = furnitureLexicon.rules.map(compile);
/** The rule whose lines name the outlet without a label (a masthead: صحيفة ..., The Daily ...). */
const MASTHEAD_RULE = RULES.find((r) => r.rule.match === 'prefix' && r.rule.givesOutlet);
const READ_ALSO_LINE = new RegExp(`^${PUNCT}${phrasesSource(readAlsoLexicon.separators)}${PUNCT}$`, 'u');
const READ_ALSO_TEASER = new RegExp(`^${PUNCT}(${phrasesSource(readAlsoLexicon.separators)})\\s*[:：]\\s*\\S`, 'u');

const SENTENCE_END = new RegExp(
  `(?<![\\p{Lu}.])[${furnitureLexicon.shape.sentenceEnd.map((c) => c.replace(/[\\\]^-]/, '\\$&')).join('')}](?=[\\s»”"')\\]]|$)`,
  'u',
);

/** True when the line has sentence punctuation (a full stop after a capital, as in U.S., does not count). */
export function hasSentencePunctuation(line: string): boolean {
  return SENTENCE_END.test(line);
}

/**
 * Applies page-read-also.json and the rules of page-furniture.json to one trimmed, non-blank line, in the order:
 * read-also separator, read-also teaser, then the furniture rules in file order (first match wins). Rules with
 * maxWords skip longer lines, and prefix rules skip lines with sentence punctuation, so a body paragraph that
 * happens to start with "By" or contain "copyright" is kept.
 */
export function classifyFurniture(line: string): FurnitureVerdict {
  const folded = foldText(line);
  if (READ_ALSO_LINE.test(folded)) return { role: 'separator', kind: 'read-also', reason: `separator "${line}"` };
  if (READ_ALSO_TEASER.test(folded)) {
    return { role: 'furniture', kind: 'read-also-teaser', reason: `"read also" link "${line}"` };
  }
  const words = countWords(line);
  for (const { rule, regex } of RULES) {
    if (rule.maxWords !== undefined && words > rule.maxWords) continue;
    if (rule.match === 'prefix' && hasSentencePunctuation(line)) continue;
    const m = regex.exec(folded);
    if (!m) continue;
    const label = m[1] === undefined ? m[0].trim() : line.slice(m.index, m.index + m[1].length);
    switch (rule.match) {
      case 'glued-prefix': {
        const cut = m[0].length;
        // A Latin label followed by a lower-case letter is the start of a sentence, not a glued widget label.
        if (cut < line.length && /\p{Ll}/u.test(line[cut] as string) && /[a-z]$/i.test(label)) continue;
        if (cut >= line.length) return { role: 'furniture', kind: rule.kind, reason: `${rule.kind} "${line}"` };
        return { role: 'stripped', kind: rule.kind, cut, reason: `${rule.kind} "${label}" cut from the line start` };
      }
      case 'labelled': {
        const value = line.slice(folded.length - (m[2] as string).length).trim();
        return {
          role: 'furniture',
          kind: rule.kind,
          reason: `${rule.kind} "${line}"`,
          value,
          ...(rule.givesOutlet ? { givesOutlet: true } : {}),
        };
      }
      case 'list-header':
        return { role: 'separator', kind: rule.kind, reason: `${rule.kind} list "${line}"` };
      default:
        if (rule.kind === 'copyright') {
          const holder = copyrightHolder(line);
          return {
            role: 'furniture',
            kind: rule.kind,
            reason: `${rule.kind} "${line}"`,
            ...(holder ? { value: holder, givesOutlet: true } : {}),
          };
        }
        return {
          role: 'furniture',
          kind: rule.kind,
          reason: `${rule.kind} "${line}"`,
          ...(rule.givesOutlet ? { value: line, givesOutlet: true } : {}),
          ...(rule.givesCredit ? { credit: line.slice(m.index + m[0].length).replace(/^[\s:：]+/u, '') } : {}),
        };
    }
  }
  if (isMenuLine(line)) {
    // A menu bar often opens with the site's name (بوابة الشرق | الرئيسية | العالم): that item is the masthead.
    const first = line.split(MENU_SPLIT)[0] ?? '';
    const masthead =
      MASTHEAD_RULE &&
      MASTHEAD_RULE.regex.test(foldText(first)) &&
      countWords(first) <= (MASTHEAD_RULE.rule.maxWords ?? 3);
    if (masthead) {
      return {
        role: 'furniture',
        kind: MASTHEAD_RULE.rule.kind,
        reason: `menu "${line}" opening with the masthead "${first}"`,
        value: first.trim(),
        givesOutlet: true,
      };
    }
    return { role: 'furniture', kind: 'menu', reason: `menu "${line}"` };
  }
  return { role: 'text' };
}

const MENU_SPLIT = new RegExp(
  `\\s*(?:${furnitureLexicon.menu.separators.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})\\s*`,
  'u',
);
const SECTION_WORDS = new Set(
  furnitureLexicon.menu.sectionWords.flatMap((w) => foldText(w).split(/\s+/)).filter((w) => w.length > 0),
);

/**
 * A menu or breadcrumb: at least minItems items split by a menu separator (| • » > / ...), none longer than
 * maxWordsPerItem words and all holding a letter; or at least minItems words that are all section names
 * (Home World Politics / الرئيسية سياسة اقتصاد). Never a line with sentence punctuation.
 */
export function isMenuLine(line: string): boolean {
  if (hasSentencePunctuation(line)) return false;
  const { minItems, maxWordsPerItem } = furnitureLexicon.menu;
  const items = line.split(MENU_SPLIT).filter((i) => i.length > 0);
  if (items.length >= minItems && items.every((i) => /\p{L}/u.test(i) && countWords(i) <= maxWordsPerItem)) return true;
  const tokens = foldText(line)
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((t) => t.length > 0);
  return tokens.length >= minItems && tokens.every((t) => SECTION_WORDS.has(t));
}

const HOLDER_EN =
  /(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?(?:by\s+)?(\p{L}[\p{L}\p{M}&'’ -]{1,40}?)\s*(?:[.,|©]|all rights|\d{4}|$)/iu;
const HOLDER_AR = /محفوظة\s+ل\u0640?\s*(\p{L}[\p{L}\p{M} ]{1,40}?)\s*(?:[.,،|©\d]|$)/u;

/**
 * The owner a copyright line names, as written: `© 2025 AFP. All rights reserved.` → AFP,
 * `جميع الحقوق محفوظة لصحيفة الوطن 2025` → صحيفة الوطن. Null when it names none (`جميع الحقوق محفوظة © 2025`).
 */
export function copyrightHolder(line: string): string | null {
  const holder = (HOLDER_AR.exec(line)?.[1] ?? HOLDER_EN.exec(line)?.[1])?.trim();
  if (!holder || countWords(holder) > 5 || /^(all|جميع)\b/iu.test(holder)) return null;
  return holder;
}
