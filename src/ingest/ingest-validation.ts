import { BadUserInputError, type FieldProblem } from '../shared/errors';
import { tryFromGlobalId } from '../shared/global-id';
import { ActorKind, MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';
import { isIsoDate } from '../shared/graphql/date.scalar';
import { hasMatchableText, isInvisible, normalizeName } from '../shared/text/normalize';
import { canonicalUrl } from '../shared/text/canonical-url';
import { cutAt } from '../shared/text/spans';
import { collectRefs, type RefSlot } from './ingest-refs';
import type { ArticleInputData, MeetingInputData, StatementInputData, SubjectRefData } from './ingest.model';

/** Size caps: one request must not be able to write an unbounded amount of data. */
export const INGEST_LIMITS = {
  articleText: 200_000,
  title: 1_000,
  url: 2_048,
  statements: 500,
  meetings: 100,
  mentions: 500,
  topics: 100,
  participants: 50,
  about: 50,
  statementText: 20_000,
  shortText: 20_000,
  name: 300,
  durationMinutes: 100_000,
} as const;

/** PLOVER's top-level categories (domain notes). */
export const PLOVER_CATEGORIES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

/**
 * True for a well-formed BCP 47 tag whose primary subtag is an ISO 639 code (2-3 letters), such as ar, en-GB,
 * zh-Hant-TW. Intl checks the full grammar.
 */
export function isLanguageTag(tag: string): boolean {
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** A CAMEO event code: 2 to 4 digits whose first two are a top-level category 01..20. */
export function isCameoCode(code: string): boolean {
  if (!/^\d{2,4}$/.test(code)) return false;
  const root = Number(code.slice(0, 2));
  return root >= 1 && root <= 20;
}

class Problems {
  readonly list: FieldProblem[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  text(path: string, value: string | null | undefined, max: number, required: boolean): void {
    if (value === null || value === undefined) {
      if (required) this.add(path, 'is required');
      return;
    }
    if (isInvisible(value)) this.add(path, 'must not be empty (invisible characters do not count)');
    else if (value.length > max) this.add(path, `must be at most ${max} characters (got ${value.length})`);
  }

  date(path: string, value: string | null | undefined): void {
    if (value != null && !isIsoDate(value)) this.add(path, `must be a calendar date YYYY-MM-DD (got "${value}")`);
  }

  language(path: string, value: string | null | undefined): void {
    if (value != null && !isLanguageTag(value)) {
      this.add(path, `must be a BCP 47 language tag such as ar or en-GB (got "${value}")`);
    }
  }

  count(path: string, items: readonly unknown[] | null | undefined, max: number): void {
    if (items && items.length > max) this.add(path, `must hold at most ${max} items (got ${items.length})`);
  }
}

/** "an actor", "a country": type names as they read in messages. */
export function withArticle(type: string): string {
  const word = type.toLowerCase();
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function checkRef(problems: Problems, slot: RefSlot): void {
  const givenId = slot.id != null;
  const givenName = slot.name != null;
  if (givenId === givenName) {
    problems.add(slot.path, 'give either id or name');
    return;
  }
  if (givenId) {
    const decoded = tryFromGlobalId(slot.id!);
    if (!decoded) problems.add(`${slot.path}.id`, `"${slot.id}" is not a node id`);
    else if (!(slot.allowed as readonly string[]).includes(decoded.type)) {
      const allowed = slot.allowed.map(withArticle).join(' or ');
      problems.add(`${slot.path}.id`, `must be the id of ${allowed}, not of ${withArticle(decoded.type)}`);
    }
  } else {
    problems.text(`${slot.path}.name`, slot.name, INGEST_LIMITS.name, true);
    if (!isInvisible(slot.name!) && !hasMatchableText(slot.name!)) {
      problems.add(
        `${slot.path}.name`,
        'must hold a letter or digit (invisible characters and punctuation are not a name)',
      );
    }
  }
  if (slot.kind != null && !Object.values(ActorKind).includes(slot.kind)) {
    problems.add(`${slot.path}.kind`, `must be one of ${Object.values(ActorKind).join(', ')}`);
  }
  if (slot.country != null && !/^[A-Za-z]{2}$/.test(slot.country)) {
    problems.add(`${slot.path}.country`, `must be an ISO 3166-1 alpha-2 code such as RU (got "${slot.country}")`);
  }
}

function isAboutMeeting(statement: StatementInputData | undefined, key: string): boolean {
  return (statement?.about ?? []).some((ref: SubjectRefData) => ref.meeting === key);
}

function checkMeeting(problems: Problems, input: ArticleInputData, meeting: MeetingInputData, i: number): void {
  const path = `meetings[${i}]`;
  problems.text(`${path}.key`, meeting.key, INGEST_LIMITS.name, true);
  if (meeting.id != null) {
    if (meeting.kind != null) problems.add(`${path}.kind`, 'must be omitted with id: the stored meeting has its kind');
    if (meeting.participants != null) {
      problems.add(`${path}.participants`, 'must be omitted with id: the stored meeting has its participants');
    }
  } else {
    if (meeting.kind == null) problems.add(`${path}.kind`, 'is required unless id names a stored meeting');
    if (meeting.participants == null || meeting.participants.length === 0) {
      problems.add(`${path}.participants`, 'must name at least one participant unless id names a stored meeting');
    }
  }
  if (meeting.kind != null && !Object.values(MeetingKind).includes(meeting.kind)) {
    problems.add(`${path}.kind`, `must be one of ${Object.values(MeetingKind).join(', ')}`);
  }
  problems.count(`${path}.participants`, meeting.participants, INGEST_LIMITS.participants);
  problems.date(`${path}.date`, meeting.date);
  const minutes = meeting.durationMinutes;
  if (minutes != null && (!Number.isInteger(minutes) || minutes < 0 || minutes > INGEST_LIMITS.durationMinutes)) {
    problems.add(`${path}.durationMinutes`, `must be a whole number from 0 to ${INGEST_LIMITS.durationMinutes}`);
  }
  if (meeting.status != null && !Object.values(MeetingStatus).includes(meeting.status)) {
    problems.add(`${path}.status`, `must be one of ${Object.values(MeetingStatus).join(', ')}`);
  }
  const indices = meeting.statusStatements;
  if (indices != null) {
    if (meeting.status == null) problems.add(`${path}.statusStatements`, 'is only allowed with a status');
    indices.forEach((index, j) => {
      const at = `${path}.statusStatements[${j}]`;
      if (!Number.isInteger(index) || index < 0 || index >= input.statements.length) {
        problems.add(at, `must be the index of a statement of this article, 0 to ${input.statements.length - 1}`);
      } else if (!isAboutMeeting(input.statements[index], meeting.key)) {
        problems.add(at, `statements[${index}] is not about meeting "${meeting.key}"`);
      }
    });
    if (meeting.status != null && indices.length === 0) {
      problems.add(`${path}.statusStatements`, 'must name at least one statement that asserts the status');
    }
  } else if (meeting.status != null && !input.statements.some((s) => isAboutMeeting(s, meeting.key))) {
    problems.add(`${path}.status`, `needs a statement about meeting "${meeting.key}" to assert it`);
  }
}

function checkStatement(
  problems: Problems,
  input: ArticleInputData,
  statement: StatementInputData,
  i: number,
  meetingKeys: ReadonlySet<string>,
): void {
  const path = `statements[${i}]`;
  problems.text(`${path}.text`, statement.text, INGEST_LIMITS.statementText, true);
  problems.language(`${path}.language`, statement.language);
  for (const field of ['translation', 'quote', 'verb', 'rationale'] as const) {
    problems.text(`${path}.${field}`, statement[field], INGEST_LIMITS.shortText, false);
  }
  if (!Object.values(StatementForm).includes(statement.form)) {
    problems.add(`${path}.form`, `must be one of ${Object.values(StatementForm).join(', ')}`);
  }
  problems.date(`${path}.saidOn`, statement.saidOn);
  if (!isCameoCode(statement.cameo)) {
    problems.add(`${path}.cameo`, `must be a CAMEO code of 2 to 4 digits, category 01-20 (got "${statement.cameo}")`);
  }
  if (statement.plover != null && !(PLOVER_CATEGORIES as readonly string[]).includes(statement.plover)) {
    problems.add(`${path}.plover`, `must be a PLOVER category: ${PLOVER_CATEGORIES.join(', ')}`);
  }
  const score = statement.goldstein;
  if (score != null && (!Number.isFinite(score) || score < -10 || score > 10)) {
    problems.add(`${path}.goldstein`, `must be a Goldstein score from -10 to 10 (got ${score})`);
  }
  problems.count(`${path}.about`, statement.about, INGEST_LIMITS.about);
  statement.about.forEach((ref, j) => {
    const given = [ref.id, ref.name, ref.meeting].filter((v) => v != null).length;
    if (given !== 1) problems.add(`${path}.about[${j}]`, 'give exactly one of id, name or meeting');
    else if (ref.meeting != null && !meetingKeys.has(ref.meeting)) {
      problems.add(`${path}.about[${j}].meeting`, `no meeting with key "${ref.meeting}" in this article's meetings`);
    }
  });
  const { start, end } = statement.span;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end || end > input.text.length) {
    problems.add(
      `${path}.span`,
      `must satisfy 0 <= start < end <= ${input.text.length} (the article text's length); got ${start}..${end}`,
    );
  } else {
    for (const [end_, offset] of [
      ['start', start],
      ['end', end],
    ] as const) {
      const cut = cutAt(input.text, offset);
      if (cut) {
        problems.add(
          `${path}.span`,
          `${end_} ${offset} falls inside a ${cut}; spans are UTF-16 code unit offsets at whole characters`,
        );
      }
    }
    if (statement.quote != null && !isInvisible(statement.quote)) {
      if (!input.text.slice(start, end).includes(statement.quote)) {
        problems.add(`${path}.quote`, 'must appear within the span of article text');
      }
    }
  }
}

/** A stable text for a reference, to spot two statements that would be the same node. */
function refIdentity(ref: { id?: string | null; name?: string | null }): string {
  return ref.id != null ? `id:${ref.id}` : `name:${normalizeName(ref.name ?? '')}`;
}

/**
 * Checks an article input without touching the database.
 * @returns every problem found, each with its input path (`statements[4].goldstein`); empty when valid.
 */
export function validateArticleInput(input: ArticleInputData): FieldProblem[] {
  const problems = new Problems();
  problems.text('title', input.title, INGEST_LIMITS.title, true);
  problems.language('language', input.language);
  if (input.language == null) problems.add('language', 'is required');
  problems.date('publishedOn', input.publishedOn);
  if (input.url != null) {
    problems.text('url', input.url, INGEST_LIMITS.url, false);
    if (!/^https?:\/\/[^\s/]+\S*$/i.test(input.url.trim()) || canonicalUrl(input.url) === null) {
      problems.add('url', 'must be an absolute http(s) URL');
    }
  }
  problems.text('text', input.text, INGEST_LIMITS.articleText, true);
  problems.count('statements', input.statements, INGEST_LIMITS.statements);
  problems.count('meetings', input.meetings, INGEST_LIMITS.meetings);
  problems.count('mentions', input.mentions, INGEST_LIMITS.mentions);
  problems.count('topics', input.topics, INGEST_LIMITS.topics);
  if (problems.list.some((p) => p.path === 'text' || p.path === 'statements')) return problems.list;

  for (const slot of collectRefs(input)) checkRef(problems, slot);
  (input.topics ?? []).forEach((ref, i) => {
    if (ref.meeting != null) problems.add(`topics[${i}].meeting`, 'a topic cannot be a meeting');
  });

  const meetingKeys = new Set<string>();
  (input.meetings ?? []).forEach((meeting, i) => {
    if (meetingKeys.has(meeting.key)) problems.add(`meetings[${i}].key`, `"${meeting.key}" is used twice`);
    meetingKeys.add(meeting.key);
  });
  (input.meetings ?? []).forEach((meeting, i) => checkMeeting(problems, input, meeting, i));

  const seen = new Map<string, number>();
  input.statements.forEach((statement, i) => {
    checkStatement(problems, input, statement, i, meetingKeys);
    const identity = `${statement.span.start}:${statement.span.end}:${refIdentity(statement.speaker)}`;
    const first = seen.get(identity);
    if (first !== undefined) problems.add(`statements[${i}]`, `repeats statements[${first}] (same speaker and span)`);
    else seen.set(identity, i);
  });
  return problems.list;
}

/**
 * Throws one BAD_USER_INPUT error listing every problem of the input; returns when it is valid.
 * @param prefix prepended to each path, such as `articles[1].` for an article inside a bundle.
 */
export function assertValidArticleInput(input: ArticleInputData, prefix = ''): void {
  const problems = validateArticleInput(input);
  if (problems.length > 0) {
    throw new BadUserInputError(
      'Invalid article input',
      problems.map((p) => ({ path: `${prefix}${p.path}`, message: p.message })),
    );
  }
}
