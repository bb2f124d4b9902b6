import { Label, Rel } from '../shared/graph-schema';
import type { Tx } from '../shared/neo4j/database';
import type { WriteStamp } from '../ingest/ingest.repository';

export interface AliasRow {
  key: string;
  text: string;
  lang: string;
}

export interface ActorRow {
  key: string;
  kind: string;
  /** name_<lang> properties, plus wikidata when given. */
  props: Record<string, string>;
  country: string | null;
  aliases: AliasRow[];
}

export interface TopicRow {
  key: string;
  /** name_<lang> properties and their search shadows. */
  props: Record<string, string | null>;
  aliases: AliasRow[];
}

export interface RoleRow {
  key: string;
  actorKey: string;
  titles: Record<string, string>;
  organizationKey: string | null;
  country: string | null;
  since: string | null;
  until: string | null;
}

/** Sets `props` (and stamps the update) only when they differ from what is stored, so a rerun changes nothing. */
function updateIfChanged(x: string, extra = 'false'): string {
  return `WITH ${x}, row, created, NOT created AND (${extra} OR any(k IN keys(row.props) WHERE ${x}[k] IS NULL OR ${x}[k] <> row.props[k])) AS changed
    FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
      SET ${x} += row.props, ${x}.updatedAt = datetime($stamp.now), ${x}.updatedBy = $stamp.by)`;
}

const ON_CREATE = (x: string) => `${x}.createdAt = datetime($stamp.now), ${x}.createdBy = $stamp.by,
  ${x}.updatedAt = datetime($stamp.now), ${x}.updatedBy = $stamp.by, ${x}.ingestToken = $stamp.token`;

const CREATED = (
  x: string,
  carry = x,
) => `WITH ${carry}, row, coalesce(${x}.ingestToken = $stamp.token, false) AS created
  FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | REMOVE ${x}.ingestToken)`;

const ADD_ALIASES = (x: string) => `CALL (${x}, row) {
    UNWIND row.aliases AS alias
    MERGE (al:${Label.Alias} {key: alias.key}) ON CREATE SET al.text = alias.text, al.search_text = alias.key, al.createdAt = datetime($stamp.now), al.createdBy = $stamp.by
    MERGE (${x})-[h:${Rel.HAS_ALIAS}]->(al) ON CREATE SET h.text = alias.text, h.lang = alias.lang
  }`;

/** Upserts of actor, role and topic definitions from bundle files: MERGE by key, aliases only ever added. */
export class SeedRepository {
  constructor(private readonly tx: Tx) {}

  async upsertActors(rows: ActorRow[], stamp: WriteStamp): Promise<{ key: string; created: boolean }[]> {
    return this.tx.run(
      `UNWIND $rows AS row
       MERGE (a:${Label.Actor} {id: row.key})
       ON CREATE SET a.kind = row.kind, a += row.props, ${ON_CREATE('a')}
       ${CREATED('a')}
       ${updateIfChanged('a', 'a.kind <> row.kind')}
       FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET a.kind = row.kind)
       WITH a, row, created
       ${ADD_ALIASES('a')}
       CALL (a, row) {
         MATCH (c:${Label.Country} {id: row.country})
         OPTIONAL MATCH (a)-[old:${Rel.OF_COUNTRY}]->(other) WHERE other <> c
         DELETE old
         MERGE (a)-[:${Rel.OF_COUNTRY}]->(c)
       }
       RETURN row.key AS key, created`,
      { rows, stamp },
    );
  }

  async upsertTopics(rows: TopicRow[], stamp: WriteStamp): Promise<{ key: string; created: boolean }[]> {
    return this.tx.run(
      `UNWIND $rows AS row
       MERGE (t:${Label.Topic} {id: row.key})
       ON CREATE SET t += row.props, ${ON_CREATE('t')}
       ${CREATED('t')}
       ${updateIfChanged('t')}
       WITH t, row, created
       ${ADD_ALIASES('t')}
       RETURN row.key AS key, created`,
      { rows, stamp },
    );
  }

  /** Upserts roles (keyed by holder, organization, country, title and start) with their links. */
  async upsertRoles(rows: RoleRow[], stamp: WriteStamp): Promise<void> {
    await this.tx.run(
      `UNWIND $rows AS row
       MATCH (a:${Label.Actor} {id: row.actorKey})
       MERGE (r:${Label.Role} {id: row.key})
       ON CREATE SET r += row.titles, r.since = date(row.since), r.until = date(row.until), ${ON_CREATE('r')}
       ${CREATED('r', 'a, r')}
       WITH a, r, row, NOT created AND (coalesce(r.until <> date(row.until), r.until IS NOT NULL OR row.until IS NOT NULL)
         OR any(k IN keys(row.titles) WHERE r[k] IS NULL OR r[k] <> row.titles[k])) AS changed
       FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
         SET r += row.titles, r.until = date(row.until), r.updatedAt = datetime($stamp.now), r.updatedBy = $stamp.by)
       MERGE (a)-[:${Rel.HOLDS_ROLE}]->(r)
       WITH r, row
       CALL (r, row) { MATCH (o:${Label.Actor} {id: row.organizationKey}) MERGE (r)-[:${Rel.IN_ORGANIZATION}]->(o) }
       CALL (r, row) { MATCH (c:${Label.Country} {id: row.country}) MERGE (r)-[:${Rel.FOR_COUNTRY}]->(c) }`,
      { rows, stamp },
    );
  }

  /** For each name, the keys of the actors it names: by key, or through a normalized alias. */
  async actorsNamed(names: { text: string; aliasKey: string }[]): Promise<{ text: string; actors: string[] }[]> {
    return this.tx.run(
      `UNWIND $names AS name
       CALL (name) {
         MATCH (a:${Label.Actor} {id: name.text}) RETURN a
         UNION
         MATCH (:${Label.Alias} {key: name.aliasKey})<-[:${Rel.HAS_ALIAS}]-(a:${Label.Actor}) RETURN a
       }
       RETURN name.text AS text, collect(DISTINCT a.id) AS actors`,
      { names },
    );
  }

  /** Whether any article is stored: an empty database gets the seed. */
  async hasArticles(): Promise<boolean> {
    const [row] = await this.tx.run<{ any: boolean }>(`RETURN EXISTS { MATCH (:${Label.Article}) } AS any`);
    return row?.any ?? false;
  }
}
