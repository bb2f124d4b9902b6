import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { graphCounts } from './helpers/graph-counts';
import { startSeededServer, type TestServer } from './helpers/test-server';
import { asAdmin, asEditor, INGEST, spanOf, TEST_API_KEYS } from './helpers/write-keys';

const root = path.resolve(__dirname, '..', '..');

/** A new article: 3 statements, one new actor (Lavrov), one new meeting (his talks with Macron). */
function talksArticle(title = 'Lavrov holds talks with Macron in Paris') {
  const s1 =
    'Russian Foreign Minister Sergey Lavrov said the talks with President Emmanuel Macron were "useful and frank".';
  const s2 = 'Kremlin spokesman Dmitry Peskov said the meeting had been agreed weeks ago.';
  const s3 = 'Peskov added that Moscow values the French position on Ukraine.';
  const text = `${title}\n${s1} ${s2} ${s3}`;
  const lavrov = { name: 'Sergey Lavrov', kind: 'PERSON', country: 'RU' };
  return {
    title,
    language: 'en',
    publishedOn: '2025-06-03',
    outlet: { name: 'الاتحاد' },
    text,
    createMissing: true,
    mentions: [{ name: 'France' }, lavrov],
    meetings: [
      {
        key: 'talks',
        kind: 'TALKS',
        participants: [lavrov, { name: 'Macron' }],
        status: 'HELD',
        date: '2025-06-02',
        location: { name: 'Paris' },
      },
    ],
    statements: [
      {
        speaker: lavrov,
        onBehalfOf: { name: 'Russia' },
        form: 'DIRECT_QUOTE',
        text: s1,
        quote: 'useful and frank',
        verb: 'said',
        saidOn: '2025-06-02',
        about: [{ meeting: 'talks' }, { name: 'Macron' }],
        cameo: '040',
        plover: 'CONSULT',
        goldstein: 1,
        span: spanOf(text, s1),
      },
      {
        speaker: { name: 'Dmitry Peskov' },
        onBehalfOf: { name: 'Kremlin' },
        form: 'PARAPHRASE',
        text: s2,
        about: [{ meeting: 'talks' }],
        cameo: '010',
        goldstein: 0,
        span: spanOf(text, s2),
      },
      {
        speaker: { name: 'Peskov' },
        form: 'PARAPHRASE',
        text: s3,
        about: [{ name: 'FR' }, { name: 'Ukraine' }],
        cameo: '013',
        goldstein: 0.4,
        span: spanOf(text, s3),
      },
    ],
  };
}

/** An article of five statements by known speakers; the fifth one's Goldstein score is `fifthScore`. */
function fiveStatementArticle(fifthScore: number, title = 'Peskov on five subjects') {
  const sentences = [
    'Peskov said Moscow is ready for dialogue.',
    'Peskov said no date has been set.',
    'Peskov said contacts with Washington continue.',
    'Peskov said Kyiv is escalating.',
    'Peskov said weapons deliveries prolong the war.',
  ];
  const text = `${title}\n${sentences.join(' ')}`;
  return {
    title,
    language: 'en',
    outlet: { name: 'Al-Ittihad' },
    text,
    statements: sentences.map((sentence, i) => ({
      speaker: { name: 'Dmitry Peskov' },
      form: 'PARAPHRASE',
      text: sentence,
      about: [{ name: 'Russia' }],
      cameo: '010',
      goldstein: i === 4 ? fifthScore : 0,
      span: spanOf(text, sentence),
    })),
  };
}

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'scripts', 'ingest.js'), ...args], {
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe('ingestArticle over HTTP', () => {
  let server: TestServer;
  let tmp: string;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
    tmp = mkdtempSync(path.join(tmpdir(), 'diplograph-ingest-'));
  });

  after(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await server.stop();
  });

  it('ingests a new article with 3 statements, a new actor and a new meeting, then finds it', async () => {
    const res = await server.gql(INGEST, { input: talksArticle() }, asEditor);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const result = res.data!.ingestArticle;
    assert.deepEqual(result.created, { articles: 1, actors: 1, meetings: 1, statements: 3, topics: 0 });
    assert.deepEqual(result.matched, { articles: 0, actors: 4, meetings: 0, statements: 0, topics: 0 });
    assert.equal(result.article.title, 'Lavrov holds talks with Macron in Paris');
    assert.equal(result.article.publishedOn, '2025-06-03');

    const [meeting] = await server.db.read<{ key: string; name: string; status: string; place: string; who: string[] }>(
      `MATCH (m:Meeting {name_en: 'Talks: Sergey Lavrov – Emmanuel Macron'})-[:LOCATED_IN]->(c:Country)
       RETURN m.id AS key, m.name_en AS name, m.status AS status, c.id AS place,
         [(m)-[:PARTICIPANT]->(a) | a.id] AS who`,
    );
    assert.equal(meeting?.status, 'HELD');
    assert.equal(meeting?.place, 'FR');
    assert.deepEqual([...meeting!.who].sort(), ['emmanuel-macron', 'sergey-lavrov']);
    const [lavrov] = await server.db.read<{ kind: string; country: string; createdBy: string }>(
      `MATCH (a:Actor {id: 'sergey-lavrov'})-[:OF_COUNTRY]->(c) RETURN a.kind AS kind, c.id AS country,
         a.createdBy AS createdBy`,
    );
    assert.equal(lavrov?.kind, 'PERSON');
    assert.equal(lavrov?.country, 'RU');
    assert.match(lavrov!.createdBy, /^editor:[0-9a-f]{12}$/);

    const about = await server.db.read<{ speaker: string; date: string }>(
      `MATCH (s:Statement)-[:ABOUT]->(:Meeting {id: $key}) MATCH (s)-[:SAID_BY]->(a)
       RETURN a.id AS speaker, toString(s.date) AS date ORDER BY speaker`,
      { key: meeting!.key },
    );
    assert.deepEqual(about, [
      { speaker: 'dmitry-peskov', date: '2025-06-03' },
      { speaker: 'sergey-lavrov', date: '2025-06-02' },
    ]);

    const found = await server.gql(
      `query($about: ID!) {
        whoSaidWhatAbout(about: $about) { totalCount edges { node { text speaker { id } } } }
      }`,
      { about: toGlobalId('Meeting', meeting!.key) },
    );
    assert.equal(found.errors, undefined, JSON.stringify(found.errors));
    assert.equal(found.data!.whoSaidWhatAbout.totalCount, 2);
    assert.deepEqual(
      found.data!.whoSaidWhatAbout.edges.map((e: any) => e.node.speaker.id).sort(),
      [toGlobalId('Actor', 'dmitry-peskov'), toGlobalId('Actor', 'sergey-lavrov')].sort(),
    );
  });

  it('ingesting the same article again, and 5 times in parallel, creates nothing', async () => {
    const before = await graphCounts(server.db);
    const again = await server.gql(INGEST, { input: talksArticle() }, asEditor);
    assert.equal(again.errors, undefined);
    assert.deepEqual(again.data!.ingestArticle.created, {
      articles: 0,
      actors: 0,
      meetings: 0,
      statements: 0,
      topics: 0,
    });
    assert.deepEqual(again.data!.ingestArticle.matched, {
      articles: 1,
      actors: 5,
      meetings: 1,
      statements: 3,
      topics: 0,
    });
    const parallel = await Promise.all(
      Array.from({ length: 5 }, () => server.gql(INGEST, { input: talksArticle() }, asEditor)),
    );
    for (const res of parallel) {
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      assert.equal(res.data!.ingestArticle.created.statements, 0);
    }
    assert.deepEqual(await graphCounts(server.db), before);
  });

  it('a replay is answered from its receipt without a write, until a merge changes what the input refers to', async () => {
    const writes = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^diplograph_db_queries_total\{mode="write",outcome="ok"\} (\d+)$/m.exec(text)?.[1] ?? 0);
    };
    const zero = { articles: 0, actors: 0, meetings: 0, statements: 0, topics: 0 };
    const input = talksArticle('Talks resume, a spokeswoman says');
    input.statements[2]!.speaker = { name: 'Irina Receiptova', kind: 'PERSON', country: 'RU' };
    const first = await server.gql(INGEST, { input }, asEditor);
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.equal(first.data!.ingestArticle.created.actors, 1);
    const { created, matched } = first.data!.ingestArticle;
    const all = Object.fromEntries(Object.keys(created).map((kind) => [kind, created[kind] + matched[kind]]));

    const before = await graphCounts(server.db);
    const writesBefore = await writes();
    const replay = await server.gql(INGEST, { input: structuredClone(input) }, asEditor);
    assert.equal(replay.errors, undefined, JSON.stringify(replay.errors));
    assert.deepEqual(replay.data!.ingestArticle.created, zero);
    assert.deepEqual(replay.data!.ingestArticle.matched, all);
    assert.equal(replay.data!.ingestArticle.article.title, 'Talks resume, a spokeswoman says');
    assert.equal(await writes(), writesBefore, 'a replay sends no write query');
    assert.deepEqual(await graphCounts(server.db), before);

    // The new speaker and Peskov are one: the input now refers to one actor fewer, which only a full pass can tell.
    const merged = await server.gql(
      `mutation($keep: ID!, $remove: ID!) { mergeEntities(keep: $keep, remove: $remove) { id } }`,
      { keep: toGlobalId('Actor', 'dmitry-peskov'), remove: toGlobalId('Actor', 'irina-receiptova') },
      asAdmin,
    );
    assert.equal(merged.errors, undefined, JSON.stringify(merged.errors));
    for (const pass of ['full pass after the merge', 'from the refreshed receipt']) {
      const writesBeforePass = await writes();
      const again = await server.gql(INGEST, { input: structuredClone(input) }, asEditor);
      assert.equal(again.errors, undefined, JSON.stringify(again.errors));
      assert.deepEqual(again.data!.ingestArticle.created, zero, pass);
      assert.deepEqual(again.data!.ingestArticle.matched, { ...all, actors: all.actors - 1 }, pass);
      assert.equal((await writes()) > writesBeforePass, pass.startsWith('full'), pass);
    }

    // Not a replay: the same article with one statement fewer is another input, matched in full.
    const fewer = { ...structuredClone(input), statements: input.statements.slice(0, 2) };
    const partial = await server.gql(INGEST, { input: fewer }, asEditor);
    assert.equal(partial.errors, undefined, JSON.stringify(partial.errors));
    assert.deepEqual(partial.data!.ingestArticle.created, zero);
    assert.equal(partial.data!.ingestArticle.matched.statements, 2);
    const [receipts] = await server.db.read<{ n: number }>(
      `MATCH (r:IngestReceipt)-[:RECEIPT_FOR]->(:Article {title: 'Talks resume, a spokeswoman says'})
       RETURN count(r) AS n`,
    );
    assert.equal(receipts!.n, 2);
  });

  it('5 parallel first ingests of one new article store exactly one article', async () => {
    const before = await graphCounts(server.db);
    const input = talksArticle('Lavrov and Macron: a second report');
    input.meetings[0]!.participants[1] = { name: 'Kaja Kallas', kind: 'PERSON', country: 'EE' };
    const parallel = await Promise.all(Array.from({ length: 5 }, () => server.gql(INGEST, { input }, asEditor)));
    const created = { articles: 0, actors: 0, meetings: 0, statements: 0 };
    for (const res of parallel) {
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
      for (const kind of Object.keys(created) as (keyof typeof created)[]) {
        created[kind] += res.data!.ingestArticle.created[kind];
      }
    }
    assert.deepEqual(created, { articles: 1, actors: 1, meetings: 1, statements: 3 });
    const after = await graphCounts(server.db);
    assert.equal(after[':Article'], before[':Article']! + 1);
    assert.equal(after[':Statement'], before[':Statement']! + 3);
    assert.equal(after[':Report'], before[':Report']! + 3);
    assert.equal(after[':Actor'], before[':Actor']! + 1);
    assert.equal(after[':Meeting'], before[':Meeting']! + 1);
    const [titles] = await server.db.read<{ n: number }>(
      `MATCH (a:Article {title: 'Lavrov and Macron: a second report'}) RETURN count(a) AS n`,
    );
    assert.equal(titles!.n, 1);
    const [receipts] = await server.db.read<{ n: number }>(
      `MATCH (r:IngestReceipt)-[:RECEIPT_FOR]->(:Article {title: 'Lavrov and Macron: a second report'})
       RETURN count(r) AS n`,
    );
    assert.equal(receipts!.n, 1, 'one receipt for one input, however many raced to land it');
  });

  it('rejects an article whose fifth statement scores 42, naming statements[4].goldstein, and writes nothing', async () => {
    const before = await graphCounts(server.db);
    const res = await server.gql(INGEST, { input: fiveStatementArticle(42) }, asEditor);
    assert.equal(res.data, null);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(res.errors![0]!.message, /statements\[4\]\.goldstein: must be a Goldstein score from -10 to 10/);
    assert.deepEqual(res.errors![0]!.extensions!.problems, [
      { path: 'statements[4].goldstein', message: 'must be a Goldstein score from -10 to 10 (got 42)' },
    ]);
    assert.deepEqual(await graphCounts(server.db), before);
    const ok = await server.gql(INGEST, { input: fiveStatementArticle(-2) }, asEditor);
    assert.equal(ok.errors, undefined);
    assert.equal(ok.data!.ingestArticle.created.statements, 5);
    // Round trips do not grow with the number of statements: each step is one UNWIND over all of them.
    const many = fiveStatementArticle(0, 'Peskov on many subjects');
    many.statements = Array.from({ length: 40 }, (_, i) => ({ ...many.statements[i % 5]!, cameo: `0${10 + i}` }));
    many.statements.forEach((s, i) => (s.span = { start: s.span.start, end: s.span.end - Math.floor(i / 5) }));
    const big = await server.gql(INGEST, { input: many }, asEditor);
    assert.equal(big.errors, undefined, JSON.stringify(big.errors));
    assert.equal(big.data!.ingestArticle.created.statements, 40);
    const small = ok.extensions!.diplograph.dbRoundTrips;
    assert.equal(big.extensions!.diplograph.dbRoundTrips, small);
    assert.ok(small <= 10, `round trips: ${small}`);
  });

  it('lists every invalid field with its path in one error', async () => {
    const input: any = talksArticle('Many mistakes');
    input.language = 'english!';
    input.statements[0].cameo = '99';
    input.statements[0].plover = 'HUG';
    input.statements[1].span = { start: 10, end: 100_000 };
    input.statements[1].about = [{ meeting: 'no-such-meeting' }];
    input.statements[2].text = '  ';
    input.statements[2].quote = 'not in the span';
    input.meetings[0].statusStatements = [7];
    const before = await graphCounts(server.db);
    const res = await server.gql(INGEST, { input }, asEditor);
    assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const paths = res.errors![0]!.extensions!.problems.map((p: { path: string }) => p.path);
    assert.deepEqual(paths.sort(), [
      'language',
      'meetings[0].statusStatements[0]',
      'statements[0].cameo',
      'statements[0].plover',
      'statements[1].about[0].meeting',
      'statements[1].span',
      'statements[2].quote',
      'statements[2].text',
    ]);
    assert.deepEqual(await graphCounts(server.db), before);
  });

  it('rejects unresolved names, listing each with its path, and writes nothing', async () => {
    const input: any = talksArticle('Unknown people');
    input.createMissing = false;
    input.statements[0].speaker = { name: 'Nobody Atall' };
    input.statements[2].about[1] = { name: 'Atlantis Republic' };
    const before = await graphCounts(server.db);
    const res = await server.gql(INGEST, { input }, asEditor);
    const error = res.errors?.[0];
    assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(error!.message, /^Unresolved names/);
    assert.deepEqual(error!.extensions!.unresolved, [
      { path: 'statements[0].speaker.name', name: 'Nobody Atall' },
      { path: 'statements[2].about[1].name', name: 'Atlantis Republic' },
    ]);
    assert.match(error!.message, /statements\[0\]\.speaker\.name: nothing named "Nobody Atall"/);
    assert.deepEqual(await graphCounts(server.db), before);
  });

  it('rejects an ambiguous name listing the candidates, and writes nothing', async () => {
    const addAlias = `mutation($entity: ID!, $alias: String!) { addAlias(entity: $entity, alias: $alias, lang: "en") { id } }`;
    for (const key of ['vladimir-putin', 'donald-trump']) {
      const res = await server.gql(addAlias, { entity: toGlobalId('Actor', key), alias: 'The President' }, asEditor);
      assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    }
    const input: any = fiveStatementArticle(0, 'Who is the president?');
    input.statements[1].speaker = { name: 'the president' };
    const before = await graphCounts(server.db);
    const res = await server.gql(INGEST, { input }, asEditor);
    const error = res.errors?.[0];
    assert.equal(error?.extensions?.code, 'BAD_USER_INPUT');
    assert.match(error!.message, /statements\[1\]\.speaker\.name: "the president" is ambiguous/);
    assert.match(error!.message, /Vladimir Putin/);
    assert.match(error!.message, /Donald Trump/);
    const [ambiguous] = error!.extensions!.ambiguous;
    assert.equal(ambiguous.path, 'statements[1].speaker.name');
    assert.deepEqual(
      ambiguous.candidates.map((c: { id: string }) => c.id).sort(),
      [toGlobalId('Actor', 'donald-trump'), toGlobalId('Actor', 'vladimir-putin')].sort(),
    );
    assert.deepEqual(await graphCounts(server.db), before);
  });

  it('needs a kind to create an actor, and refuses a country where an actor is needed', async () => {
    const input: any = talksArticle('Missing kinds');
    input.statements[0].speaker = { name: 'Someone New' };
    input.statements[1].via = { name: 'Germany' };
    const res = await server.gql(INGEST, { input }, asEditor);
    const paths = res.errors![0]!.extensions!.problems.map((p: { path: string }) => p.path);
    assert.deepEqual(paths.sort(), ['statements[0].speaker.kind', 'statements[1].via.name']);
  });

  it('accepts references by global id', async () => {
    const input: any = fiveStatementArticle(1, 'By id');
    input.statements = input.statements.map((s: any) => ({
      ...s,
      speaker: { id: toGlobalId('Actor', 'dmitry-peskov') },
      about: [{ id: toGlobalId('Country', 'RU') }],
    }));
    const res = await server.gql(INGEST, { input }, asEditor);
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    assert.equal(res.data!.ingestArticle.created.statements, 5);
    const wrongType = await server.gql(
      INGEST,
      { input: { ...input, outlet: { id: toGlobalId('Country', 'AE') } } },
      asEditor,
    );
    assert.match(wrongType.errors![0]!.message, /outlet\.id: must be the id of an actor, not of a country/);
  });

  it('npm run ingest: the seed file creates nothing on a seeded database; a new article file loads', async () => {
    const before = await graphCounts(server.db);
    const seed = await runCli([path.join(root, 'seed', 'al-ittihad-2025-05.json')]);
    assert.equal(seed.code, 0, seed.stderr);
    assert.match(seed.stdout, /2 article\(s\); created 0 articles, 0 actors, 0 meetings, 0 statements, 0 topics/);
    assert.deepEqual(await graphCounts(server.db), before);

    const file = path.join(tmp, 'one-article.json');
    const article = talksArticle('A single article file');
    writeFileSync(file, JSON.stringify(article));
    const one = await runCli([file]);
    assert.equal(one.code, 0, one.stderr);
    assert.match(one.stdout, /1 article\(s\); created 1 articles, 0 actors, 0 meetings, 3 statements, 0 topics/);

    writeFileSync(file, JSON.stringify({ ...article, statements: [{ ...article.statements[0], goldstein: 11 }] }));
    const bad = await runCli([file]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /one-article\.json/);
    assert.match(bad.stderr, /statements\[0\]\.goldstein: must be a Goldstein score/);
  });

  it("the README's ingest example works as written", async () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Writing data'));
    const mutation = /```graphql\n([\s\S]*?)```/.exec(section)![1]!;
    const variables = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)![1]!);
    const first = await server.gql(mutation, variables, asEditor);
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.equal(first.data!.ingestArticle.created.statements, 1);
    const again = await server.gql(mutation, variables, asEditor);
    assert.equal(again.data!.ingestArticle.created.statements, 0);
  });

  it('an admin key may ingest too', async () => {
    const res = await server.gql(INGEST, { input: talksArticle() }, asAdmin);
    assert.equal(res.errors, undefined);
    assert.equal(res.data!.ingestArticle.matched.articles, 1);
  });
});
