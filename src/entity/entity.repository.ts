import { AUDIT_PROPERTIES, AWAIT_FULLTEXT, Label, Rel } from '../shared/graph-schema';
import { SEARCH_FIELDS, searchProperty } from '../shared/text/search-text';
import { int, type Database } from '../shared/neo4j/database';
import { actorSelection, WHOLE_ACTOR, type ActorSelection } from '../actor/actor.mapper';
import { countrySelection } from '../country/country.repository';
import { meetingSelection } from '../meeting/meeting.mapper';
import { topicSelection } from '../topic/topic.mapper';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { projectProperties, type PropertySelection } from '../shared/graphql/stored-properties';
import type { NodeRow } from './entity.mapper';

/** The search shadows (search-text.ts): for the full-text indexes only, never read back. */
const SEARCH_SHADOWS = [...new Set(Object.values(SEARCH_FIELDS).flatMap((fields) => fields.map(searchProperty)))];

/**
 * Cypher map of the properties of node `v` that the GraphQL types read: all of them but the audit stamps and
 * `omit`, which come back null, so the driver neither ships nor decodes them (a datetime per node was a measurable
 * share of decoding a page, bench Q2). `v` and `omit` are names from our own code, never user input.
 */
export function readProps(v: string, omit: readonly string[] = []): string {
  return `${v} {.*, ${[...AUDIT_PROPERTIES, ...SEARCH_SHADOWS, ...omit].map((p) => `${p}: null`).join(', ')}}`;
}

/**
 * Cypher projection of an Actor bound to `v` with its country code, as an ActorRow: the properties `selection`
 * names, and the country only when selected (null otherwise). `v` is always a variable name from our own code,
 * never user input.
 */
export function actorProjection(v: string, selection: ActorSelection = WHOLE_ACTOR): string {
  const country = selection.country
    ? `[(${v})-[:${Rel.OF_COUNTRY}]->(${v}_c:${Label.Country}) | ${v}_c.id][0]`
    : 'null';
  return `{props: ${projectProperties(v, selection.properties, readProps(v))}, country: ${country}}`;
}

/** How an operation reads each kind of node a statement can be about or be made on behalf of. */
export interface NodeSelection {
  actor: ActorSelection;
  country: PropertySelection;
  meeting: PropertySelection;
  topic: PropertySelection;
}

/** Everything: for reads outside an operation's plan. */
export const WHOLE_NODE: NodeSelection = { actor: WHOLE_ACTOR, country: null, meeting: null, topic: null };

/** The node reads of the operation of `plan` (everything without one). */
export function nodeSelection(plan: FieldPlan | undefined): NodeSelection {
  if (!plan) return WHOLE_NODE;
  return plan.derive('nodeSelection', () => ({
    actor: actorSelection(plan),
    country: countrySelection(plan),
    meeting: meetingSelection(plan),
    topic: topicSelection(plan),
  }));
}

/**
 * Cypher projection of any node bound to `v` (Actor, Country, Meeting, Topic), as a NodeRow, each label read with
 * its own selection.
 */
export function nodeProjection(v: string, selection: NodeSelection = WHOLE_NODE): string {
  const all = readProps(v);
  const props =
    selection === WHOLE_NODE
      ? all
      : `CASE WHEN ${v}:${Label.Actor} THEN ${projectProperties(v, selection.actor.properties, all)}
      WHEN ${v}:${Label.Country} THEN ${projectProperties(v, selection.country, all)}
      WHEN ${v}:${Label.Meeting} THEN ${projectProperties(v, selection.meeting, all)}
      WHEN ${v}:${Label.Topic} THEN ${projectProperties(v, selection.topic, all)}
      ELSE ${all} END`;
  const country = selection.actor.country
    ? `[(${v}:${Label.Actor})-[:${Rel.OF_COUNTRY}]->(${v}_c:${Label.Country}) | ${v}_c.id][0]`
    : 'null';
  return `{labels: labels(${v}), props: ${props}, country: ${country}}`;
}

/** An alias as stored on the HAS_ALIAS relationship: the text as written for this entity, and its language. */
export interface AliasRow {
  text: string;
  lang: string | null;
}

/** A candidate of resolveEntity: the entity, whether an alias key matched exactly, and the full-text score. */
export interface ResolvedRow {
  node: NodeRow;
  exact: boolean;
}

export class EntityRepository {
  constructor(private readonly db: Database) {}

  /**
   * Entities (Actors and Countries) whose alias key equals `key`, then those whose alias text matches the full-text
   * `query` in `index`, best first: exact matches by prominence (how many statements and articles refer to them),
   * then fuzzy ones by score. Each entity appears once, at its best rank.
   */
  async resolve(key: string, index: string, query: string | null, limit: number): Promise<ResolvedRow[]> {
    const fuzzy = query
      ? `UNION
         CALL db.index.fulltext.queryNodes($index, $query, {limit: $candidates}) YIELD node, score
         // Code aliases (no text) resolve exactly only: "IN" or "US" would match ordinary words.
         WITH node, score WHERE node.text IS NOT NULL
         MATCH (node)<-[:${Rel.HAS_ALIAS}]-(e)
         WHERE e:${Label.Actor} OR e:${Label.Country}
         RETURN e, 1 AS rank, score`
      : '';
    const rows = await this.db.read<{ node: NodeRow; rank: number }>(
      `${query ? AWAIT_FULLTEXT : ''}
       CALL () {
         MATCH (:${Label.Alias} {key: $key})<-[:${Rel.HAS_ALIAS}]-(e)
         WHERE e:${Label.Actor} OR e:${Label.Country}
         RETURN e, 0 AS rank, 0.0 AS score
         ${fuzzy}
       }
       WITH e, min(rank) AS rank, max(score) AS score
       WITH e, rank, score,
            COUNT { (e)<-[:${Rel.ABOUT}|${Rel.SAID_BY}|${Rel.MENTIONS}|${Rel.PARTICIPANT}]-() } AS prominence
       ORDER BY rank, CASE rank WHEN 0 THEN prominence ELSE score END DESC, e.id
       LIMIT $limit
       RETURN ${nodeProjection('e')} AS node, rank`,
      { key, index, query, candidates: int(limit * 5), limit: int(limit) },
    );
    return rows.map((row) => ({ node: row.node, exact: row.rank === 0 }));
  }

  /**
   * The aliases of each entity of one label, in key order: one query for the batch. Code aliases (ISO codes) are
   * listed with no language.
   */
  async aliases(label: typeof Label.Actor | typeof Label.Country, keys: readonly string[]): Promise<AliasRow[][]> {
    const rows = await this.db.read<{ key: string; aliases: AliasRow[] }>(
      `UNWIND $keys AS key
       MATCH (:${label} {id: key})-[r:${Rel.HAS_ALIAS}]->(a:${Label.Alias})
       WITH key, coalesce(r.text, a.text, a.key) AS text, r.lang AS lang
       ORDER BY lang, text
       RETURN key, collect({text: text, lang: CASE lang WHEN 'code' THEN null ELSE lang END}) AS aliases`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, row.aliases]));
    return keys.map((key) => found.get(key) ?? []);
  }
}
