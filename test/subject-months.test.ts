import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { int } from '../src/shared/neo4j/database';
import { backfillSubjectMonths } from '../src/shared/neo4j/subject-months.repository';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic } from '../src/synth/synth-load';
import { graphCounts } from './helpers/graph-counts';
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

describe('subject-month index (bounded whoSaidWhatAbout)', () => {
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
  });

  it('stays right under concurrent ingests, replays, failed ingests, merges and deprecations', async () => {
    // A duplicate of Peskov, a PERSON of no role: statements about him are no statement about Russia until he is
    // merged into Peskov, who holds a role for it.
    const duplicate = await server.gql(INGEST, { input: article(100, ['Envoy 100']) }, asEditor);
    assert.equal(duplicate.errors, undefined, JSON.stringify(duplicate.errors));
    const [dup] = await server.db.read<{ key: string; statement: string }>(
      `MATCH (a:Actor {name_en: 'Envoy 100'})<-[:ABOUT]-(s:Statement) RETURN a.id AS key, s.id AS statement`,
    );
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
    const results = await Promise.all(writes);
    const failed = results.map((r, i) => [i, r.errors] as const).filter(([, errors]) => errors !== undefined);
    assert.deepEqual(
      failed.map(([i]) => i),
      [13],
      JSON.stringify(failed),
    );

    assert.deepEqual(await indexMismatches(server), []);
    const ruAfter = await exactIds(server, 'Country', 'RU', null, null);
    assert.ok(ruAfter.includes(dup!.statement), 'the merge brought the duplicate statement into Russia');
    assert.ok(!ruAfter.includes(victim.id), 'the deprecated statement left Russia');
    const ru = await allPages(server, 'Country', 'RU', null, null);
    assert.deepEqual(ru.ids, ruAfter);

    // Replaying every article again changes nothing at all.
    const counts = await graphCounts(server.db);
    for (let i = 0; i < 10; i++) await server.gql(INGEST, { input: article(i, about[i % about.length]!) }, asEditor);
    assert.deepEqual(await graphCounts(server.db), counts);
  });

  it('merging meetings moves their statements under the kept meeting and its participants', async () => {
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
  });
});
