import { randomUUID } from 'node:crypto';
import { Label, Rel } from '../shared/graph-schema';
import type { Tx } from '../shared/neo4j/database';

/** Who and when, stamped on what a curation write changes. */
export interface CurationStamp {
  now: string;
  by: string;
}

/** The node types whose aliases can be curated. */
export type AliasedLabel = typeof Label.Actor | typeof Label.Country;

export interface NodeRow {
  props: Record<string, unknown>;
  /** The actor's country code, or the statement's speaker key. */
  link: string | null;
}

/** Relationships that point at an actor, each moved by mergeEntities (graph-schema.ts lists them all). */
const INCOMING_TO_ACTOR = [
  Rel.SAID_BY,
  Rel.ON_BEHALF_OF,
  Rel.ABOUT,
  Rel.VIA,
  Rel.PARTICIPANT,
  Rel.PUBLISHED_BY,
  Rel.MENTIONS,
  Rel.IN_ORGANIZATION,
] as const;

/** Relationships that leave an actor and move with it; OF_COUNTRY moves only when the kept actor has none. */
const OUTGOING_FROM_ACTOR = [Rel.HOLDS_ROLE, Rel.HAS_ALIAS] as const;

const STAMP = (x: string) => `${x}.updatedAt = datetime($stamp.now), ${x}.updatedBy = $stamp.by`;

/** The Cypher of the curation mutations; every method runs inside the caller's write transaction. */
export class CurationRepository {
  constructor(private readonly tx: Tx) {}

  /** Where a removed node now lives: the kept key its redirect points to, or null. */
  async redirectTarget(type: string, key: string): Promise<string | null> {
    const [row] = await this.tx.run<{ target: string }>(
      `MATCH (d:${Label.Redirect} {id: $id}) RETURN d.target AS target`,
      { id: `${type}:${key}` },
    );
    return row?.target ?? null;
  }

  /**
   * Adds an alias to an actor or country; the entity is stamped only when the alias is new to it.
   * @returns the entity and its country code, or null when it does not exist.
   */
  async addAlias(
    label: AliasedLabel,
    key: string,
    alias: { key: string; text: string; lang: string | null },
    stamp: CurationStamp,
  ): Promise<NodeRow | null> {
    const [row] = await this.tx.run<NodeRow>(
      `MATCH (e:${label} {id: $key})
       MERGE (al:${Label.Alias} {key: $alias.key}) ON CREATE SET al.text = $alias.text, al.search_text = $alias.key, al.createdAt = datetime($stamp.now), al.createdBy = $stamp.by
       WITH e, al, EXISTS { (e)-[:${Rel.HAS_ALIAS}]->(al) } AS known
       MERGE (e)-[h:${Rel.HAS_ALIAS}]->(al)
       ON CREATE SET h.text = $alias.text, h.lang = $alias.lang, h.createdAt = datetime($stamp.now),
         h.createdBy = $stamp.by
       FOREACH (_ IN CASE WHEN known THEN [] ELSE [1] END | SET ${STAMP('e')})
       RETURN properties(e) AS props,
         CASE WHEN e:${Label.Country} THEN e.id ELSE [(e)-[:${Rel.OF_COUNTRY}]->(c) | c.id][0] END AS link`,
      { key, alias, stamp },
    );
    return row ?? null;
  }

  /** The statement's date and whether it is about the meeting; null when either does not exist. */
  async statementForMeeting(
    meetingKey: string,
    statementKey: string,
  ): Promise<{ meeting: boolean; statement: boolean; about: boolean }> {
    const [row] = await this.tx.run<{ meeting: boolean; statement: boolean; about: boolean }>(
      `OPTIONAL MATCH (m:${Label.Meeting} {id: $meetingKey})
       OPTIONAL MATCH (s:${Label.Statement} {id: $statementKey})
       RETURN m IS NOT NULL AS meeting, s IS NOT NULL AS statement,
         m IS NOT NULL AND s IS NOT NULL AND EXISTS { (s)-[:${Rel.ABOUT}]->(m) } AS about`,
      { meetingKey, statementKey },
    );
    return row!;
  }

  /** Adds a status history entry asserted by the statement, dated as the statement (idempotent by key). */
  async addStatusChange(
    change: { key: string; meetingKey: string; statementKey: string; status: string; seq: number },
    stamp: CurationStamp,
  ): Promise<boolean> {
    // A token set on create and read back tells this call's creation from an entry that was already there.
    const [row] = await this.tx.run<{ created: boolean }>(
      `MATCH (m:${Label.Meeting} {id: $change.meetingKey})
       MATCH (s:${Label.Statement} {id: $change.statementKey})
       MERGE (c:${Label.StatusChange} {id: $change.key})
       ON CREATE SET c.status = $change.status, c.seq = $change.seq, c.asOf = s.date,
         c.createdAt = datetime($stamp.now), c.createdBy = $stamp.by, c.curationToken = $token, ${STAMP('c')}
       WITH m, s, c, coalesce(c.curationToken = $token, false) AS created
       REMOVE c.curationToken
       MERGE (m)-[:${Rel.HAS_STATUS}]->(c)
       MERGE (c)-[:${Rel.ASSERTED_BY}]->(s)
       RETURN created`,
      { change, stamp, token: randomUUID() },
    );
    return row?.created ?? false;
  }

  async meeting(key: string): Promise<Record<string, unknown> | null> {
    const [row] = await this.tx.run<{ props: Record<string, unknown> }>(
      `MATCH (m:${Label.Meeting} {id: $key}) RETURN properties(m) AS props`,
      { key },
    );
    return row?.props ?? null;
  }

  /** Gives a statement rank DEPRECATED with the reason, who and when; it is kept, never deleted. */
  async deprecateStatement(key: string, reason: string, stamp: CurationStamp): Promise<NodeRow | null> {
    const [row] = await this.tx.run<NodeRow>(
      `MATCH (s:${Label.Statement} {id: $key})
       SET s:${Label.DeprecatedStatement}, s.rank = 'DEPRECATED', s.deprecatedReason = $reason, s.deprecatedBy = $stamp.by,
         s.deprecatedAt = datetime($stamp.now), ${STAMP('s')}
       RETURN properties(s) AS props, [(s)-[:${Rel.SAID_BY}]->(a) | a.id][0] AS link`,
      { key, reason, stamp },
    );
    return row ?? null;
  }

  /** Both actors' properties, locked for the merge; null where one is missing. */
  async lockActors(
    keep: string,
    remove: string,
    stamp: CurationStamp,
  ): Promise<{ keep: Record<string, unknown> | null; remove: Record<string, unknown> | null }> {
    const [row] = await this.tx.run<{ keep: Record<string, unknown> | null; remove: Record<string, unknown> | null }>(
      `OPTIONAL MATCH (k:${Label.Actor} {id: $keep})
       OPTIONAL MATCH (r:${Label.Actor} {id: $remove})
       // Writing both first takes their locks: a concurrent ingest cannot link to the removed one meanwhile.
       FOREACH (x IN [n IN [k, r] WHERE n IS NOT NULL] | SET ${STAMP('x')})
       RETURN properties(k) AS keep, properties(r) AS remove`,
      { keep, remove, stamp },
    );
    return row!;
  }

  /**
   * Moves every relationship of the removed actor to the kept one, one explicit statement per type, copies the
   * properties the kept actor lacks, leaves a redirect (retargeting older redirects), deletes the removed actor
   * and re-hashes the content of the articles it published. Throws if the removed actor still has a relationship of a type this code does not know.
   */
  async mergeActors(
    keep: string,
    remove: string,
    extra: Record<string, unknown>,
    contentHashes: { key: string; contentHash: string }[],
    stamp: CurationStamp,
  ): Promise<void> {
    const params = { keep, remove, stamp };
    for (const type of INCOMING_TO_ACTOR) {
      await this.tx.run(
        `MATCH (k:${Label.Actor} {id: $keep})
         MATCH (r:${Label.Actor} {id: $remove})<-[old:${type}]-(x)
         MERGE (x)-[moved:${type}]->(k)
         SET moved += properties(old), ${STAMP('x')}
         DELETE old`,
        params,
      );
    }
    for (const type of OUTGOING_FROM_ACTOR) {
      await this.tx.run(
        `MATCH (k:${Label.Actor} {id: $keep})
         MATCH (r:${Label.Actor} {id: $remove})-[old:${type}]->(x)
         MERGE (k)-[moved:${type}]->(x)
         SET moved += properties(old)
         DELETE old`,
        params,
      );
    }
    await this.tx.run(
      `MATCH (k:${Label.Actor} {id: $keep})
       MATCH (r:${Label.Actor} {id: $remove})-[old:${Rel.OF_COUNTRY}]->(c)
       CALL (k, c) {
         WITH k, c WHERE NOT EXISTS { (k)-[:${Rel.OF_COUNTRY}]->() }
         MERGE (k)-[:${Rel.OF_COUNTRY}]->(c)
       }
       DELETE old`,
      params,
    );
    const left = await this.tx.run<{ type: string; n: number }>(
      `MATCH (:${Label.Actor} {id: $remove})-[x]-() RETURN type(x) AS type, count(*) AS n`,
      params,
    );
    if (left.length > 0) {
      throw new Error(
        `mergeActors does not know how to move: ${left.map((row) => `${row.type} (${row.n})`).join(', ')}`,
      );
    }
    await this.tx.run(
      `MATCH (k:${Label.Actor} {id: $keep})
       MATCH (r:${Label.Actor} {id: $remove})
       SET k += $extra
       MERGE (d:${Label.Redirect} {id: '${Label.Actor}:' + $remove})
       SET d.target = $keep, d.createdAt = datetime($stamp.now), d.createdBy = $stamp.by
       WITH r
       OPTIONAL MATCH (older:${Label.Redirect} {target: $remove}) WHERE older.id STARTS WITH '${Label.Actor}:'
       SET older.target = $keep, ${STAMP('older')}
       WITH DISTINCT r
       DELETE r`,
      { ...params, extra },
    );
    // An article's content hash includes its outlet's key: re-ingesting it must still find it.
    await this.tx.run(
      `UNWIND $contentHashes AS row
       MATCH (a:${Label.Article} {id: row.key})
       SET a.contentHash = row.contentHash, ${STAMP('a')}`,
      { contentHashes, stamp },
    );
  }

  /** Both meetings' properties, locked for the merge (written first); null where one is missing. */
  async lockMeetings(
    keep: string,
    remove: string,
    stamp: CurationStamp,
  ): Promise<{ keep: Record<string, unknown> | null; remove: Record<string, unknown> | null }> {
    const [row] = await this.tx.run<{ keep: Record<string, unknown> | null; remove: Record<string, unknown> | null }>(
      `OPTIONAL MATCH (k:${Label.Meeting} {id: $keep})
       OPTIONAL MATCH (r:${Label.Meeting} {id: $remove})
       FOREACH (x IN [n IN [k, r] WHERE n IS NOT NULL] | SET ${STAMP('x')})
       RETURN properties(k) AS keep, properties(r) AS remove`,
      { keep, remove, stamp },
    );
    return row!;
  }

  /**
   * Moves everything of the removed meeting to the kept one: the statements about it, its participants (the kept
   * meeting gets the union), its status history, and its location when the kept one has none; copies the date and
   * duration the kept one lacks; leaves a redirect (retargeting older ones) and deletes the removed meeting.
   * Throws if the removed meeting still has a relationship of a type this code does not know.
   */
  async mergeMeetings(keep: string, remove: string, stamp: CurationStamp): Promise<void> {
    const params = { keep, remove, stamp };
    await this.tx.run(
      `MATCH (k:${Label.Meeting} {id: $keep})
       MATCH (r:${Label.Meeting} {id: $remove})<-[old:${Rel.ABOUT}]-(s)
       MERGE (s)-[moved:${Rel.ABOUT}]->(k)
       SET moved += properties(old), ${STAMP('s')}
       DELETE old`,
      params,
    );
    for (const type of [Rel.PARTICIPANT, Rel.HAS_STATUS] as const) {
      await this.tx.run(
        `MATCH (k:${Label.Meeting} {id: $keep})
         MATCH (r:${Label.Meeting} {id: $remove})-[old:${type}]->(x)
         MERGE (k)-[moved:${type}]->(x)
         SET moved += properties(old)
         DELETE old`,
        params,
      );
    }
    await this.tx.run(
      `MATCH (k:${Label.Meeting} {id: $keep})
       MATCH (r:${Label.Meeting} {id: $remove})-[old:${Rel.LOCATED_IN}]->(c)
       CALL (k, c) {
         WITH k, c WHERE NOT EXISTS { (k)-[:${Rel.LOCATED_IN}]->() }
         MERGE (k)-[:${Rel.LOCATED_IN}]->(c)
       }
       DELETE old`,
      params,
    );
    const left = await this.tx.run<{ type: string; n: number }>(
      `MATCH (:${Label.Meeting} {id: $remove})-[x]-() RETURN type(x) AS type, count(*) AS n`,
      params,
    );
    if (left.length > 0) {
      throw new Error(
        `mergeMeetings does not know how to move: ${left.map((row) => `${row.type} (${row.n})`).join(', ')}`,
      );
    }
    await this.tx.run(
      `MATCH (k:${Label.Meeting} {id: $keep})
       MATCH (r:${Label.Meeting} {id: $remove})
       SET k.date = coalesce(k.date, r.date), k.durationMinutes = coalesce(k.durationMinutes, r.durationMinutes)
       MERGE (d:${Label.Redirect} {id: '${Label.Meeting}:' + $remove})
       SET d.target = $keep, d.createdAt = datetime($stamp.now), d.createdBy = $stamp.by
       WITH r
       OPTIONAL MATCH (older:${Label.Redirect} {target: $remove}) WHERE older.id STARTS WITH '${Label.Meeting}:'
       SET older.target = $keep, ${STAMP('older')}
       WITH DISTINCT r
       DELETE r`,
      params,
    );
  }

  /** The articles an actor published, with what their content hash is made of. */
  async publishedBy(key: string): Promise<{ key: string; title: string; text: string }[]> {
    return this.tx.run(
      `MATCH (:${Label.Actor} {id: $key})<-[:${Rel.PUBLISHED_BY}]-(a:${Label.Article})
       RETURN a.id AS key, a.title AS title, a.text AS text`,
      { key },
    );
  }

  /** An actor with its country code. */
  async actor(key: string): Promise<NodeRow | null> {
    const [row] = await this.tx.run<NodeRow>(
      `MATCH (a:${Label.Actor} {id: $key})
       RETURN properties(a) AS props, [(a)-[:${Rel.OF_COUNTRY}]->(c) | c.id][0] AS link`,
      { key },
    );
    return row ?? null;
  }
}
