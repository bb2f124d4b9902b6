import type { Caller } from '../shared/context';
import { BadUserInputError } from '../shared/errors';
import { ActorKind } from '../shared/graphql/enums';
import type { Database } from '../shared/neo4j/database';
import { assertValidArticleInput } from '../ingest/ingest-validation';
import type {
  ArticleInputData,
  EntityRefData,
  IngestCountsData,
  MeetingInputData,
  StatementInputData,
  SubjectRefData,
} from '../ingest/ingest.model';
import { zeroCounts } from '../ingest/ingest.model';
import { ingestArticle, type IngestedArticle } from '../ingest/ingest.service';
import { aliasIndexFor, invalidateAliasIndex } from './alias-index.service';
import type { CandidateArticle, CandidateRef, CandidateStatement, PageExtractionData } from './extract.model';
import { assertValidPageInput, extractWithIndex, type PageInputData } from './extract.service';
import { lexicon } from './lexicon/lexicon';

/** Statements below this confidence are left for review unless the caller says otherwise. */
export const DEFAULT_MIN_CONFIDENCE = 0.6;

/** A statement not ingested, and why. */
export interface LeftStatement {
  statementIndex: number;
  reasons: string[];
}

/** One article of a page: its ingest-format draft, which statements it keeps, and which it leaves for review. */
export interface ArticleDraft {
  /** Exactly what ingestArticle takes; null when the article cannot be ingested as it is (see `problems`). */
  input: ArticleInputData | null;
  /** Indexes (in the candidate article's statements) of the statements `input` holds, in order. */
  kept: number[];
  left: LeftStatement[];
  /** Why the whole article cannot be ingested (no title, no outlet, no statement kept). */
  problems: string[];
}

function entityRef(ref: CandidateRef): EntityRefData {
  if (ref.id) return { id: ref.id };
  return { name: ref.name, kind: ref.kind ?? null, country: ref.country ?? null };
}

/** Why a statement cannot go in as it is: an unknown or non-actor speaker, a relay the graph does not know. */
function blockers(s: CandidateStatement, minConfidence: number): string[] {
  const reasons = [...s.review];
  if (s.confidence < minConfidence) reasons.push(`confidence ${s.confidence} below ${minConfidence}`);
  if (s.speaker.source === 'NEW' || s.speaker.source === 'UNRESOLVED') {
    if (!reasons.some((r) => r.includes(s.speaker.written)))
      reasons.push(`speaker «${s.speaker.written}» needs review`);
  } else if (s.speaker.source === 'PREVIOUS' && !s.speaker.id) {
    reasons.push(`continues «${s.speaker.name}», who needs review`);
  } else if (s.speaker.source !== 'UNNAMED' && s.speaker.type !== 'Actor' && !reasons.length) {
    reasons.push(`the speaker «${s.speaker.name}» is not an actor`);
  }
  for (const [field, ref] of [
    ['via', s.via],
    ['onBehalfOf', s.onBehalfOf],
  ] as const) {
    if (ref && !ref.id) reasons.push(`${field} «${ref.written}» is not in the graph`);
  }
  return [...new Set(reasons)];
}

/**
 * The ingest format of a candidate article with the statements `indexes` (in that order): every reference by id
 * where the graph knows it (the unnamed-source speaker and unknown names by name, with kind and country, and
 * createMissing), the meetings those statements talk about with the status they assert. Meeting participants
 * that are countries are left out (a meeting's participants are actors); a meeting with no actor left is dropped,
 * and so are references to it.
 */
export function articleInput(
  article: CandidateArticle,
  indexes: readonly number[],
  url: string | null,
): ArticleInputData {
  const newIndex = new Map(indexes.map((old, i) => [old, i]));
  const unnamed = lexicon().unnamedSpeaker.en;
  const statements: StatementInputData[] = indexes.map((i) => {
    const s = article.statements[i]!;
    const about: SubjectRefData[] = s.about.map((a) => ('meeting' in a ? { meeting: a.meeting } : entityRef(a)));
    return {
      speaker: s.speaker.source === 'UNNAMED' ? { name: unnamed, kind: ActorKind.PERSON } : entityRef(s.speaker),
      onBehalfOf: s.onBehalfOf ? entityRef(s.onBehalfOf) : null,
      via: s.via ? entityRef(s.via) : null,
      form: s.form,
      text: s.text,
      quote: s.quote,
      verb: s.verb,
      about,
      cameo: s.cameo,
      plover: s.plover,
      goldstein: s.goldstein,
      rationale: s.rationale,
      span: s.span,
    };
  });
  const meetings: MeetingInputData[] = [];
  for (const m of article.meetings) {
    const referenced = indexes.some((i) =>
      article.statements[i]!.about.some((a) => 'meeting' in a && a.meeting === m.key),
    );
    const actors = m.participants.filter((p) => p.type === 'Actor' || p.type === null);
    if (!referenced || actors.length === 0) continue;
    const asserting = m.statusStatements.filter((i) => newIndex.has(i)).map((i) => newIndex.get(i)!);
    meetings.push({
      key: m.key,
      kind: m.kind,
      participants: actors.map(entityRef),
      status: asserting.length > 0 ? m.status : null,
      statusStatements: asserting.length > 0 ? asserting : null,
      durationMinutes: m.durationMinutes,
    });
  }
  const keptMeetings = new Set(meetings.map((m) => m.key));
  for (const s of statements) s.about = s.about.filter((a) => a.meeting == null || keptMeetings.has(a.meeting));
  return {
    title: article.title,
    language: article.language,
    publishedOn: article.publishedOn,
    url,
    outlet: { name: article.outlet.name, kind: ActorKind.MEDIA },
    text: article.text,
    meetings,
    statements,
    createMissing: true,
  };
}

/**
 * Turns a candidate article into the ingest format: the statements at or above `minConfidence` whose speaker,
 * via and on-behalf-of the graph knows (or the explicit unnamed-source speaker), the meetings they talk about with
 * the status they assert, every reference by id. Unknown persons are never created here: their statements are
 * left for review, with the reasons.
 */
export function toArticleDraft(article: CandidateArticle, minConfidence: number, url: string | null): ArticleDraft {
  const kept: number[] = [];
  const left: LeftStatement[] = [];
  article.statements.forEach((s, i) => {
    const reasons = blockers(s, minConfidence);
    if (reasons.length > 0) left.push({ statementIndex: i, reasons });
    else kept.push(i);
  });
  const problems: string[] = [];
  if (!article.title.trim()) problems.push('the article has no title');
  if (!article.outlet.name.trim()) problems.push('no outlet: the page names none; give PageInput.outlet');
  if (kept.length === 0) problems.push('no statement to ingest');
  if (problems.length > 0) return { input: null, kept, left, problems };

  return { input: articleInput(article, kept, url), kept, left, problems };
}

/** What ingestPage did with one article. */
export interface IngestedPageArticle {
  articleIndex: number;
  draft: ArticleDraft;
  outcome: IngestedArticle | null;
}

/** What ingestPage did with a page. */
export interface PageIngestData {
  extraction: PageExtractionData;
  articles: IngestedPageArticle[];
  created: IngestCountsData;
  matched: IngestCountsData;
}

/**
 * Extracts a page and ingests each article through ingestArticle, each in its own transaction. Every article's
 * input is validated before the first write, so a page is never half written by a bad article. Idempotent as
 * ingestArticle is: sending a page again creates nothing. The alias index is refreshed afterwards (new actors).
 * @param minConfidence statements below it are left for review (0..1; default DEFAULT_MIN_CONFIDENCE).
 * @throws BadUserInputError for an invalid page or minConfidence outside 0..1.
 */
export async function ingestPage(
  db: Database,
  page: PageInputData,
  minConfidence: number | null | undefined,
  caller: Caller,
): Promise<PageIngestData> {
  assertValidPageInput(page);
  const threshold = minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new BadUserInputError('Invalid minConfidence', [{ path: 'minConfidence', message: 'must be from 0 to 1' }]);
  }
  const extraction = extractWithIndex(page, await aliasIndexFor(db));
  const drafts = extraction.articles.map((a) => toArticleDraft(a, threshold, page.url ?? null));
  for (const draft of drafts) if (draft.input) assertValidArticleInput(draft.input);
  const created = zeroCounts();
  const matched = zeroCounts();
  const articles: IngestedPageArticle[] = [];
  try {
    for (const [articleIndex, draft] of drafts.entries()) {
      const outcome = draft.input ? await ingestArticle(db, draft.input, caller) : null;
      if (outcome) {
        for (const k of Object.keys(created) as (keyof IngestCountsData)[]) {
          created[k] += outcome.created[k];
          matched[k] += outcome.matched[k];
        }
      }
      articles.push({ articleIndex, draft, outcome });
    }
  } finally {
    invalidateAliasIndex(db);
  }
  return { extraction, articles, created, matched };
}
