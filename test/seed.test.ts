import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createLogger } from '../src/shared/logger';
import { CLI_CALLER, loadBundleFile, loadSeed, seedIfEmpty } from '../src/seed/seed-loader';
import { SeedFileError } from '../src/seed/seed-file';
import { graphCounts } from './helpers/graph-counts';
import { resetData, startTestServer, type TestServer } from './helpers/test-server';

const root = path.resolve(__dirname, '..', '..');
const seedPath = path.join(root, 'seed', 'al-ittihad-2025-05.json');

describe('seed loading', () => {
  let server: TestServer;
  let tmp: string;

  before(async () => {
    server = await startTestServer();
    await resetData(server.db);
    tmp = mkdtempSync(path.join(tmpdir(), 'diplograph-seed-'));
  });

  after(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await server.stop();
  });

  it('loads the seed: 10 statements, 9 by Peskov, each span found in its article text', async () => {
    const first = await loadSeed(server.db);
    assert.equal(first.created.articles, 2);
    assert.equal(first.created.statements, 10);
    assert.equal(first.created.meetings, 3);

    const [bySpeaker] = await server.db.read<{ total: number; peskov: number }>(
      `MATCH (s:Statement)-[:SAID_BY]->(a:Actor)
       RETURN count(s) AS total, count(CASE WHEN a.id = 'dmitry-peskov' THEN 1 END) AS peskov`,
    );
    assert.deepEqual(bySpeaker, { total: 10, peskov: 9 });

    const reports = await server.db.read<{ text: string; start: number; end: number; article: string }>(
      `MATCH (s:Statement)-[:HAS_REPORT]->(r:Report)-[:IN_ARTICLE]->(a:Article)
       RETURN r.text AS text, r.start AS start, r.end AS end, a.text AS article`,
    );
    assert.equal(reports.length, 10);
    for (const report of reports) {
      assert.ok(report.article.includes(report.text), `span text not in article: ${report.text.slice(0, 40)}`);
      assert.equal(report.article.slice(report.start, report.end), report.text);
    }
  });

  it('derives meeting status from the status history and names meetings', async () => {
    const meetings = await server.db.read<{ name: string; status: string; minutes: number | null; changes: number }>(
      `MATCH (m:Meeting) OPTIONAL MATCH (m)-[:HAS_STATUS]->(c)-[:ASSERTED_BY]->(:Statement)
       RETURN m.name_en AS name, m.status AS status, m.durationMinutes AS minutes, count(c) AS changes
       ORDER BY name`,
    );
    assert.deepEqual(meetings, [
      { name: 'Contact: Volodymyr Zelensky – Ilham Aliyev', status: 'HELD', minutes: null, changes: 1 },
      { name: 'Phone call: Vladimir Putin – Emmanuel Macron', status: 'HELD', minutes: 120, changes: 2 },
      { name: 'Summit: Vladimir Putin – Donald Trump', status: 'PROPOSED', minutes: null, changes: 1 },
    ]);
  });

  it('stores statement dates, sort keys, ranks and audit fields', async () => {
    const rows = await server.db.read<{ date: string | null; sortKey: string; rank: string; by: string }>(
      `MATCH (s:Statement) RETURN toString(s.date) AS date, s.sortKey AS sortKey, s.rank AS rank,
         s.createdBy AS by, s.id AS id ORDER BY s.sortKey`,
    );
    assert.equal(rows.filter((r) => r.date === '2025-05-06').length, 3);
    assert.equal(rows.filter((r) => r.date === null).length, 7);
    for (const row of rows) {
      assert.match(row.sortKey, /^(2025-05-06|0000-00-00)\|[0-9a-f]{32}$/);
      assert.equal(row.rank, 'NORMAL');
      assert.equal(row.by, 'admin:cli');
    }
    const [leftover] = await server.db.read<{ n: number }>(
      'MATCH (n) WHERE n.ingestToken IS NOT NULL RETURN count(n) AS n',
    );
    assert.equal(leftover!.n, 0);
  });

  it('loading the seed again leaves every count and every audit stamp unchanged', async () => {
    const stamp = () =>
      server.db.read<{ latest: string }>('MATCH (n) RETURN toString(max(n.updatedAt)) AS latest, count(n) AS n');
    const before = await graphCounts(server.db);
    const beforeStamp = await stamp();
    const again = await loadSeed(server.db);
    assert.deepEqual(again.created, { articles: 0, actors: 0, meetings: 0, statements: 0, topics: 0 });
    assert.deepEqual(again.definitions.actors, { created: 0, matched: 9 });
    assert.deepEqual(await graphCounts(server.db), before);
    assert.deepEqual(await stamp(), beforeStamp);
  });

  it('seeds an empty database at start-up (SEED_ON_EMPTY), and leaves a non-empty one alone', async () => {
    assert.equal(await seedIfEmpty(server.db, root, createLogger('silent')), null);
    await resetData(server.db);
    const fresh = await startTestServer({ SEED_ON_EMPTY: 'true' });
    try {
      const [row] = await fresh.db.read<{ n: number; by: string[] }>(
        'MATCH (s:Statement) RETURN count(s) AS n, collect(DISTINCT s.createdBy) AS by',
      );
      assert.deepEqual(row, { n: 10, by: ['admin:seed'] });
    } finally {
      await fresh.stop();
    }
  });

  it('rejects a malformed file naming the file, the JSON path and the reason, and writes nothing', async () => {
    const bundle = JSON.parse(readFileSync(seedPath, 'utf8'));
    bundle.actors.push({ key: 'not-to-be-written', kind: 'PERSON', names: { en: 'Nobody' }, aliases: [], roles: [] });
    bundle.articles[1].statements[4].goldstein = 42;
    bundle.articles[0].statements[1].form = 'QUOTE';
    const file = path.join(tmp, 'broken.json');
    writeFileSync(file, JSON.stringify(bundle));
    const before = await graphCounts(server.db);
    await assert.rejects(loadBundleFile(server.db, file, CLI_CALLER, createLogger('silent')), (error: unknown) => {
      assert.ok(error instanceof SeedFileError);
      assert.match(error.message, new RegExp(`Invalid bundle file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      assert.match(error.message, /articles\[0\]\.statements\[1\]\.form: Invalid option/);
      return true;
    });
    // Once the shape is right, the mutation's own checks report with the same kind of path.
    bundle.articles[0].statements[1].form = 'DIRECT_QUOTE';
    writeFileSync(file, JSON.stringify(bundle));
    await assert.rejects(loadBundleFile(server.db, file, CLI_CALLER, createLogger('silent')), (error: unknown) => {
      assert.ok(error instanceof SeedFileError);
      assert.match(
        error.message,
        /articles\[1\]\.statements\[4\]\.goldstein: must be a Goldstein score from -10 to 10/,
      );
      return true;
    });
    writeFileSync(file, '{"articles": [');
    await assert.rejects(loadBundleFile(server.db, file, CLI_CALLER, createLogger('silent')), /not valid JSON/);
    assert.deepEqual(await graphCounts(server.db), before);
  });
});
