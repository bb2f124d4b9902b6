import { searchQuery } from '../src/search/lucene';
import { int as neo4jInt } from '../src/shared/neo4j/database';

/**
 * The floor: for each workload, the hand-written Cypher a developer would send straight through neo4j-driver to
 * get the same answer as Diplograph's GraphQL query (same nodes, same fields, same page size, same count), with
 * no GraphQL layer. Labels and types are literal here on purpose: this is the baseline, not product code.
 */
const QUERIES: Record<string, string> = {
  // A statement by id with a few scalar fields.
  Q1: `MATCH (s:Statement {id: $id})
       RETURN s.id AS id, s.text AS text, s.form AS form, toString(s.saidOn) AS saidOn, s.cameo AS cameo,
              s.goldstein AS goldstein`,

  // The newest 20 statements (deprecated left out) with speaker, subjects, reports, article, outlet, agency; count.
  // Index-backed: the count from the count store minus the deprecated ones (their label's count), the page from the
  // (date, id) index in descending order (sortKey order), undated statements after; both stop after a page.
  Q2: `CALL () {
         MATCH (s:Statement) RETURN count(s) AS n
       }
       CALL () {
         MATCH (d:DeprecatedStatement) RETURN count(d) AS deprecated
       }
       CALL () {
         CALL () {
           MATCH (s:Statement) WHERE s.date IS NOT NULL AND s.id IS NOT NULL
           RETURN s ORDER BY s.date DESC, s.id DESC LIMIT 42
           UNION ALL
           MATCH (s:Statement) WHERE s.date IS NULL
           RETURN s ORDER BY s.id DESC LIMIT 42
         }
         WITH s WHERE coalesce(s.rank, '') <> 'DEPRECATED'
         WITH s LIMIT 21
         RETURN collect(s) AS page
       }
       UNWIND page[0..20] AS s
       RETURN n - deprecated AS total, size(page) > 20 AS hasNextPage, s.id AS id, s.text AS text,
         toString(s.saidOn) AS saidOn, s.sortKey AS cursor,
         [(s)-[:SAID_BY]->(a:Actor) | a {.id, name: a.name_en}][0] AS speaker,
         [(s)-[:ABOUT]->(x) | {id: x.id, name: coalesce(x.name_en, x.id)}] AS about,
         [(s)-[:HAS_REPORT]->(r:Report)-[:IN_ARTICLE]->(art:Article) | {
            start: r.start, end: r.end,
            article: {id: art.id, title: art.title, publishedOn: toString(art.publishedOn),
              outlet: [(art)-[:PUBLISHED_BY]->(o:Actor) | o {.id, name: o.name_en}][0]},
            via: [(r)-[:VIA]->(v:Actor) | v {.id, name: v.name_en}][0]}] AS reports`,

  // Statements about a country, its office-holders and its institutions (and their office-holders): newest 20.
  Q3: `MATCH (c:Country {id: $code})
       CALL (c) {
         RETURN c AS x
         UNION
         MATCH (c)<-[:FOR_COUNTRY]-(:Role)<-[:HOLDS_ROLE]-(x:Actor) RETURN x
         UNION
         MATCH (c)<-[:OF_COUNTRY]-(x:Actor {kind: 'ORGANIZATION'}) RETURN x
         UNION
         MATCH (c)<-[:OF_COUNTRY]-(:Actor {kind: 'ORGANIZATION'})<-[:IN_ORGANIZATION]-(:Role)<-[:HOLDS_ROLE]-(x:Actor)
         RETURN x
       }
       MATCH (s:Statement)-[:ABOUT]->(x) WHERE coalesce(s.rank, '') <> 'DEPRECATED'
       WITH DISTINCT s
       WITH collect(s) AS matched
       CALL (matched) {
         UNWIND matched AS s
         WITH s ORDER BY s.sortKey DESC LIMIT 21
         RETURN collect(s) AS page
       }
       UNWIND page[0..20] AS s
       RETURN size(matched) AS total, s.id AS id, s.text AS text, toString(s.saidOn) AS saidOn, s.sortKey AS cursor,
         [(s)-[:SAID_BY]->(a:Actor) | a {.id, name: a.name_en}][0] AS speaker`,

  // Statement counts and mean Goldstein per speaker over a date range, top 10: a range seek on the (date, id)
  // index, which Neo4j uses only when every key has a predicate (hence `s.id IS NOT NULL`).
  Q4: `MATCH (s:Statement) WHERE s.date >= date($from) AND s.date <= date($to) AND s.id IS NOT NULL
         AND coalesce(s.rank, '') <> 'DEPRECATED'
       MATCH (s)-[:SAID_BY]->(a:Actor)
       WITH a, count(s) AS count, avg(s.goldstein) AS mean
       ORDER BY count DESC, a.name_en LIMIT $top
       RETURN a.id AS id, a.name_en AS label, count, mean`,
};

const DIRECT = 'SAID_BY|ON_BEHALF_OF|ABOUT|OF_COUNTRY|PARTICIPANT|LOCATED_IN|PUBLISHED_BY|MENTIONS|HAS_TOPIC';
// Entities first, then statements newest first, as Diplograph orders a capped neighbourhood.
const ORDER = 'CASE WHEN m:Statement THEN 1 ELSE 0 END, m.sortKey DESC, m.id';
const KEEP =
  "NOT m:Alias AND NOT m:Report AND NOT m:Role AND NOT m:StatusChange AND NOT (m:Statement AND coalesce(m.rank, '') = 'DEPRECATED')";
const NEIGHBOURS = `MATCH (n)-[:${DIRECT}]-(m) RETURN m
  UNION MATCH (n)-[:HAS_REPORT]->(:Report)-[:IN_ARTICLE|VIA]->(m) RETURN m
  UNION MATCH (n)<-[:IN_ARTICLE|VIA]-(:Report)<-[:HAS_REPORT]-(m) RETURN m
  UNION MATCH (n)-[:HOLDS_ROLE]->(:Role)-[:IN_ORGANIZATION|FOR_COUNTRY]->(m) RETURN m
  UNION MATCH (n)<-[:IN_ORGANIZATION|FOR_COUNTRY]-(:Role)<-[:HOLDS_ROLE]-(m) RETURN m`;

/** Runs one Cypher query (in the caller's read transaction) and returns its records as objects. */
export type Runner = (cypher: string, params: Record<string, unknown>) => Promise<Record<string, unknown>[]>;

/**
 * Q6, breadth-first two levels around an actor, at most $limit nodes (entities before statements, newest
 * statements first), then the edges among them: one query per level plus one for the edges, since a LIMIT cannot
 * depend on the previous level's size inside one query. A level with no room left is not expanded.
 */
async function neighbourhood(run: Runner, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const limit = Number(params.limit);
  const [origin] = await run(`MATCH (o:Actor {id: $id}) RETURN elementId(o) AS e`, params);
  if (!origin) return [];
  const seen = [String(origin.e)];
  let frontier = [...seen];
  let truncated = false;
  for (let level = 1; level <= 2 && frontier.length > 0; level++) {
    const room = limit - seen.length;
    if (room <= 0) break;
    const found = await run(
      `UNWIND $frontier AS e MATCH (n) WHERE elementId(n) = e
       CALL (n) {
         CALL (n) { ${NEIGHBOURS} }
         WITH m WHERE ${KEEP} AND NOT elementId(m) IN $seen
         RETURN m ORDER BY ${ORDER} LIMIT $room
       }
       WITH DISTINCT m ORDER BY ${ORDER} LIMIT $room
       RETURN elementId(m) AS e`,
      { frontier, seen, room: neo4jInt(room + 1) },
    );
    if (found.length > room) truncated = true;
    frontier = found.slice(0, room).map((r) => String(r.e));
    seen.push(...frontier);
  }
  return run(
    `UNWIND $seen AS e MATCH (n) WHERE elementId(n) = e
     OPTIONAL CALL (n) {
       MATCH (n)-[r:${DIRECT}]->(m) WHERE elementId(m) IN $seen RETURN m, type(r) AS type
       UNION MATCH (n)-[:HAS_REPORT]->(:Report)-[r:IN_ARTICLE|VIA]->(m) WHERE elementId(m) IN $seen
       RETURN m, CASE type(r) WHEN 'VIA' THEN 'VIA' ELSE 'REPORTED_IN' END AS type
     }
     RETURN n.id AS id, [l IN labels(n)][0] AS label, coalesce(n.name_en, n.title, n.id) AS name,
       collect(CASE WHEN m IS NULL THEN null ELSE {target: m.id, type: type} END) AS edges, $truncated AS truncated`,
    { seen, truncated },
  );
}

/**
 * Q5, search: the ranking of src/search/search.repository.ts (RANKING there), spelled out with its constants.
 * Cheaper than a plain sort of every hit: hits are sorted by score alone, and only those scoring at least the 20th
 * best (ties included) have their id read for the tie-break; the kind comes from the branch that found the node. Only
 * what the workload selects is read: the id, a statement's text, the score and the total.
 */
const SEARCH = `CALL () {
    CALL () {
      CALL db.index.fulltext.queryNodes('alias_text_std', $query, {limit: 200}) YIELD node, score
      WITH collect([node, score]) AS found, max(score) AS best
      UNWIND found AS hit
      WITH hit[0] AS alias, hit[1] / best AS score
      MATCH (e)-[:HAS_ALIAS]->(alias) WHERE e:Actor OR e:Country OR e:Topic
      RETURN e, score, alias.key = $key AS exact
      UNION ALL
      CALL db.index.fulltext.queryNodes('alias_text_ar', $query, {limit: 200}) YIELD node, score
      WITH collect([node, score]) AS found, max(score) AS best
      UNWIND found AS hit
      WITH hit[0] AS alias, hit[1] / best AS score
      MATCH (e)-[:HAS_ALIAS]->(alias) WHERE e:Actor OR e:Country OR e:Topic
      RETURN e, score, alias.key = $key AS exact
      UNION ALL
      CALL db.index.fulltext.queryNodes('topic_name', $query, {limit: 200}) YIELD node, score
      WITH collect([node, score]) AS found, max(score) AS best
      UNWIND found AS hit
      RETURN hit[0] AS e, hit[1] / best AS score, false AS exact
    }
    WITH e, max(score) AS score, any(x IN collect(exact) WHERE x) AS exact
    ORDER BY score DESC, e.id
    RETURN collect({node: e, score: score, exact: exact}) AS entities
  }
  WITH entities, [x IN entities WHERE x.score >= 0.3][0..10] AS strong
  CALL (entities, strong) {
    UNWIND entities AS x
    WITH x.node AS node, x.score + CASE WHEN x.exact THEN 0.5 ELSE 0.0 END AS score
    RETURN node, [l IN labels(node) WHERE l IN ['Country', 'Actor', 'Topic']][0] AS kind, score
    UNION ALL
    CALL (strong) {
      CALL db.index.fulltext.queryNodes('statement_text_ar', $query, {limit: 200}) YIELD node, score
      WITH collect([node, score]) AS found, max(score) AS best
      UNWIND found AS hit
      RETURN hit[0] AS s, hit[1] / best AS text, 0.0 AS about, 0.0 AS spokenBy
      UNION ALL
      CALL db.index.fulltext.queryNodes('statement_text_en', $query, {limit: 200}) YIELD node, score
      WITH collect([node, score]) AS found, max(score) AS best
      UNWIND found AS hit
      RETURN hit[0] AS s, hit[1] / best AS text, 0.0 AS about, 0.0 AS spokenBy
      UNION ALL
      UNWIND strong AS x
      WITH x, x.node AS e
      CALL (e) { MATCH (s:Statement)-[:ABOUT]->(e) RETURN s ORDER BY s.sortKey DESC LIMIT 200 }
      RETURN s, 0.0 AS text, x.score AS about, 0.0 AS spokenBy
      UNION ALL
      UNWIND strong AS x
      WITH x, x.node AS e
      CALL (e) { MATCH (s:Statement)-[:SAID_BY|ON_BEHALF_OF]->(e) RETURN DISTINCT s ORDER BY s.sortKey DESC LIMIT 200 }
      RETURN s, 0.0 AS text, 0.0 AS about, x.score AS spokenBy
    }
    WITH s, max(text) AS text, sum(about) AS about, max(spokenBy) AS spokenBy
    WHERE coalesce(s.rank, 'NORMAL') <> 'DEPRECATED'
    RETURN s AS node, 'Statement' AS kind,
      0.6 * text + 0.5 * CASE WHEN about > 1 THEN 1.0 ELSE about END + 0.3 * spokenBy AS score
    UNION ALL
    CALL (strong) {
      CALL db.index.fulltext.queryNodes('article_text_ar', $query, {limit: 200}) YIELD node, score
      WITH collect([node, score]) AS found, max(score) AS best
      UNWIND found AS hit
      RETURN hit[0] AS a, hit[1] / best AS text, 0.0 AS mentions
      UNION ALL
      UNWIND strong AS x
      WITH x, x.node AS e
      CALL (e) { MATCH (a:Article)-[:MENTIONS]->(e) RETURN a ORDER BY a.publishedOn DESC LIMIT 200 }
      RETURN a, 0.0 AS text, x.score AS mentions
    }
    WITH a, max(text) AS text, sum(mentions) AS mentions
    RETURN a AS node, 'Article' AS kind, 0.6 * text + 0.3 * CASE WHEN mentions > 1 THEN 1.0 ELSE mentions END AS score
  }
  WITH node, kind, score ORDER BY score DESC
  WITH collect({node: node, kind: kind, score: score}) AS ranked
  WITH size(ranked) AS total, ranked[19].score AS cutoff, ranked
  UNWIND ranked AS x
  WITH total, x WHERE cutoff IS NULL OR x.score >= cutoff
  WITH total, x.node AS n, x.kind AS kind, x.score AS score
  ORDER BY score DESC, kind, n.id LIMIT 20
  RETURN total, kind, n.id AS id, score, CASE kind WHEN 'Statement' THEN n.text END AS text`;

/** Q5 takes the user's text, so it escapes and normalises it as the resolver does (Lucene query, exact-name key). */
function search(run: Runner, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const { query, key } = searchQuery(String(params.query));
  return run(SEARCH, { query, key });
}

/** Each workload's floor: one query, or for Q6 the few queries above, all in one read transaction. */
export const FLOOR: Record<string, (run: Runner, params: Record<string, unknown>) => Promise<unknown[]>> = {
  ...Object.fromEntries(
    Object.entries(QUERIES).map(([id, cypher]) => [id, (run: Runner, p: Record<string, unknown>) => run(cypher, p)]),
  ),
  Q5: search,
  Q6: neighbourhood,
};
