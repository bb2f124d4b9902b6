export const NEIGHBORHOOD = /* GraphQL */ `
  query Neighborhood($id: ID!, $depth: Int, $limit: Int) {
    node(id: $id) {
      __typename
      id
      ... on Entity {
        name
      }
      ... on Meeting {
        name
      }
      ... on Topic {
        name
      }
      ... on Article {
        title
      }
      ... on Statement {
        text
      }
    }
    neighborhood(id: $id, depth: $depth, limit: $limit) {
      truncated
      nodes {
        id
        type
        name
      }
      edges {
        source
        target
        type
      }
    }
  }
`;

export interface NeighborhoodData {
  node: { __typename: string; id: string; name?: string; title?: string; text?: string } | null;
  neighborhood: {
    truncated: boolean;
    nodes: { id: string; type: string; name: string }[];
    edges: { source: string; target: string; type: string }[];
  };
}
