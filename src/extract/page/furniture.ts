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
   * `givesOutlet` says it names the outlet (a source line or a masthead).
   */
  | { role: 'furniture'; kind: string; reason: string; value?: string; givesOutlet?: boolean }
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
    prefix: `^${PUNCT}(${phrases})${WORD_END}`,
  };
  return { rule, regex: new RegExp(sources[rule.match], 'u') };
}

const RULES = furnitureLexicon.rules.map(compile);
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
        return {
          role: 'furniture',
          kind: rule.kind,
          reason: `${rule.kind} "${line}"`,
          ...(rule.givesOutlet ? { value: line, givesOutlet: true } : {}),
        };
    }
  }
  if (isMenuLine(line)) return { role: 'furniture', kind: 'menu', reason: `menu "${line}"` };
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
