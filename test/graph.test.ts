import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { startSeededServer, type TestServer } from './helpers/test-server';

/** The reading side of the knowledge graph over HTTP, on the seed page (issue 3's acceptance data). */
describe('knowledge graph reads', () => {
  let server: TestServer;
  const ids: Record<string, string> = {};

  async function gqlData(query: string, variables: Record<string, unknown> = {}): Promise<any> {
    const res = await server.gql(query, variables);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data;
  }

  async function resolveOne(name: string): Promise<{ id: string; __typename: string; name: string }[]> {
    const data = await gqlData(`query($name: String!) { resolveEntity(name: $name) { __typename id name } }`, {
      name,
    });
    return data.resolveEntity;
  }

  const WHO = `query($about: ID!, $includeRelated: Boolean, $includeDeprecated: Boolean, $from: Date, $to: Date,
      $speaker: ID, $first: Int, $after: String) {
    whoSaidWhatAbout(about: $about, includeRelated: $includeRelated, includeDeprecated: $includeDeprecated,
        from: $from, to: $to, speaker: $speaker, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id text rank date speaker { id name } reports { span { start } } } }
    }
  }`;

  async function who(about: string, variables: Record<string, unknown> = {}): Promise<any> {
    return (await gqlData(WHO, { about, ...variables })).whoSaidWhatAbout;
  }

  before(async () => {
    server = await startSeededServer();
    for (const [key, name] of [
      ['peskov', 'Dmitry Peskov'],
      ['putin', 'Vladimir Putin'],
      ['trump', 'Donald Trump'],
      ['aliyev', 'Ilham Aliyev'],
      ['kremlin', 'Kremlin'],
    ] as const) {
      const [first] = await resolveOne(name);
      assert.ok(first, `${name} resolves`);
      ids[key] = first.id;
    }
    for (const code of ['RU', 'UA', 'AZ', 'US']) ids[code] = toGlobalId('Country', code);
  });

  after(async () => {
    await server.stop();
  });

  describe('resolveEntity', () => {
    for (const [who, names] of [
      ['trump', ['ترمب', 'ترامب', 'Donald Trump']],
      ['peskov', ['دميتري بيسكوف', 'ديميتري بيسكوف', 'Dmitry Peskov']],
    ] as const) {
      it(`returns the same single actor for ${names.join(', ')}`, async () => {
        for (const name of names) {
          const found = await resolveOne(name);
          assert.deepEqual(
            found.map((e) => [e.__typename, e.id]),
            [['Actor', ids[who]]],
            name,
          );
        }
      });
    }

    it('resolves capitals to their countries: موسكو is Russia, كييف is Ukraine', async () => {
      assert.deepEqual((await resolveOne('موسكو'))[0], { __typename: 'Country', id: ids.RU, name: 'Russia' });
      assert.deepEqual((await resolveOne('كييف'))[0], { __typename: 'Country', id: ids.UA, name: 'Ukraine' });
      assert.equal((await resolveOne('Kyiv'))[0]!.id, ids.UA);
    });

    it('finds close spellings no alias holds, and shrugs off Lucene syntax', async () => {
      assert.equal((await resolveOne('Dmitrii Peskow'))[0]?.id, ids.peskov);
      assert.equal((await resolveOne('بسكوف'))[0]?.id, ids.peskov);
      const res = await server.gql(`{ resolveEntity(name: "\\"Ukraine AND (") { id } }`);
      assert.equal(res.errors, undefined);
      assert.equal(res.data!.resolveEntity[0]?.id, ids.UA);
      const empty = await server.gql(`{ resolveEntity(name: "«»") { id } }`);
      assert.equal(empty.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });
  });

  describe('whoSaidWhatAbout', () => {
    it('Azerbaijan: 2 statements, 3 with its office-holders (Aliyev), all by Peskov', async () => {
      const direct = await who(ids.AZ!);
      assert.equal(direct.totalCount, 2);
      assert.equal(direct.edges.length, 2);
      const related = await who(ids.AZ!, { includeRelated: true });
      assert.equal(related.totalCount, 3);
      assert.ok(related.edges.every((e: any) => e.node.speaker.id === ids.peskov));
    });

    it('Ukraine: 4 statements, 1 by Trump and 3 by Peskov', async () => {
      const ukraine = await who(ids.UA!);
      assert.equal(ukraine.totalCount, 4);
      const bySpeaker = ukraine.edges.map((e: any) => e.node.speaker.name).sort();
      assert.deepEqual(bySpeaker, ['Dmitry Peskov', 'Dmitry Peskov', 'Dmitry Peskov', 'Donald Trump']);
      const byPeskov = await who(ids.UA!, { speaker: ids.peskov });
      assert.equal(byPeskov.totalCount, 3);
    });

    it('the Putin-Trump summit: statements 1 and 2, with their spans in article 1', async () => {
      const meetings = await gqlData(
        `query($p: ID!) { meetings(filter: {participant: $p, kind: SUMMIT}) { edges { node { id } } } }`,
        { p: ids.putin },
      );
      const summit = meetings.meetings.edges[0].node.id;
      const about = await who(summit);
      assert.equal(about.totalCount, 2);
      const starts = about.edges.map((e: any) => e.node.reports[0].span.start).sort((a: number, b: number) => a - b);
      assert.deepEqual(starts, [292, 614]);
    });

    it('with includeRelated, an actor brings the statements about its meetings', async () => {
      const putin = await who(ids.putin!);
      const related = await who(ids.putin!, { includeRelated: true });
      // Putin is named in statements 1, 4, 5 and 6; his meetings add statement 2 (the summit).
      assert.equal(putin.totalCount, 4);
      assert.equal(related.totalCount, 5);
    });

    it('filters on dates, leaving undated statements out of dated queries only', async () => {
      const dated = await who(ids.UA!, { from: '2025-05-01', to: '2025-05-31' });
      assert.equal(dated.totalCount, 1);
      assert.equal(dated.edges[0].node.date, '2025-05-06');
      const later = await who(ids.UA!, { from: '2025-05-07' });
      assert.equal(later.totalCount, 0);
    });

    it('pages with stable cursors, newest first, totalCount over all pages', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      for (;;) {
        const page: any = await who(ids.UA!, { first: 3, after: cursor, includeRelated: true });
        assert.equal(page.totalCount, 4);
        seen.push(...page.edges.map((e: any) => e.node.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        cursor = page.pageInfo.endCursor;
      }
      assert.equal(pages, 2);
      assert.equal(new Set(seen).size, 4);
      const all = await who(ids.UA!, { first: 10, includeRelated: true });
      assert.deepEqual(
        all.edges.map((e: any) => e.node.id),
        seen,
      );
      assert.equal(all.edges[0].node.date, '2025-05-06', 'dated statements come first');
    });

    it('rejects ids of the wrong kind and bad page sizes with BAD_USER_INPUT', async () => {
      const article = (await gqlData(`{ articles(first: 1) { edges { node { id } } } }`)).articles.edges[0].node.id;
      for (const variables of [{ about: article }, { about: ids.UA, first: 0 }, { about: ids.UA, speaker: ids.RU }]) {
        const res = await server.gql(WHO, variables);
        assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT', JSON.stringify(variables));
      }
    });
  });

  describe('statements', () => {
    it('holds 10 statements, 9 by Peskov, each with a report whose span text is in its article', async () => {
      const data = await gqlData(`{
        statements(first: 100) {
          totalCount
          edges { node { text speaker { id } reports { span { start end text } article { text } } } }
        }
      }`);
      assert.equal(data.statements.totalCount, 10);
      const nodes = data.statements.edges.map((e: any) => e.node);
      assert.equal(nodes.filter((s: any) => s.speaker.id === ids.peskov).length, 9);
      for (const statement of nodes) {
        assert.ok(statement.reports.length >= 1);
        assert.ok(
          statement.reports.some(
            (r: any) =>
              r.article.text.includes(r.span.text) && r.article.text.slice(r.span.start, r.span.end) === r.span.text,
          ),
          statement.text,
        );
      }
    });

    it('filters by speaker, subject, language and CAMEO prefix', async () => {
      const count = async (filter: Record<string, unknown>) =>
        (await gqlData(`query($f: StatementFilter) { statements(filter: $f) { totalCount } }`, { f: filter }))
          .statements.totalCount;
      assert.equal(await count({ speaker: ids.trump }), 1);
      assert.equal(await count({ speaker: ids.peskov, about: ids.AZ }), 2);
      assert.equal(await count({ language: 'ar' }), 10);
      assert.equal(await count({ language: 'en' }), 0);
      assert.equal(await count({ cameo: '11' }), 2);
      assert.equal(await count({ cameo: '036' }), 2);
      const bad = await server.gql(`{ statements(filter: {cameo: "x1", language: "??"}) { totalCount } }`);
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.deepEqual(
        bad.errors?.[0]?.extensions?.problems.map((p: any) => p.path),
        ['filter.cameo', 'filter.language'],
      );
    });

    it('resolves speaker, on whose behalf, subjects and provenance', async () => {
      const data = await gqlData(
        `query($s: ID!) { statements(filter: {speaker: $s, cameo: "036"}) { edges { node {
          form verb onBehalfOf { __typename name }
          about { __typename name ... on Meeting { kind } }
          reports { via { name } article { publishedOn outlet { name kind country { code } } } }
        } } } }`,
        { s: ids.peskov },
      );
      const summitStatement = data.statements.edges
        .map((e: any) => e.node)
        .find((s: any) => s.onBehalfOf?.name === 'Kremlin');
      assert.ok(summitStatement, 'statement 1 is on behalf of the Kremlin');
      assert.equal(summitStatement.form, 'DIRECT_QUOTE');
      assert.deepEqual(summitStatement.about[0], {
        __typename: 'Meeting',
        name: summitStatement.about[0].name,
        kind: 'SUMMIT',
      });
      assert.deepEqual(
        summitStatement.about.slice(1).map((s: any) => s.name),
        ['Donald Trump', 'Vladimir Putin'],
      );
      assert.equal(summitStatement.reports[0].via.name, 'RIA Novosti');
      assert.deepEqual(summitStatement.reports[0].article, {
        publishedOn: '2025-05-06',
        outlet: { name: 'Al-Ittihad', kind: 'MEDIA', country: { code: 'AE' } },
      });
      const russia = await gqlData(
        `query($s: ID!, $a: ID!) { statements(filter: {speaker: $s, about: $a}) { edges { node { onBehalfOf { __typename ... on Country { code } } } } } }`,
        { s: ids.peskov, a: ids.AZ },
      );
      assert.ok(russia.statements.edges.every((e: any) => e.node.onBehalfOf.code === 'RU'));
    });
  });

  describe('meetings', () => {
    it("Putin's: the summit (PROPOSED) and the phone call (HELD, at least 120 minutes)", async () => {
      const data = await gqlData(
        `query($p: ID!) { meetings(filter: {participant: $p}) { totalCount edges { node {
          kind status durationMinutes name ar: name(lang: "ar")
          participants { name }
          statusHistory { status asOf statement { verb } }
          statements { totalCount }
        } } } }`,
        { p: ids.putin },
      );
      assert.equal(data.meetings.totalCount, 2);
      const byKind = Object.fromEntries(data.meetings.edges.map((e: any) => [e.node.kind, e.node]));
      assert.equal(byKind.SUMMIT.status, 'PROPOSED');
      assert.deepEqual(
        byKind.SUMMIT.participants.map((p: any) => p.name),
        ['Donald Trump', 'Vladimir Putin'],
      );
      assert.deepEqual(byKind.SUMMIT.statusHistory, [
        { status: 'PROPOSED', asOf: '2025-05-06', statement: { verb: 'أضاف' } },
      ]);
      assert.equal(byKind.SUMMIT.statements.totalCount, 2);
      assert.equal(byKind.PHONE_CALL.status, 'HELD');
      assert.ok(byKind.PHONE_CALL.durationMinutes >= 120);
      assert.ok(byKind.SUMMIT.name.length > 0 && byKind.SUMMIT.ar.length > 0);
    });

    it('filters by status and kind', async () => {
      const held = await gqlData(`{ meetings(filter: {status: HELD}) { totalCount } }`);
      assert.equal(held.meetings.totalCount, 2);
      const contact = await gqlData(`{ meetings(filter: {kind: CONTACT, status: HELD}) { totalCount } }`);
      assert.equal(contact.meetings.totalCount, 1);
    });
  });

  describe('actors, articles, topics and node(id)', () => {
    it('lists actors by kind, country and name fragment, with roles and aliases', async () => {
      const data = await gqlData(`{
        media: actors(filter: {kind: MEDIA}) { totalCount }
        russians: actors(filter: {country: "ru"}) { totalCount }
        byName: actors(filter: {name: "بيسكوف"}) { edges { node {
          name ar: name(lang: "ar") kind wikidata country { code }
          aliases { text lang }
          roles { title ar: title(lang: "ar") since organization { name } country { code } }
          statements(first: 2) { totalCount pageInfo { hasNextPage } edges { node { speaker { name } } } }
        } } }
      }`);
      assert.equal(data.media.totalCount, 2);
      assert.equal(data.russians.totalCount, 4);
      const [peskov] = data.byName.edges.map((e: any) => e.node);
      assert.equal(data.byName.edges.length, 1);
      assert.equal(peskov.name, 'Dmitry Peskov');
      assert.equal(peskov.country.code, 'RU');
      assert.ok(peskov.aliases.some((a: any) => a.text === 'ديميتري بيسكوف' && a.lang === 'ar'));
      assert.equal(peskov.roles[0].organization.name, 'Kremlin');
      assert.equal(peskov.roles[0].country.code, 'RU');
      assert.equal(peskov.roles[0].ar, 'المتحدث باسم الكرملين');
      assert.equal(peskov.statements.totalCount, 9);
      assert.equal(peskov.statements.edges.length, 2);
      assert.equal(peskov.statements.pageInfo.hasNextPage, true);
      const bad = await server.gql(`{ actors(filter: {country: "Russia"}) { totalCount } }`);
      assert.equal(bad.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    });

    it('lists articles newest first, with outlet, mentions, topics and statements in text order', async () => {
      const data = await gqlData(`{ articles { totalCount edges { node {
        title publishedOn outlet { name } mentions { __typename name } topics { name }
        statements { verb reports { span { start } } }
      } } } }`);
      assert.equal(data.articles.totalCount, 2);
      const [first, second] = data.articles.edges.map((e: any) => e.node);
      assert.equal(first.publishedOn, '2025-05-06');
      assert.equal(second.publishedOn, null);
      assert.equal(first.outlet.name, 'Al-Ittihad');
      assert.ok(first.mentions.some((m: any) => m.__typename === 'Country' && m.name === 'Ukraine'));
      assert.ok(first.mentions.some((m: any) => m.__typename === 'Actor' && m.name === 'Kremlin'));
      assert.equal(second.topics.length, 3);
      assert.equal(first.statements.length, 3);
      assert.equal(second.statements.length, 7);
      const starts = second.statements.map((s: any) => s.reports[0].span.start);
      assert.deepEqual(
        starts,
        [...starts].sort((a: number, b: number) => a - b),
      );
      const trump = await gqlData(`query($id: ID!) { node(id: $id) { ... on Actor { mentionedIn { totalCount } } } }`, {
        id: ids.trump,
      });
      assert.equal(trump.node.mentionedIn.totalCount, 1);
    });

    it('lists topics and fetches every node type again by id', async () => {
      const data = await gqlData(`{
        topics { totalCount edges { node { id name } } }
        statements(first: 1) { edges { node { id } } }
        meetings(first: 1) { edges { node { id } } }
        articles(first: 1) { edges { node { id } } }
      }`);
      assert.equal(data.topics.totalCount, 3);
      const nodeIds = [
        data.topics.edges[0].node.id,
        data.statements.edges[0].node.id,
        data.meetings.edges[0].node.id,
        data.articles.edges[0].node.id,
        ids.peskov,
        ids.RU,
      ];
      for (const id of nodeIds) {
        const res = await gqlData(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
        assert.equal(res.node?.id, id);
      }
      const missing = await gqlData(`query($id: ID!) { node(id: $id) { id } }`, { id: toGlobalId('Actor', 'nobody') });
      assert.equal(missing.node, null);
    });
  });

  describe('batching', () => {
    async function roundTrips(query: string, variables: Record<string, unknown>): Promise<number> {
      const res = await server.gql(query, variables);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      return res.extensions!.diplograph.dbRoundTrips;
    }

    it('a page of statements with speaker, about and provenance costs the same round trips at 2 as at 10', async (t) => {
      const query = `query($first: Int) { statements(first: $first) { totalCount edges { node {
        text speaker { name country { code } } onBehalfOf { name }
        about { __typename name }
        reports { span { text } article { title outlet { name } } via { name } }
      } } } }`;
      const two = await roundTrips(query, { first: 2 });
      const ten = await roundTrips(query, { first: 10 });
      t.diagnostic(`statements page: ${two} round trips at first: 2, ${ten} at first: 10`);
      assert.equal(two, ten);
      assert.ok(ten <= 3, `${ten} round trips`);
    });

    it('a page reads the selected subjects, reports, articles and outlets along: one round trip, same answers', async () => {
      const fields = `id text speaker { id name } about { __typename id name }
        reports { span { start end text } article { id title publishedOn outlet { id name } } via { id name } }`;
      const res = await server.gql(`{ statements(first: 10) { totalCount edges { node { ${fields} } } } }`);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.extensions!.diplograph.dbRoundTrips, 1);
      const page = (res.data as any).statements.edges.map((e: any) => e.node);
      assert.ok(page.some((s: any) => s.about.length > 1 && s.reports.some((r: any) => r.via)));
      // The same statements one by one, through the per-field loaders, must read the same.
      for (const statement of page) {
        const one = await gqlData(`query($id: ID!) { node(id: $id) { ... on Statement { ${fields} } } }`, {
          id: statement.id,
        });
        assert.deepEqual(one.node, statement);
      }
      // Selecting the article text costs one more round trip: the text is read only when asked for.
      const withText = await server.gql(
        `{ statements(first: 10) { edges { node { reports { article { text } } } } } }`,
      );
      assert.equal(withText.extensions!.diplograph.dbRoundTrips, 2);
      assert.ok((withText.data as any).statements.edges[0].node.reports[0].article.text.length > 100);
    });

    it('connection fields on a list of parents batch into one query per level', async (t) => {
      const query = `query($first: Int) { actors(first: $first) { edges { node {
        name roles { title organization { name } }
        statements(first: 2) { totalCount edges { node { about { name } speaker { name } } } }
        mentionedIn(first: 1) { totalCount edges { node { outlet { name } } } }
      } } } }`;
      const two = await roundTrips(query, { first: 2 });
      const nine = await roundTrips(query, { first: 9 });
      t.diagnostic(`actors with statements and mentions: ${two} round trips at first: 2, ${nine} at first: 9`);
      assert.equal(two, nine);
      const meetings = `query($first: Int) { meetings(first: $first) { edges { node {
        participants { name } statusHistory { statement { speaker { name } } }
        statements { totalCount edges { node { speaker { name } } } }
      } } } }`;
      assert.equal(await roundTrips(meetings, { first: 1 }), await roundTrips(meetings, { first: 3 }));
    });
  });

  describe('deprecated statements', () => {
    it('are left out unless includeDeprecated is true', async () => {
      const ukraine = await who(ids.UA!);
      const target = ukraine.edges.find((e: any) => e.node.speaker.id === ids.trump).node;
      const key = Buffer.from(target.id, 'base64url').toString('utf8').slice('Statement:'.length);
      await server.db.writeTx((tx) =>
        tx.run(
          `MATCH (s:Statement {id: $key}) SET s:DeprecatedStatement, s.rank = 'DEPRECATED', s.deprecatedReason = 'test'`,
          {
            key,
          },
        ),
      );
      try {
        assert.equal((await who(ids.UA!)).totalCount, 3);
        const all = await who(ids.UA!, { includeDeprecated: true });
        assert.equal(all.totalCount, 4);
        assert.equal(all.edges.find((e: any) => e.node.id === target.id).node.rank, 'DEPRECATED');
        const counts = await gqlData(
          `query($t: ID!) {
          all: statements { totalCount }
          withDeprecated: statements(includeDeprecated: true) { totalCount }
          trump: node(id: $t) { ... on Actor { statements { totalCount } withDeprecated: statements(includeDeprecated: true) { totalCount } } }
          articles { edges { node { statements { id } } } }
        }`,
          { t: ids.trump },
        );
        assert.equal(counts.all.totalCount, 9);
        assert.equal(counts.withDeprecated.totalCount, 10);
        assert.equal(counts.trump.statements.totalCount, 0);
        assert.equal(counts.trump.withDeprecated.totalCount, 1);
        const inArticles = counts.articles.edges.flatMap((e: any) => e.node.statements.map((s: any) => s.id));
        assert.equal(inArticles.length, 9);
        const node = await gqlData(
          `query($id: ID!) { node(id: $id) { ... on Statement { rank deprecation { reason } } } }`,
          {
            id: target.id,
          },
        );
        assert.deepEqual(node.node, { rank: 'DEPRECATED', deprecation: { reason: 'test' } });
      } finally {
        await server.db.writeTx((tx) =>
          tx.run(
            `MATCH (s:Statement {id: $key}) SET s.rank = 'NORMAL' REMOVE s:DeprecatedStatement, s.deprecatedReason`,
            {
              key,
            },
          ),
        );
      }
    });
  });
});
