export const SEARCH = /* GraphQL */ `
  query Search($text: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(text: $text, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        score
        node {
          __typename
          id
          ... on Entity {
            name
            ar: name(lang: "ar")
          }
          ... on Actor {
            kind
          }
          ... on Country {
            code
          }
          ... on Topic {
            name
          }
          ... on Article {
            title
            publishedOn
          }
          ... on Statement {
            text
            translation
            date
            speaker {
              id
              name
            }
          }
        }
      }
    }
  }
`;

export interface SearchNode {
  __typename: 'Actor' | 'Country' | 'Topic' | 'Article' | 'Statement' | 'Meeting';
  id: string;
  name?: string;
  ar?: string;
  kind?: string;
  code?: string;
  title?: string;
  publishedOn?: string | null;
  text?: string;
  translation?: string | null;
  date?: string | null;
  speaker?: { id: string; name: string } | null;
}

export interface SearchData {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { score: number; node: SearchNode }[];
  };
}
