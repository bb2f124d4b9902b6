import type { Actor } from '../actor/actor.type';
import type { Country } from '../country/country.type';
import { actorFromRow, toEntity, type ActorRow, type NodeRow } from '../entity/entity.mapper';
import { actorSelection, WHOLE_ACTOR, type ActorSelection } from '../actor/actor.mapper';
import { actorProjection, nodeProjection, nodeSelection, readProps } from '../entity/entity.repository';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { projectProperties } from '../shared/graphql/stored-properties';
import { inKeyOrder, toPage, type PageRequest } from '../entity/read-batch';
import { Label, Rel } from '../shared/graph-schema';
import type { Page } from '../shared/graphql/connection.type';
import { int, type Database } from '../shared/neo4j/database';
import { toTopic } from '../topic/topic.mapper';
import type { Topic } from '../topic/topic.type';
import { articleSelection, toArticle, type ArticleSelection } from './article.mapper';
import type { Article } from './article.type';

/** An Article as `articleProjection` returns it. */
export interface ArticleRow {
  props: Record<string, unknown>;
  outlet: ActorRow | null;
  sortKey: string;
}

/** Newest first, undated last: the cursor wraps "<publishedOn or 0000-00-00>|<id>". */
const SORT_KEY = `coalesce(toString(a.publishedOn), '0000-00-00') + '|' + a.id`;

const WHOLE_ARTICLE: ArticleSelection = { properties: null, outlet: true };

/**
 * Cypher projection of an Article bound to `a`, with its outlet when selected, as an ArticleRow; other
 * repositories read articles along with it (statement pages with their reports). The verbatim text is left out:
 * lists of articles rarely show it, and it was most of a Q2 page's bytes. The `text` field reads it through its
 * own loader when selected.
 */
export function articleProjection(
  selection: ArticleSelection = WHOLE_ARTICLE,
  outlet: ActorSelection = WHOLE_ACTOR,
): string {
  const props = projectProperties('a', selection.properties, readProps('a', ['text']));
  const outletRow = selection.outlet
    ? `[(a)-[:${Rel.PUBLISHED_BY}]->(o:${Label.Actor}) | ${actorProjection('o', outlet)}][0]`
    : 'null';
  return `{props: ${props}, sortKey: ${SORT_KEY}, outlet: ${outletRow}}`;
}

/** Maps an ArticleRow, handing its outlet to `onOutlet` (to prime an actor loader). */
export function articleFromRow(row: ArticleRow, onOutlet: (actor: Actor) => void): Article {
  const outlet = row.outlet ? actorFromRow(row.outlet) : null;
  if (outlet) onOutlet(outlet);
  return toArticle(row.props, outlet?.key ?? null);
}

/** A page of the articles that mention one actor. */
export type MentionPageKey = { actor: string } & PageRequest;

/**
 * Reads articles. Each outlet read along goes to `onOutlet`, so the caller can prime its actor loader and
 * `outlet` costs no round trip of its own.
 */
export class ArticleRepository {
  private readonly projection: string;

  /** @param plan the operation's field plan: articles, outlets and mentions are read with what it selects. */
  constructor(
    private readonly db: Database,
    private readonly onOutlet: (actor: Actor) => void = () => undefined,
    private readonly plan?: FieldPlan,
  ) {
    this.projection = articleProjection(articleSelection(plan), actorSelection(plan));
  }

  private toArticle(row: ArticleRow): Article {
    return articleFromRow(row, this.onOutlet);
  }

  /** Articles by key, in key order (null where unknown): one query for the batch. */
  async byKeys(keys: readonly string[]): Promise<(Article | null)[]> {
    const rows = await this.db.read<{ key: string; article: ArticleRow }>(
      `UNWIND $keys AS key
       MATCH (a:${Label.Article} {id: key})
       RETURN key, ${this.projection} AS article`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, this.toArticle(row.article)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** The verbatim text of each article, in key order (null where unknown). */
  async texts(keys: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.db.read<{ key: string; text: string }>(
      `UNWIND $keys AS key
       MATCH (a:${Label.Article} {id: key})
       RETURN key, a.text AS text`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, row.text]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** A page of all articles, newest first, undated last. */
  async list(page: PageRequest): Promise<Page<Article>> {
    const [row] = await this.db.read<{ total: number; page: ArticleRow[] }>(
      `CALL () { MATCH (a:${Label.Article}) RETURN count(a) AS total }
       CALL () {
         MATCH (a:${Label.Article})
         WITH a, ${SORT_KEY} AS sortKey
         WHERE $after IS NULL OR sortKey < $after
         WITH a, sortKey ORDER BY sortKey DESC LIMIT $limit
         RETURN collect(${this.projection}) AS page
       }
       RETURN total, page`,
      { after: page.after, limit: int(page.limit + 1) },
    );
    const rows = (row?.page ?? []).map((article) => ({ node: this.toArticle(article), sortKey: article.sortKey }));
    return toPage(rows, page.limit, row?.total ?? 0);
  }

  /** For each actor key, a page of the articles that mention it, newest first: one query for the batch. */
  async mentioning(keys: readonly MentionPageKey[]): Promise<Page<Article>[]> {
    const rows = await this.db.read<{ i: number; total: number; page: ArticleRow[] }>(
      `UNWIND $keys AS k
       CALL (k) {
         MATCH (a:${Label.Article})-[:${Rel.MENTIONS}]->(:${Label.Actor} {id: k.actor})
         RETURN count(a) AS total
       }
       CALL (k) {
         MATCH (a:${Label.Article})-[:${Rel.MENTIONS}]->(:${Label.Actor} {id: k.actor})
         WITH a, ${SORT_KEY} AS sortKey
         WHERE k.after IS NULL OR sortKey < k.after
         WITH a, sortKey ORDER BY sortKey DESC LIMIT $limit
         RETURN collect(${this.projection}) AS page
       }
       RETURN k.i AS i, total, page`,
      {
        keys: keys.map((key, i) => ({ ...key, i })),
        limit: int(Math.max(...keys.map((key) => key.limit)) + 1),
      },
    );
    return inKeyOrder(
      rows,
      keys.length,
      (row) =>
        toPage(
          row.page.map((article) => ({ node: this.toArticle(article), sortKey: article.sortKey })),
          keys[row.i]!.limit,
          row.total,
        ),
      () => ({ items: [], hasNextPage: false, totalCount: 0 }),
    );
  }

  /** The actors and countries each article mentions (its keyword tags), in key order, by name. */
  async mentions(keys: readonly string[]): Promise<(Actor | Country)[][]> {
    const rows = await this.db.read<{ key: string; nodes: NodeRow[] }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Article} {id: key})-[:${Rel.MENTIONS}]->(e)
       WITH key, e ORDER BY e.name_en, e.id
       RETURN key, collect(${nodeProjection('e', nodeSelection(this.plan))}) AS nodes`,
      { keys },
    );
    const found = new Map(
      rows.map((row) => [row.key, row.nodes.map(toEntity).filter((e): e is Actor | Country => e !== null)]),
    );
    return keys.map((key) => found.get(key) ?? []);
  }

  /** The topics of each article, in key order, by name. */
  async topics(keys: readonly string[]): Promise<Topic[][]> {
    const rows = await this.db.read<{ key: string; topics: Record<string, unknown>[] }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Article} {id: key})-[:${Rel.HAS_TOPIC}]->(t:${Label.Topic})
       WITH key, t ORDER BY t.name_en, t.id
       RETURN key, collect(properties(t)) AS topics`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, row.topics.map(toTopic)]));
    return keys.map((key) => found.get(key) ?? []);
  }
}
