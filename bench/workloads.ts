import { toGlobalId } from '../src/shared/global-id';

/** One HTTP request as the load tool sends it. */
export interface BenchRequest {
  path: string;
  body: string;
}

/** The subjects the workloads ask about, picked from the loaded data. */
export interface WorkloadContext {
  statementId: string;
  busiestCountry: string;
  topSpeaker: string;
  year: string;
  searchWord: string;
}

export interface Workload {
  id: string;
  title: string;
  diplograph: BenchRequest;
  floor: BenchRequest;
  /** Null where @neo4j/graphql has no equivalent query; `peerNote` says why or how it differs. */
  peer: BenchRequest | null;
  peerNote: string;
}

const gql = (query: string, variables: Record<string, unknown>): BenchRequest => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});
const peerGql = (query: string, variables: Record<string, unknown>): BenchRequest => ({
  path: '/',
  body: JSON.stringify({ query, variables }),
});
const floor = (workload: string, params: Record<string, unknown>): BenchRequest => ({
  path: `/${workload}`,
  body: JSON.stringify(params),
});

/** Q1..Q6, each as Diplograph's GraphQL, the floor's hand-written Cypher call and the peer's nearest query. */
export function workloads(ctx: WorkloadContext): Workload[] {
  const from = `${ctx.year}-01-01`;
  const to = `${ctx.year}-12-31`;
  return [
    {
      id: 'Q1',
      title: 'node by id (a statement)',
      diplograph: gql(
        `query Q1($id: ID!) { node(id: $id) { id ... on Statement { text form saidOn event { cameo goldstein } } } }`,
        { id: toGlobalId('Statement', ctx.statementId) },
      ),
      floor: floor('Q1', { id: ctx.statementId }),
      peer: peerGql(
        `query Q1($id: ID!) { statements(where: { id: { eq: $id } }) { id text form saidOn cameo goldstein } }`,
        { id: ctx.statementId },
      ),
      peerNote: 'statements(where: {id}) — no global ids.',
    },
    {
      id: 'Q2',
      title: 'page of 20 statements with speaker, about, reports, article, outlet, agency',
      diplograph: gql(
        `query Q2 { statements(first: 20) { totalCount pageInfo { hasNextPage endCursor }
           edges { cursor node { id text saidOn speaker { id name } about { id name }
             reports { span { start end } article { id title publishedOn outlet { id name } } via { id name } } } } } }`,
        {},
      ),
      floor: floor('Q2', {}),
      peer: peerGql(
        `query Q2 { statementsConnection(first: 20, sort: [{ sortKey: DESC }],
             where: { NOT: { rank: { eq: "DEPRECATED" } } }) {
           totalCount pageInfo { hasNextPage endCursor }
           edges { cursor node { id text saidOn speaker { id name_en }
             about { ... on Actor { id name_en } ... on Country { id name_en } ... on Meeting { id name_en }
                     ... on Topic { id name_en } }
             reports { start end article { id title publishedOn outlet { id name_en } } via { id name_en } } } } } }`,
        {},
      ),
      peerNote: 'statementsConnection sorted by sortKey; same fields.',
    },
    {
      id: 'Q3',
      title: 'whoSaidWhatAbout a busy country, includeRelated',
      diplograph: gql(
        `query Q3($about: ID!) { whoSaidWhatAbout(about: $about, includeRelated: true, first: 20) {
           totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id text saidOn speaker { id name } } } } }`,
        { about: toGlobalId('Country', ctx.busiestCountry) },
      ),
      floor: floor('Q3', { code: ctx.busiestCountry }),
      peer: peerGql(
        `query Q3($code: ID!) { statementsConnection(first: 20, sort: [{ sortKey: DESC }], where: {
             NOT: { rank: { eq: "DEPRECATED" } }
             about: { some: {
               Country: { id: { eq: $code } }
               Actor: { OR: [
                 { roles: { some: { country: { some: { id: { eq: $code } } } } } }
                 { kind: { eq: "ORGANIZATION" }, country: { some: { id: { eq: $code } } } }
                 { roles: { some: { organization: { some: {
                     kind: { eq: "ORGANIZATION" }, country: { some: { id: { eq: $code } } } } } } } }
               ] } } } }) {
           totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id text saidOn speaker { id name_en } } } } }`,
        { code: ctx.busiestCountry },
      ),
      peerNote: 'the "related" rule spelled out as a nested where over the union `about`.',
    },
    {
      id: 'Q4',
      title: `statementStats by SPEAKER for ${ctx.year}`,
      diplograph: gql(
        `query Q4($from: Date!, $to: Date!) { statementStats(groupBy: SPEAKER, filter: { from: $from, to: $to }, top: 10) {
           key { id } label count meanGoldstein } }`,
        { from, to },
      ),
      floor: floor('Q4', { from, to, top: 10 }),
      peer: peerGql(
        `query Q4($from: Date!, $to: Date!) { actors(where: { kind: { eq: "PERSON" } }) { id name_en
           saidConnection(where: { node: { date: { gte: $from, lte: $to }, NOT: { rank: { eq: "DEPRECATED" } } } }) {
             aggregate { count { nodes } node { goldstein { average } } } } } }`,
        { from, to },
      ),
      peerNote: 'no group-by or sort by an aggregate: every person with its filtered count; the client must sort.',
    },
    {
      id: 'Q5',
      title: `search for a common Arabic word (${ctx.searchWord})`,
      diplograph: gql(
        `query Q5($text: String!) { search(text: $text, first: 20) { totalCount
           edges { score node { id ... on Statement { text } } } } }`,
        { text: ctx.searchWord },
      ),
      floor: floor('Q5', { query: ctx.searchWord }),
      peer: peerGql(
        `query Q5($text: String!) { searchStatements(phrase: $text, first: 20) { totalCount
           edges { score node { id text } } } }`,
        { text: ctx.searchWord },
      ),
      peerNote: 'one full-text index (statement text); not entity-aware, no English index, no actors or articles.',
    },
    {
      id: 'Q6',
      title: 'neighborhood depth 2 of a prolific actor',
      diplograph: gql(
        `query Q6($id: ID!) { neighborhood(id: $id, depth: 2) { truncated nodes { id type name } edges { source target type } } }`,
        { id: toGlobalId('Actor', ctx.topSpeaker) },
      ),
      floor: floor('Q6', { id: ctx.topSpeaker, limit: 200 }),
      peer: null,
      peerNote: 'no equivalent: no generic subgraph query (a fixed nested selection is a different result).',
    },
  ];
}
