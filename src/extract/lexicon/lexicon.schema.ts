import { z } from 'zod';

const phrases = z.array(z.string().min(1)).min(1);
const byLang = z.object({ ar: phrases, en: phrases });
const cameo = z.string().regex(/^(0[1-9]|1\d|20)\d{1,2}$/, 'a CAMEO code');
const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code');
const lang = z.enum(['ar', 'en']);
const meetingKind = z.enum(['SUMMIT', 'PHONE_CALL', 'VISIT', 'TALKS', 'CONTACT']);
const meetingStatus = z.enum(['PROPOSED', 'PLANNED', 'HELD', 'CANCELLED', 'REJECTED']);

/** reporting-verbs.json: finite forms open an act, participles continue one, nominal forms attribute. */
export const reportingVerbsSchema = z.object({
  description: z.string(),
  verbs: z
    .array(
      z
        .object({
          lemma: z.string().min(1),
          lang,
          gloss: z.string().min(1),
          cameo,
          finite: z.array(z.string().min(1)).default([]),
          participles: z.array(z.string().min(1)).default([]),
          nominal: z.array(z.string().min(1)).default([]),
          ambiguous: z.boolean().default(false),
        })
        .refine((v) => v.finite.length + v.nominal.length > 0, 'a verb needs finite or nominal forms'),
    )
    .min(1),
});

/** offices.json: office words, most specific first. */
export const officesSchema = z.object({
  description: z.string(),
  offices: z
    .array(z.object({ id: z.string().min(1), ar: phrases, en: phrases, onBehalf: z.boolean().default(false) }))
    .min(1),
});

/** nationalities.json: adjectives per ISO country code. */
export const nationalitiesSchema = z.object({
  description: z.string(),
  adjectives: z.array(z.object({ country, ar: phrases, en: phrases })).min(1),
});

/** metonymy.json: names that stand for a government. */
export const metonymySchema = z.object({
  description: z.string(),
  entries: z
    .array(
      z
        .object({ text: z.string().min(1), lang, actor: z.string().min(1).optional(), country: country.optional() })
        .refine((e) => e.actor !== undefined || e.country !== undefined, 'an entry stands for an actor or a country'),
    )
    .min(1),
});

/** unnamed-sources.json. */
export const unnamedSourcesSchema = z.object({
  description: z.string(),
  speaker: z.object({ en: z.string().min(1), ar: z.string().min(1) }),
  phrases: byLang,
  nouns: byLang,
  modifiers: byLang,
  affiliations: byLang,
});

/** meeting-cues.json. */
export const meetingCuesSchema = z.object({
  description: z.string(),
  kinds: z
    .array(
      z.object({
        kind: meetingKind,
        defaultStatus: meetingStatus.optional(),
        countries: z.boolean().default(false),
        ar: phrases,
        en: phrases,
      }),
    )
    .min(1),
  statuses: z.array(z.object({ status: meetingStatus, ar: phrases, en: phrases })).min(1),
  pairWords: byLang,
  proposals: byLang,
  verbalNouns: z.object({ words: z.array(z.string().min(1)).min(1), prepositions: z.array(z.string().min(1)) }),
  durations: z.object({
    leads: byLang,
    units: z.record(z.string().min(1), z.number().positive()),
    numbers: z.record(z.string().min(1), z.number().positive()),
  }),
});

/** event-cues.json: ordered CAMEO rules. */
export const eventCuesSchema = z.object({
  description: z.string(),
  rules: z
    .array(
      z.object({
        id: z.string().min(1),
        code: cameo,
        ar: phrases,
        en: phrases,
        inAttribution: z.boolean().default(false),
        needsMeeting: z.boolean().default(false),
        strong: z.boolean().default(false),
      }),
    )
    .min(1),
});

/** attribution-cues.json. */
export const attributionCuesSchema = z.object({
  description: z.string(),
  embedding: byLang,
  complement: byLang,
  pronouns: byLang,
  nonStatements: byLang,
  via: byLang,
  relayBy: byLang,
  relayFrom: byLang,
  complementizers: byLang,
  relatives: byLang,
  onBehalf: byLang,
  negations: byLang,
  negationExceptions: byLang,
  anonymity: byLang,
  adverbs: byLang,
  agencyWords: byLang,
  agencies: z.array(z.object({ en: z.string().min(1), ar: phrases, alt: phrases })).min(1),
});

/** alias-stopwords.json: common words that are also somebody's alias. */
export const aliasStopwordsSchema = z.object({
  description: z.string(),
  ar: z.array(z.string().min(1)),
  en: z.array(z.string().min(1)),
});

export type ReportingVerbsFile = z.infer<typeof reportingVerbsSchema>;
export type ReportingVerb = ReportingVerbsFile['verbs'][number];
export type OfficesFile = z.infer<typeof officesSchema>;
export type Office = OfficesFile['offices'][number];
export type NationalitiesFile = z.infer<typeof nationalitiesSchema>;
export type MetonymyFile = z.infer<typeof metonymySchema>;
export type MetonymyEntry = MetonymyFile['entries'][number];
export type UnnamedSourcesFile = z.infer<typeof unnamedSourcesSchema>;
export type MeetingCuesFile = z.infer<typeof meetingCuesSchema>;
export type EventCuesFile = z.infer<typeof eventCuesSchema>;
export type EventRule = EventCuesFile['rules'][number];
export type AttributionCuesFile = z.infer<typeof attributionCuesSchema>;
export type Agency = AttributionCuesFile['agencies'][number];
export type AliasStopwordsFile = z.infer<typeof aliasStopwordsSchema>;
