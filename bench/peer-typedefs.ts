/**
 * Type definitions for the @neo4j/graphql contender over the very labels, relationship types and properties of
 * src/shared/graph-schema.ts. Its generator turns each GraphQL query into one Cypher query. `about` targets four
 * labels, so it is a union; Reports stay visible as nodes (the library has no way to fold them into edges).
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Country @node {
    id: ID!
    alpha3: String
    name_en: String
    name_ar: String
  }

  type Actor @node {
    id: ID!
    kind: String!
    name_en: String
    name_ar: String
    wikidata: String
    country: [Country!]! @relationship(type: "OF_COUNTRY", direction: OUT)
    roles: [Role!]! @relationship(type: "HOLDS_ROLE", direction: OUT)
    said: [Statement!]! @relationship(type: "SAID_BY", direction: IN)
    mentionedBy: [Statement!]! @relationship(type: "ABOUT", direction: IN)
  }

  type Role @node {
    id: ID!
    title_en: String
    title_ar: String
    since: Date
    until: Date
    holder: [Actor!]! @relationship(type: "HOLDS_ROLE", direction: IN)
    organization: [Actor!]! @relationship(type: "IN_ORGANIZATION", direction: OUT)
    country: [Country!]! @relationship(type: "FOR_COUNTRY", direction: OUT)
  }

  type Topic @node {
    id: ID!
    name_en: String
    name_ar: String
  }

  type Meeting @node {
    id: ID!
    kind: String!
    name_en: String
    name_ar: String
    status: String
    date: Date
    durationMinutes: Int
    participants: [Actor!]! @relationship(type: "PARTICIPANT", direction: OUT)
  }

  union Subject = Actor | Country | Meeting | Topic

  type Article @node {
    id: ID!
    title: String!
    language: String
    publishedOn: Date
    url: String
    text: String
    outlet: [Actor!]! @relationship(type: "PUBLISHED_BY", direction: OUT)
  }

  type Report @node {
    id: ID!
    start: Int!
    end: Int!
    text: String
    article: [Article!]! @relationship(type: "IN_ARTICLE", direction: OUT)
    via: [Actor!]! @relationship(type: "VIA", direction: OUT)
  }

  type Statement
    @node
    @fulltext(indexes: [{ indexName: "statement_text_ar", fields: ["text", "quote"], queryName: "searchStatements" }]) {
    id: ID!
    text: String!
    language: String
    translation: String
    form: String
    quote: String
    verb: String
    saidOn: Date
    date: Date
    sortKey: String
    cameo: String
    plover: String
    goldstein: Float
    rank: String
    speaker: [Actor!]! @relationship(type: "SAID_BY", direction: OUT)
    about: [Subject!]! @relationship(type: "ABOUT", direction: OUT)
    reports: [Report!]! @relationship(type: "HAS_REPORT", direction: OUT)
  }
`;
