import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApolloClient, HttpLink, gql } from '@apollo/client';
import { diplographCache } from './helpers/apollo-cache';
import { startSeededServer, type TestServer } from './helpers/test-server';

const PAGE = gql`
  query Page {
    statements(first: 20) {
      totalCount
      edges {
        cursor
        node {
          id
          text
          date
          event {
            cameo
            goldstein
            plover
          }
          speaker {
            id
            name
            arName: name(lang: "ar")
          }
          about {
            __typename
            ... on Node {
              id
            }
            ... on Subject {
              name
            }
            ... on Entity {
              ar: name(lang: "ar")
            }
          }
          reports {
            id
            span {
              start
              end
              text
            }
            article {
              id
              title
            }
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const NODE = gql`
  query One($id: ID!) {
    node(id: $id) {
      id
      ... on Statement {
        text
        date
        event {
          cameo
          goldstein
        }
        speaker {
          id
          name
        }
        reports {
          id
          span {
            text
          }
        }
      }
    }
  }
`;

describe('Apollo Client 4 with the documented cache setup', () => {
  let server: TestServer;
  const warnings: unknown[][] = [];
  const original = { warn: console.warn, error: console.error };

  before(async () => {
    server = await startSeededServer();
    console.warn = (...args: unknown[]) => void warnings.push(args);
    console.error = (...args: unknown[]) => void warnings.push(args);
  });

  after(async () => {
    Object.assign(console, original);
    await server.stop();
  });

  it('reads a statements page and node(id:) with 0 cache warnings and 0 repeated network requests', async () => {
    const requests: string[] = [];
    const client = new ApolloClient({
      cache: diplographCache(),
      link: new HttpLink({
        uri: `${server.url}/graphql`,
        fetch: (input, init) => {
          requests.push(String(init?.body));
          return fetch(input, init);
        },
      }),
    });
    const first = await client.query({ query: PAGE });
    const edges = (first.data as any).statements.edges as any[];
    assert.equal(edges.length, 10);
    assert.ok(edges.every((edge) => edge.node.reports[0].span.text && edge.node.event.cameo));
    const again = await client.query({ query: PAGE });
    assert.deepEqual(again.data, first.data);
    for (const edge of edges.slice(0, 3)) {
      const one = await client.query({ query: NODE, variables: { id: edge.node.id } });
      assert.equal((one.data as any).node.text, edge.node.text);
      assert.equal((one.data as any).node.reports[0].id, edge.node.reports[0].id);
    }
    // A node not seen yet goes to the server, once.
    const speaker = edges[0].node.speaker.id as string;
    await client.query({
      query: gql`
        query A($id: ID!) {
          node(id: $id) {
            id
            ... on Actor {
              kind
            }
          }
        }
      `,
      variables: { id: speaker },
    });
    await client.query({
      query: gql`
        query A($id: ID!) {
          node(id: $id) {
            id
            ... on Actor {
              kind
            }
          }
        }
      `,
      variables: { id: speaker },
    });
    assert.equal(requests.length, 2, requests.join('\n'));
    assert.deepEqual(warnings, []);
    client.stop();
  });
});
