import { z } from 'zod';

/**
 * One line of `extract --json` output, as issue 10 part 7 fixes it: `{ file, articles: [{ title, language,
 * publishedOn, outlet, text, pageSpan, statements: [...], meetings: [...] }] }`. Only what the scorer reads is
 * checked; other fields (evidence, proposed actors ...) pass. Spans are UTF-16 offsets, end exclusive; `pageSpan`
 * is in page coordinates and is what statements are matched by.
 */
const span = z.object({ start: z.number().int(), end: z.number().int() });
const entity = z.object({
  id: z.string().nullish(),
  name: z.string().nullish(),
  unnamed: z.boolean().nullish(),
});
const subject = z.union([z.object({ meeting: z.string() }), entity]);

const statement = z.object({
  speaker: entity.nullish(),
  onBehalfOf: entity.nullish(),
  via: entity.nullish(),
  verb: z.string().nullish(),
  form: z.string().nullish(),
  text: z.string().nullish(),
  about: z.array(subject).nullish(),
  cameo: z.string().nullish(),
  goldstein: z.number().nullish(),
  span: span.nullish(),
  pageSpan: span,
  confidence: z.number().nullish(),
});

const meeting = z.object({
  key: z.string(),
  kind: z.string().nullish(),
  status: z.string().nullish(),
  participants: z.array(entity).nullish(),
});

const article = z.object({
  title: z.string().nullish(),
  language: z.string().nullish(),
  publishedOn: z.string().nullish(),
  outlet: entity.nullish(),
  text: z.string().nullish(),
  pageSpan: span.nullish(),
  statements: z.array(statement).default([]),
  meetings: z.array(meeting).nullish(),
});

export const predictionLineSchema = z.object({ file: z.string(), articles: z.array(article) });

export type PredictionLine = z.infer<typeof predictionLineSchema>;
export type PredictedArticle = PredictionLine['articles'][number];
export type PredictedStatement = PredictedArticle['statements'][number];
export type PredictedMeeting = NonNullable<PredictedArticle['meetings']>[number];
export type PredictedSubject = NonNullable<PredictedStatement['about']>[number];
