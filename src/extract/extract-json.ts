import type { CandidateArticle, CandidateRef, MeetingRef, PageExtractionData } from './extract.model';

/** A reference as the JSON Lines output gives it: the graph's id and English name, or the name as written. */
export interface JsonRef {
  id?: string;
  name: string;
  /** Set on the explicit unnamed-source speaker (مصدر دبلوماسي, two diplomats): no name is guessed. */
  unnamed?: true;
}

function ref(r: CandidateRef | null): JsonRef | null {
  if (!r) return null;
  if (r.source === 'UNNAMED') return { name: r.name, unnamed: true };
  return r.id ? { id: r.id, name: r.name } : { name: r.name };
}

function about(a: CandidateRef | MeetingRef): JsonRef | MeetingRef {
  return 'meeting' in a ? { meeting: a.meeting } : ref(a)!;
}

function article(a: CandidateArticle) {
  return {
    title: a.title,
    language: a.language,
    publishedOn: a.publishedOn,
    outlet: { name: a.outlet.name },
    text: a.text,
    pageSpan: { start: a.pageSpan.start, end: a.pageSpan.end },
    statements: a.statements.map((s) => ({
      speaker: ref(s.speaker)!,
      onBehalfOf: ref(s.onBehalfOf),
      via: ref(s.via),
      verb: s.verb,
      form: s.form,
      text: s.text,
      quote: s.quote,
      about: s.about.map(about),
      cameo: s.cameo,
      goldstein: s.goldstein,
      span: { start: s.span.start, end: s.span.end },
      pageSpan: { start: s.pageSpan.start, end: s.pageSpan.end },
      confidence: s.confidence,
    })),
    meetings: a.meetings.map((m) => ({
      key: m.key,
      kind: m.kind,
      status: m.status,
      participants: m.participants.map((p) => ref(p)!),
    })),
  };
}

/**
 * One page's extraction in the JSON Lines shape of issue 10 (`npm run extract -- --json`), which evaluation
 * scripts read: `{ file, articles: [{ title, language, publishedOn, outlet: {name}, text, pageSpan, statements:
 * [{ speaker, onBehalfOf, via, verb, form, text, quote, about, cameo, goldstein, span, pageSpan, confidence }],
 * meetings: [{ key, kind, status, participants }] }] }`. Spans are UTF-16 offsets, end exclusive; `span` is in
 * the article text, `pageSpan` in the page.
 */
export function toJsonLine(file: string, extraction: PageExtractionData): string {
  return JSON.stringify({ file, articles: extraction.articles.map(article) });
}
