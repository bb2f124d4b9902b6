import { actorProjection } from '../entity/entity.repository';
import { actorFromRow, type ActorRow } from '../entity/entity.mapper';
import { toPage, type PageRequest } from '../entity/read-batch';
import { Label, Rel } from '../shared/graph-schema';
import type { Page } from '../shared/graphql/connection.type';
import { int, type Database } from '../shared/neo4j/database';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { actorSelection, toRole, type ActorSelection } from './actor.mapper';
import type { Actor } from './actor.type';
import type { Role } from './role.type';

/** The actor list's conditions, already checked and normalized. */
export interface ActorCriteria {
  kind: string | null;
  country: string | null;
  /** A normalized name fragment. */
  name: string | null;
}

interface RoleRow {
  props: Record<string, unknown>;
  organization: string | null;
  country: string | null;
}

export class ActorRepository {
  private readonly selection: ActorSelection;

  /** @param plan the operation's field plan: actors are read with what it selects. */
  constructor(
    private readonly db: Database,
    plan?: FieldPlan,
  ) {
    this.selection = actorSelection(plan);
  }

  /** Actors by key, in key order (null where unknown): one query for the batch. */
  async byKeys(keys: readonly string[]): Promise<(Actor | null)[]> {
    const rows = await this.db.read<{ key: string; actor: ActorRow }>(
      `UNWIND $keys AS key
       MATCH (a:${Label.Actor} {id: key})
       RETURN key, ${actorProjection('a', this.selection)} AS actor`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, actorFromRow(row.actor)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** The roles of each actor, in key order, the current ones and the most recent first. */
  async roles(keys: readonly string[]): Promise<Role[][]> {
    const rows = await this.db.read<{ key: string; roles: RoleRow[] }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Actor} {id: key})-[:${Rel.HOLDS_ROLE}]->(r:${Label.Role})
       WITH key, r ORDER BY r.until IS NULL DESC, r.since DESC, r.id
       RETURN key, collect({
         props: properties(r),
         organization: [(r)-[:${Rel.IN_ORGANIZATION}]->(o:${Label.Actor}) | o.id][0],
         country: [(r)-[:${Rel.FOR_COUNTRY}]->(c:${Label.Country}) | c.id][0]
       }) AS roles`,
      { keys },
    );
    const found = new Map(
      rows.map((row) => [row.key, row.roles.map((role) => toRole(role.props, role.organization, role.country))]),
    );
    return keys.map((key) => found.get(key) ?? []);
  }

  /** A page of actors matching the criteria, in key order, with the count of all matches. */
  async list(criteria: ActorCriteria, page: PageRequest): Promise<Page<Actor>> {
    const match = `MATCH (a:${Label.Actor})
       WHERE ($kind IS NULL OR a.kind = $kind)
         AND ($country IS NULL OR EXISTS { (a)-[:${Rel.OF_COUNTRY}]->(:${Label.Country} {id: $country}) })
         AND ($name IS NULL OR EXISTS {
           (a)-[:${Rel.HAS_ALIAS}]->(alias:${Label.Alias}) WHERE alias.key CONTAINS $name
         })`;
    const [row] = await this.db.read<{ total: number; page: ActorRow[] }>(
      `CALL () { ${match} RETURN count(a) AS total }
       CALL () {
         ${match} AND ($after IS NULL OR a.id > $after)
         WITH a ORDER BY a.id LIMIT $limit
         RETURN collect(${actorProjection('a', this.selection)}) AS page
       }
       RETURN total, page`,
      { ...criteria, after: page.after, limit: int(page.limit + 1) },
    );
    const rows = (row?.page ?? []).map((actor) => ({ node: actorFromRow(actor), sortKey: String(actor.props.id) }));
    return toPage(rows, page.limit, row?.total ?? 0);
  }
}
