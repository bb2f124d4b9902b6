import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { int } from '../src/shared/neo4j/database';
import {
  backfillStatsCells,
  backfillSubjectMonths,
  backfillTimelineMonths,
} from '../src/shared/neo4j/subject-months.repository';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic } from '../src/synth/synth-load';
import { graphCounts } from './helpers/graph-counts';
import { assertStatsExact, statsCellMismatches } from './helpers/stats-cells-check';
import { resetData, startSeededServer, type GqlResponse, type TestServer } from './helpers/test-server';
import { asAdmin, asEditor, INGEST, spanOf, TEST_API_KEYS } from './helpers/write-keys';

/**
 * The subject-month index (src/shared/neo4j/subject-months.repository.ts) checked against a recount from the graph:
 * the closure here is written forward, as whoSaidWhatAbout documents it, independently of the index's inverse rule.
 */
const FORWARD_CLOSURE = `CALL (root) {
    RETURN root AS x
    UNION
    MATCH (root:Country)<-[:FOR_COUNTRY]-(:Role)<-[:HOLDS_ROLE]-(x:Actor) RETURN x
    UNION
    MATCH (root:Country)<-[:OF_COUNTRY]-(x:Actor {kind: 'ORGANIZATION'}) RETURN x
    UNION
    MATCH (root:Country)<-[:OF_COUNTRY]-(:Actor {kind: 'ORGANIZATION'})<-[:IN_ORGANIZATION]-(:Role)
          <-[:HOLDS_ROLE]-(x:Actor) RETURN x
    UNION
    MATCH (root:Actor)<-[:PARTICIPANT]-(x:Meeting) RETURN x
  }`;

const REF = `CASE WHEN root:Country THEN 'Country' WHEN root:Actor THEN 'Actor' WHEN root:Meeting THEN 'Meeting'
  ELSE 'Topic' END + ':' + root.id`;

/** Every subject whose index differs from the recount, with both sides; [] when the index is right. */
async function indexMismatches(server: TestServer): Promise<unknown[]> {
  return server.db.read(
    `MATCH (root) WHERE root:Country OR root:Actor OR root:Meeting OR root:Topic
     WITH root, ${REF} AS ref
     CALL (root) {
       ${FORWARD_CLOSURE}
       MATCH (s:Statement)-[:ABOUT]->(x) WHERE coalesce(s.rank, '') <> 'DEPRECATED'
       RETURN collect(DISTINCT s.id) AS exact
     }
     CALL (ref) {
       OPTIONAL MATCH (s:Statement)-[c:IN_SUBJECT_MONTH]->(b:SubjectMonth) WHERE c.subject = ref
       RETURN collect(s.id) AS indexed,
         count(CASE WHEN b.subject <> ref OR c.sortKey <> s.sortKey OR b.month <> substring(s.sortKey, 0, 7)
                    OR b.key <> ref + '|' + b.month THEN 1 END) AS misfiled
     }
     CALL (ref) {
       OPTIONAL MATCH (b:SubjectMonth {subject: ref})
       RETURN sum(COUNT { (b)<-[:IN_SUBJECT_MONTH]-() }) AS total
     }
     WITH ref, exact, indexed, misfiled, total
     WHERE size(indexed) <> size(exact) OR total <> size(exact) OR misfiled > 0
       OR any(id IN exact WHERE NOT id IN indexed)
     RETURN ref, size(exact) AS exact, size(indexed) AS indexed, total, misfiled`,
  );
}

/** The exact answer by a scan, newest first: statement ids about `root`'s closure within the date range. */
async function exactIds(
  server: TestServer,
  label: string,
  key: string,
  from: string | null,
  to: string | null,
): Promise<string[]> {
  const [row] = await server.db.read<{ ids: string[] }>(
    `MATCH (root:${label} {id: $key})
     ${FORWARD_CLOSURE}
     MATCH (s:Statement)-[:ABOUT]->(x) WHERE coalesce(s.rank, '') <> 'DEPRECATED'
       AND ($from IS NULL OR s.date >= date($from)) AND ($to IS NULL OR s.date <= date($to))
     WITH DISTINCT s ORDER BY s.sortKey DESC
     RETURN collect(s.id) AS ids`,
    { key, from, to },
  );
  return row?.ids ?? [];
}

const WHO = `query($about: ID!, $first: Int, $after: String, $from: Date, $to: Date) {
  whoSaidWhatAbout(about: $about, includeRelated: true, first: $first, after: $after, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } }
  }
}`;

/** Every page of whoSaidWhatAbout(includeRelated: true), `first` at a time: the totals seen and the ids in order. */
async function allPages(
  server: TestServer,
  label: string,
  key: string,
  from: string | null,
  to: string | null,
): Promise<{ totals: number[]; ids: string[] }> {
  const totals: number[] = [];
  const ids: string[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const res: GqlResponse = await server.gql(WHO, {
      about: toGlobalId(label as 'Country', key),
      first: 7,
      after,
      from,
      to,
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const connection = res.data!.whoSaidWhatAbout;
    totals.push(connection.totalCount);
    for (const edge of connection.edges) ids.push(toGlobalIdKey(edge.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  return { totals, ids };
}

function toGlobalIdKey(id: string): string {
  const decoded = Buffer.from(id, 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

/** The busiest subjects of each label (by recount), to compare the API with the scan on. */
async function busiest(server: TestServer, n: number): Promise<{ label: string; key: string; dates: string[] }[]> {
  return server.db.read(
    `UNWIND ['Country', 'Actor', 'Meeting', 'Topic'] AS label
     CALL (label) {
       MATCH (root) WHERE label IN labels(root)
       CALL (root) {
         ${FORWARD_CLOSURE}
         MATCH (s:Statement)-[:ABOUT]->(x) WHERE s.date IS NOT NULL
         RETURN count(DISTINCT s) AS n, collect(DISTINCT toString(s.date)) AS dates
       }
       WITH root, n, dates WHERE n > 0 ORDER BY n DESC, root.id LIMIT $n
       RETURN root.id AS key, dates
     }
     RETURN label, key, dates`,
    { n: int(n) },
  );
}

/** Checks whoSaidWhatAbout against the scan for the busiest subjects, unfiltered and over date ranges. */
async function assertAnswersExact(server: TestServer, perLabel: number): Promise<number> {
  let checked = 0;
  for (const subject of await busiest(server, perLabel)) {
    const dates = [...subject.dates].sort();
    const mid = dates[Math.floor(dates.length / 2)]!;
    const ranges: [string | null, string | null][] = [
      [null, null],
      [mid, null],
      [null, mid],
      [dates[0]!, mid],
      [mid, mid],
    ];
    // A range starting and ending mid-month, across several months.
    const cut: [string, string] = [`${dates[0]!.slice(0, 7)}-15`, `${dates[dates.length - 1]!.slice(0, 7)}-10`];
    if (cut[0] <= cut[1]) ranges.push(cut);
    for (const [from, to] of ranges) {
      const exact = await exactIds(server, subject.label, subject.key, from, to);
      const api = await allPages(server, subject.label, subject.key, from, to);
      const where = `${subject.label}:${subject.key} ${from ?? '-'}..${to ?? '-'}`;
      assert.deepEqual(api.ids, exact, where);
      assert.ok(
        api.totals.every((total) => total === exact.length),
        `${where}: totals ${api.totals.join(',')} != ${exact.length}`,
      );
      checked += 1;
    }
  }
  return checked;
}

/**
 * The timeline-month index checked against a recount: each node's timeline items written forward from the graph,
 * as timeline(id:) documents them, independently of the index's refresh rule.
 */
const TIMELINE_ITEMS = `CALL (root) {
    MATCH (s:Statement)-[:SAID_BY|ON_BEHALF_OF]->(root) WHERE coalesce(s.rank, '') <> 'DEPRECATED'
    RETURN s AS n, 0 AS how, s.date AS date
    UNION
    MATCH (s:Statement)-[:ABOUT]->(root) WHERE coalesce(s.rank, '') <> 'DEPRECATED'
    RETURN s AS n, 1 AS how, s.date AS date
    UNION
    MATCH (m:Meeting)-[:HAS_STATUS]->(c:StatusChange)
    WHERE m = root OR EXISTS { (m)-[:PARTICIPANT]->(root) } OR EXISTS { (m)-[:LOCATED_IN]->(root) }
      OR EXISTS { (m)-[:PARTICIPANT]->(:Actor)-[:OF_COUNTRY]->(root) }
    RETURN c AS n, 2 AS how, c.asOf AS date
  }
  WITH root, n, min(how) AS how, date`;

/** Every node whose timeline months differ from the recount, with both sides; [] when the index is right. */
async function timelineMismatches(server: TestServer): Promise<unknown[]> {
  return server.db.read(
    `MATCH (root) WHERE root:Country OR root:Actor OR root:Meeting
     WITH root, ${REF} AS ref
     CALL (root) {
       ${TIMELINE_ITEMS}
       RETURN collect(coalesce(toString(date), '0000-00-00') + '|' + toString(how) + '|' + n.id) AS exact
     }
     CALL (ref) {
       OPTIONAL MATCH (n)-[c:IN_TIMELINE_MONTH]->(b:TimelineMonth) WHERE c.subject = ref
       RETURN collect(c.sortKey) AS indexed,
         count(CASE WHEN b.subject <> ref OR b.month <> substring(c.sortKey, 0, 7) OR b.key <> ref + '|' + b.month
                    OR NOT c.sortKey ENDS WITH '|' + n.id THEN 1 END) AS misfiled
     }
     CALL (ref) {
       OPTIONAL MATCH (b:TimelineMonth {subject: ref})
       RETURN sum(COUNT { (b)<-[:IN_TIMELINE_MONTH]-() }) AS total
     }
     WITH ref, exact, indexed, misfiled, total
     WHERE size(indexed) <> size(exact) OR total <> size(exact) OR misfiled > 0
       OR any(k IN exact WHERE NOT k IN indexed)
     RETURN ref, size(exact) AS exact, size(indexed) AS indexed, total, misfiled`,
  );
}

/** A timeline as the API gives it, and as the scan gives it: sort keys "<date>|<kind>|<id>" and the counts. */
interface TimelineAnswer {
  dated: string[];
  undated: string[];
  totals: number[];
  undatedCounts: number[];
}

/** The exact timeline by a scan of the graph: dated items oldest first, undated ones by kind and id. */
async function exactTimeline(
  server: TestServer,
  label: string,
  key: string,
  from: string | null,
  to: string | null,
): Promise<TimelineAnswer> {
  const [row] = await server.db.read<{ dated: string[]; undated: string[] }>(
    `MATCH (root:${label} {id: $key})
     ${TIMELINE_ITEMS}
     WHERE ($from IS NULL AND $to IS NULL) OR
       (date IS NOT NULL AND ($from IS NULL OR date >= date($from)) AND ($to IS NULL OR date <= date($to)))
     WITH coalesce(toString(date), '0000-00-00') + '|' + toString(how) + '|' + n.id AS sortKey, date
     ORDER BY sortKey
     WITH collect(CASE WHEN date IS NULL THEN null ELSE sortKey END) AS dated,
       collect(CASE WHEN date IS NULL THEN sortKey END) AS undated
     RETURN dated, undated`,
    { key, from, to },
  );
  const dated = row?.dated ?? [];
  const undated = row?.undated ?? [];
  return { dated, undated, totals: [dated.length], undatedCounts: [undated.length] };
}

const KIND_INDEX: Record<string, number> = { STATEMENT_BY: 0, STATEMENT_ABOUT: 1, STATUS_CHANGE: 2 };

const TIMELINE = `query($id: ID!, $first: Int, $after: String, $from: Date, $to: Date) {
  timeline(id: $id, first: $first, after: $after, from: $from, to: $to) {
    totalCount undatedCount pageInfo { hasNextPage endCursor }
    items { date kind statement { id } statusChange { id } }
    undated { date kind statement { id } statusChange { id } }
  }
}`;

/** Every page of timeline(id:), `first` at a time, as sort keys; undated items from the first page. */
async function timelinePages(
  server: TestServer,
  label: string,
  key: string,
  from: string | null,
  to: string | null,
  first: number,
): Promise<TimelineAnswer> {
  const answer: TimelineAnswer = { dated: [], undated: [], totals: [], undatedCounts: [] };
  const sortKey = (item: any) =>
    // A status change's id is its key; a statement's a global id.
    `${item.date ?? '0000-00-00'}|${KIND_INDEX[item.kind]}|` +
    (item.statement ? toGlobalIdKey(item.statement.id) : item.statusChange!.id);
  let after: string | null = null;
  for (let guard = 0; guard < 500; guard++) {
    const res: GqlResponse = await server.gql(TIMELINE, {
      id: toGlobalId(label as 'Country', key),
      first,
      after,
      from,
      to,
    });
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const timeline = res.data!.timeline;
    answer.totals.push(timeline.totalCount);
    answer.undatedCounts.push(timeline.undatedCount);
    answer.dated.push(...timeline.items.map(sortKey));
    if (after === null) answer.undated.push(...timeline.undated.map(sortKey));
    else assert.deepEqual(timeline.undated, [], 'undated items on the first page only');
    if (!timeline.pageInfo.hasNextPage) break;
    after = timeline.pageInfo.endCursor;
  }
  return answer;
}

/**
 * Checks timeline(id:) against the scan for the busiest actors, countries and meetings (by timeline length),
 * unfiltered and over date ranges, `first` at a time (fewer than the busiest have, so it pages).
 */
async function assertTimelinesExact(server: TestServer, perLabel: number, first: number): Promise<number> {
  const subjects = await server.db.read<{ label: string; key: string; n: number; dates: string[] }>(
    `UNWIND ['Country', 'Actor', 'Meeting'] AS label
     CALL (label) {
       MATCH (root) WHERE label IN labels(root)
       CALL (root) {
         ${TIMELINE_ITEMS}
         RETURN count(n) AS n, collect(DISTINCT toString(date)) AS dates
       }
       WITH root, n, dates WHERE n > 0 ORDER BY n DESC, root.id LIMIT $n
       RETURN root.id AS key, n, dates
     }
     RETURN label, key, n, dates`,
    { n: int(perLabel) },
  );
  assert.ok(
    subjects.some((subject) => subject.n > 2 * first),
    'some timeline spans more than two pages',
  );
  let checked = 0;
  for (const subject of subjects) {
    const dates = [...subject.dates].sort();
    const ranges: [string | null, string | null][] = [[null, null]];
    if (dates.length > 0) {
      const mid = dates[Math.floor(dates.length / 2)]!;
      ranges.push([mid, null], [null, mid], [dates[0]!, mid], [mid, mid]);
      const cut: [string, string] = [`${dates[0]!.slice(0, 7)}-15`, `${dates[dates.length - 1]!.slice(0, 7)}-10`];
      if (cut[0] <= cut[1]) ranges.push(cut);
    }
    for (const [from, to] of ranges) {
      const exact = await exactTimeline(server, subject.label, subject.key, from, to);
      const api = await timelinePages(server, subject.label, subject.key, from, to, first);
      const where = `timeline ${subject.label}:${subject.key} ${from ?? '-'}..${to ?? '-'}`;
      assert.deepEqual(api.dated, exact.dated, where);
      // The first page lists at most `first` undated items.
      assert.deepEqual(api.undated, exact.undated.slice(0, first), where);
      assert.ok(
        api.totals.every((t) => t === exact.dated.length),
        `${where}: totals ${api.totals.join(',')}`,
      );
      assert.ok(
        api.undatedCounts.every((t) => t === exact.undated.length),
        `${where}: undated counts ${api.undatedCounts.join(',')}`,
      );
      checked += 1;
    }
  }
  return checked;
}

function article(i: number, about: string[], extra: Record<string, unknown> = {}) {
  const sentence = `Envoy ${i} said talks on item ${i} would resume.`;
  const text = `Talks ${i}\n${sentence}`;
  return {
    title: `Talks ${i}`,
    language: 'en',
    publishedOn: `2025-0${1 + (i % 6)}-1${i % 10}`,
    outlet: { name: 'Al-Ittihad' },
    text,
    createMissing: true,
    mentions: [{ name: `Envoy ${i}`, kind: 'PERSON', country: 'RU' }],
    statements: [
      {
        speaker: { name: `Envoy ${i}`, kind: 'PERSON', country: 'RU' },
        form: 'PARAPHRASE',
        text: sentence,
        about: about.map((name) => ({ name })),
        cameo: '010',
        goldstein: 0,
        span: spanOf(text, sentence),
      },
    ],
    ...extra,
  };
}

/** An article whose statement is about a meeting (key "m") of these participants, status, date, location. */
function meetingArticle(i: number, meeting: Record<string, unknown>) {
  const input = article(i, [], { meetings: [{ key: 'm', kind: 'TALKS', ...meeting }] });
  (input.statements[0] as { about: unknown[] }).about = [{ meeting: 'm' }];
  return input;
}

describe('subject-month, timeline-month and stats-cell indexes (bounded whoSaidWhatAbout, timeline, statementStats)', () => {
  let server: TestServer;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
  });

  after(async () => {
    await resetData(server.db);
    await server.stop();
  });

  it('matches a recount after the seed, and answers exactly as the scan does', async () => {
    assert.deepEqual(await indexMismatches(server), []);
    const [row] = await server.db.read<{ n: number }>('MATCH ()-[c:IN_SUBJECT_MONTH]->() RETURN count(c) AS n');
    assert.ok(row!.n > 0, 'the seed is indexed');
    assert.ok((await assertAnswersExact(server, 3)) >= 20);
    assert.deepEqual(await timelineMismatches(server), []);
    const [timeline] = await server.db.read<{ n: number }>('MATCH ()-[c:IN_TIMELINE_MONTH]->() RETURN count(c) AS n');
    assert.ok(timeline!.n > 0, 'the seed is indexed for timelines');
    assert.ok((await assertTimelinesExact(server, 3, 3)) >= 20);
    assert.deepEqual(await statsCellMismatches(server.db), []);
    const [cells] = await server.db.read<{ n: number }>('MATCH ()-[c:IN_STATS_CELL]->() RETURN count(c) AS n');
    assert.ok(cells!.n > 0, 'the seed is in stats cells');
    assert.ok((await assertStatsExact(server.db, 3)) >= 60);
  });

  it('stays right under concurrent ingests, replays, failed ingests, merges, deprecations and status changes', async () => {
    // A duplicate of Peskov, a PERSON of no role: statements about him are no statement about Russia until he is
    // merged into Peskov, who holds a role for it.
    const duplicate = await server.gql(INGEST, { input: article(100, ['Envoy 100']) }, asEditor);
    assert.equal(duplicate.errors, undefined, JSON.stringify(duplicate.errors));
    const [dup] = await server.db.read<{ key: string; statement: string }>(
      `MATCH (a:Actor {name_en: 'Envoy 100'})<-[:ABOUT]-(s:Statement) RETURN a.id AS key, s.id AS statement`,
    );
    // A meeting with no location yet, of two envoys the racing merge does not touch (it refreshes Peskov's
    // meetings): an ingest in the race below gives it France, and only that ingest's maintenance files its first
    // status change under France.
    const envoys = [300, 301].map((i) => ({ name: `Envoy ${i}`, kind: 'PERSON', country: 'RU' }));
    const talks = { participants: envoys, date: '2025-03-05' };
    const proposed = await server.gql(
      INGEST,
      { input: meetingArticle(200, { ...talks, status: 'PROPOSED' }) },
      asEditor,
    );
    assert.equal(proposed.errors, undefined, JSON.stringify(proposed.errors));
    const [meeting] = await server.db.read<{ key: string; statement: string }>(
      `MATCH (m:Meeting {date: date('2025-03-05')})<-[:ABOUT]-(s:Statement) RETURN m.id AS key, s.id AS statement`,
    );
    const held = meetingArticle(201, { ...talks, status: 'HELD', location: { name: 'France' } });
    // A seed meeting the racing merge does not touch (the merge refreshes Peskov's meetings), and a status its
    // statement does not assert yet: only setMeetingStatus's own maintenance puts the new entry on its timelines.
    const [seedMeeting] = await server.db.read<{ key: string; statement: string; asserted: string[] }>(
      `MATCH (m:Meeting)<-[:ABOUT]-(s:Statement)
       WHERE NOT EXISTS { (m)-[:PARTICIPANT]->(:Actor {id: 'dmitry-peskov'}) } AND EXISTS { (m)-[:PARTICIPANT]->() }
       RETURN m.id AS key, s.id AS statement,
         [(m)-[:HAS_STATUS]->(c)-[:ASSERTED_BY]->(s) | c.status] AS asserted
       ORDER BY key, statement LIMIT 1`,
    );
    const newStatus = ['PLANNED', 'PROPOSED', 'HELD', 'CANCELLED', 'REJECTED'].find(
      (status) => !seedMeeting!.asserted.includes(status),
    );
    // A statement the duplicate said about something else: only the merge's refresh of what the kept actor says
    // moves its timeline entry to Peskov.
    const spoken = article(102, ['Kremlin']);
    spoken.statements[0]!.speaker = { name: 'Envoy 100', kind: 'PERSON', country: 'RU' };
    const said = await server.gql(INGEST, { input: spoken }, asEditor);
    assert.equal(said.errors, undefined, JSON.stringify(said.errors));
    const ruBefore = await exactIds(server, 'Country', 'RU', null, null);
    const victim = { id: ruBefore[0]! };
    assert.ok(!ruBefore.includes(dup!.statement));

    const about = [['Kremlin'], ['Dmitry Peskov'], ['Russia', 'Kremlin'], ['Envoy 100'], ['Dmitry Peskov', 'Russia']];
    const writes: Promise<{ errors?: unknown[] }>[] = [];
    for (let i = 0; i < 10; i++)
      writes.push(server.gql(INGEST, { input: article(i, about[i % about.length]!) }, asEditor));
    // Replays of the same articles, racing their first ingest.
    for (let i = 0; i < 3; i++)
      writes.push(server.gql(INGEST, { input: article(i, about[i % about.length]!) }, asEditor));
    // An ingest that fails validation writes nothing.
    const invalid = article(50, ['Kremlin']);
    invalid.statements[0]!.span = { start: 0, end: 10_000 };
    writes.push(server.gql(INGEST, { input: invalid }, asEditor));
    writes.push(
      server.gql(
        `mutation($keep: ID!, $remove: ID!) { mergeEntities(keep: $keep, remove: $remove) { id } }`,
        { keep: toGlobalId('Actor', 'dmitry-peskov'), remove: toGlobalId('Actor', dup!.key) },
        asAdmin,
      ),
    );
    writes.push(
      server.gql(
        `mutation($id: ID!, $reason: String!) { deprecateStatement(id: $id, reason: $reason) { id rank } }`,
        { id: toGlobalId('Statement', victim.id), reason: 'test: wrong speaker' },
        asAdmin,
      ),
    );
    // The timeline months: a status change by ingest (to a meeting gaining its location), its replay, and two by
    // curation, racing the merge that moves the duplicate's statements and speech to Peskov.
    writes.push(server.gql(INGEST, { input: held }, asEditor));
    writes.push(server.gql(INGEST, { input: held }, asEditor));
    for (const [m, status] of [
      [meeting!, 'PLANNED'],
      [seedMeeting!, newStatus!],
    ] as const) {
      writes.push(
        server.gql(
          `mutation($m: ID!, $s: ID!, $status: MeetingStatus!) {
            setMeetingStatus(meeting: $m, status: $status, statement: $s) { id }
          }`,
          { m: toGlobalId('Meeting', m.key), s: toGlobalId('Statement', m.statement), status },
          asEditor,
        ),
      );
    }
    const results = await Promise.all(writes);
    const failed = results.map((r, i) => [i, r.errors] as const).filter(([, errors]) => errors !== undefined);
    assert.deepEqual(
      failed.map(([i]) => i),
      [13],
      JSON.stringify(failed),
    );

    assert.deepEqual(await timelineMismatches(server), []);
    const [france] = await server.db.read<{ n: number }>(
      `MATCH (:Meeting {id: $key})-[:HAS_STATUS]->(c:StatusChange)-[t:IN_TIMELINE_MONTH {subject: 'Country:FR'}]->()
       RETURN count(t) AS n`,
      meeting!,
    );
    assert.equal(france!.n, 3, "every status change of the meeting is on its new location's timeline");
    assert.ok((await assertTimelinesExact(server, 2, 4)) >= 10);
    assert.deepEqual(await indexMismatches(server), []);
    const ruAfter = await exactIds(server, 'Country', 'RU', null, null);
    assert.ok(ruAfter.includes(dup!.statement), 'the merge brought the duplicate statement into Russia');
    assert.ok(!ruAfter.includes(victim.id), 'the deprecated statement left Russia');
    const ru = await allPages(server, 'Country', 'RU', null, null);
    assert.deepEqual(ru.ids, ruAfter);
    assert.deepEqual(await statsCellMismatches(server.db), []);
    assert.ok((await assertStatsExact(server.db, 2)) >= 40);

    // Replaying every article again changes nothing at all.
    const counts = await graphCounts(server.db);
    for (let i = 0; i < 10; i++) await server.gql(INGEST, { input: article(i, about[i % about.length]!) }, asEditor);
    await server.gql(INGEST, { input: held }, asEditor);
    assert.deepEqual(await graphCounts(server.db), counts);
  });

  it('merging meetings moves their statements and status changes under the kept meeting and its participants', async () => {
    const meetings = await server.db.read<{ id: string }>(
      `MATCH (m:Meeting)<-[:ABOUT]-(:Statement) RETURN DISTINCT m.id AS id ORDER BY id LIMIT 2`,
    );
    if (meetings.length === 2) {
      const res = await server.gql(
        `mutation($keep: ID!, $remove: ID!) { mergeMeetings(keep: $keep, remove: $remove) { id } }`,
        { keep: toGlobalId('Meeting', meetings[0]!.id), remove: toGlobalId('Meeting', meetings[1]!.id) },
        asAdmin,
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    }
    assert.deepEqual(await indexMismatches(server), []);
    assert.deepEqual(await timelineMismatches(server), []);
    assert.deepEqual(await statsCellMismatches(server.db), []);
  });

  it('is filled by the bulk loader, and the backfill migration rebuilds it idempotently', async () => {
    await resetData(server.db);
    await server.db.writeTx((tx) => tx.run('MATCH (b:SubjectMonth) DETACH DELETE b'));
    await loadSynthetic(server.db, new SynthGenerator({ statements: 600, seed: 5 }), { batchStatements: 200 });
    assert.deepEqual(await indexMismatches(server), []);
    assert.ok((await assertAnswersExact(server, 2)) >= 20);

    // A database written before the index: the backfill fills it, a second run changes nothing.
    const loaded = await graphCounts(server.db);
    await server.db.writeTx((tx) => tx.run('MATCH (b:SubjectMonth) DETACH DELETE b'));
    assert.notDeepEqual(await indexMismatches(server), []);
    await backfillSubjectMonths(server.db);
    assert.deepEqual(await indexMismatches(server), []);
    assert.deepEqual(await graphCounts(server.db), loaded);
    await backfillSubjectMonths(server.db);
    assert.deepEqual(await graphCounts(server.db), loaded);

    // The same for the timeline months.
    assert.deepEqual(await timelineMismatches(server), []);
    assert.ok((await assertTimelinesExact(server, 2, 5)) >= 20);
    await server.db.writeTx((tx) => tx.run('MATCH (b:TimelineMonth) DETACH DELETE b'));
    assert.notDeepEqual(await timelineMismatches(server), []);
    await backfillTimelineMonths(server.db);
    assert.deepEqual(await timelineMismatches(server), []);
    assert.deepEqual(await graphCounts(server.db), loaded);
    await backfillTimelineMonths(server.db);
    assert.deepEqual(await graphCounts(server.db), loaded);

    // The same for the stats cells.
    assert.deepEqual(await statsCellMismatches(server.db), []);
    assert.ok((await assertStatsExact(server.db, 2)) >= 40);
    await server.db.writeTx((tx) => tx.run('MATCH (b:StatsCell) DETACH DELETE b'));
    assert.notDeepEqual(await statsCellMismatches(server.db), []);
    await backfillStatsCells(server.db);
    assert.deepEqual(await statsCellMismatches(server.db), []);
    assert.deepEqual(await graphCounts(server.db), loaded);
    await backfillStatsCells(server.db);
    assert.deepEqual(await graphCounts(server.db), loaded);
  });
});
