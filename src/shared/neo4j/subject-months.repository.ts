import { Label, Rel } from '../graph-schema';
import { ActorKind } from '../graphql/enums';
import type { Logger } from '../logger';
import { int, type Database, type Tx } from './database';
import { REFRESH_STATS_CELLS, subjectRefOf } from './stats-cells.repository';

/**
 * The subject-month index behind bounded `whoSaidWhatAbout(includeRelated: true)` (issue 15 item 3).
 *
 * For every statement that is not deprecated and every subject whose related closure covers it (see
 * `statement-filter.repository.ts` relatedSubjects: a statement about a president is covered by the president and
 * by the country he holds a role for), one relationship
 *   (:Statement)-[:IN_SUBJECT_MONTH {subject: "<Label>:<id>", sortKey}]->(:SubjectMonth {key, subject, month})
 * where `month` is the statement's YYYY-MM ("0000-00" when undated). A statement about several subjects of one
 * closure has ONE relationship per covering subject, so:
 * - the exact total of a subject is the sum of its months' degrees (Neo4j keeps a node's degree per type: O(1) per
 *   month, no counter property to update, hence no counter row that every ingest would lock and rewrite);
 * - a newest-first page is a seek of the (subject, sortKey) relationship index, stopping after the page.
 * The closure is recomputed from the graph by `refreshStatements`: the writes that change what a statement is about,
 * its date, its rank, or what a subject's closure holds (roles, an organization's country, meeting participants, a
 * merge) call it for the statements concerned, in their own transaction.
 */

/** `root`'s subject reference "<Label>:<id>", the `subject` of its months. */
const SUBJECT_REF = subjectRefOf('root');

/**
 * The subjects whose includeRelated closure holds subject `x` (bound), as `root`: the inverse of relatedSubjects in
 * statement-filter.repository.ts, which must change with it. `x` itself; for an actor, the countries it holds a role
 * for, the country of an ORGANIZATION actor, the country of an ORGANIZATION it holds a role in; for a meeting, its
 * participants.
 */
const ROOTS_OF_X = `CALL (x) {
    RETURN x AS root
    UNION
    MATCH (x:${Label.Actor})-[:${Rel.HOLDS_ROLE}]->(:${Label.Role})-[:${Rel.FOR_COUNTRY}]->(root:${Label.Country}) RETURN root
    UNION
    MATCH (x:${Label.Actor} {kind: $organizationKind})-[:${Rel.OF_COUNTRY}]->(root:${Label.Country}) RETURN root
    UNION
    MATCH (x:${Label.Actor})-[:${Rel.HOLDS_ROLE}]->(:${Label.Role})-[:${Rel.IN_ORGANIZATION}]->
          (:${Label.Actor} {kind: $organizationKind})-[:${Rel.OF_COUNTRY}]->(root:${Label.Country}) RETURN root
    UNION
    MATCH (x:${Label.Meeting})-[:${Rel.PARTICIPANT}]->(root:${Label.Actor}) RETURN root
  }`;

/**
 * Brings the IN_SUBJECT_MONTH relationships of statement `s` (bound) in line with the graph: removes those of
 * subjects that no longer cover it (or of an old date), creates the missing ones. Writes nothing when they are right,
 * so a replay or a second backfill costs reads only. A deprecated statement ends with none. Its text is the
 * checksum of backfill 010: changing it re-runs that backfill.
 */
const REFRESH_SUBJECT_MONTHS = `CALL (s) {
    MATCH (s)-[:${Rel.ABOUT}]->(x) WHERE NOT s:${Label.DeprecatedStatement}
    ${ROOTS_OF_X}
    RETURN collect(DISTINCT ${SUBJECT_REF}) AS want
  }
  WITH s, want, substring(s.sortKey, 0, 7) AS month
  CALL (s, want) {
    MATCH (s)-[c:${Rel.IN_SUBJECT_MONTH}]->()
    WHERE NOT c.subject IN want OR c.sortKey <> s.sortKey
    DELETE c
  }
  CALL (s, want, month) {
    UNWIND want AS ref
    WITH ref WHERE NOT EXISTS { (s)-[c:${Rel.IN_SUBJECT_MONTH}]->() WHERE c.subject = ref }
    MERGE (b:${Label.SubjectMonth} {key: ref + '|' + month}) ON CREATE SET b.subject = ref, b.month = month
    CREATE (s)-[:${Rel.IN_SUBJECT_MONTH} {subject: ref, sortKey: s.sortKey}]->(b)
  }`;

/**
 * The timeline-month index behind bounded `timeline(id:)`: the same mechanism as the subject months, for the
 * timeline's own rule (see timeline.repository.ts), which has no related closure. For every timeline item `s` and
 * every node whose timeline holds it, one relationship
 *   (s)-[:IN_TIMELINE_MONTH {subject: "<Label>:<id>", sortKey: "<date>|<kind>|<item id>"}]->
 *   (:TimelineMonth {key, subject, month})
 * `<date>` is YYYY-MM-DD ("0000-00-00" when undated, month "0000-00"), `<kind>` the TimelineItemKind's index
 * (0 said by or on behalf of the node, which wins over 1 about it; 2 a status change), so the relationship's sortKey
 * is the timeline's own sort key and cursor. Items:
 * - a statement that is not deprecated, under each Actor, Country or Meeting it is SAID_BY, ON_BEHALF_OF or ABOUT;
 * - a status change, under its meeting, the meeting's participants, the country it is located in and the countries
 *   of its participants (OF_COUNTRY).
 * Bound `s` is either; the other rule finds nothing for it. Writes nothing when the relationships are right.
 */
const REFRESH_TIMELINE_MONTHS = `CALL (s) {
    CALL (s) {
      MATCH (s)-[r:${Rel.SAID_BY}|${Rel.ON_BEHALF_OF}|${Rel.ABOUT}]->(root)
      WHERE s:${Label.Statement} AND NOT s:${Label.DeprecatedStatement}
        AND (root:${Label.Actor} OR root:${Label.Country} OR root:${Label.Meeting})
      RETURN root, CASE WHEN type(r) = '${Rel.ABOUT}' THEN 1 ELSE 0 END AS how, s.date AS date
      UNION
      MATCH (m:${Label.Meeting})-[:${Rel.HAS_STATUS}]->(s:${Label.StatusChange})
      CALL (m) {
        RETURN m AS root
        UNION
        MATCH (m)-[:${Rel.PARTICIPANT}]->(root:${Label.Actor}) RETURN root
        UNION
        MATCH (m)-[:${Rel.LOCATED_IN}]->(root:${Label.Country}) RETURN root
        UNION
        MATCH (m)-[:${Rel.PARTICIPANT}]->(:${Label.Actor})-[:${Rel.OF_COUNTRY}]->(root:${Label.Country}) RETURN root
      }
      RETURN root, 2 AS how, s.asOf AS date
    }
    WITH s, root, date, min(how) AS how
    RETURN collect(DISTINCT [${SUBJECT_REF},
      coalesce(toString(date), '0000-00-00') + '|' + toString(how) + '|' + s.id]) AS items
  }
  CALL (s, items) {
    MATCH (s)-[c:${Rel.IN_TIMELINE_MONTH}]->()
    WHERE NOT [c.subject, c.sortKey] IN items
    DELETE c
  }
  CALL (s, items) {
    UNWIND items AS item
    WITH s, item
    WHERE NOT EXISTS { (s)-[c:${Rel.IN_TIMELINE_MONTH}]->() WHERE c.subject = item[0] AND c.sortKey = item[1] }
    WITH s, item[0] AS ref, item[1] AS sortKey, substring(item[1], 0, 7) AS month
    MERGE (b:${Label.TimelineMonth} {key: ref + '|' + month}) ON CREATE SET b.subject = ref, b.month = month
    CREATE (s)-[:${Rel.IN_TIMELINE_MONTH} {subject: ref, sortKey: sortKey}]->(b)
  }`;

/**
 * The one refresh every write path runs for a timeline item `s` (bound: a Statement or a StatusChange) it created or
 * whose links it changed, in its own transaction: brings the derived indexes in line with the graph, the subject
 * months and stats cells (statements only) and the timeline months. Needs parameter `$organizationKind`
 * (ActorKind.ORGANIZATION).
 */
export const REFRESH_STATEMENT = `${REFRESH_SUBJECT_MONTHS}
  ${REFRESH_TIMELINE_MONTHS}
  ${REFRESH_STATS_CELLS}`;

const ORGANIZATION = ActorKind.ORGANIZATION;

/** The writes of the subject-month and timeline-month indexes; each runs inside the caller's write transaction. */
export class SubjectMonthsRepository {
  constructor(private readonly tx: Tx) {}

  /** Refreshes the statements with these ids (unknown ids are skipped). */
  async refreshStatements(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.tx.run(
      `UNWIND $ids AS id
       MATCH (s:${Label.Statement} {id: id})
       ${REFRESH_STATEMENT}`,
      { ids, organizationKind: ORGANIZATION },
    );
  }

  /** Refreshes the status changes with these ids (unknown ids are skipped). */
  async refreshStatusChanges(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.tx.run(
      `UNWIND $ids AS id
       MATCH (s:${Label.StatusChange} {id: id})
       ${REFRESH_STATEMENT}`,
      { ids, organizationKind: ORGANIZATION },
    );
  }

  /**
   * Refreshes every item whose index entries may have changed because these actors' roles, country, kind, meetings
   * or statements changed (a merge, a seed or synthetic world load): statements about the actors, about the
   * meetings they take part in, and, for an organization, about the actors holding a role in it (the subject
   * months' closure); statements said by or on behalf of the actors, and the status changes of their meetings (the
   * timeline months). Reads grow with those items: these writes are rare and curated, unlike ingests, which never
   * change an existing subject's closure nor an existing item's links.
   */
  async refreshAroundActors(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.tx.run(
      `UNWIND $keys AS key
       MATCH (a:${Label.Actor} {id: key})
       CALL (a) {
         CALL (a) {
           RETURN a AS x
           UNION
           MATCH (a)<-[:${Rel.PARTICIPANT}]-(x:${Label.Meeting}) RETURN x
           UNION
           MATCH (a)<-[:${Rel.IN_ORGANIZATION}]-(:${Label.Role})<-[:${Rel.HOLDS_ROLE}]-(x:${Label.Actor}) RETURN x
         }
         MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(x)
         RETURN s
         UNION
         MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}|${Rel.ON_BEHALF_OF}]->(a)
         RETURN s
         UNION
         MATCH (a)<-[:${Rel.PARTICIPANT}]-(:${Label.Meeting})-[:${Rel.HAS_STATUS}]->(s:${Label.StatusChange})
         RETURN s
       }
       WITH DISTINCT s
       ${REFRESH_STATEMENT}`,
      { keys, organizationKind: ORGANIZATION },
    );
  }

  /**
   * Refreshes every statement about these meetings and their status changes (after a merge moved statements,
   * participants, status history or a location to them, or an ingest gave one its location).
   */
  async refreshAroundMeetings(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.tx.run(
      `UNWIND $keys AS key
       MATCH (m:${Label.Meeting} {id: key})
       CALL (m) {
         MATCH (m)<-[:${Rel.ABOUT}]-(s:${Label.Statement}) RETURN s
         UNION
         MATCH (m)-[:${Rel.HAS_STATUS}]->(s:${Label.StatusChange}) RETURN s
       }
       WITH DISTINCT s
       ${REFRESH_STATEMENT}`,
      { keys, organizationKind: ORGANIZATION },
    );
  }
}

/** Statements refreshed per transaction by the backfill. */
const BACKFILL_BATCH = 5_000;

/**
 * Backfills the index on an existing database (migration 009): every statement refreshed, BACKFILL_BATCH at a time
 * in id order, each batch its own write transaction (retried alone on a transient error), so a 1M-statement store
 * never holds one huge transaction nor one query under a single timeout. Idempotent: a statement already right is
 * only read, so a second run, or a run resumed after an interruption, writes nothing it need not.
 * @returns how many statements it went through.
 */
export async function backfillSubjectMonths(db: Database, log?: Logger): Promise<number> {
  return refreshInBatches(db, Label.Statement, REFRESH_SUBJECT_MONTHS, { organizationKind: ORGANIZATION }, (done) =>
    log?.info({ statements: done }, 'Backfilling the subject-month index'),
  );
}

/**
 * Runs `refresh` (Cypher with `s` bound) over every node of `label`, BACKFILL_BATCH at a time in id order, each
 * batch its own write transaction; `progress` hears the running count about every 100 000 nodes.
 * @returns how many nodes it went through.
 */
async function refreshInBatches(
  db: Database,
  label: string,
  refresh: string,
  params: Record<string, unknown>,
  progress: (done: number) => void,
): Promise<number> {
  let after = '';
  let done = 0;
  for (;;) {
    const [row] = await db.writeTx((tx) =>
      tx.run<{ n: number; last: string | null }>(
        `MATCH (s:${label}) WHERE s.id > $after
         WITH s ORDER BY s.id LIMIT $batch
         ${refresh}
         RETURN count(s) AS n, max(s.id) AS last`,
        { ...params, after, batch: int(BACKFILL_BATCH) },
      ),
    );
    if (!row || row.n === 0 || row.last === null) return done;
    done += row.n;
    after = row.last;
    if (done % 100_000 < BACKFILL_BATCH) progress(done);
  }
}

/** The Cypher the backfill runs: its checksum makes migrate re-run the backfill when the closure rule changes. */
export const BACKFILL_TEXT = REFRESH_SUBJECT_MONTHS;

/**
 * Backfills the timeline-month index (migration 015): every statement, then every status change, BACKFILL_BATCH
 * at a time in id order, each batch its own write transaction, as backfillSubjectMonths. Idempotent.
 * @returns how many items it went through.
 */
export async function backfillTimelineMonths(db: Database, log?: Logger): Promise<number> {
  let done = 0;
  for (const label of [Label.Statement, Label.StatusChange]) {
    done += await refreshInBatches(db, label, REFRESH_TIMELINE_MONTHS, {}, (count) =>
      log?.info({ items: done + count }, 'Backfilling the timeline-month index'),
    );
  }
  return done;
}

/** The Cypher the timeline backfill runs, its checksum (see BACKFILL_TEXT). */
export const TIMELINE_BACKFILL_TEXT = REFRESH_TIMELINE_MONTHS;

/**
 * Backfills the stats cells (migration 017, stats-cells.repository.ts): every statement, BACKFILL_BATCH at a time in
 * id order, each batch its own write transaction, as backfillSubjectMonths. Idempotent.
 * @returns how many statements it went through.
 */
export async function backfillStatsCells(db: Database, log?: Logger): Promise<number> {
  return refreshInBatches(db, Label.Statement, REFRESH_STATS_CELLS, {}, (done) =>
    log?.info({ statements: done }, 'Backfilling the stats cells'),
  );
}

/** The Cypher the stats-cell backfill runs, its checksum (see BACKFILL_TEXT). */
export const STATS_CELLS_BACKFILL_TEXT = REFRESH_STATS_CELLS;

/** Subject reference of a node label and key, as stored in `subject`. */
export function subjectRef(label: string, key: string): string {
  return `${label}:${key}`;
}
