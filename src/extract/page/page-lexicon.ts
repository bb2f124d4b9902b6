import { z } from 'zod';
import agenciesJson from '../lexicon/agencies-credits.json';
import monthsJson from '../lexicon/dates-months.json';
import furnitureJson from '../lexicon/page-furniture.json';
import readAlsoJson from '../lexicon/page-read-also.json';
import { normalizeName } from '../../shared/text/normalize';

const phrase = z.string().trim().min(1);
const phrases = z.array(phrase).min(1);

/** Schema of src/extract/lexicon/page-read-also.json: the "read also" labels. */
export const readAlsoLexiconSchema = z.strictObject({ description: z.string(), separators: phrases });

/** How a furniture rule matches a line; see the description in page-furniture.json. */
export const furnitureMatchSchema = z.enum([
  'glued-prefix',
  'labelled',
  'only-phrases',
  'list-header',
  'contains',
  'prefix',
]);
export type FurnitureMatch = z.infer<typeof furnitureMatchSchema>;

const furnitureRuleSchema = z.strictObject({
  kind: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  match: furnitureMatchSchema,
  phrases,
  /** Only lines of at most this many words match (contains and prefix rules: so a body paragraph never does). */
  maxWords: z.number().int().positive().optional(),
  /** The line names the outlet: the value after the label (المصدر: صحيفة الاتحاد), or the whole masthead line. */
  givesOutlet: z.boolean().optional(),
  /** The text after the phrase credits the article (By Reuters): agencies named there join the article's credits. */
  givesCredit: z.boolean().optional(),
});
export type FurnitureRule = z.infer<typeof furnitureRuleSchema>;

/** Schema of src/extract/lexicon/page-furniture.json: furniture rules, menus and the shape of body text. */
export const furnitureLexiconSchema = z.strictObject({
  description: z.string(),
  rules: z.array(furnitureRuleSchema).min(1),
  menu: z.strictObject({
    description: z.string(),
    separators: phrases,
    minItems: z.number().int().min(2),
    maxWordsPerItem: z.number().int().positive(),
    sectionWords: phrases,
  }),
  shape: z.strictObject({
    description: z.string(),
    bodyMinWords: z.number().int().positive(),
    anchorMinWords: z.number().int().positive(),
    proseMinWords: z.number().int().positive(),
    sentenceEnd: z.array(z.string().length(1)).min(1),
    headlineNeverEndsWith: z.array(z.string().length(1)).min(1),
  }),
});

/** Schema of src/extract/lexicon/dates-months.json: month names, date labels and date-line filler words. */
export const monthsLexiconSchema = z
  .strictObject({
    description: z.string(),
    months: z.array(z.strictObject({ month: z.number().int().min(1).max(12), names: phrases })).length(12),
    publishedLabels: phrases,
    updatedLabels: phrases,
    filler: z.strictObject({ description: z.string(), words: phrases }),
  })
  .refine((l) => new Set(l.months.map((m) => m.month)).size === 12, { message: 'each month 1..12 exactly once' });

/** Schema of src/extract/lexicon/agencies-credits.json: agencies with their written forms, and staff credits. */
export const agenciesLexiconSchema = z.strictObject({
  description: z.string(),
  agencies: z.array(z.strictObject({ name: phrase, forms: phrases })).min(1),
  staffCredits: phrases,
});

export type ReadAlsoLexicon = z.infer<typeof readAlsoLexiconSchema>;
export type FurnitureLexicon = z.infer<typeof furnitureLexiconSchema>;
export type MonthsLexicon = z.infer<typeof monthsLexiconSchema>;
export type AgenciesLexicon = z.infer<typeof agenciesLexiconSchema>;

// Parsed once when the module loads: a bad data file fails at startup (and in page-lexicon.test.ts), never mid-page.
export const readAlsoLexicon: ReadAlsoLexicon = readAlsoLexiconSchema.parse(readAlsoJson);
export const furnitureLexicon: FurnitureLexicon = furnitureLexiconSchema.parse(furnitureJson);
export const monthsLexicon: MonthsLexicon = monthsLexiconSchema.parse(monthsJson);
export const agenciesLexicon: AgenciesLexicon = agenciesLexiconSchema.parse(agenciesJson);

/** What a credit names: a news agency (with its canonical name), a staff credit, or neither. */
export type CreditKind = { kind: 'agency'; agency: string } | { kind: 'staff' } | { kind: 'other' };

const agencyByKey = new Map<string, string>();
for (const agency of agenciesLexicon.agencies) {
  for (const form of agency.forms) agencyByKey.set(normalizeName(form), agency.name);
}
const staffKeys = agenciesLexicon.staffCredits.map((s) => normalizeName(s));

/** Classifies one credit as written (وكالات, أ.ف.ب, Reuters, مراسلنا, الاتحاد) by its normalized key. */
export function classifyCredit(credit: string): CreditKind {
  const key = normalizeName(credit);
  const agency = agencyByKey.get(key);
  if (agency !== undefined) return { kind: 'agency', agency };
  if (staffKeys.some((s) => key === s || key.startsWith(`${s} `))) return { kind: 'staff' };
  return { kind: 'other' };
}
