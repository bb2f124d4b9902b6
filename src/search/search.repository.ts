import { actorSelection } from '../actor/actor.mapper';
import { articleSelection } from '../article/article.mapper';
import { countrySelection } from '../country/country.repository';
import { readProps } from '../entity/entity.repository';
import { DOMAIN_LABELS } from '../explore/domain-node.repository';
import type { DomainNodeRow } from '../explore/domain-node.mapper';
import { statementSelection } from '../statement/statement.mapper';
import { topicSelection } from '../topic/topic.mapper';
import { AWAIT_FULLTEXT, Label, Rel } from '../shared/graph-schema';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { projectProperties } from '../shared/graphql/stored-properties';
import { int, type Database } from '../shared/neo4j/database';

/** The full-text indexes that search reads (schema/003, 006 and 011). */
const Index = {
  aliasStandard: 'alias_text_std',
  aliasArabic: 'alias_text_ar',
  topicName: 'topic_name',
  statementArabic: 'statement_text_ar',
  statementEnglish: 'statement_text_en',
  articleArabic: 'article_text_ar',
} as const;

/**
 * How hits are ranked. Lucene scores are not comparable across indexes (or queries), so each index's scores are
 * divided by that index's best score for this query, giving 0..1. Then:
 * - an actor, country or topic scores its best alias (or topic name) match, 0..1, plus `exactBonus` when the
 *   whole text is one of its names after normalisation: the entity named outranks everything else;
 * - a statement scores `text` × its best text match (original or translation) + `about` × the scores of the
 *   matched entities it is about (summed, at most 1) + `spokenBy` × the best score of a matched entity that said
 *   it or on whose behalf it was said; so text and subject together beat either alone;
 * - an article scores `text` × its text match + `mentions` × the scores of the matched entities it mentions
 *   (summed, at most 1).
 * Only entities scoring at least `minEntityScore` (the best `maxEntities`) pull in their statements and articles,
 * and each of them at most `candidates` (most recent first), as does each index. Ties: by type, then key.
 */
export const RANKING = {
  exactBonus: 0.5,
  text: 0.6,
  about: 0.5,
  spokenBy: 0.3,
  mentions: 0.3,
  minEntityScore: 0.3,
  maxEntities: 10,
  candidates: 200,
} as const;

/** One page of ranked hits as rows for the domain mappers. */
export interface SearchPageRows {
  total: number;
  hits: (DomainNodeRow & { score: number })[];
}

/** A full-text query normalised to 0..1 by the best score of this query in this index. */
function normalized(index: string, as: string): string {
  return `CALL db.index.fulltext.queryNodes('${index}', $query, {limit: $candidates}) YIELD node, score
    WITH collect([node, score]) AS found, max(score) AS best
    UNWIND found AS hit
    WITH hit[0] AS ${as}, hit[1] / best AS score`;
}

const NOT_DEPRECATED = (v: string) => `coalesce(${v}.rank, 'NORMAL') <> 'DEPRECATED'`;

/**
 * Cypher that reads the hit `n`, whose domain label is `label`, as the `props` and `ref` of a DomainNodeRow: per
 * label only the stored properties the operation's plan needs for that type (fragments on Node and on the union
 * members included; a type the operation never reaches reads its key alone), and the key beside them (an actor's
 * country, a statement's speaker, an article's outlet) only when that relation is selected. Without a plan
 * (internal reads) everything the mappers read, as `domainNodeColumns` does. An article's verbatim text is never
 * read here: the `text` field has its own loader.
 */
function hitColumns(plan: FieldPlan | undefined): { props: string; ref: string } {
  const n = 'n';
  const all = readProps(n);
  const actor = actorSelection(plan);
  const statement = statementSelection(plan);
  const article = articleSelection(plan);
  const props = `CASE label
      WHEN '${Label.Statement}' THEN ${projectProperties(n, statement.properties, all)}
      WHEN '${Label.Article}' THEN ${projectProperties(n, article.properties, readProps(n, ['text']))}
      WHEN '${Label.Actor}' THEN ${projectProperties(n, actor.properties, all)}
      WHEN '${Label.Country}' THEN ${projectProperties(n, countrySelection(plan), all)}
      WHEN '${Label.Topic}' THEN ${projectProperties(n, topicSelection(plan), all)}
      ELSE ${all} END`;
  // Each label has at most one of these relationships, so the key is the first one found.
  const refs = [
    statement.speaker ? `WHEN '${Label.Statement}' THEN [(${n})-[:${Rel.SAID_BY}]->(r) | r.id][0]` : '',
    article.outlet ? `WHEN '${Label.Article}' THEN [(${n})-[:${Rel.PUBLISHED_BY}]->(r) | r.id][0]` : '',
    actor.country ? `WHEN '${Label.Actor}' THEN [(${n})-[:${Rel.OF_COUNTRY}]->(r) | r.id][0]` : '',
  ].filter(Boolean);
  return { props, ref: refs.length > 0 ? `CASE label ${refs.join(' ')} ELSE null END` : 'null' };
}

export class SearchRepository {
  /** @param plan the operation's field plan: each hit is read with what it selects of the hit's type. */
  constructor(
    private readonly db: Database,
    private readonly plan?: FieldPlan,
  ) {}

  /**
   * Ranks everything that matches the (escaped) Lucene query and returns one page of it, with the count of all
   * hits. One query: the ranking, the count and the page are computed in the database.
   *
   * Hits are sorted by score alone first; only those scoring at least as well as the last hit the page needs
   * (ties included) have their key read for the tie-break (a full sort read every hit's key: bench Q5, 397 keys for
   * a page of 21). Each branch names the type it found, since a domain node has exactly one domain label. The
   * cutoff is read from the score-sorted list: an `ORDER BY ... SKIP` subquery over the collected list counted that
   * list once per row against the transaction memory limit, and deep pages failed. The page's hits are read with
   * only what the operation selects of their type (`hitColumns`): bench Q5's main query read each hit whole, 778
   * PROFILE db hits at 10k, now 266.
   * @param key the search text normalised as alias keys are, for the exact-name bonus.
   * @param labels the node labels wanted.
   */
  async search(query: string, key: string, labels: string[], offset: number, limit: number): Promise<SearchPageRows> {
    const columns = hitColumns(this.plan);
    const [row] = await this.db.read<{ total: number; page: (DomainNodeRow & { score: number; i: number })[] }>(
      `${AWAIT_FULLTEXT}
       CALL () {
         CALL () {
           ${normalized(Index.aliasStandard, 'alias')}
           MATCH (e)-[:${Rel.HAS_ALIAS}]->(alias) WHERE e:${Label.Actor} OR e:${Label.Country} OR e:${Label.Topic}
           RETURN e, score, alias.key = $key AS exact
           UNION ALL
           ${normalized(Index.aliasArabic, 'alias')}
           MATCH (e)-[:${Rel.HAS_ALIAS}]->(alias) WHERE e:${Label.Actor} OR e:${Label.Country} OR e:${Label.Topic}
           RETURN e, score, alias.key = $key AS exact
           UNION ALL
           ${normalized(Index.topicName, 'e')}
           RETURN e, score, false AS exact
         }
         WITH e, max(score) AS score, any(x IN collect(exact) WHERE x) AS exact
         ORDER BY score DESC, e.id
         RETURN collect({node: e, score: score, exact: exact}) AS entities
       }
       WITH entities, [x IN entities WHERE x.score >= $minEntityScore][0..$maxEntities] AS strong
       CALL (entities, strong) {
         UNWIND entities AS x
         RETURN x.node AS node, [l IN labels(x.node) WHERE l IN $domainLabels][0] AS kind,
           x.score + CASE WHEN x.exact THEN $exactBonus ELSE 0.0 END AS score
         UNION ALL
         WITH strong WHERE '${Label.Statement}' IN $labels
         CALL (strong) {
           ${normalized(Index.statementArabic, 's')}
           RETURN s, score AS text, 0.0 AS about, 0.0 AS spokenBy
           UNION ALL
           ${normalized(Index.statementEnglish, 's')}
           RETURN s, score AS text, 0.0 AS about, 0.0 AS spokenBy
           UNION ALL
           UNWIND strong AS x
           WITH x, x.node AS e
           CALL (e) {
             MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(e)
             RETURN s ORDER BY s.sortKey DESC LIMIT $candidates
           }
           RETURN s, 0.0 AS text, x.score AS about, 0.0 AS spokenBy
           UNION ALL
           UNWIND strong AS x
           WITH x, x.node AS e
           CALL (e) {
             MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}|${Rel.ON_BEHALF_OF}]->(e)
             RETURN DISTINCT s ORDER BY s.sortKey DESC LIMIT $candidates
           }
           RETURN s, 0.0 AS text, 0.0 AS about, x.score AS spokenBy
         }
         WITH s, max(text) AS text, sum(about) AS about, max(spokenBy) AS spokenBy
         WHERE ${NOT_DEPRECATED('s')}
         RETURN s AS node, '${Label.Statement}' AS kind,
           $textWeight * text + $aboutWeight * CASE WHEN about > 1 THEN 1.0 ELSE about END
             + $spokenByWeight * spokenBy AS score
         UNION ALL
         WITH strong WHERE '${Label.Article}' IN $labels
         CALL (strong) {
           ${normalized(Index.articleArabic, 'a')}
           RETURN a, score AS text, 0.0 AS mentions
           UNION ALL
           UNWIND strong AS x
           WITH x, x.node AS e
           CALL (e) {
             MATCH (a:${Label.Article})-[:${Rel.MENTIONS}]->(e)
             RETURN a ORDER BY a.publishedOn DESC LIMIT $candidates
           }
           RETURN a, 0.0 AS text, x.score AS mentions
         }
         WITH a, max(text) AS text, sum(mentions) AS mentions
         RETURN a AS node, '${Label.Article}' AS kind,
           $textWeight * text + $mentionsWeight * CASE WHEN mentions > 1 THEN 1.0 ELSE mentions END AS score
       }
       WITH node, kind, score WHERE kind IN $labels
       ORDER BY score DESC
       WITH collect({node: node, kind: kind, score: score}) AS ranked
       WITH ranked, ranked[$offset + $limit].score AS cutoff
       CALL (ranked, cutoff) {
         UNWIND ranked AS x
         WITH x.node AS node, x.kind AS kind, x.score AS score WHERE cutoff IS NULL OR score >= cutoff
         ORDER BY score DESC, kind, node.id
         RETURN collect({node: node, kind: kind, score: score}) AS leading
       }
       CALL (leading) {
         UNWIND range($offset, $offset + $limit) AS i
         WITH i, leading[i] AS hit WHERE hit IS NOT NULL
         WITH i, hit.score AS score, hit.kind AS label, hit.node AS n
         RETURN collect({i: i, score: score, label: label, props: ${columns.props}, ref: ${columns.ref}}) AS page
       }
       RETURN size(ranked) AS total, page`,
      {
        query,
        key,
        labels,
        domainLabels: DOMAIN_LABELS,
        offset: int(offset),
        limit: int(limit),
        candidates: int(RANKING.candidates),
        maxEntities: int(RANKING.maxEntities),
        minEntityScore: RANKING.minEntityScore,
        exactBonus: RANKING.exactBonus,
        textWeight: RANKING.text,
        aboutWeight: RANKING.about,
        spokenByWeight: RANKING.spokenBy,
        mentionsWeight: RANKING.mentions,
      },
    );
    const page = [...(row?.page ?? [])].sort((a, b) => a.i - b.i);
    return { total: row?.total ?? 0, hits: page };
  }
}
