import { z } from 'zod';
import { isIsoDate } from '../shared/graphql/date.scalar';
import { MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';

/**
 * The gold file of one evaluation page (`eval/extract/gold/NN-name.json`): what a careful annotator expects an
 * extractor to find on the page named by `page` (a path relative to the project root). Texts are exact substrings
 * of the page; `span`s are page offsets (UTF-16 code units, end exclusive) computed from them by
 * `npm run eval:spans`, never typed by hand. A page with no article is a headline-only page (0 statements).
 */
const nonEmpty = z.string().min(1, 'must not be empty');
const span = z
  .strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })
  .refine((s) => s.start < s.end, 'start must be before end');

/**
 * What counts as a right answer for one entity. Any of: an actor key of the eval actor bundle or the seed (its id,
 * names and aliases are accepted), an ISO 3166-1 alpha-2 country (its id and every reference name and alias), or a
 * name as written (compared through normalizeName). Several keys mean any of them is right (a joint statement).
 * `optional`: no value is right too (used for `via` and `onBehalfOf` where the text leaves room).
 */
export const goldRefSchema = z
  .strictObject({
    keys: z.array(nonEmpty).min(1).optional(),
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code'))
      .min(1)
      .optional(),
    names: z.array(nonEmpty).min(1).optional(),
    optional: z.boolean().optional(),
  })
  .refine((r) => r.keys || r.countries || r.names, 'must give keys, countries or names');

/** An unnamed source ("مصدر دبلوماسي", "two diplomats"): right only as an explicit unnamed speaker, never a name. */
export const goldUnnamedSchema = z.strictObject({ unnamed: z.literal(true), names: z.array(nonEmpty).default([]) });

const goldSubject = z.union([z.strictObject({ meeting: nonEmpty }), goldRefSchema]);

const goldStatement = z.strictObject({
  text: nonEmpty,
  /** Which occurrence of `text` on the page (0-based); required when the text occurs more than once. */
  occurrence: z.number().int().min(0).optional(),
  span: span.optional(),
  speaker: z.union([goldUnnamedSchema, goldRefSchema]),
  onBehalfOf: goldRefSchema.nullable(),
  via: goldRefSchema.nullable(),
  form: z.enum(StatementForm),
  verb: nonEmpty,
  about: z.array(goldSubject),
  cameo: z.string().regex(/^\d{3,4}$/, 'must be a CAMEO code of 3 or 4 digits such as 036'),
  note: z.string().optional(),
});

const goldMeeting = z.strictObject({
  key: nonEmpty,
  /** The accepted kinds: one, or several where the text fits more than one (a visit that is also talks). */
  kind: z.union([z.enum(MeetingKind), z.array(z.enum(MeetingKind)).min(1)]),
  /** The status the article leaves the meeting in. */
  status: z.enum(MeetingStatus),
  participants: z.array(goldRefSchema).min(1),
  /** Indexes into the article's statements of those that assert `status`. */
  statusStatements: z.array(z.number().int().min(0)),
});

const goldArticle = z.strictObject({
  title: nonEmpty,
  titleOccurrence: z.number().int().min(0).optional(),
  /** The article's extent on the page: from its title to the next article's title or the page end. */
  span: span.optional(),
  publishedOn: z.string().refine(isIsoDate, 'must be a date YYYY-MM-DD').nullable(),
  language: z.enum(['ar', 'en']),
  outlet: goldRefSchema.nullable().default(null),
  /** Agencies credited in the dateline: also right as a statement's `via` where the gold has none. */
  agencies: z.array(goldRefSchema).default([]),
  meetings: z.array(goldMeeting).default([]),
  statements: z.array(goldStatement),
});

export const goldFileSchema = z
  .strictObject({
    page: nonEmpty,
    covers: z.array(nonEmpty).min(1),
    articles: z.array(goldArticle),
  })
  .superRefine((gold, ctx) => {
    gold.articles.forEach((article, i) => {
      const keys = new Set(article.meetings.map((m) => m.key));
      article.statements.forEach((statement, j) =>
        statement.about.forEach((subject, k) => {
          if ('meeting' in subject && !keys.has(subject.meeting))
            ctx.addIssue({
              code: 'custom',
              message: `no meeting "${subject.meeting}" in this article`,
              path: ['articles', i, 'statements', j, 'about', k, 'meeting'],
            });
        }),
      );
      article.meetings.forEach((meeting, m) =>
        meeting.statusStatements.forEach((index, n) => {
          const statement = article.statements[index];
          if (!statement || !statement.about.some((s) => 'meeting' in s && s.meeting === meeting.key))
            ctx.addIssue({
              code: 'custom',
              message: `statement ${index} does not exist or is not about meeting "${meeting.key}"`,
              path: ['articles', i, 'meetings', m, 'statusStatements', n],
            });
        }),
      );
    });
  });

export type GoldFile = z.infer<typeof goldFileSchema>;
export type GoldArticle = GoldFile['articles'][number];
export type GoldStatement = GoldArticle['statements'][number];
export type GoldMeeting = GoldArticle['meetings'][number];
export type GoldRef = z.infer<typeof goldRefSchema>;
export type GoldUnnamed = z.infer<typeof goldUnnamedSchema>;
export type GoldSubject = GoldStatement['about'][number];
export type PageSpan = { start: number; end: number };
