import { z } from 'zod';
import { isIsoDate } from '../shared/graphql/date.scalar';
import { ActorKind, MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';
import { isLanguageTag, validateArticleInput } from '../ingest/ingest-validation';

/**
 * The seed / bundle file format: `{ description?, source?, actors?, topics?, articles }`, where each article is
 * exactly an `ArticleInput` of the ingestArticle mutation. Objects are strict, so a misspelt field is an error
 * rather than silently ignored data. Beyond the shapes, every article passes the same checks as the mutation.
 */
const text = z.string().trim().min(1, 'must not be empty');
const date = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const language = z.string().refine(isLanguageTag, 'must be a BCP 47 language tag such as ar or en-GB');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as RU');
const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be lower-case letters, digits and dashes');
const names = z
  .record(language, text)
  .refine((value) => Object.keys(value).length > 0, 'must give at least one name, such as {"en": "..."}');
const alias = z.strictObject({ text, lang: language });

const entityRef = z.strictObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  kind: z.enum(ActorKind).nullish(),
  country: z.string().nullish(),
});

const subjectRef = z.strictObject({
  id: z.string().nullish(),
  name: z.string().nullish(),
  meeting: z.string().nullish(),
});

const meeting = z.strictObject({
  key: text,
  id: z.string().nullish(),
  kind: z.enum(MeetingKind).nullish(),
  participants: z.array(entityRef).nullish(),
  status: z.enum(MeetingStatus).nullish(),
  statusStatements: z.array(z.number().int()).nullish(),
  date: date.nullish(),
  durationMinutes: z.number().int().nullish(),
  location: entityRef.nullish(),
});

const statement = z.strictObject({
  speaker: entityRef,
  onBehalfOf: entityRef.nullish(),
  via: entityRef.nullish(),
  form: z.enum(StatementForm),
  text: z.string(),
  language: z.string().nullish(),
  translation: z.string().nullish(),
  quote: z.string().nullish(),
  verb: z.string().nullish(),
  saidOn: date.nullish(),
  about: z.array(subjectRef),
  cameo: z.string(),
  plover: z.string().nullish(),
  goldstein: z.number().nullish(),
  rationale: z.string().nullish(),
  span: z.strictObject({ start: z.number().int(), end: z.number().int() }),
});

/** One ArticleInput, with the mutation's own validation (field paths relative to the article). */
export const articleInputSchema = z
  .strictObject({
    title: z.string(),
    language: z.string(),
    publishedOn: date.nullish(),
    url: z.string().nullish(),
    outlet: entityRef,
    text: z.string(),
    meetings: z.array(meeting).nullish(),
    statements: z.array(statement),
    mentions: z.array(entityRef).nullish(),
    topics: z.array(subjectRef).nullish(),
    createMissing: z.boolean().nullish(),
  })
  .superRefine((article, ctx) => {
    for (const problem of validateArticleInput(article)) {
      ctx.addIssue({ code: 'custom', message: problem.message, path: parsePath(problem.path) });
    }
  });

const role = z.strictObject({
  title: names,
  organization: z.string().min(1).nullish(),
  country: countryCode.nullish(),
  since: date.nullish(),
  until: date.nullish(),
});

const actorDefinition = z.strictObject({
  key,
  kind: z.enum(ActorKind),
  names,
  aliases: z.array(alias).default([]),
  wikidata: z
    .string()
    .regex(/^Q\d+$/, 'must be a Wikidata item id such as Q7747')
    .nullish(),
  country: countryCode.nullish(),
  roles: z.array(role).default([]),
});

const topicDefinition = z.strictObject({ key, names, aliases: z.array(alias).default([]) });

function uniqueKeys(items: { key: string }[], ctx: z.RefinementCtx, field: string): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.key))
      ctx.addIssue({ code: 'custom', message: `key "${item.key}" is used twice`, path: [field, i, 'key'] });
    seen.add(item.key);
  });
}

export const bundleSchema = z
  .strictObject({
    description: z.string().optional(),
    source: z.string().optional(),
    actors: z.array(actorDefinition).default([]),
    topics: z.array(topicDefinition).default([]),
    articles: z.array(articleInputSchema),
  })
  .superRefine((bundle, ctx) => {
    uniqueKeys(bundle.actors, ctx, 'actors');
    uniqueKeys(bundle.topics, ctx, 'topics');
  });

export type Bundle = z.infer<typeof bundleSchema>;
export type ActorDefinition = z.infer<typeof actorDefinition>;
export type TopicDefinition = z.infer<typeof topicDefinition>;

/** `statements[4].goldstein` as path segments `['statements', 4, 'goldstein']`. */
export function parsePath(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Path segments written as `articles[1].statements[4].goldstein`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}
