import type { ArticleInputData } from '../ingest/ingest.model';
import { zeroCounts } from '../ingest/ingest.model';
import { toArticle } from '../article/article.mapper';
import type { CandidateArticle, ProposedActor as ProposedActorData } from './extract.model';
import type {
  ArticleDraft,
  ExtractedArticle,
  PageArticleIngest,
  PageExtraction,
  PageIngestResult,
  ProposedActor,
} from './extract.type';
import type { ReferenceSource } from './extract.type';
import { articleInput, type PageIngestData } from './ingest-page.service';
import type { PageExtractionData } from './extract.model';

function proposed(p: ProposedActorData): ProposedActor {
  return { name: p.name, kind: p.kind, country: p.country, evidence: p.evidence };
}

/** A candidate article as the API returns it: the ArticleInput-shaped draft of all candidates, and why each. */
export function toExtractedArticle(a: CandidateArticle): ExtractedArticle {
  const draft: ArticleInputData = articleInput(
    a,
    a.statements.map((_, i) => i),
    a.url,
  );
  const confidences = a.statements.map((s) => s.confidence);
  return {
    article: draft as ArticleDraft,
    pageSpan: a.pageSpan,
    confidence:
      confidences.length > 0
        ? Math.round((confidences.reduce((x, y) => x + y, 0) / confidences.length) * 100) / 100
        : null,
    statements: a.statements.map((s, index) => ({
      index,
      confidence: s.confidence,
      pageSpan: s.pageSpan,
      speakerSource: s.speaker.source as ReferenceSource,
      speakerWritten: s.speaker.written,
      evidence: s.evidence,
      review: s.review,
    })),
    meetings: a.meetings.map((m) => ({
      key: m.key,
      kind: m.kind,
      status: m.status,
      statusStatements: m.statusStatements,
      participants: m.participants.map((p) => (p.id ? { id: p.id, name: p.name } : { name: p.name })),
      evidence: m.evidence,
    })),
    proposedActors: a.proposedActors.map(proposed),
    evidence: a.evidence,
  };
}

export function toPageExtraction(data: PageExtractionData): PageExtraction {
  const byName = new Map<string, ProposedActor>();
  for (const a of data.articles) for (const p of a.proposedActors) byName.set(p.name, proposed(p));
  return { articles: data.articles.map(toExtractedArticle), proposedActors: [...byName.values()] };
}

export function toPageIngestResult(data: PageIngestData): PageIngestResult {
  return {
    created: data.created,
    matched: data.matched,
    articles: data.articles.map((a): PageArticleIngest => ({
      extraction: toExtractedArticle(data.extraction.articles[a.articleIndex]!),
      article: a.outcome ? toArticle(a.outcome.article, a.outcome.outletKey) : null,
      ingestedStatements: a.outcome ? a.draft.kept : [],
      leftForReview: a.draft.left.map((l) => ({ statementIndex: l.statementIndex, reasons: l.reasons })),
      problems: a.draft.problems,
      created: a.outcome?.created ?? zeroCounts(),
      matched: a.outcome?.matched ?? zeroCounts(),
    })),
  };
}
