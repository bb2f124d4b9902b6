import { Label, Rel } from '../graph-schema';
import { ActorKind } from '../graphql/enums';
import type { Logger } from '../logger';
import { int, type Database, type Tx } from './database';

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
const SUBJECT_REF = `CASE WHEN root:${Label.Country} THEN '${Label.Country}' WHEN root:${Label.Actor} THEN '${Label.Actor}'
  WHEN root:${Label.Meeting} THEN '${Label.Meeting}' ELSE '${Label.Topic}' END + ':' + root.id`;

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
 * so a replay or a second backfill costs reads only. A deprecated statement ends with none.
 */
export const REFRESH_STATEMENT = `CALL (s) {
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

const ORGANIZATION = ActorKind.ORGANIZATION;

/** The writes of the subject-month index; each method runs inside the caller's write transaction. */
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

  /**
   * Refreshes every statement whose closure may have changed because these actors' roles, country, kind or
   * meetings changed (a merge, a seed or synthetic world load): statements about the actors, about the meetings
   * they take part in, and, for an organization, about the actors holding a role in it. Reads grow with those
   * statements: these writes are rare and curated, unlike ingests, which never change an existing subject's closure.
   */
  async refreshAroundActors(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.tx.run(
      `UNWIND $keys AS key
       MATCH (a:${Label.Actor} {id: key})
       CALL (a) {
         RETURN a AS x
         UNION
         MATCH (a)<-[:${Rel.PARTICIPANT}]-(x:${Label.Meeting}) RETURN x
         UNION
         MATCH (a)<-[:${Rel.IN_ORGANIZATION}]-(:${Label.Role})<-[:${Rel.HOLDS_ROLE}]-(x:${Label.Actor}) RETURN x
       }
       WITH DISTINCT x
       MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(x)
       WITH DISTINCT s
       ${REFRESH_STATEMENT}`,
      { keys, organizationKind: ORGANIZATION },
    );
  }

  /** Refreshes every statement about these meetings (after a merge moved statements or participants to them). */
  async refreshAroundMeetings(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.tx.run(
      `UNWIND $keys AS key
       MATCH (:${Label.Meeting} {id: key})<-[:${Rel.ABOUT}]-(s:${Label.Statement})
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
  let after = '';
  let done = 0;
  for (;;) {
    const [row] = await db.writeTx((tx) =>
      tx.run<{ n: number; last: string | null }>(
        `MATCH (s:${Label.Statement}) WHERE s.id > $after
         WITH s ORDER BY s.id LIMIT $batch
         ${REFRESH_STATEMENT}
         RETURN count(s) AS n, max(s.id) AS last`,
        { after, batch: int(BACKFILL_BATCH), organizationKind: ORGANIZATION },
      ),
    );
    if (!row || row.n === 0 || row.last === null) break;
    done += row.n;
    after = row.last;
    if (done % 100_000 < BACKFILL_BATCH) log?.info({ statements: done }, 'Backfilling the subject-month index');
  }
  return done;
}

/** The Cypher the backfill runs: its checksum makes migrate re-run the backfill when the closure rule changes. */
export const BACKFILL_TEXT = REFRESH_STATEMENT;

/** Subject reference of a node label and key, as stored in `subject`. */
export function subjectRef(label: string, key: string): string {
  return `${label}:${key}`;
}
