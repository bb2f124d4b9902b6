import { Label, Rel } from '../shared/graph-schema';
import type { ActorKind } from '../shared/graphql/enums';
import type { Database } from '../shared/neo4j/database';
import type { EntityRow, IndexVersion, RoleRow } from './alias-index';

/** Reads what the extractor's in-memory alias index is built from. */
export class AliasIndexRepository {
  constructor(private readonly db: Database) {}

  /**
   * Counts that change when aliases, actors or roles are added, merged or removed. Every count is a label or
   * relationship-type count, read from Neo4j's count store in O(1), so checking costs one round trip.
   */
  async version(): Promise<IndexVersion> {
    const [row] = await this.db.read<IndexVersion>(
      `CALL () { MATCH (a:${Label.Alias}) RETURN count(a) AS aliases }
       CALL () { MATCH ()-[h:${Rel.HAS_ALIAS}]->() RETURN count(h) AS aliasLinks }
       CALL () { MATCH (a:${Label.Actor}) RETURN count(a) AS actors }
       CALL () { MATCH (r:${Label.Role}) RETURN count(r) AS roles }
       CALL () { MATCH ()-[h:${Rel.HOLDS_ROLE}]->() RETURN count(h) AS roleLinks }
       RETURN aliases, aliasLinks, actors, roles, roleLinks`,
    );
    return row!;
  }

  /** Every actor, country and topic with its names and the normalized keys of its aliases. */
  async entities(): Promise<EntityRow[]> {
    const rows = await this.db.read<{
      type: EntityRow['type'];
      key: string;
      nameEn: string | null;
      nameAr: string | null;
      kind: ActorKind | null;
      country: string | null;
      aliasKeys: string[];
    }>(
      `MATCH (e)-[:${Rel.HAS_ALIAS}]->(al:${Label.Alias})
       WHERE e:${Label.Actor} OR e:${Label.Country} OR e:${Label.Topic}
       WITH e, collect(al.key) AS aliasKeys
       OPTIONAL MATCH (e)-[:${Rel.OF_COUNTRY}]->(c:${Label.Country})
       RETURN CASE WHEN e:${Label.Actor} THEN 'Actor' WHEN e:${Label.Country} THEN 'Country' ELSE 'Topic' END AS type,
              e.id AS key, e.name_en AS nameEn, e.name_ar AS nameAr, e.kind AS kind,
              CASE WHEN e:${Label.Country} THEN e.id ELSE c.id END AS country, aliasKeys`,
    );
    return rows.map((r) => ({ ...r, nameEn: r.nameEn ?? r.nameAr ?? r.key }));
  }

  /** Every role: holder, titles, organization, country and dates (ISO). */
  async roles(): Promise<RoleRow[]> {
    return this.db.read<RoleRow>(
      `MATCH (a:${Label.Actor})-[:${Rel.HOLDS_ROLE}]->(r:${Label.Role})
       OPTIONAL MATCH (r)-[:${Rel.IN_ORGANIZATION}]->(o:${Label.Actor})
       OPTIONAL MATCH (r)-[:${Rel.FOR_COUNTRY}]->(c:${Label.Country})
       RETURN a.id AS holderKey,
              [k IN keys(r) WHERE k STARTS WITH 'title_' | toString(r[k])] AS titles,
              c.id AS country, o.id AS organization,
              CASE WHEN r.since IS NULL THEN null ELSE toString(r.since) END AS since,
              CASE WHEN r.until IS NULL THEN null ELSE toString(r.until) END AS until`,
    );
  }
}
