import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { toGlobalId } from '../src/shared/global-id';
import { createLogger } from '../src/shared/logger';
import { renormalize } from '../src/shared/neo4j/renormalize.migration';
import { SynthGenerator } from '../src/synth/generator';
import { loadSynthetic } from '../src/synth/synth-load';
import { SynthLoaderRepository } from '../src/synth/synth-loader.repository';
import { resetData, startTestServer, type TestServer } from './helpers/test-server';

/** The bulk loader writes the graph layout the API reads: the API answers synthetic data as it answers ingested. */
describe('synthetic graph through the bulk loader', () => {
  let server: TestServer;
  const generator = new SynthGenerator({ statements: 400, seed: 11 });
  let counts: Record<string, number>;

  before(async () => {
    server = await startTestServer();
    await resetData(server.db);
    const result = await loadSynthetic(server.db, generator, { batchStatements: 150 });
    assert.equal(result.statements, 400);
    counts = await new SynthLoaderRepository(server.db).counts();
  });

  after(async () => {
    await resetData(server.db);
    await server.stop();
  });

  it('creates nothing on a rerun', async () => {
    await loadSynthetic(server.db, new SynthGenerator({ statements: 400, seed: 11 }), { batchStatements: 150 });
    assert.deepEqual(await new SynthLoaderRepository(server.db).counts(), counts);
    assert.equal(counts.Statement, 400);
    assert.equal(counts.Report, 400);
  });

  it('writes the search shadows and canonical URLs as ingest does: the renormalize migration finds nothing to do', async () => {
    const report = await renormalize(server.db, createLogger('silent'));
    assert.deepEqual(
      { ...report, searchTexts: Object.values(report.searchTexts) },
      {
        aliasesRekeyed: 0,
        aliasesMerged: 0,
        aliasesRemoved: [],
        aliasSearchTexts: 0,
        collisions: [],
        searchTexts: [0, 0, 0],
        canonicalUrls: 0,
        sharedCanonicalUrls: [],
      },
    );
    const [row] = await server.db.read<{ statements: number; articles: number }>(
      `RETURN COUNT { MATCH (s:Statement) WHERE s.search_text IS NOT NULL } AS statements,
         COUNT { MATCH (a:Article) WHERE a.search_text IS NOT NULL AND a.search_title IS NOT NULL } AS articles`,
    );
    assert.deepEqual(row, { statements: 400, articles: counts.Article });
  });

  it('pages all statements newest first with a total that leaves deprecated ones out', async () => {
    const deprecated = [...generator.batches(150)].flatMap((b) => b.statements).filter((s) => s.rank === 'DEPRECATED');
    const res = await server.gql(`{ statements(first: 5) { totalCount edges { cursor node { id saidOn } } } }`);
    assert.equal(res.errors, undefined);
    assert.equal(res.data!.statements.totalCount, 400 - deprecated.length);
    const cursors = res.data!.statements.edges.map((e: any) => e.cursor);
    assert.equal(cursors.length, 5);
  });

  it('answers whoSaidWhatAbout the busiest country with reports whose span text is in the article', async () => {
    const res = await server.gql(
      `query($about: ID!) { whoSaidWhatAbout(about: $about, includeRelated: true, first: 10) { totalCount
         edges { node { text speaker { name } reports { span { start end text } article { text } } } } } }`,
      { about: toGlobalId('Country', generator.busiestCountry) },
    );
    assert.equal(res.errors, undefined);
    const page = res.data!.whoSaidWhatAbout;
    assert.ok(page.totalCount > 0);
    for (const { node } of page.edges) {
      assert.ok(node.speaker.name);
      for (const report of node.reports) {
        assert.equal(report.article.text.slice(report.span.start, report.span.end), report.span.text);
      }
    }
  });

  it('counts statements by speaker, the most prolific first', async () => {
    const res = await server.gql(`{ statementStats(groupBy: SPEAKER, top: 3) { key { id } count } }`);
    assert.equal(res.errors, undefined);
    const rows = res.data!.statementStats;
    assert.equal(rows[0].key.id, toGlobalId('Actor', generator.topSpeaker));
    assert.ok(rows[0].count >= rows[1].count);
  });
});
