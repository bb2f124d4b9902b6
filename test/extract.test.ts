import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { extractPage } from '../src/extract/extract.service';
import { toGlobalId } from '../src/shared/global-id';
import type { CandidateStatement } from '../src/extract/extract.model';
import { readBundleFile } from '../src/seed/seed-file';
import { CLI_CALLER, loadBundle, SEED_FILE } from '../src/seed/seed-loader';
import { createLogger } from '../src/shared/logger';
import { resetData, startSeededServer, type TestServer } from './helpers/test-server';
import { asEditor, TEST_API_KEYS } from './helpers/write-keys';

const root = path.resolve(__dirname, '..', '..');
const SEED_PAGE = path.join(root, 'seed', 'source', '000_d5e7333eea537f51.txt');
const page = readFileSync(SEED_PAGE, 'utf8');
const annotation = JSON.parse(readFileSync(path.join(root, SEED_FILE), 'utf8')) as {
  articles: {
    text: string;
    meetings: { key: string; status: string; participants: { name: string }[] }[];
    statements: {
      text: string;
      form: string;
      speaker: { name: string };
      via?: { name: string } | null;
      span: { start: number; end: number };
    }[];
  }[];
};

/** Loads the seed's actors, roles and topics but none of its articles: the graph knows the names, not the page. */
async function loadSeedNamesOnly(server: TestServer): Promise<void> {
  const file = path.join(root, SEED_FILE);
  const bundle = await readBundleFile(file);
  await loadBundle(server.db, file, { ...bundle, articles: [] }, CLI_CALLER, createLogger('silent'));
}

const README_QUERIES = {
  resolve: `{ resolveEntity(name: "ترمب") { __typename id name ... on Actor { kind } } }`,
  aboutAzerbaijan: `{ whoSaidWhatAbout(about: "Q291bnRyeTpBWg", includeRelated: true, first: 50) {
      totalCount edges { node { verb speaker { name } text } } } }`,
  putinMeetings: `{ meetings(filter: { participant: "QWN0b3I6dmxhZGltaXItcHV0aW4" }) {
      edges { node { kind status durationMinutes participants { name } statusHistory { status statement { speaker { name } } } } } } }`,
  peskov: `{ statements(filter: { speaker: "QWN0b3I6ZG1pdHJ5LXBlc2tvdg" }, first: 50) {
      totalCount edges { node { text form reports { via { name } article { title outlet { name } } } } } } }`,
  ukraine: `query ($ukraine: ID = "Q291bnRyeTpVQQ") { whoSaidWhatAbout(about: $ukraine, from: "2025-05-01", includeDeprecated: true, first: 50) {
      totalCount edges { node { text speaker { name } } } } }`,
};

async function readmeAnswers(server: TestServer): Promise<Record<string, any>> {
  const out: Record<string, any> = {};
  for (const [name, query] of Object.entries(README_QUERIES)) {
    const res = await server.gql(query);
    assert.equal(res.errors, undefined, `${name}: ${JSON.stringify(res.errors)}`);
    out[name] = res.data;
  }
  return out;
}

describe('extraction from a page (real database, seed names)', () => {
  let server: TestServer;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
  });

  after(async () => {
    await server.stop();
  });

  it('reproduces the hand annotation of the seed page: ≥ 9 of 10 statements with speaker and form, RIA Novosti as via', async () => {
    const extraction = await extractPage(server.db, { text: page });
    assert.equal(extraction.articles.length, 2);
    let right = 0;
    const misses: string[] = [];
    annotation.articles.forEach((gold, ai) => {
      const article = extraction.articles[ai]!;
      assert.equal(article.text, gold.text, `article ${ai} text`);
      for (const g of gold.statements) {
        const found: CandidateStatement | undefined = article.statements.find(
          (s) => s.span.start < g.span.end && g.span.start < s.span.end,
        );
        const ok = found?.speaker.name === g.speaker.name && found.form === g.form;
        if (ok) right += 1;
        else misses.push(`${g.text.slice(0, 40)}: ${found?.speaker.name}/${found?.form}`);
        if (g.form === 'DIRECT_QUOTE' && g.via) assert.equal(found?.via?.name, g.via.name, g.text.slice(0, 40));
      }
    });
    assert.ok(right >= 9, `${right}/10 right; ${misses.join('; ')}`);
  });

  it('finds the three meetings with their status, and no statement in the furniture', async () => {
    const extraction = await extractPage(server.db, { text: page });
    const meetings = extraction.articles.flatMap((a) => a.meetings);
    const gold = annotation.articles.flatMap((a) => a.meetings);
    for (const g of gold) {
      const names = g.participants.map((p) => p.name).sort();
      const found = meetings.find(
        (m) => JSON.stringify(m.participants.map((p) => p.name).sort()) === JSON.stringify(names),
      );
      assert.ok(found, `meeting ${g.key}`);
      assert.equal(found.status, g.status, g.key);
    }
    // Furniture: the date line, the source line, the keyword tags, "read also" and the titles hold no statement.
    const furniture = [
      'تاريخ النشر',
      'المصدر: صحيفة الاتحاد',
      'كلمات دلالية',
      'إقرأ أيضاً',
      'الكرملين: لقاء',
      'الكرملين : بوتين',
    ];
    for (const marker of furniture) {
      const at = page.indexOf(marker);
      const line = { start: at, end: page.indexOf('\n', at) };
      for (const s of extraction.articles.flatMap((a) => a.statements)) {
        assert.ok(
          s.pageSpan.end <= line.start || s.pageSpan.start >= line.end,
          `${marker} in "${s.text.slice(0, 30)}"`,
        );
        assert.equal(page.slice(s.pageSpan.start, s.pageSpan.end).replace(/^أخبار ذات صلة/, ''), s.text);
      }
    }
  });

  it('extractPage over GraphQL: ArticleInput drafts with confidence, evidence and page spans; nothing written', async () => {
    const before = await server.db.read<{ n: number }>('MATCH (s:Statement) RETURN count(s) AS n');
    const res = await server.gql(
      `query ($input: PageInput!) { extractPage(input: $input) {
        articles { pageSpan { start end } confidence
          article { title language publishedOn outlet { id name } text createMissing
            statements { speaker { id name kind } onBehalfOf { id } via { id name } form text quote verb cameo goldstein
              plover rationale span { start end } about { id name meeting } }
            meetings { key kind status statusStatements participants { id } } }
          statements { index confidence pageSpan { start end } speakerSource speakerWritten evidence review }
          meetings { key status participants { name } evidence }
          proposedActors { name kind country } evidence }
        proposedActors { name } } }`,
      { input: { text: page } },
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    const [first] = res.data!.extractPage.articles;
    assert.equal(first.article.outlet.name, 'Al-Ittihad');
    assert.equal(first.article.publishedOn, '2025-05-06');
    assert.equal(first.statements.length, first.article.statements.length);
    const quoted = first.article.statements.find((s: any) => s.form === 'DIRECT_QUOTE');
    assert.equal(quoted.via.id, toGlobalId('Actor', 'ria-novosti'));
    assert.ok(first.statements.every((s: any) => s.evidence.length > 0 && s.confidence > 0 && s.confidence <= 1));
    const after = await server.db.read<{ n: number }>('MATCH (s:Statement) RETURN count(s) AS n');
    assert.deepEqual(after, before);
  });

  it('refuses an empty, oversized or binary page with BAD_USER_INPUT naming input.text', async () => {
    const query = `query ($input: PageInput!) { extractPage(input: $input) { articles { pageSpan { start } } } }`;
    for (const text of ['   ', 'x'.repeat(200_001), `binary\u0000\u0001\u0002 data`]) {
      const res = await server.gql(query, { input: { text } });
      assert.equal(res.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
      assert.equal(res.errors?.[0]?.extensions?.problems?.[0]?.path, 'input.text');
    }
  });

  it('the alias index follows the graph: a new alias is used at the next extraction', async () => {
    const text = page.replace(/دميتري بيسكوف/g, 'ديمتري بسكوف');
    const beforeAlias = await extractPage(server.db, { text });
    const s = beforeAlias.articles[1]!.statements.find((x) => x.text.includes('ديمتري بسكوف'))!;
    assert.notEqual(s.speaker.source, 'RESOLVED');
    const res = await server.gql(
      `mutation { addAlias(entity: "QWN0b3I6ZG1pdHJ5LXBlc2tvdg", alias: "ديمتري بسكوف", lang: "ar") { id } }`,
      {},
      asEditor,
    );
    assert.equal(res.errors, undefined, JSON.stringify(res.errors));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const afterAlias = await extractPage(server.db, { text });
    const t = afterAlias.articles[1]!.statements.find((x) => x.text.includes('ديمتري بسكوف'))!;
    assert.equal(t.speaker.key, 'dmitry-peskov');
  });
});

describe('ingestPage on a fresh database (seed names only)', () => {
  let server: TestServer;
  let annotated: Record<string, any>;

  before(async () => {
    server = await startSeededServer({ API_KEYS: TEST_API_KEYS });
    annotated = await readmeAnswers(server);
    await resetData(server.db);
    await loadSeedNamesOnly(server);
  });

  after(async () => {
    await server.stop();
  });

  const INGEST_PAGE = `mutation ($input: PageInput!, $min: Float) { ingestPage(input: $input, minConfidence: $min) {
    created { articles actors meetings statements topics } matched { statements }
    articles { article { id title } ingestedStatements leftForReview { statementIndex reasons } problems
      extraction { statements { speakerSource } } } } }`;

  it('needs an editor key', async () => {
    const res = await server.gql(INGEST_PAGE, { input: { text: page } });
    assert.equal(res.errors?.[0]?.extensions?.code, 'UNAUTHENTICATED');
  });

  it('writes each article, and a second time creates nothing', async () => {
    const first = await server.gql(INGEST_PAGE, { input: { text: page } }, asEditor);
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    const result = first.data!.ingestPage;
    assert.equal(result.created.articles, 2);
    assert.ok(result.created.statements >= 10, JSON.stringify(result));
    assert.equal(result.created.meetings, 3);
    const again = await server.gql(INGEST_PAGE, { input: { text: page } }, asEditor);
    assert.deepEqual(again.data!.ingestPage.created, { articles: 0, actors: 0, meetings: 0, statements: 0, topics: 0 });
    assert.equal(again.data!.ingestPage.matched.statements, result.created.statements);
  });

  it("answers the README's example queries as the hand annotation does, except where the test says", async () => {
    const extracted = await readmeAnswers(server);
    // Same: who "ترمب" is.
    assert.deepEqual(extracted.resolve, annotated.resolve);
    // Same: Putin's meetings, their kind, status, duration and participants.
    const meetingView = (data: any) =>
      data.meetings.edges
        .map(
          (e: any) =>
            `${e.node.kind} ${e.node.status} ${e.node.durationMinutes} ${e.node.participants
              .map((p: any) => p.name)
              .sort()
              .join('+')}`,
        )
        .sort();
    assert.deepEqual(meetingView(extracted.putinMeetings), meetingView(annotated.putinMeetings));
    // Same: Peskov's nine statements, their words and form; those quoted came through RIA Novosti.
    const peskovView = (data: any) => data.statements.edges.map((e: any) => `${e.node.form} ${e.node.text}`).sort();
    assert.equal(extracted.peskov.statements.totalCount, annotated.peskov.statements.totalCount);
    assert.deepEqual(peskovView(extracted.peskov), peskovView(annotated.peskov));
    // Differs: the extractor also takes the lede of article 1 (اعتبر الكرملين أن ... وأشار ... لكنه أوضح) as three
    // statements by the Kremlin, which the hand annotation leaves out (one statement per reporting act). So every
    // statement of the annotation about Ukraine or Azerbaijan is found, and the extracted answers hold at most those
    // lede statements more.
    const texts = (data: any) => data.whoSaidWhatAbout.edges.map((e: any) => e.node.text as string);
    for (const key of ['aboutAzerbaijan', 'ukraine'] as const) {
      const extra = texts(extracted[key]).filter((t: string) => !texts(annotated[key]).includes(t));
      const missing = texts(annotated[key]).filter((t: string) => !texts(extracted[key]).includes(t));
      // Differs: "about" is the other side only: a statement by the Kremlin's spokesman is not about Russia, and
      // the seed's last statement names Ukraine through the topic "weapons supplies to Kyiv" only.
      assert.ok(missing.length <= 1, `${key} missing: ${missing.join(' | ')}`);
      assert.ok(
        extra.every((t: string) => t.includes('الكرملين') || t.startsWith('وأشار إلى') || t.startsWith('لكنه')),
        `${key} extra: ${extra.join(' | ')}`,
      );
    }
  });

  it('npm run extract -- --json prints one JSON line per page and nothing else', async () => {
    const out = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = spawn(process.execPath, [path.join(root, 'dist', 'scripts', 'extract.js'), '--json', SEED_PAGE], {
        env: { ...process.env, LOG_LEVEL: 'info' },
      });
      let stdout = '';
      child.stdout.on('data', (c) => (stdout += c));
      child.on('exit', (code) => resolve({ code: code ?? 1, stdout }));
    });
    assert.equal(out.code, 0);
    const lines = out.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]!);
    assert.equal(line.file, SEED_PAGE);
    const [a] = line.articles;
    assert.deepEqual(Object.keys(a), [
      'title',
      'language',
      'publishedOn',
      'outlet',
      'text',
      'pageSpan',
      'statements',
      'meetings',
    ]);
    assert.deepEqual(Object.keys(a.statements[0]), [
      'speaker',
      'onBehalfOf',
      'via',
      'verb',
      'form',
      'text',
      'quote',
      'about',
      'cameo',
      'goldstein',
      'span',
      'pageSpan',
      'confidence',
    ]);
    assert.deepEqual(Object.keys(a.meetings[0]), ['key', 'kind', 'status', 'participants']);
  });
});
