import type {
  ArticleDraft,
  EntityRef,
  ExtractedStatement,
  MeetingDraft,
  PageInputData,
  StatementDraft,
} from './review.queries';

/** The fields of a candidate a reviewer may change before ingest. */
export interface StatementEdit {
  speaker?: EntityRef;
  form?: StatementDraft['form'];
  text?: string;
  translation?: string | null;
  cameo?: string;
  goldstein?: number | null;
}

/** A reviewer's decision on one candidate; `edit` holds only the fields changed. */
export interface Decision {
  status: 'accepted' | 'dropped';
  edit?: StatementEdit;
}

/** Decisions by `${articleIndex}:${statementIndex}`. */
export type Decisions = Record<string, Decision>;

export function decisionKey(article: number, statement: number): string {
  return `${article}:${statement}`;
}

/** ingestPage's default threshold (src/extract/ingest-page.service.ts): below it a candidate is left for review. */
export const MIN_CONFIDENCE = 0.6;

/**
 * Why a candidate should be looked at before it goes in, on the rules ingestPage applies when it decides alone:
 * the extractor's own review reasons, a confidence below 0.6, and any speaker, agency or principal the graph does
 * not know (the draft has createMissing set, so ingesting it would create that actor).
 */
export function reviewReasons(draft: StatementDraft, extracted: ExtractedStatement): string[] {
  const reasons = [...extracted.review];
  if (extracted.confidence < MIN_CONFIDENCE) reasons.push(`confidence ${extracted.confidence} below ${MIN_CONFIDENCE}`);
  if (!draft.speaker.id && extracted.speakerSource !== 'UNNAMED') {
    reasons.push(`speaker «${extracted.speakerWritten}» is not in the graph: accepting creates it`);
  }
  if (draft.via && !draft.via.id) reasons.push(`via «${draft.via.name}» is not in the graph`);
  if (draft.onBehalfOf && !draft.onBehalfOf.id)
    reasons.push(`on behalf of «${draft.onBehalfOf.name}» is not in the graph`);
  return [...new Set(reasons)];
}

/** The first decision on each candidate: accepted unless it has a reason to be reviewed, as ingestPage would. */
export function initialDecisions(articles: { article: ArticleDraft; statements: ExtractedStatement[] }[]): Decisions {
  const decisions: Decisions = {};
  articles.forEach((a, ai) =>
    a.article.statements.forEach((s, si) => {
      const extracted = a.statements[si];
      const flagged = !extracted || reviewReasons(s, extracted).length > 0;
      decisions[decisionKey(ai, si)] = { status: flagged ? 'dropped' : 'accepted' };
    }),
  );
  return decisions;
}

/** A statement with the reviewer's edits applied. */
export function edited(statement: StatementDraft, edit: StatementEdit | undefined): StatementDraft {
  return edit ? { ...statement, ...edit } : statement;
}

/**
 * The ArticleInput to ingest after review: only the accepted statements (edited), in their order; meetings kept
 * only while an accepted statement is about them, with statusStatements renumbered to the new statement indexes
 * (a status no accepted statement asserts is dropped, as ingestArticle requires); references to dropped meetings
 * removed. Null when no statement is accepted. Mirrors articleInput in src/extract/ingest-page.service.ts.
 */
export function reviewedArticle(draft: ArticleDraft, articleIndex: number, decisions: Decisions): ArticleDraft | null {
  const kept: number[] = [];
  draft.statements.forEach((_, i) => {
    if (decisions[decisionKey(articleIndex, i)]?.status === 'accepted') kept.push(i);
  });
  if (kept.length === 0) return null;
  const newIndex = new Map(kept.map((old, i) => [old, i]));
  const statements = kept.map((i) => edited(draft.statements[i]!, decisions[decisionKey(articleIndex, i)]?.edit));
  const meetings: MeetingDraft[] = [];
  for (const meeting of draft.meetings ?? []) {
    if (!statements.some((s) => s.about.some((ref) => ref.meeting === meeting.key))) continue;
    let { status, statusStatements } = meeting;
    if (statusStatements) {
      const asserting = statusStatements.filter((i) => newIndex.has(i)).map((i) => newIndex.get(i)!);
      statusStatements = asserting.length > 0 ? asserting : null;
      if (!statusStatements) status = null;
    }
    meetings.push({ ...meeting, status, statusStatements });
  }
  const keptMeetings = new Set(meetings.map((m) => m.key));
  return {
    ...draft,
    meetings,
    statements: statements.map((s) => ({
      ...s,
      about: s.about.filter((ref) => ref.meeting == null || keptMeetings.has(ref.meeting)),
    })),
  };
}

/** A short stable name for a pasted page (FNV-1a, 32 bits, base 36): its key in the session and the URL. */
export function pageKey(input: PageInputData): string {
  const text = JSON.stringify([input.text, input.outlet ?? '', input.publishedOn ?? '', input.url ?? '']);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
