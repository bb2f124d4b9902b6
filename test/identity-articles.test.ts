import 'reflect-metadata';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { graphCounts } from './helpers/graph-counts';
import { startSeededServer, type TestServer } from './helpers/test-server';
import { asAdmin, asEditor, INGEST, spanOf, TEST_API_KEYS } from './helpers/write-keys';

const MERGE_MEETINGS = `mutation($keep: ID!, $remove: ID!) {
  mergeMeetings(keep: $keep, remove: $remove) { id status date location { id } statusHistory { status } }
}`;

interface IngestResult {
  article: { id: string; url: string | null; text: string };
  created: Record<string, number>;
  matched: Record<string, number>;
}

describe('identity of articles, spans and meetings (issue 12, kinds 3, 5 and 6)', () => {
  let server: TestServer;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
  });

  after(async () => {
    await server.stop();
  });

  async function ingest(input: Record<string, unknown>): Promise<IngestResult> {
    const res = await server.gql(INGEST, { input }, asEditor);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    return res.data!.ingestArticle as IngestResult;
  }

  async function ingestError(input: Record<string, unknown>): Promise<{ code: string; paths: string[] }> {
    const res = await server.gql(INGEST, { input }, asEditor);
    const error = res.errors?.[0];
    assert.ok(error, 'expected an error');
    const problems = (error.extensions?.problems ?? []) as { path: string }[];
    return { code: error.extensions?.code as string, paths: problems.map((p) => p.path) };
  }

  describe('kind 3: spans are whole characters, in UTF-16 code units', () => {
    const text = 'Emoji\nHe said 😀 fine. 👨‍👩‍👧 family. e\u0301 and مُحَمَّد. 🇷🇺 flag.';
    const article = (span: { start: number; end: number }, title = 'Emoji') => ({
      title,
      language: 'en',
      outlet: { name: 'Al-Ittihad' },
      text: text.replace('Emoji', title),
      statements: [
        {
          speaker: { name: 'Dmitry Peskov' },
          form: 'PARAPHRASE',
          text: 'He said something.',
          about: [{ name: 'Kremlin' }],
          cameo: '010',
          span,
        },
      ],
    });
    const emoji = text.indexOf('😀');
    const family = text.indexOf('👨');
    const accent = text.indexOf('e\u0301');
    const arabic = text.indexOf('مُ');
    const flag = text.indexOf('🇷🇺');
    const cuts: [string, { start: number; end: number }][] = [
      ['end inside a surrogate pair', { start: 6, end: emoji + 1 }],
      ['start inside a surrogate pair', { start: emoji + 1, end: emoji + 8 }],
      ['end inside a ZWJ emoji sequence', { start: 6, end: family + 2 }],
      ['end between a letter and its combining accent', { start: 6, end: accent + 1 }],
      ['end between an Arabic letter and its damma', { start: 6, end: arabic + 1 }],
      ['end between the two regional indicators of a flag', { start: 6, end: flag + 2 }],
    ];
    for (const [label, span] of cuts) {
      it(`rejects a span whose ${label}, at statements[0].span`, async () => {
        const before = await graphCounts(server.db);
        const error = await ingestError(article(span));
        assert.equal(error.code, 'BAD_USER_INPUT');
        assert.deepEqual(error.paths, ['statements[0].span']);
        assert.deepEqual(await graphCounts(server.db), before);
      });
    }

    it('stores a span that ends after the emoji and reads it back exactly', async () => {
      const span = spanOf(text, 'He said 😀');
      assert.equal(span.end - span.start, 10, 'the emoji counts two UTF-16 code units');
      await ingest(article(span));
      const res = await server.gql(
        `{ statements(first: 100) { edges { node { text reports { span { start end text } } } } } }`,
      );
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      const spans = (
        res.data!.statements.edges as { node: { text: string; reports: { span: { text: string } }[] } }[]
      ).flatMap((e) => (e.node.text === 'He said something.' ? e.node.reports.map((r) => r.span) : []));
      assert.deepEqual(spans, [{ ...span, text: 'He said 😀' }]);
      assert.ok(!spans[0]!.text.includes('\ufffd'));
    });

    it('says in the SDL that offsets are UTF-16 code units', async () => {
      const res = await server.gql(
        `{ a: __type(name: "SpanInput") { description } b: __type(name: "Span") { description } }`,
      );
      assert.match(res.data!.a.description as string, /UTF-16 code units/);
      assert.match(res.data!.a.description as string, /grapheme cluster/);
      assert.match(res.data!.b.description as string, /UTF-16 code units/);
    });
  });

  describe('kind 5: an article is identified by its canonical URL, stored as given', () => {
    const url = 'https://www.example.org/news/summit-1?id=7';
    const text = 'Summit\nThe Kremlin said the summit was useful.';
    const sentence = 'The Kremlin said the summit was useful.';
    const article = (title: string, articleUrl: string, body = text) => ({
      title,
      language: 'en',
      url: articleUrl,
      outlet: { name: 'Al-Ittihad' },
      text: body,
      statements: [
        {
          speaker: { name: 'Dmitry Peskov' },
          form: 'PARAPHRASE',
          text: sentence,
          about: [{ name: 'Kremlin' }],
          cameo: '010',
          span: spanOf(body, sentence),
        },
      ],
    });
    let first: IngestResult;

    before(async () => {
      first = await ingest(article('Summit', url));
      assert.equal(first.created.articles, 1);
    });

    const variants: [string, string][] = [
      ['an upper-case scheme and host', 'HTTPS://WWW.Example.ORG/news/summit-1?id=7'],
      ['?utm_source=x appended', `${url}&utm_source=x`],
      [
        'utm_* and click ids before the real parameter',
        'https://www.example.org/news/summit-1?utm_medium=social&fbclid=AbC&gclid=1&id=7',
      ],
      ['a fragment', `${url}#comments`],
      ['the default port', 'https://www.example.org:443/news/summit-1?id=7'],
      ['an unreserved character percent-encoded', 'https://www.example.org/news/%73ummit%2D1?id=7'],
    ];
    for (const [label, variant] of variants) {
      it(`the same page with ${label} is the same article, and its URL stays as first given`, async () => {
        // Another title changes the content hash: only the URL can identify the article.
        const result = await ingest(article(`Summit (${label})`, variant));
        assert.equal(result.article.id, first.article.id);
        assert.deepEqual(
          { created: result.created.articles, matched: result.matched.articles, statements: result.created.statements },
          { created: 0, matched: 1, statements: 0 },
        );
        assert.equal(result.article.url, url);
      });
    }

    it('another text under a variant of the URL is a conflict, not a second article', async () => {
      const body = 'Summit\nThe Kremlin said the summit was useful. Later it said more.';
      const error = await ingestError(article('Summit changed', `${url}&utm_campaign=z`, body));
      assert.equal(error.code, 'CONFLICT');
    });

    it('another query value is another page', async () => {
      const body = 'Summit 2\nThe Kremlin said the summit was useful.';
      const result = await ingest(article('Summit 2', 'https://www.example.org/news/summit-1?id=8', body));
      assert.equal(result.created.articles, 1);
      assert.notEqual(result.article.id, first.article.id);
      const [row] = await server.db.read<{ url: string; canonical: string }>(
        `MATCH (a:Article {title: 'Summit 2'}) RETURN a.url AS url, a.canonicalUrl AS canonical`,
      );
      assert.deepEqual(row, {
        url: 'https://www.example.org/news/summit-1?id=8',
        canonical: 'https://www.example.org/news/summit-1?id=8',
      });
    });

    it('rejects a URL that does not parse, naming url', async () => {
      const error = await ingestError(article('Bad URL', 'https://exa mple.org/x'));
      assert.deepEqual(error, { code: 'BAD_USER_INPUT', paths: ['url'] });
    });
  });

  describe('kind 6: meeting identity', () => {
    let n = 0;
    interface MeetingOptions {
      pair: [string, string];
      published?: string | null;
      date?: string;
      location?: string;
      status?: string;
      id?: string;
      kind?: string;
      saidOn?: string;
      outlet?: string;
    }

    function meetingArticle(o: MeetingOptions) {
      n += 1;
      const title = `Summit report ${n}`;
      const sentence = `Macron spoke about the summit in report ${n}.`;
      const text = `${title}\n${sentence}`;
      const meeting: Record<string, unknown> = { key: 'm' };
      if (o.id) meeting.id = o.id;
      else meeting.participants = o.pair.map((name) => ({ name }));
      if (o.kind || !o.id) meeting.kind = o.kind ?? 'SUMMIT';
      if (o.date) meeting.date = o.date;
      if (o.location) meeting.location = { name: o.location };
      if (o.status) meeting.status = o.status;
      return {
        title,
        language: 'en',
        publishedOn: o.published === undefined ? '2025-05-10' : o.published,
        outlet: { name: o.outlet ?? 'Al-Ittihad' },
        text,
        meetings: [meeting],
        statements: [
          {
            speaker: { name: 'Emmanuel Macron' },
            form: 'PARAPHRASE',
            text: sentence,
            saidOn: o.saidOn ?? null,
            about: [{ meeting: 'm' }],
            cameo: '036',
            span: spanOf(text, sentence),
          },
        ],
      };
    }

    async function report(o: MeetingOptions) {
      const input = meetingArticle(o);
      const result = await ingest(input);
      const [row] = await server.db.read<{ id: string }>(
        `MATCH (:Article {title: $title})<-[:IN_ARTICLE]-(:Report)<-[:HAS_REPORT]-(:Statement)-[:ABOUT]->(m:Meeting)
         RETURN m.id AS id`,
        { title: input.title },
      );
      return { meeting: row!.id, created: result.created.meetings, matched: result.matched.meetings, input };
    }

    async function meetingRow(key: string) {
      const [row] = await server.db.read<{ status: string | null; date: string | null; location: string | null }>(
        `MATCH (m:Meeting {id: $key})
         RETURN m.status AS status, toString(m.date) AS date, [(m)-[:LOCATED_IN]->(c) | c.id][0] AS location`,
        { key },
      );
      return row;
    }

    const A: [string, string] = ['Emmanuel Macron', 'Ilham Aliyev'];
    const B: [string, string] = ['Volodymyr Zelensky', 'Emmanuel Macron'];
    const C: [string, string] = ['Ilham Aliyev', 'Volodymyr Zelensky'];
    const D: [string, string] = ['Donald Trump', 'Volodymyr Zelensky'];
    const E: [string, string] = ['Emmanuel Macron', 'Donald Trump'];
    const F: [string, string] = ['Ilham Aliyev', 'Donald Trump'];
    let may: string;
    let october: string;

    it('an October proposal in Hungary is a new meeting, not the May proposal (the issue case)', async () => {
      const first = await report({ pair: A, published: '2025-05-10', status: 'PROPOSED' });
      assert.equal(first.created, 1);
      const later = await report({ pair: A, published: '2025-10-20', status: 'PROPOSED', location: 'Hungary' });
      assert.equal(later.created, 1);
      assert.notEqual(later.meeting, first.meeting);
      assert.deepEqual(await meetingRow(later.meeting), { status: 'PROPOSED', date: null, location: 'HU' });
      may = first.meeting;
      october = later.meeting;
    });

    it('an undated mention within 90 days of an open proposal is that proposal', async () => {
      const first = await report({ pair: B, published: '2025-05-10', status: 'PROPOSED' });
      const again = await report({ pair: B, published: '2025-07-20' });
      assert.deepEqual([again.meeting, again.created, again.matched], [first.meeting, 0, 1]);
      // The window runs from the latest statement (July 20 now), so mid-October still matches.
      const later = await report({ pair: B, published: '2025-10-15' });
      assert.equal(later.meeting, first.meeting);
      const past = await report({ pair: B, published: '2026-02-01' });
      assert.notEqual(past.meeting, first.meeting);
    });

    it('a given location counts: another place is another meeting; no place matches the latest reported', async () => {
      const hungary = await report({ pair: C, published: '2025-06-01', status: 'PROPOSED', location: 'Hungary' });
      const uae = await report({
        pair: C,
        published: '2025-06-10',
        status: 'PROPOSED',
        location: 'United Arab Emirates',
      });
      assert.notEqual(uae.meeting, hungary.meeting);
      assert.equal(uae.created, 1);
      const unplaced = await report({ pair: C, published: '2025-06-15' });
      assert.equal(unplaced.meeting, uae.meeting);
      const again = await report({ pair: C, published: '2025-06-16', location: 'Hungary' });
      assert.equal(again.meeting, hungary.meeting);
    });

    it('a held meeting is closed: a later proposal is a new meeting, and replaying the first article creates nothing', async () => {
      const proposed = await report({ pair: D, published: '2025-05-01', status: 'PROPOSED' });
      const held = await report({ pair: D, published: '2025-05-20', status: 'HELD' });
      assert.equal(held.meeting, proposed.meeting);
      assert.equal((await meetingRow(held.meeting))!.status, 'HELD');
      const next = await report({ pair: D, published: '2025-06-01', status: 'PROPOSED' });
      assert.notEqual(next.meeting, proposed.meeting);
      const before = await graphCounts(server.db);
      const replay = await ingest(proposed.input);
      assert.deepEqual(replay.created, { articles: 0, actors: 0, meetings: 0, statements: 0, topics: 0 });
      assert.deepEqual(await graphCounts(server.db), before);
    });

    it('cancelled and rejected meetings are closed too', async () => {
      for (const status of ['CANCELLED', 'REJECTED']) {
        const pair: [string, string] =
          status === 'CANCELLED' ? ['Dmitry Peskov', 'Ilham Aliyev'] : ['Dmitry Peskov', 'Donald Trump'];
        const proposed = await report({ pair, published: '2025-05-01', status: 'PROPOSED' });
        const closed = await report({ pair, published: '2025-05-05', status });
        assert.equal(closed.meeting, proposed.meeting);
        const next = await report({ pair, published: '2025-05-09', status: 'PROPOSED' });
        assert.notEqual(next.meeting, proposed.meeting, status);
      }
    });

    it('dated meetings match on their date whatever their status, and a given location must agree', async () => {
      const held = await report({ pair: E, published: '2025-08-16', date: '2025-08-15', status: 'HELD' });
      const placed = await report({ pair: E, published: '2025-09-01', date: '2025-08-15', location: 'United States' });
      assert.deepEqual([placed.meeting, placed.created], [held.meeting, 0]);
      assert.deepEqual(await meetingRow(held.meeting), { status: 'HELD', date: '2025-08-15', location: 'US' });
      const elsewhere = await report({ pair: E, published: '2025-09-02', date: '2025-08-15', location: 'Hungary' });
      assert.notEqual(elsewhere.meeting, held.meeting);
      const undated = await report({ pair: E, published: '2025-08-20' });
      assert.notEqual(undated.meeting, held.meeting);
    });

    it('without any date an undated meeting matches only one with no dated statement', async () => {
      const first = await report({ pair: F, published: null });
      const second = await report({ pair: F, published: null });
      assert.deepEqual([second.meeting, second.created], [first.meeting, 0]);
      const dated = await report({ pair: F, published: '2025-05-01' });
      assert.notEqual(dated.meeting, first.meeting);
      const saidOn = await report({ pair: F, published: null, saidOn: '2025-05-03' });
      assert.equal(saidOn.meeting, dated.meeting);
    });

    it('two ingests proposing the same new meeting at once make one meeting', async () => {
      const pair: [string, string] = ['Dmitry Peskov', 'Volodymyr Zelensky'];
      for (const kind of ['SUMMIT', 'TALKS', 'PHONE_CALL', 'VISIT', 'CONTACT']) {
        // Other outlets: ingests from one outlet already queue on its node when linking the article.
        const inputs = ['Al-Ittihad', 'RIA Novosti', 'Kremlin'].map((outlet) =>
          meetingArticle({ pair, kind, outlet, published: '2025-07-01', status: 'PROPOSED' }),
        );
        const results = await Promise.all(inputs.map((input) => ingest(input)));
        assert.equal(
          results.reduce((sum, r) => sum + (r.created.meetings ?? 0), 0),
          1,
          kind,
        );
        const [row] = await server.db.read<{ n: number }>(
          `MATCH (m:Meeting {kind: $kind})-[:PARTICIPANT]->(:Actor {id: 'dmitry-peskov'})
           WHERE EXISTS { (m)-[:PARTICIPANT]->(:Actor {id: 'volodymyr-zelensky'}) }
           RETURN count(m) AS n`,
          { kind },
        );
        assert.equal(row!.n, 1, kind);
      }
    });

    it('an ingest may name a stored meeting by id, and gives it a date it lacked', async () => {
      const byId = await report({
        pair: A,
        id: toGlobalId('Meeting', may),
        published: '2025-10-30',
        date: '2025-11-01',
      });
      assert.deepEqual([byId.meeting, byId.created, byId.matched], [may, 0, 1]);
      assert.equal((await meetingRow(may))!.date, '2025-11-01');
    });

    it('rejects kind or participants next to id, and an id that is not a stored meeting', async () => {
      const withKind = meetingArticle({ pair: A, id: toGlobalId('Meeting', may), kind: 'TALKS' });
      assert.deepEqual(await ingestError(withKind), { code: 'BAD_USER_INPUT', paths: ['meetings[0].kind'] });
      const withParticipants = meetingArticle({ pair: A, id: toGlobalId('Meeting', may) });
      (withParticipants.meetings[0] as Record<string, unknown>).participants = [{ name: 'Ilham Aliyev' }];
      assert.deepEqual(await ingestError(withParticipants), {
        code: 'BAD_USER_INPUT',
        paths: ['meetings[0].participants'],
      });
      const actor = meetingArticle({ pair: A, id: toGlobalId('Actor', 'ilham-aliyev') });
      assert.deepEqual(await ingestError(actor), { code: 'BAD_USER_INPUT', paths: ['meetings[0].id'] });
      const unknown = meetingArticle({ pair: A, id: toGlobalId('Meeting', 'no-such-meeting') });
      assert.deepEqual(await ingestError(unknown), { code: 'BAD_USER_INPUT', paths: ['meetings[0].id'] });
      const neither = meetingArticle({ pair: A });
      delete (neither.meetings[0] as Record<string, unknown>).kind;
      assert.deepEqual(await ingestError(neither), { code: 'BAD_USER_INPUT', paths: ['meetings[0].kind'] });
    });

    it('mergeMeetings joins a split meeting, redirects the removed id, and replays', async () => {
      const keep = toGlobalId('Meeting', may);
      const remove = toGlobalId('Meeting', october);
      const forbidden = await server.gql(MERGE_MEETINGS, { keep, remove }, asEditor);
      assert.equal(forbidden.errors?.[0]?.extensions?.code, 'FORBIDDEN');
      const res = await server.gql(MERGE_MEETINGS, { keep, remove }, asAdmin);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.deepEqual(res.data!.mergeMeetings, {
        id: keep,
        status: 'PROPOSED',
        date: '2025-11-01',
        location: { id: toGlobalId('Country', 'HU') },
        statusHistory: [{ status: 'PROPOSED' }, { status: 'PROPOSED' }],
      });
      const [row] = await server.db.read<{ about: number; gone: number }>(
        `MATCH (m:Meeting {id: $may}) RETURN COUNT { (m)<-[:ABOUT]-() } AS about,
           COUNT { MATCH (x:Meeting {id: $october}) } AS gone`,
        { may, october },
      );
      assert.deepEqual(row, { about: 3, gone: 0 });
      const node = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: remove });
      assert.equal(node.data!.node.id, keep);
      const replay = await server.gql(MERGE_MEETINGS, { keep, remove }, asAdmin);
      assert.equal(replay.errors, undefined, JSON.stringify(replay.errors));
      assert.equal(replay.data!.mergeMeetings.id, keep);
      const same = await server.gql(MERGE_MEETINGS, { keep, remove: keep }, asAdmin);
      assert.equal(same.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.deepEqual(
        (same.errors?.[0]?.extensions?.problems as { path: string }[]).map((p) => p.path),
        ['remove'],
      );
      const statements = await server.gql(
        `query($id: ID!) { statements(first: 10, filter: {about: $id}) { totalCount } }`,
        {
          id: remove,
        },
      );
      assert.equal(statements.errors, undefined, JSON.stringify(statements.errors));
      assert.equal(statements.data!.statements.totalCount, 3);
    });
  });
});
