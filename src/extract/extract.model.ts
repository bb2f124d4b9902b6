import type { ActorKind, MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';
import type { TextSpan } from './text/span';

/**
 * How a reference was found: RESOLVED through a graph name or alias; ROLE through a role description and the
 * graph's office-holder at the article's date; PREVIOUS from the previous statement (وأضاف, he added); UNNAMED
 * an unnamed source (the explicit unnamed-source speaker); NEW a name the graph does not know (proposed as a new
 * actor, for review); UNRESOLVED a description no graph entity answers (left for review).
 */
export type RefSource = 'RESOLVED' | 'ROLE' | 'PREVIOUS' | 'UNNAMED' | 'NEW' | 'UNRESOLVED';

/** An actor, country or topic a statement names. */
export interface CandidateRef {
  /** Global id (Relay) of the graph entity, when resolved. */
  id: string | null;
  /** The node type and key when resolved. */
  type: 'Actor' | 'Country' | 'Topic' | null;
  key: string | null;
  /** The graph's English name when resolved, else the name as written. */
  name: string;
  /** The words of the article that named it. */
  written: string;
  source: RefSource;
  /** For a NEW actor: its kind and the country of its nationality adjective (ISO alpha-2), when given. */
  kind: ActorKind | null;
  country: string | null;
}

/** A reference to a meeting of the same article, by its key. */
export interface MeetingRef {
  meeting: string;
}

/** A candidate statement: the ingest format's fields plus where it sits on the page, how sure, and why. */
export interface CandidateStatement {
  speaker: CandidateRef;
  onBehalfOf: CandidateRef | null;
  via: CandidateRef | null;
  /** The reporting verb's lemma (أضاف, said). */
  verb: string;
  form: StatementForm;
  /** The statement's words: article text[span.start, span.end). */
  text: string;
  /** The directly quoted words (within `text`), or null for a paraphrase. */
  quote: string | null;
  about: (CandidateRef | MeetingRef)[];
  cameo: string;
  plover: string | null;
  goldstein: number;
  /** The rule that chose the event code, in words. */
  rationale: string;
  /** UTF-16 offsets in the article text, end exclusive. */
  span: TextSpan;
  /** The same words on the page. */
  pageSpan: TextSpan;
  /** 0..1: how likely this is a statement with the right speaker (see confidenceOf in extract-article.ts). */
  confidence: number;
  /** Why: which verb, quote marks, alias or role matched, which cue chose the code. */
  evidence: string[];
  /** Reasons an analyst should look at it before it is ingested (empty when none). */
  review: string[];
}

/** A meeting the statements of an article talk about. */
export interface CandidateMeeting {
  /** Local to the article: what statements' `about` refer to. */
  key: string;
  kind: MeetingKind;
  /** The status the article's statements assert (the last asserting statement's), or null. */
  status: MeetingStatus | null;
  /** Indexes in the article's `statements` of those asserting `status`. */
  statusStatements: number[];
  participants: CandidateRef[];
  durationMinutes: number | null;
  evidence: string[];
}

/** An actor the graph does not know, proposed for creation (after review). */
export interface ProposedActor {
  name: string;
  kind: ActorKind;
  country: string | null;
  /** Why it was proposed: the words around it. */
  evidence: string;
}

/** One article of a page with its candidate statements and meetings. */
export interface CandidateArticle {
  title: string;
  language: string;
  publishedOn: string | null;
  url: string | null;
  outlet: { name: string };
  text: string;
  /** The article's range on the page. */
  pageSpan: TextSpan;
  statements: CandidateStatement[];
  meetings: CandidateMeeting[];
  proposedActors: ProposedActor[];
  /** The page splitter's reasons, then the extractor's. */
  evidence: string[];
}

/** Everything extracted from one page. */
export interface PageExtractionData {
  articles: CandidateArticle[];
}
