export const STATEMENT_VIEW = /* GraphQL */ `
  query StatementView($id: ID!) {
    node(id: $id) {
      ... on Statement {
        id
        text
        translation
        quote
        verb
        form
        language
        date
        saidOn
        rank
        deprecation {
          reason
          by
          at
        }
        event {
          cameo
          goldstein
          plover
          rationale
        }
        speaker {
          id
          name
          ar: name(lang: "ar")
        }
        onBehalfOf {
          __typename
          id
          name
        }
        about {
          __typename
          id
          name
        }
        reports {
          via {
            id
            name
          }
          span {
            start
            end
            text
          }
          article {
            id
            title
            url
            language
            publishedOn
            text
            outlet {
              id
              name
            }
          }
        }
      }
    }
  }
`;

export interface ReportData {
  via: { id: string; name: string } | null;
  span: { start: number; end: number; text: string };
  article: {
    id: string;
    title: string;
    url: string | null;
    language: string;
    publishedOn: string | null;
    text: string;
    outlet: { id: string; name: string } | null;
  };
}

export interface StatementViewData {
  node: {
    id: string;
    text: string;
    translation: string | null;
    quote: string | null;
    verb: string | null;
    form: string;
    language: string;
    date: string | null;
    saidOn: string | null;
    rank: string;
    deprecation: { reason: string; by: string | null; at: string | null } | null;
    event: { cameo: string; goldstein: number | null; plover: string | null; rationale: string | null };
    speaker: { id: string; name: string; ar: string } | null;
    onBehalfOf: { __typename: string; id: string; name: string } | null;
    about: { __typename: string; id: string; name: string }[];
    reports: ReportData[];
  } | null;
}

export const ARTICLE_VIEW = /* GraphQL */ `
  query ArticleView($id: ID!) {
    node(id: $id) {
      ... on Article {
        id
        title
        url
        language
        publishedOn
        text
        outlet {
          id
          name
        }
        topics {
          id
          name
        }
        mentions {
          __typename
          id
          name
        }
        statements {
          id
          text
          translation
          speaker {
            id
            name
          }
          reports {
            article {
              id
            }
            span {
              start
              end
              text
            }
          }
        }
      }
    }
  }
`;

export interface ArticleViewData {
  node: {
    id: string;
    title: string;
    url: string | null;
    language: string;
    publishedOn: string | null;
    text: string;
    outlet: { id: string; name: string } | null;
    topics: { id: string; name: string }[];
    mentions: { __typename: string; id: string; name: string }[];
    statements: {
      id: string;
      text: string;
      translation: string | null;
      speaker: { id: string; name: string } | null;
      reports: { article: { id: string }; span: { start: number; end: number; text: string } }[];
    }[];
  } | null;
}
