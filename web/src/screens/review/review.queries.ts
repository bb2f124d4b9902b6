/**
 * extractPage asks for every field of ArticleDraft, which mirrors ArticleInput field for field: the reviewed
 * article goes back to ingestArticle as it came, without the candidates the reviewer dropped.
 */
export const EXTRACT_PAGE = /* GraphQL */ `
  query ExtractPage($input: PageInput!) {
    extractPage(input: $input) {
      articles {
        confidence
        evidence
        pageSpan {
          start
          end
        }
        article {
          title
          language
          publishedOn
          url
          text
          createMissing
          outlet {
            ...EntityRefFields
          }
          mentions {
            ...EntityRefFields
          }
          topics {
            id
            name
            meeting
          }
          meetings {
            key
            kind
            status
            date
            durationMinutes
            statusStatements
            location {
              ...EntityRefFields
            }
            participants {
              ...EntityRefFields
            }
          }
          statements {
            speaker {
              ...EntityRefFields
            }
            onBehalfOf {
              ...EntityRefFields
            }
            via {
              ...EntityRefFields
            }
            form
            text
            quote
            verb
            language
            translation
            saidOn
            cameo
            plover
            goldstein
            rationale
            span {
              start
              end
            }
            about {
              id
              name
              meeting
            }
          }
        }
        statements {
          index
          confidence
          speakerSource
          speakerWritten
          evidence
          review
          pageSpan {
            start
            end
          }
        }
        meetings {
          key
          kind
          status
          participants {
            id
            name
          }
        }
        proposedActors {
          name
          kind
          country
          evidence
        }
      }
    }
  }

  fragment EntityRefFields on EntityRefDraft {
    id
    name
    kind
    country
  }
`;

export const INGEST_ARTICLE = /* GraphQL */ `
  mutation IngestReviewedArticle($input: ArticleInput!) {
    ingestArticle(input: $input) {
      article {
        id
        title
      }
      created {
        articles
        actors
        meetings
        statements
        topics
      }
      matched {
        articles
        actors
        meetings
        statements
        topics
      }
    }
  }
`;

/** What pastes into PageInput. */
export interface PageInputData {
  text: string;
  outlet?: string | null;
  publishedOn?: string | null;
  url?: string | null;
}

export interface EntityRef {
  id: string | null;
  name: string | null;
  kind: string | null;
  country: string | null;
}

export interface SubjectRef {
  id: string | null;
  name: string | null;
  meeting: string | null;
}

export interface StatementDraft {
  speaker: EntityRef;
  onBehalfOf: EntityRef | null;
  via: EntityRef | null;
  form: 'DIRECT_QUOTE' | 'PARAPHRASE';
  text: string;
  quote: string | null;
  verb: string | null;
  language: string | null;
  translation: string | null;
  saidOn: string | null;
  cameo: string;
  plover: string | null;
  goldstein: number | null;
  rationale: string | null;
  span: { start: number; end: number };
  about: SubjectRef[];
}

export interface MeetingDraft {
  key: string;
  kind: string;
  status: string | null;
  date: string | null;
  durationMinutes: number | null;
  statusStatements: number[] | null;
  location: EntityRef | null;
  participants: EntityRef[];
}

/** ArticleDraft: exactly an ArticleInput. */
export interface ArticleDraft {
  title: string;
  language: string;
  publishedOn: string | null;
  url: string | null;
  text: string;
  createMissing: boolean | null;
  outlet: EntityRef;
  mentions: EntityRef[] | null;
  topics: SubjectRef[] | null;
  meetings: MeetingDraft[] | null;
  statements: StatementDraft[];
}

export type ReferenceSource = 'RESOLVED' | 'ROLE' | 'PREVIOUS' | 'UNNAMED' | 'NEW' | 'UNRESOLVED';

export interface ExtractedStatement {
  index: number;
  confidence: number;
  speakerSource: ReferenceSource;
  speakerWritten: string;
  evidence: string[];
  review: string[];
  pageSpan: { start: number; end: number };
}

export interface ExtractedArticle {
  confidence: number | null;
  evidence: string[];
  pageSpan: { start: number; end: number };
  article: ArticleDraft;
  statements: ExtractedStatement[];
  meetings: {
    key: string;
    kind: string;
    status: string | null;
    participants: { id: string | null; name: string | null }[];
  }[];
  proposedActors: { name: string; kind: string; country: string | null; evidence: string }[];
}

export interface ExtractPageData {
  extractPage: { articles: ExtractedArticle[] };
}

export interface IngestCounts {
  articles: number;
  actors: number;
  meetings: number;
  statements: number;
  topics: number;
}

export interface IngestArticleData {
  ingestArticle: { article: { id: string; title: string }; created: IngestCounts; matched: IngestCounts };
}
