import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { startSeededServer, type TestServer } from './helpers/test-server';

/** Issue 4's analyst queries over HTTP on the seed page: search, neighborhood, path, timeline, relations, stats. */
describe('analyst queries', () => {
  let server: TestServer;
  const id: Record<string, string> = {};
  let aboutUkraine: string[] = [];
  let byPeskov: string[] = [];

  async function gqlData(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const res = await server.gql(query, variables);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data;
  }

  async function statementIds(cypher: string): Promise<string[]> {
    const rows = await server.db.read<{ key: string }>(cypher);
    return rows.map((row) => toGlobalId('Statement', row.key)).sort();
  }

  const SEARCH = `query($text: String!, $types: [SearchType!], $first: Int, $after: String) {
    search(text: $text, types: $types, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor }
      edges { cursor score node { __typename id ... on Actor { name } } }
    }
  }`;

  async function search(text: string, variables: Record<string, unknown> = {}): Promise<any> {
    return (await gqlData(SEARCH, { text, first: 100, ...variables })).search;
  }

  before(async () => {
    server = await startSeededServer();
    const actors = await server.db.read<{ key: string; name: string }>(
      'MATCH (a:Actor) RETURN a.id AS key, a.name_en AS name',
    );
    const actor = (name: string) => toGlobalId('Actor', actors.find((a) => a.name === name)!.key);
    id.peskov = actor('Dmitry Peskov');
    id.trump = actor('Donald Trump');
    id.aliyev = actor('Ilham Aliyev');
    id.putin = actor('Vladimir Putin');
    for (const code of ['RU', 'AZ', 'UA', 'US']) id[code] = toGlobalId('Country', code);
    const [summit] = await server.db.read<{ key: string }>("MATCH (m:Meeting {kind: 'SUMMIT'}) RETURN m.id AS key");
    id.summit = toGlobalId('Meeting', summit!.key);
    aboutUkraine = await statementIds("MATCH (s:Statement)-[:ABOUT]->(:Country {id: 'UA'}) RETURN s.id AS key");
    byPeskov = await statementIds(
      'MATCH (s:Statement)-[:SAID_BY]->(:Actor {name_en: "Dmitry Peskov"}) RETURN s.id AS key',
    );
    assert.equal(aboutUkraine.length, 4);
    assert.equal(byPeskov.length, 9);
  });

  after(async () => {
    await server.stop();
  });

  describe('search', () => {
    for (const text of ['أوكرانيا', 'Ukraine']) {
      it(`"${text}" finds the four statements about Ukraine, and Ukraine as the best hit`, async () => {
        const result = await search(text);
        const found = result.edges.map((e: any) => e.node.id);
        for (const statement of aboutUkraine) assert.ok(found.includes(statement), `missing ${statement}`);
        assert.deepEqual(result.edges[0].node, { __typename: 'Country', id: id.UA });
        const scores = result.edges.map((e: any) => e.score);
        assert.deepEqual(
          scores,
          [...scores].sort((a, b) => b - a),
          'ranked best first',
        );
        const onlyStatements = await search(text, { types: ['STATEMENT'] });
        assert.ok(onlyStatements.edges.every((e: any) => e.node.__typename === 'Statement'));
        assert.deepEqual(
          onlyStatements.edges
            .map((e: any) => e.node.id)
            .filter((s: string) => aboutUkraine.includes(s))
            .sort(),
          aboutUkraine,
        );
      });
    }

    it('finds statements about an entity whose own words use another name (كييف for Ukraine)', async () => {
      const [kyivOnly] = await statementIds(
        `MATCH (s:Statement)-[:ABOUT]->(:Country {id: 'UA'})
         WHERE s.text CONTAINS 'كييف' AND NOT s.text CONTAINS 'أوكرانيا' RETURN s.id AS key`,
      );
      assert.ok(kyivOnly, 'the seed has a statement about Ukraine that names only Kyiv');
      const found = (await search('أوكرانيا', { types: ['STATEMENT'] })).edges.map((e: any) => e.node.id);
      assert.ok(found.includes(kyivOnly));
    });

    for (const text of ['بيسكوف', 'Peskov', 'Dmitry Peskov', 'ديميتري بيسكوف']) {
      it(`"${text}" returns Peskov as the first actor hit, and his statements`, async () => {
        const result = await search(text);
        const firstActor = result.edges.find((e: any) => e.node.__typename === 'Actor');
        assert.equal(firstActor?.node.id, id.peskov);
        assert.equal(firstActor?.node.name, 'Dmitry Peskov');
        const found = result.edges.map((e: any) => e.node.id);
        for (const statement of byPeskov) assert.ok(found.includes(statement), 'statements spoken by him');
        const actorsOnly = await search(text, { types: ['ACTOR'] });
        assert.equal(actorsOnly.edges[0].node.id, id.peskov);
      });
    }

    it('never fails on Lucene syntax: hits or BAD_USER_INPUT', async () => {
      const nasty = ['"Ukraine AND (', '*', '?', '~', '\\', '"', 'title:Ukraine', 'Ukraine^10', 'a AND', 'OR', '[a TO'];
      nasty.push('((((((', ')', '{', 'NOT NOT', '/regex/', '&& ||', '-Ukraine', '+Ukraine', 'x'.repeat(500));
      for (const text of nasty) {
        const res = await server.gql(SEARCH, { text, first: 5 });
        const code = res.errors?.[0]?.extensions?.code;
        assert.ok(
          code === undefined || code === 'BAD_USER_INPUT',
          `${JSON.stringify(text)}: ${JSON.stringify(res.errors)}`,
        );
        if (code === 'BAD_USER_INPUT') assert.match(res.errors![0]!.message, /text/);
      }
      const ukraine = await search('"Ukraine AND (');
      assert.ok(ukraine.edges.some((e: any) => e.node.id === id.UA));
    });

    it('pages through the ranking with offset cursors', async () => {
      const all = await search('Peskov');
      const first = await search('Peskov', { first: 3 });
      assert.equal(first.edges.length, 3);
      assert.equal(first.pageInfo.hasNextPage, true);
      assert.equal(first.totalCount, all.totalCount);
      const next = await search('Peskov', { first: 3, after: first.pageInfo.endCursor });
      assert.equal(next.pageInfo.hasPreviousPage, true);
      assert.deepEqual(
        [...first.edges, ...next.edges].map((e: any) => e.node.id),
        all.edges.slice(0, 6).map((e: any) => e.node.id),
      );
      const bad = await server.gql(SEARCH, { text: 'Peskov', after: 'not-a-cursor' });
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });

    it('answers in one database round trip', async () => {
      const res = await server.gql(SEARCH, { text: 'Ukraine', first: 20 });
      assert.equal(res.extensions?.diplograph?.dbRoundTrips, 1);
    });
  });

  describe('neighborhood and path', () => {
    const SUBGRAPH = 'truncated nodes { id type name } edges { source target type }';

    it('holds Peskov and his 9 statements at depth 1, with edges among the nodes only', async () => {
      const { neighborhood } = await gqlData(`query($id: ID!) { neighborhood(id: $id) { ${SUBGRAPH} } }`, {
        id: id.peskov,
      });
      assert.equal(neighborhood.truncated, false);
      const statements = neighborhood.nodes.filter((n: any) => n.type === 'Statement').map((n: any) => n.id);
      assert.deepEqual(statements.sort(), byPeskov);
      assert.ok(neighborhood.nodes.some((n: any) => n.id === id.peskov && n.name === 'Dmitry Peskov'));
      assert.ok(
        neighborhood.nodes.some((n: any) => n.id === id.RU),
        'his country',
      );
      const types = new Set(neighborhood.nodes.map((n: any) => n.type));
      for (const internal of ['Alias', 'Role', 'Report', 'StatusChange']) assert.ok(!types.has(internal));
      const saidBy = neighborhood.edges.filter((e: any) => e.type === 'SAID_BY' && e.target === id.peskov);
      assert.equal(saidBy.length, 9);
      const ids = new Set(neighborhood.nodes.map((n: any) => n.id));
      assert.ok(neighborhood.edges.every((e: any) => ids.has(e.source) && ids.has(e.target)));
      assert.ok(neighborhood.edges.some((e: any) => e.type === 'HOLDS_ROLE_FOR' && e.target === id.RU));
    });

    it('folds reports into REPORTED_IN edges at depth 2, and caps the node count with truncated', async () => {
      const deep = (
        await gqlData(`query($id: ID!) { neighborhood(id: $id, depth: 2) { ${SUBGRAPH} } }`, { id: id.peskov })
      ).neighborhood;
      assert.ok(deep.nodes.some((n: any) => n.type === 'Article'));
      assert.ok(deep.edges.some((e: any) => e.type === 'REPORTED_IN'));
      const capped = (
        await gqlData(`query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 5) { ${SUBGRAPH} } }`, {
          id: id.peskov,
        })
      ).neighborhood;
      assert.equal(capped.truncated, true);
      assert.equal(capped.nodes.length, 5);
    });

    it('refuses depth over 3 and unknown ids', async () => {
      const res = await server.gql(`query($id: ID!) { neighborhood(id: $id, depth: 4) { truncated } }`, {
        id: id.peskov,
      });
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(res.errors![0]!.message, /depth/);
      assert.equal(res.extensions?.diplograph?.dbRoundTrips, 0);
      const missing = await server.gql(`query($id: ID!) { neighborhood(id: $id) { truncated } }`, {
        id: toGlobalId('Actor', 'nobody'),
      });
      assert.equal(missing.errors?.[0]?.extensions?.code, 'NOT_FOUND');
    });

    it('connects Trump to Aliyev within 6 hops', async () => {
      const { path } = await gqlData(
        `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { ${SUBGRAPH} } }`,
        {
          from: id.trump,
          to: id.aliyev,
        },
      );
      assert.ok(path.edges.length > 0);
      // Walk the (undirected) edges from Trump: Aliyev must be reachable within 6 hops.
      const reach = new Map<string, number>([[id.trump!, 0]]);
      for (let hop = 1; hop <= 6; hop++) {
        for (const e of path.edges) {
          for (const [a, b] of [
            [e.source, e.target],
            [e.target, e.source],
          ]) {
            if (reach.get(a) === hop - 1 && !reach.has(b)) reach.set(b, hop);
          }
        }
      }
      assert.ok(reach.has(id.aliyev!), JSON.stringify(path));
      assert.ok(reach.get(id.aliyev!)! <= 6);
      assert.ok(path.nodes.every((n: any) => !['Alias', 'Report', 'Role', 'StatusChange'].includes(n.type)));
      const tooShort = await gqlData(
        `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 1) { ${SUBGRAPH} } }`,
        {
          from: id.trump,
          to: id.aliyev,
        },
      );
      assert.deepEqual(tooShort.path.nodes, []);
      const refused = await server.gql(
        `query($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 7) { truncated } }`,
        {
          from: id.trump,
          to: id.aliyev,
        },
      );
      assert.equal(refused.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.match(refused.errors![0]!.message, /maxHops/);
    });
  });

  describe('timeline', () => {
    const TIMELINE = `query($id: ID!, $from: Date, $to: Date) {
      timeline(id: $id, from: $from, to: $to) {
        totalCount undatedCount
        items { date kind statement { id } statusChange { status } meeting { id } }
        undated { date kind statement { id } statusChange { status } meeting { id } }
      }
    }`;

    it("lists a meeting's statements and status changes in date order", async () => {
      const { timeline } = await gqlData(TIMELINE, { id: id.summit });
      assert.equal(timeline.undatedCount, 0);
      const dates = timeline.items.map((i: any) => i.date);
      assert.deepEqual(dates, [...dates].sort());
      assert.equal(timeline.items.filter((i: any) => i.kind === 'STATEMENT_ABOUT').length, 2);
      const change = timeline.items.find((i: any) => i.kind === 'STATUS_CHANGE');
      assert.deepEqual(
        { status: change.statusChange.status, meeting: change.meeting.id, date: change.date },
        {
          status: 'PROPOSED',
          meeting: id.summit,
          date: '2025-05-06',
        },
      );
    });

    it("lists an actor's statements by and about it, undated ones apart, and filters by date", async () => {
      const { timeline } = await gqlData(TIMELINE, { id: id.peskov });
      const by = [...timeline.items, ...timeline.undated].filter((i: any) => i.kind === 'STATEMENT_BY');
      assert.deepEqual(by.map((i: any) => i.statement.id).sort(), byPeskov);
      assert.ok(timeline.undated.length > 0 && timeline.undated.every((i: any) => i.date === null));
      assert.ok(timeline.items.every((i: any) => i.date !== null));
      assert.equal(timeline.totalCount + timeline.undatedCount, timeline.items.length + timeline.undated.length);
      const may = (await gqlData(TIMELINE, { id: id.peskov, from: '2025-05-01', to: '2025-05-31' })).timeline;
      assert.deepEqual(may.undated, []);
      assert.deepEqual(may.items, timeline.items);
      const putin = (await gqlData(TIMELINE, { id: id.putin })).timeline;
      const statuses = [...putin.items, ...putin.undated].filter((i: any) => i.kind === 'STATUS_CHANGE');
      assert.ok(
        statuses.some((i: any) => i.statusChange.status === 'HELD'),
        'the phone call he took part in',
      );
    });
  });

  describe('relations', () => {
    const RELATIONS = `query($a: ID!, $b: ID!, $interval: Interval!, $from: Date, $to: Date) {
      relations(a: $a, b: $b, interval: $interval, from: $from, to: $to) {
        a { id } b { id }
        buckets { start end aToB { count meanGoldstein } bToA { count meanGoldstein } }
        undated { aToB { count meanGoldstein } bToA { count meanGoldstein } }
        total { aToB { count } bToA { count } }
      }
    }`;

    it('counts Russia-Azerbaijan statements, all undated, apart, with their office-holders', async () => {
      const { relations } = await gqlData(RELATIONS, { a: id.RU, b: id.AZ, interval: 'MONTH' });
      assert.deepEqual([relations.a.id, relations.b.id], [id.RU, id.AZ]);
      assert.deepEqual(relations.buckets, []);
      // Two about Azerbaijan on behalf of Russia, and one by the Kremlin spokesman about Azerbaijan's president.
      assert.equal(relations.undated.aToB.count, 3);
      assert.equal(relations.undated.bToA.count, 0);
      assert.equal(relations.undated.aToB.meanGoldstein, -2.8);
      assert.deepEqual(relations.total, { aToB: { count: 3 }, bToA: { count: 0 } });
      const dated = (await gqlData(RELATIONS, { a: id.RU, b: id.AZ, interval: 'MONTH', from: '2025-01-01' })).relations;
      assert.equal(dated.undated.aToB.count, 0);
    });

    it('buckets dated statements by week, month or year', async () => {
      const month = (await gqlData(RELATIONS, { a: id.US, b: id.RU, interval: 'MONTH' })).relations;
      assert.deepEqual(month.buckets, [
        {
          start: '2025-05-01',
          end: '2025-05-31',
          aToB: { count: 1, meanGoldstein: 0.4 },
          bToA: { count: 1, meanGoldstein: 4 },
        },
      ]);
      const week = (await gqlData(RELATIONS, { a: id.US, b: id.RU, interval: 'WEEK' })).relations;
      assert.deepEqual([week.buckets[0].start, week.buckets[0].end], ['2025-05-05', '2025-05-11']);
      const year = (await gqlData(RELATIONS, { a: id.US, b: id.RU, interval: 'YEAR' })).relations;
      assert.equal(year.buckets[0].start, '2025-01-01');
      const bad = await server.gql(RELATIONS, { a: id.summit, b: id.RU, interval: 'YEAR' });
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });
  });

  describe('statementStats', () => {
    const STATS = `query($groupBy: StatsGroup!, $filter: StatementFilter, $top: Int) {
      statementStats(groupBy: $groupBy, filter: $filter, top: $top) {
        key { __typename id } label count meanGoldstein
      }
    }`;

    it('gives Peskov 9 and Trump 1 by speaker, biggest first, with the speaker as key', async () => {
      const { statementStats } = await gqlData(STATS, { groupBy: 'SPEAKER' });
      assert.deepEqual(
        statementStats.map((r: any) => [r.key.id, r.label, r.count]),
        [
          [id.peskov, 'Dmitry Peskov', 9],
          [id.trump, 'Donald Trump', 1],
        ],
      );
      assert.equal(statementStats[1].meanGoldstein, 0.4);
    });

    it('groups by subject, speaker country, CAMEO, PLOVER and month, and applies the statement filter', async () => {
      const about = (await gqlData(STATS, { groupBy: 'ABOUT' })).statementStats;
      assert.deepEqual(about.find((r: any) => r.key?.id === id.UA)?.count, 4);
      const counts = about.map((r: any) => r.count);
      assert.deepEqual(
        counts,
        [...counts].sort((a: number, b: number) => b - a),
      );
      const countries = (await gqlData(STATS, { groupBy: 'SPEAKER_COUNTRY' })).statementStats;
      assert.deepEqual(
        countries.map((r: any) => [r.key.id, r.count]),
        [
          [id.RU, 9],
          [id.US, 1],
        ],
      );
      const months = (await gqlData(STATS, { groupBy: 'MONTH' })).statementStats;
      assert.deepEqual(
        months.map((r: any) => [r.key, r.label, r.count]),
        [
          [null, '(undated)', 7],
          [null, '2025-05', 3],
        ],
      );
      const cameo = (await gqlData(STATS, { groupBy: 'CAMEO', top: 2 })).statementStats;
      assert.equal(cameo.length, 2);
      assert.equal(cameo[0].label, '010');
      assert.equal(cameo[0].count, 3);
      const plover = (await gqlData(STATS, { groupBy: 'PLOVER' })).statementStats;
      assert.equal(
        plover.reduce((n: number, r: any) => n + r.count, 0),
        10,
      );
      const filtered = (await gqlData(STATS, { groupBy: 'SPEAKER', filter: { about: id.UA } })).statementStats;
      assert.deepEqual(
        filtered.map((r: any) => [r.label, r.count]),
        [
          ['Dmitry Peskov', 3],
          ['Donald Trump', 1],
        ],
      );
      const dated = (await gqlData(STATS, { groupBy: 'SPEAKER', filter: { from: '2025-05-01', cameo: '03' } }))
        .statementStats;
      assert.deepEqual(
        dated.map((r: any) => [r.label, r.count]),
        [['Dmitry Peskov', 1]],
      );
      const bad = await server.gql(STATS, { groupBy: 'SPEAKER', top: 0 });
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(bad.extensions?.diplograph?.dbRoundTrips, 0);
    });
  });

  it('leaves deprecated statements out of search, neighborhood, timeline, relations and stats', async () => {
    const [target] = await server.db.read<{ key: string }>(
      `MATCH (s:Statement)-[:ABOUT]->(:Country {id: 'AZ'}) MATCH (s)-[:ON_BEHALF_OF]->(:Country {id: 'RU'})
       RETURN s.id AS key ORDER BY key LIMIT 1`,
    );
    const deprecated = toGlobalId('Statement', target!.key);
    await server.db.writeTx((tx) =>
      tx.run("MATCH (s:Statement {id: $key}) SET s:DeprecatedStatement, s.rank = 'DEPRECATED'", target!),
    );
    try {
      const stats = (await gqlData('{ statementStats(groupBy: SPEAKER) { label count } }')).statementStats.find(
        (r: any) => r.label === 'Dmitry Peskov',
      );
      assert.equal(stats.count, 8);
      const hits = (await search('Azerbaijan', { types: ['STATEMENT'] })).edges.map((e: any) => e.node.id);
      assert.ok(!hits.includes(deprecated));
      const around = (
        await gqlData(`query($id: ID!) { neighborhood(id: $id) { nodes { id } } }`, { id: id.peskov })
      ).neighborhood.nodes.map((n: any) => n.id);
      assert.ok(!around.includes(deprecated));
      const relations = (
        await gqlData(
          `query($a: ID!, $b: ID!) { relations(a: $a, b: $b, interval: YEAR) { undated { aToB { count } } } }`,
          {
            a: id.RU,
            b: id.AZ,
          },
        )
      ).relations;
      assert.equal(relations.undated.aToB.count, 2);
      const timeline = (
        await gqlData(`query($id: ID!) { timeline(id: $id) { undated { statement { id } } } }`, { id: id.AZ })
      ).timeline.undated.map((i: any) => i.statement?.id);
      assert.ok(!timeline.includes(deprecated));
    } finally {
      await server.db.writeTx((tx) =>
        tx.run("MATCH (s:Statement {id: $key}) SET s.rank = 'NORMAL' REMOVE s:DeprecatedStatement", target!),
      );
    }
  });

  it('costs the same round trips for a statements page of 2 and of 10', async () => {
    const PAGE = `query($first: Int) {
      statements(first: $first) {
        edges { node { speaker { name } about { name } reports { article { outlet { name } } via { name } } } }
      }
    }`;
    const small = await server.gql(PAGE, { first: 2 });
    const large = await server.gql(PAGE, { first: 10 });
    assert.equal(small.errors, undefined, JSON.stringify(small.errors));
    assert.equal(large.errors, undefined, JSON.stringify(large.errors));
    assert.equal(small.data!.statements.edges.length, 2);
    assert.equal(large.data!.statements.edges.length, 10);
    const trips = [small.extensions?.diplograph?.dbRoundTrips, large.extensions?.diplograph?.dbRoundTrips];
    console.log(`statements page round trips: first 2 -> ${trips[0]}, first 10 -> ${trips[1]}`);
    assert.equal(trips[0], trips[1]);
    assert.ok(trips[0] <= 6, `small: ${trips[0]}`);
  });
});
