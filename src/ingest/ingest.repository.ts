import { createHash } from 'node:crypto';
import { Label, Rel } from '../shared/graph-schema';
import type { Tx } from '../shared/neo4j/database';
import { int } from '../shared/neo4j/database';
import { REFRESH_STATEMENT } from '../shared/neo4j/subject-months.repository';
import { ActorKind } from '../shared/graphql/enums';
import type { IngestCountsData } from './ingest.model';
import type { RefTarget } from './ingest-refs';
import { CLOSED_MEETING_STATUSES, MEETING_MATCH_WINDOW_DAYS } from './meeting-identity';

/**
 * Who and when, for audit fields, plus a token unique to one transaction attempt. A MERGE stamps the token on
 * create and clears it in the same statement, which tells "created by this attempt" from "already there" exactly,
 * even when concurrent ingests race for the same key.
 */
export interface WriteStamp {
  now: string;
  by: string;
  token: string;
}

/** A node found in the graph, addressed within the transaction by its element id. */
export interface FoundNode {
  type: RefTarget;
  key: string;
  elementId: string;
  properties: Record<string, unknown>;
}

export interface AliasCandidates {
  key: string;
  candidates: FoundNode[];
}

export interface MergedNode {
  key: string;
  elementId: string;
  created: boolean;
}

/** A MERGEd node with the key computed for it (`rowKey`) and the key it has (`key`: an older one if it was stored). */
export interface StoredNode extends MergedNode {
  rowKey: string;
}

export interface NewEntityRow {
  key: string;
  kind: string | null;
  names: Record<string, string>;
  alias: { key: string; text: string; lang: string };
  country: string | null;
  /** The search shadows of the names (search-text.ts; topics only). */
  search: Record<string, string | null>;
}

export interface ArticleRow {
  key: string;
  contentHash: string;
  title: string;
  language: string;
  publishedOn: string | null;
  url: string | null;
  /** The canonical form of `url`, the article's identity by URL (canonical-url.ts). */
  canonicalUrl: string | null;
  text: string;
  /** The search shadows of title and text (search-text.ts). */
  search: Record<string, string | null>;
}

export interface MeetingRow {
  key: string;
  /** True when the input named the meeting by id: `key` is the stored meeting's, kind and participants unused. */
  fixed: boolean;
  /** The article's date for this meeting (meetingAsOf), for the matching window. */
  asOf: string | null;
  kind: string;
  names: Record<string, string>;
  date: string | null;
  durationMinutes: number | null;
  participants: string[];
  location: string | null;
}

export interface StatementRow {
  key: string;
  props: Record<string, unknown>;
  saidOn: string | null;
  speaker: string;
  onBehalfOf: string | null;
  via: string | null;
  about: string[];
  report: { key: string; start: number; end: number; text: string };
}

export interface StatusChangeRow {
  key: string;
  meetingKey: string;
  statementKey: string;
  status: string;
  seq: number;
}

/** The key of a meeting's identity lock: its kind and the element ids of its participants, in any order. */
function meetingIdentityLockKey(row: MeetingRow): string {
  return createHash('sha256')
    .update(JSON.stringify([row.kind, [...new Set(row.participants)].sort()]), 'utf8')
    .digest('hex');
}

const NODE_TYPE = `CASE WHEN e:${Label.Actor} THEN 'Actor' WHEN e:${Label.Country} THEN 'Country'
  WHEN e:${Label.Meeting} THEN 'Meeting' ELSE 'Topic' END`;

/** ON CREATE audit fields plus the creation token; `x` is the node variable. */
function onCreate(x: string): string {
  return `${x}.createdAt = datetime($stamp.now), ${x}.createdBy = $stamp.by,
    ${x}.updatedAt = datetime($stamp.now), ${x}.updatedBy = $stamp.by, ${x}.ingestToken = $stamp.token`;
}

/** Reads whether this attempt created `x`, and clears the token it left. */
function createdFlag(x: string, carry: string): string {
  return `WITH ${carry}, coalesce(${x}.ingestToken = $stamp.token, false) AS created
    FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | REMOVE ${x}.ingestToken)`;
}

/** The Cypher of ingestion and of the derived meeting status. Every method runs inside the caller's transaction. */
export class IngestRepository {
  constructor(private readonly tx: Tx) {}

  /** Nodes by type and key, following merge redirects; `found` is null for keys that name nothing. */
  async findByIds(refs: { type: RefTarget; key: string }[]): Promise<{ ref: string; found: FoundNode | null }[]> {
    return this.tx.run(
      `UNWIND $refs AS ref
       OPTIONAL MATCH (r:${Label.Redirect} {id: ref.type + ':' + ref.key})
       WITH ref, coalesce(r.target, ref.key) AS key
       CALL (ref, key) {
         OPTIONAL MATCH (e:${Label.Actor} {id: key}) WHERE ref.type = 'Actor' RETURN e
         UNION
         OPTIONAL MATCH (e:${Label.Country} {id: key}) WHERE ref.type = 'Country' RETURN e
         UNION
         OPTIONAL MATCH (e:${Label.Meeting} {id: key}) WHERE ref.type = 'Meeting' RETURN e
         UNION
         OPTIONAL MATCH (e:${Label.Topic} {id: key}) WHERE ref.type = 'Topic' RETURN e
       }
       WITH ref, e WHERE e IS NOT NULL
       RETURN ref.type + ':' + ref.key AS ref,
              {type: ${NODE_TYPE}, key: e.id, elementId: elementId(e), properties: properties(e)} AS found`,
      { refs },
    );
  }

  /** For each alias key, every actor, country and topic that carries it. */
  async findByAliases(keys: string[]): Promise<AliasCandidates[]> {
    return this.tx.run(
      `UNWIND $keys AS key
       CALL (key) {
         OPTIONAL MATCH (:${Label.Alias} {key: key})<-[:${Rel.HAS_ALIAS}]-(e)
         WHERE e:${Label.Actor} OR e:${Label.Country} OR e:${Label.Topic}
         WITH DISTINCT e
         RETURN [x IN collect(e) | {type: CASE WHEN x:${Label.Actor} THEN 'Actor' WHEN x:${Label.Country}
                  THEN 'Country' ELSE 'Topic' END, key: x.id, elementId: elementId(x),
                  properties: properties(x)}] AS candidates
       }
       RETURN key, candidates`,
      { keys },
    );
  }

  /** The codes among `codes` that name a stored country. */
  async existingCountries(codes: string[]): Promise<string[]> {
    const rows = await this.tx.run<{ code: string }>(
      `UNWIND $codes AS code MATCH (c:${Label.Country} {id: code}) RETURN c.id AS code`,
      { codes },
    );
    return rows.map((row) => row.code);
  }

  /**
   * Finds or creates the article, and links one it creates to its outlet, the entities it mentions and its topics,
   * in one round trip. The article stored with this content hash (outlet, title and text) is this one, else the one
   * with this canonical URL (the first stored, should an older database hold several: the 007-renormalize migration
   * reports those); else it is created under `row.key`. Concurrent ingests of the same article queue on the MERGE's
   * uniqueness constraint, and each later one then sees all the earlier one wrote. A stored article's text and tags
   * are kept as first written.
   *
   * The links are CREATEd, not MERGEd: the article is new, so none of them exists yet, and a MERGE of a relationship
   * locks both its ends (the LockingMerge operator) until commit, which queues every ingest of a busy outlet behind
   * the one before it. CREATE takes no exclusive lock on a dense node (over 50 relationships). Duplicate ids in a
   * list are linked once.
   * The input's receipt (ingest-receipt.ts) is MERGEd on its digest and linked to the article in the same query, so
   * it exists exactly when the whole ingest commits; `receipt.counts` are what the whole ingest creates or matches,
   * `receipt.epoch` the identity epoch read before the ingest began.
   * @param links element ids of the outlet, the mentioned entities and the topics.
   */
  async mergeArticle(
    row: ArticleRow,
    links: { outlet: string; mentions: string[]; topics: string[] },
    receipt: { digest: string; epoch: number; counts: IngestCountsData },
    stamp: WriteStamp,
  ): Promise<MergedNode & { properties: Record<string, unknown> }> {
    const [result] = await this.tx.run<MergedNode & { properties: Record<string, unknown> }>(
      `OPTIONAL CALL () {
         MATCH (a:${Label.Article} {contentHash: $row.contentHash}) RETURN a.id AS byContent LIMIT 1
       }
       OPTIONAL CALL () {
         MATCH (a:${Label.Article} {canonicalUrl: $row.canonicalUrl})
         RETURN a.id AS byUrl ORDER BY a.createdAt, a.id LIMIT 1
       }
       MERGE (a:${Label.Article} {id: coalesce(byContent, byUrl, $row.key)})
       ON CREATE SET a.contentHash = $row.contentHash, a.title = $row.title, a.language = $row.language,
         a.publishedOn = date($row.publishedOn), a.url = $row.url, a.canonicalUrl = $row.canonicalUrl,
         a.text = $row.text, a += $row.search, ${onCreate('a')}
       ${createdFlag('a', 'a')}
       WITH a, created
       CALL (a, created) {
         MATCH (o) WHERE created AND elementId(o) = $outlet
         CREATE (a)-[:${Rel.PUBLISHED_BY}]->(o)
       }
       CALL (a, created) {
         UNWIND CASE WHEN created THEN $mentions ELSE [] END AS id
         MATCH (x) WHERE elementId(x) = id
         CREATE (a)-[:${Rel.MENTIONS}]->(x)
       }
       CALL (a, created) {
         UNWIND CASE WHEN created THEN $topics ELSE [] END AS id
         MATCH (x) WHERE elementId(x) = id
         CREATE (a)-[:${Rel.HAS_TOPIC}]->(x)
       }
       CALL (a) {
         MERGE (r:${Label.IngestReceipt} {digest: $receipt.digest})
         ON CREATE SET r.createdAt = datetime($stamp.now)
         SET r.epoch = $receipt.epoch, r.articles = $receipt.articles, r.actors = $receipt.actors, r.meetings = $receipt.meetings,
           r.statements = $receipt.statements, r.topics = $receipt.topics
         MERGE (r)-[:${Rel.RECEIPT_FOR}]->(a)
       }
       RETURN a.id AS key, elementId(a) AS elementId, created, properties(a) AS properties`,
      {
        row,
        stamp,
        receipt: {
          digest: receipt.digest,
          epoch: int(receipt.epoch),
          articles: int(receipt.counts.articles),
          actors: int(receipt.counts.actors),
          meetings: int(receipt.counts.meetings),
          statements: int(receipt.counts.statements),
          topics: int(receipt.counts.topics),
        },
        outlet: links.outlet,
        mentions: [...new Set(links.mentions)],
        topics: [...new Set(links.topics)],
      },
    );
    return result!;
  }

  /** Creates actors named for the first time (createMissing), each with its name as an alias and its country. */
  async mergeActors(rows: NewEntityRow[], stamp: WriteStamp): Promise<MergedNode[]> {
    return this.tx.run(
      `UNWIND $rows AS row
       MERGE (e:${Label.Actor} {id: row.key})
       ON CREATE SET e.kind = row.kind, e += row.names, ${onCreate('e')}
       ${createdFlag('e', 'e, row')}
       MERGE (al:${Label.Alias} {key: row.alias.key}) ON CREATE SET al.text = row.alias.text, al.search_text = row.alias.key, al.createdAt = datetime($stamp.now), al.createdBy = $stamp.by
       MERGE (e)-[h:${Rel.HAS_ALIAS}]->(al) ON CREATE SET h.text = row.alias.text, h.lang = row.alias.lang
       WITH e, row, created
       CALL (e, row, created) {
         // CREATE: the actor is new (see mergeArticle on why not MERGE onto a busy country).
         MATCH (c:${Label.Country} {id: row.country}) WHERE created
         CREATE (e)-[:${Rel.OF_COUNTRY}]->(c)
       }
       RETURN e.id AS key, elementId(e) AS elementId, created`,
      { rows, stamp },
    );
  }

  /** Creates topics named for the first time (createMissing), each with its name as an alias. */
  async mergeTopics(rows: NewEntityRow[], stamp: WriteStamp): Promise<MergedNode[]> {
    return this.tx.run(
      `UNWIND $rows AS row
       MERGE (e:${Label.Topic} {id: row.key})
       ON CREATE SET e += row.names, e += row.search, ${onCreate('e')}
       ${createdFlag('e', 'e, row')}
       MERGE (al:${Label.Alias} {key: row.alias.key}) ON CREATE SET al.text = row.alias.text, al.search_text = row.alias.key, al.createdAt = datetime($stamp.now), al.createdBy = $stamp.by
       MERGE (e)-[h:${Rel.HAS_ALIAS}]->(al) ON CREATE SET h.text = row.alias.text, h.lang = row.alias.lang
       RETURN e.id AS key, elementId(e) AS elementId, created`,
      { rows, stamp },
    );
  }

  /**
   * MERGEs meetings by the identity rule of meeting-identity.ts (documented on MeetingInput): a row named by id
   * (`fixed`) is that meeting; otherwise a stored meeting of the same kind and exactly the same participants, whose
   * location (if both have one) is the given one, is matched when the dates agree, or, both undated, when this
   * article already reports it, or it is open and its latest statement lies within the window of the row's `asOf`.
   * The most recently reported match wins. Else the meeting is created under the row's key. A stored meeting gets
   * only what it lacked: date (when named by id), duration, location.
   * @param article element id of this ingest's article.
   */
  async mergeMeetings(article: string, rows: MeetingRow[], stamp: WriteStamp): Promise<StoredNode[]> {
    // Two ingests proposing the same new undated meeting at once would each find no candidate and create one under
    // their own (article-bound) key. Each first takes a named lock on the identity it looks for (kind and the set
    // of participants): MERGE on the constrained key of a MeetingIdentityLock locks that key's index entry until
    // commit, and the DELETE leaves nothing behind. The second ingest then waits and finds the first one's meeting.
    // Locks are taken in key order, one order for all, so two ingests never deadlock on them. A lock on a
    // participant node instead (as before) also blocked every other ingest linking a statement to that participant
    // (a head of state in most meetings) until commit.
    const locks = [...new Set(rows.flatMap((row) => (row.fixed ? [] : [meetingIdentityLockKey(row)])))].sort();
    if (locks.length > 0) {
      await this.tx.run(
        `UNWIND $locks AS key
         MERGE (lock:${Label.MeetingIdentityLock} {id: key})
         DELETE lock`,
        { locks },
      );
    }
    return this.tx.run(
      `MATCH (article) WHERE elementId(article) = $article
       UNWIND $rows AS row
       OPTIONAL CALL (row, article) {
         // Meetings are matched by who, what and when, not by key: keys hash participant keys, which a merge of
         // actors changes, and an undated meeting's key holds the article that first reported it.
         MATCH (first) WHERE NOT row.fixed AND elementId(first) = row.participants[0]
         MATCH (first)<-[:${Rel.PARTICIPANT}]-(m:${Label.Meeting} {kind: row.kind})
         WHERE COUNT { (m)-[:${Rel.PARTICIPANT}]->() } = size(row.participants)
           AND all(id IN row.participants WHERE EXISTS { (m)-[:${Rel.PARTICIPANT}]->(p) WHERE elementId(p) = id })
           AND (row.location IS NULL OR NOT EXISTS { (m)-[:${Rel.LOCATED_IN}]->() }
             OR EXISTS { (m)-[:${Rel.LOCATED_IN}]->(l) WHERE elementId(l) = row.location })
         WITH row, m, COLLECT { MATCH (m)<-[:${Rel.ABOUT}]-(s:${Label.Statement}) RETURN max(s.date) }[0] AS last,
           EXISTS { (m)<-[:${Rel.ABOUT}]-(:${Label.Statement})-[:${Rel.HAS_REPORT}]->(:${Label.Report})
             -[:${Rel.IN_ARTICLE}]->(article) } AS reported
         WHERE CASE
           WHEN row.date IS NOT NULL THEN m.date = date(row.date)
           WHEN m.date IS NOT NULL THEN false
           WHEN reported THEN true
           WHEN m.status IN $closed THEN false
           WHEN last IS NULL OR row.asOf IS NULL THEN last IS NULL AND row.asOf IS NULL
           ELSE abs(duration.inDays(last, date(row.asOf)).days) <= $windowDays
         END
         // This article's own meeting first (a replay finds what it wrote), then the most recently reported.
         RETURN m.id AS storedKey ORDER BY reported DESC, last IS NULL, last DESC, m.id LIMIT 1
       }
       WITH row, CASE WHEN row.fixed THEN row.key ELSE storedKey END AS storedKey
       MERGE (m:${Label.Meeting} {id: coalesce(storedKey, row.key)})
       ON CREATE SET m.kind = row.kind, m += row.names, m.date = date(row.date),
         m.durationMinutes = row.durationMinutes, ${onCreate('m')}
       ${createdFlag('m', 'm, row')}
       WITH m, row, created
       CALL (m, row, created) {
         // CREATE: the meeting is new (see mergeArticle on why not MERGE onto a busy participant).
         UNWIND CASE WHEN created THEN row.participants ELSE [] END AS id
         WITH DISTINCT m, id
         MATCH (p) WHERE elementId(p) = id
         CREATE (m)-[:${Rel.PARTICIPANT}]->(p)
       }
       WITH m, row, created,
         NOT created AND m.durationMinutes IS NULL AND row.durationMinutes IS NOT NULL AS addDuration,
         row.fixed AND m.date IS NULL AND row.date IS NOT NULL AS addDate,
         row.location IS NOT NULL AND NOT EXISTS { (m)-[:${Rel.LOCATED_IN}]->() } AS addLocation
       CALL (m, row, addLocation, created) {
         MATCH (c) WHERE addLocation AND created AND elementId(c) = row.location
         CREATE (m)-[:${Rel.LOCATED_IN}]->(c)
       }
       CALL (m, row, addLocation, created) {
         // A stored meeting may gain its location from two ingests at once: MERGE keeps it to one.
         MATCH (c) WHERE addLocation AND NOT created AND elementId(c) = row.location
         MERGE (m)-[:${Rel.LOCATED_IN}]->(c)
       }
       CALL (m, addLocation, created) {
         // Its status changes now belong on the location's timeline too (subject-months.repository.ts).
         MATCH (m)-[:${Rel.HAS_STATUS}]->(s:${Label.StatusChange}) WHERE addLocation AND NOT created
         ${REFRESH_STATEMENT}
       }
       FOREACH (_ IN CASE WHEN addDuration THEN [1] ELSE [] END | SET m.durationMinutes = row.durationMinutes)
       FOREACH (_ IN CASE WHEN addDate THEN [1] ELSE [] END | SET m.date = date(row.date))
       FOREACH (_ IN CASE WHEN NOT created AND (addDuration OR addDate OR addLocation) THEN [1] ELSE [] END |
         SET m.updatedAt = datetime($stamp.now), m.updatedBy = $stamp.by)
       RETURN row.key AS rowKey, m.id AS key, elementId(m) AS elementId, created`,
      {
        article,
        rows,
        stamp,
        closed: CLOSED_MEETING_STATUSES,
        windowDays: int(MEETING_MATCH_WINDOW_DAYS),
        organizationKind: ActorKind.ORGANIZATION,
      },
    );
  }

  /**
   * MERGEs statements by key. A new one gets its speaker, on-whose-behalf, subjects and its report (the span of
   * this article, through its agency); one already stored is left as it is. `date` is saidOn, else the article's
   * publication date: a statement's key includes its article, so that article holds its only report. A new one is
   * also indexed in the subject-month index, in the same round trip.
   */
  async mergeStatements(article: string, rows: StatementRow[], stamp: WriteStamp): Promise<StoredNode[]> {
    return this.tx.run(
      `MATCH (a) WHERE elementId(a) = $article
       UNWIND $rows AS row
       CALL (a, row) {
         // The same statement under another key: its key hashes the speaker's key, which a merge of actors changes.
         OPTIONAL MATCH (a)<-[:${Rel.IN_ARTICLE}]-(:${Label.Report} {start: row.report.start, end: row.report.end})
           <-[:${Rel.HAS_REPORT}]-(stored:${Label.Statement})-[:${Rel.SAID_BY}]->(speaker)
         WHERE elementId(speaker) = row.speaker
         RETURN head(collect(stored.id)) AS storedKey
       }
       MERGE (s:${Label.Statement} {id: coalesce(storedKey, row.key)})
       ON CREATE SET s += row.props, s.saidOn = date(row.saidOn), s.rank = 'NORMAL', ${onCreate('s')}
       ${createdFlag('s', 'a, s, row')}
       WITH a, s, row, created
       CALL (a, s, row, created) {
         WITH a, s, row WHERE created
         SET s.date = coalesce(s.saidOn, a.publishedOn)
         SET s.sortKey = coalesce(toString(s.date), '0000-00-00') + '|' + s.id
         WITH a, s, row
         // The statement is new, so its links to speaker, agency, country and subjects are CREATEd: a MERGE would
         // lock the busy ends (a spokesman, an agency, a country) until commit (see mergeArticle).
         MATCH (speaker) WHERE elementId(speaker) = row.speaker
         CREATE (s)-[:${Rel.SAID_BY}]->(speaker)
         MERGE (r:${Label.Report} {id: row.report.key})
         ON CREATE SET r.start = row.report.start, r.end = row.report.end, r.text = row.report.text,
           r.createdAt = datetime($stamp.now), r.createdBy = $stamp.by,
           r.updatedAt = datetime($stamp.now), r.updatedBy = $stamp.by
         MERGE (s)-[:${Rel.HAS_REPORT}]->(r)
         MERGE (r)-[:${Rel.IN_ARTICLE}]->(a)
         WITH s, r, row
         CALL (r, row) { MATCH (v) WHERE elementId(v) = row.via CREATE (r)-[:${Rel.VIA}]->(v) }
         CALL (s, row) { MATCH (o) WHERE elementId(o) = row.onBehalfOf CREATE (s)-[:${Rel.ON_BEHALF_OF}]->(o) }
         CALL (s, row) {
           UNWIND row.about AS id
           WITH DISTINCT s, id
           MATCH (t) WHERE elementId(t) = id
           CREATE (s)-[:${Rel.ABOUT}]->(t)
         }
       }
       // A new statement is indexed under every subject whose closure covers it, in the same round trip (the exact
       // counts and pages of whoSaidWhatAbout, see subject-months.repository.ts). One found already there is not
       // touched: an ingest never changes an existing subject's closure (new actors and meetings get their country
       // and participants when created), so a replay writes nothing here.
       CALL (s, created) {
         WITH s WHERE created
         ${REFRESH_STATEMENT}
       }
       RETURN row.key AS rowKey, s.id AS key, elementId(s) AS elementId, created`,
      { article, rows, stamp, organizationKind: ActorKind.ORGANIZATION },
    );
  }

  /** MERGEs status history entries, each tied to its meeting and to the statement asserting it. */
  async mergeStatusChanges(rows: StatusChangeRow[], stamp: WriteStamp): Promise<MergedNode[]> {
    return this.tx.run(
      `UNWIND $rows AS row
       MATCH (m:${Label.Meeting} {id: row.meetingKey})
       MATCH (s:${Label.Statement} {id: row.statementKey})
       MERGE (c:${Label.StatusChange} {id: row.key})
       ON CREATE SET c.status = row.status, c.seq = row.seq, c.asOf = s.date, ${onCreate('c')}
       ${createdFlag('c', 'c, m, s')}
       // The entry is new: CREATE its links rather than MERGE-lock the meeting, which many articles report.
       WITH c, m, s, created
       CALL (c, m, s, created) {
         WITH c, m, s WHERE created
         CREATE (m)-[:${Rel.HAS_STATUS}]->(c)
         CREATE (c)-[:${Rel.ASSERTED_BY}]->(s)
       }
       // A new entry goes on the timelines of its meeting, participants and countries (subject-months.repository.ts).
       CALL (c, created) {
         WITH c AS s WHERE created
         ${REFRESH_STATEMENT}
       }
       RETURN c.id AS key, elementId(c) AS elementId, created`,
      { rows, stamp, organizationKind: ActorKind.ORGANIZATION },
    );
  }

  /**
   * Re-derives each meeting's `status` from its history: the latest entry by asOf, undated entries counting as
   * the oldest, ties by lifecycle order (`seq`). Stamps only the meetings whose status changes.
   */
  async refreshMeetingStatus(meetingKeys: string[], stamp: Omit<WriteStamp, 'token'>): Promise<void> {
    await this.tx.run(
      `UNWIND $meetingKeys AS key
       MATCH (m:${Label.Meeting} {id: key})
       CALL (m) {
         MATCH (m)-[:${Rel.HAS_STATUS}]->(c:${Label.StatusChange})
         WITH c ORDER BY c.asOf IS NOT NULL, c.asOf, c.seq, c.status
         RETURN last(collect(c.status)) AS status
       }
       WITH m, status WHERE status IS NOT NULL AND coalesce(m.status <> status, true)
       SET m.status = status, m.updatedAt = datetime($stamp.now), m.updatedBy = $stamp.by`,
      { meetingKeys, stamp },
    );
  }
}
