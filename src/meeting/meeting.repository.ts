import type { Actor } from '../actor/actor.type';
import type { Country } from '../country/country.type';
import { actorFromRow, toEntity, type ActorRow, type NodeRow } from '../entity/entity.mapper';
import { actorProjection, nodeProjection } from '../entity/entity.repository';
import { toPage, type PageRequest } from '../entity/read-batch';
import { Label, Rel } from '../shared/graph-schema';
import type { Page } from '../shared/graphql/connection.type';
import { int, type Database } from '../shared/neo4j/database';
import { toMeeting, toStatusChange } from './meeting.mapper';
import { projectProperties, type PropertySelection } from '../shared/graphql/stored-properties';
import type { Meeting, StatusChange } from './meeting.type';

/** The meeting list's conditions; null means no condition. */
export interface MeetingCriteria {
  participant: string | null;
  status: string | null;
  kind: string | null;
}

/** Newest first, undated last: the cursor wraps "<date or 0000-00-00>|<id>". */
const SORT_KEY = `coalesce(toString(m.date), '0000-00-00') + '|' + m.id`;

export class MeetingRepository {
  constructor(
    private readonly db: Database,
    private readonly selection: PropertySelection = null,
  ) {}

  /** Meetings by key, in key order (null where unknown): one query for the batch. */
  async byKeys(keys: readonly string[]): Promise<(Meeting | null)[]> {
    const rows = await this.db.read<{ key: string; props: Record<string, unknown> }>(
      `UNWIND $keys AS key
       MATCH (m:${Label.Meeting} {id: key})
       RETURN key, ${projectProperties('m', this.selection, 'properties(m)')} AS props`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, toMeeting(row.props)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** A page of meetings matching the criteria, newest first, with the count of all matches. */
  async list(criteria: MeetingCriteria, page: PageRequest): Promise<Page<Meeting>> {
    const match = `MATCH (m:${Label.Meeting})
       WHERE ($status IS NULL OR m.status = $status)
         AND ($kind IS NULL OR m.kind = $kind)
         AND ($participant IS NULL OR EXISTS {
           (m)-[:${Rel.PARTICIPANT}]->(:${Label.Actor} {id: $participant})
         })`;
    const [row] = await this.db.read<{ total: number; page: { props: Record<string, unknown>; sortKey: string }[] }>(
      `CALL () { ${match} RETURN count(m) AS total }
       CALL () {
         ${match}
         WITH m, ${SORT_KEY} AS sortKey
         WHERE $after IS NULL OR sortKey < $after
         WITH m, sortKey ORDER BY sortKey DESC LIMIT $limit
         RETURN collect({props: properties(m), sortKey: sortKey}) AS page
       }
       RETURN total, page`,
      { ...criteria, after: page.after, limit: int(page.limit + 1) },
    );
    const rows = (row?.page ?? []).map((meeting) => ({ node: toMeeting(meeting.props), sortKey: meeting.sortKey }));
    return toPage(rows, page.limit, row?.total ?? 0);
  }

  /** The participants of each meeting, in key order, by name. */
  async participants(keys: readonly string[]): Promise<Actor[][]> {
    const rows = await this.db.read<{ key: string; actors: ActorRow[] }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Meeting} {id: key})-[:${Rel.PARTICIPANT}]->(a:${Label.Actor})
       WITH key, a ORDER BY a.name_en, a.id
       RETURN key, collect(${actorProjection('a')}) AS actors`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, row.actors.map(actorFromRow)]));
    return keys.map((key) => found.get(key) ?? []);
  }

  /** Status history entries by key, in key order (null where unknown). */
  async statusChanges(keys: readonly string[]): Promise<(StatusChange | null)[]> {
    const rows = await this.db.read<{
      key: string;
      props: Record<string, unknown>;
      statement: string | null;
      meeting: string;
    }>(
      `UNWIND $keys AS key
       MATCH (m:${Label.Meeting})-[:${Rel.HAS_STATUS}]->(c:${Label.StatusChange} {id: key})
       RETURN key, properties(c) AS props, m.id AS meeting,
         [(c)-[:${Rel.ASSERTED_BY}]->(s:${Label.Statement}) | s.id][0] AS statement`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, toStatusChange(row.props, row.statement, row.meeting)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** Where each meeting takes place (a Country, or an Actor such as a venue's institution), in key order. */
  async locations(keys: readonly string[]): Promise<(Actor | Country | null)[]> {
    const rows = await this.db.read<{ key: string; node: NodeRow }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Meeting} {id: key})-[:${Rel.LOCATED_IN}]->(e)
       RETURN key, ${nodeProjection('e')} AS node`,
      { keys },
    );
    const found = new Map(rows.map((row) => [row.key, toEntity(row.node)]));
    return keys.map((key) => found.get(key) ?? null);
  }

  /** The status history of each meeting, in key order: by asOf (undated first, as the earliest), then sequence. */
  async statusHistories(keys: readonly string[]): Promise<StatusChange[][]> {
    const rows = await this.db.read<{
      key: string;
      changes: { props: Record<string, unknown>; statement: string | null }[];
    }>(
      `UNWIND $keys AS key
       MATCH (:${Label.Meeting} {id: key})-[:${Rel.HAS_STATUS}]->(c:${Label.StatusChange})
       WITH key, c ORDER BY c.asOf IS NOT NULL, c.asOf, c.seq, c.id
       RETURN key, collect({
         props: properties(c),
         statement: [(c)-[:${Rel.ASSERTED_BY}]->(s:${Label.Statement}) | s.id][0]
       }) AS changes`,
      { keys },
    );
    const found = new Map(
      rows.map((row) => [
        row.key,
        row.changes.map((change) => toStatusChange(change.props, change.statement, row.key)),
      ]),
    );
    return keys.map((key) => found.get(key) ?? []);
  }
}
