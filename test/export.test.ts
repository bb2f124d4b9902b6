import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import * as jsonld from 'jsonld';
import { ingestArticle } from '../src/ingest/ingest.service';
import { CLI_CALLER } from '../src/seed/seed-loader';
import { toGlobalId } from '../src/shared/global-id';
import { ActorKind, StatementForm } from '../src/shared/graphql/enums';
import { graphCounts } from './helpers/graph-counts';
import { resetData, startSeededServer, startTestServer, type TestServer } from './helpers/test-server';
import { spanOf } from './helpers/write-keys';

const root = path.resolve(__dirname, '..', '..');
const RU = toGlobalId('Country', 'RU');
const PESKOV = toGlobalId('Actor', 'dmitry-peskov');

/**
 * A response with the `nodes` and `edges` of Subgraph results sorted: a subgraph is a set for drawing, and its
 * order follows the store's internal node order, which a restore does not keep. Every other list keeps its order.
 */
function canonical(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => canonical(item));
    return key === 'nodes' || key === 'edges' ? items.map((item) => JSON.stringify(item)).sort() : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v, k)]));
  }
  return value;
}

/** The README's example read operations: every ```graphql block that is a query. */
function readmeQueries(): string[] {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  return [...readme.matchAll(/```graphql\n([^]*?)```/g)]
    .map((match) => match[1]!.trim())
    .filter((text) => text.startsWith('{') || text.startsWith('query'));
}

const EXTRA_TEXT =
  'Ankara (Anadolu) - Turkish Foreign Minister Hakan Fidan said on Monday that Turkey is ready to host new talks. ' +
  'He added, "we will keep every channel open, with care".';

describe('exports', () => {
  let server: TestServer;
  let tmp: string;
  const get = (pathAndQuery: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${pathAndQuery}`, { headers });

  before(async () => {
    server = await startSeededServer();
    // A second outlet, an actor created from a name, a topic created from a name: what a restore must also rebuild.
    await ingestArticle(
      server.db,
      {
        title: 'Fidan: Turkey ready to host talks',
        language: 'en',
        publishedOn: '2025-05-12',
        url: 'https://example.org/fidan-talks',
        outlet: { name: 'Anadolu Agency', kind: ActorKind.MEDIA },
        text: EXTRA_TEXT,
        topics: [{ name: 'Peace talks' }],
        statements: [
          {
            speaker: { name: 'Hakan Fidan', kind: ActorKind.PERSON, country: 'TR' },
            form: StatementForm.PARAPHRASE,
            text: EXTRA_TEXT.slice(0, EXTRA_TEXT.indexOf('He added')).trim(),
            saidOn: '2025-05-12',
            about: [{ id: RU }, { name: 'Peace talks' }],
            cameo: '030',
            goldstein: 4,
            span: spanOf(
              EXTRA_TEXT,
              'Turkish Foreign Minister Hakan Fidan said on Monday that Turkey is ready to host new talks.',
            ),
          },
        ],
        createMissing: true,
      },
      CLI_CALLER,
    );
    tmp = mkdtempSync(path.join(tmpdir(), 'diplograph-export-'));
  });

  after(async () => {
    rmSync(tmp, { recursive: true, force: true });
    await server.stop();
  });

  const total = async (filter: Record<string, unknown> = {}): Promise<number> => {
    const response = await server.gql(
      `query($f: StatementFilter) { statements(filter: $f, first: 1) { totalCount } }`,
      {
        f: filter,
      },
    );
    return response.data!.statements.totalCount as number;
  };

  it('statements.csv is RFC 4180 with a header and one record per statement; bom=1 starts with a BOM', async () => {
    const response = await get('/export/statements.csv');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type')!, /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition')!, /attachment; filename="statements.csv"/);
    const text = await response.text();
    assert.notEqual(text.charCodeAt(0), 0xfeff);
    assert.ok(text.endsWith('\r\n'));
    const records = parseCsv(text, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, await total());
    assert.equal(records.length, 11);
    const fidan = records.find((r) => r.speaker === 'Hakan Fidan')!;
    assert.equal(fidan.cameo, '030');
    assert.equal(fidan.goldstein, '4');
    assert.equal(fidan.outlet, 'Anadolu Agency');
    assert.equal(fidan.article_url, 'https://example.org/fidan-talks');
    assert.equal(
      fidan.span_text,
      'Turkish Foreign Minister Hakan Fidan said on Monday that Turkey is ready to host new talks.',
    );
    assert.equal(fidan.subjects!.split('; ').length, 2);
    const peskov = records.filter((r) => r.speaker_id === PESKOV);
    assert.equal(peskov.length, 9);
    assert.ok(peskov.every((r) => /[\u0600-\u06ff]/.test(r.text!) && r.agency !== undefined));
    // Newest first, as the statements query pages them.
    const dates = records.map((r) => r.date);
    assert.deepEqual(dates, [...dates].sort().reverse());

    const withBom = Buffer.from(await (await get('/export/statements.csv?bom=1&speaker=' + PESKOV)).arrayBuffer());
    assert.deepEqual([...withBom.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.equal((parseCsv(withBom.toString('utf8').slice(1), { columns: true }) as unknown[]).length, 9);
  });

  it('statements.jsonl takes the statements filter and matches the statements query', async () => {
    for (const [query, filter] of [
      [`about=${RU}&includeRelated=true`, { about: RU, includeRelated: true }],
      [`about=${RU}`, { about: RU }],
      [`speaker=${PESKOV}&cameo=03`, { speaker: PESKOV, cameo: '03' }],
      [`from=2025-05-07&language=en`, { from: '2025-05-07', language: 'en' }],
    ] as const) {
      const response = await get(`/export/statements.jsonl?${query}`);
      assert.equal(response.status, 200, query);
      const lines = (await response.text()).split('\n').filter(Boolean);
      const { includeRelated, ...rest } = filter as Record<string, unknown>;
      const expected = includeRelated
        ? ((await server.gql(`{ whoSaidWhatAbout(about: "${RU}", includeRelated: true, first: 100) { totalCount } }`))
            .data!.whoSaidWhatAbout.totalCount as number)
        : await total(rest);
      assert.equal(lines.length, expected, query);
      assert.ok(lines.length > 0, query);
      const statements = lines.map((line) => JSON.parse(line) as { id: string; reports: unknown[] });
      const ids = statements.map((s) => s.id);
      const one = await server.gql(`query($id: ID!) { node(id: $id) { ... on Statement { text } } }`, { id: ids[0] });
      assert.ok(one.data!.node.text);
      assert.ok(statements.every((s) => s.reports.length === 1));
    }
  });

  it('statements.jsonld is a JSON-LD document that the jsonld library expands, compacts and turns into RDF', async () => {
    const response = await get(`/export/statements.jsonld?speaker=${PESKOV}`);
    assert.match(response.headers.get('content-type')!, /^application\/ld\+json/);
    const document = (await response.json()) as Record<string, unknown>;
    const noNetwork = async (url: string): Promise<never> => {
      throw new Error(`no document loading in this test (asked for ${url})`);
    };
    const options = { documentLoader: noNetwork, safe: true } as unknown as jsonld.Options.Expand;
    const expanded = await jsonld.expand(document as jsonld.JsonLdDocument, options);
    assert.equal(expanded.length, 9);
    const claim = expanded[0] as Record<string, any>;
    assert.deepEqual(claim['@type'], ['https://schema.org/Claim']);
    assert.equal(claim['https://schema.org/author'][0]['https://schema.org/name'][0]['@value'], 'Dmitry Peskov');
    assert.equal(claim['https://diplograph.org/vocab#cameo'].length, 1);
    const appearance = claim['https://schema.org/appearance'][0];
    assert.deepEqual(appearance['https://schema.org/isPartOf'][0]['@type'], ['https://schema.org/NewsArticle']);
    const context = (await (await get('/export/context.jsonld')).json()) as Record<string, unknown>;
    const compacted = await jsonld.compact(expanded, context as jsonld.ContextDefinition, options);
    assert.equal((compacted['@graph'] as unknown[]).length, 9);
    const nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
      ...options,
      format: 'application/n-quads',
    })) as unknown as string;
    const claims = nquads
      .split('\n')
      .filter((line) =>
        line.endsWith('<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Claim> .'),
      );
    assert.equal(claims.length, 9);
    assert.match(
      nquads,
      /<https:\/\/diplograph\.org\/vocab#goldstein> "4(\.0E0)?"\^\^<http:\/\/www\.w3\.org\/2001\/XMLSchema#decimal>/,
    );
  });

  it('neighborhood.graphml and .gexf are well-formed and hold the node, its neighbours and their relationships', async () => {
    const graphml = await (await get(`/export/neighborhood.graphml?id=${PESKOV}&depth=1`)).text();
    assert.equal(XMLValidator.validate(graphml), true);
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(graphml) as any;
    const nodes = parsed.graphml.graph.node as any[];
    const edges = parsed.graphml.graph.edge as any[];
    const labelOf = (node: any) => [node.data].flat().find((d: any) => d['@_key'] === 'label')['#text'];
    const typeOf = (node: any) => [node.data].flat().find((d: any) => d['@_key'] === 'd0')['#text'];
    assert.ok(nodes.some((n) => labelOf(n) === 'Dmitry Peskov'));
    assert.equal(nodes.filter((n) => typeOf(n) === 'Statement').length, 9);
    assert.equal(edges.filter((e) => e.data['#text'] === 'SAID_BY').length, 9);
    const ids = new Set(nodes.map((n) => n['@_id']));
    assert.ok(edges.every((e) => ids.has(e['@_source']) && ids.has(e['@_target'])));
    const deeper = new XMLParser({ ignoreAttributes: false }).parse(
      await (await get(`/export/neighborhood.graphml?id=${PESKOV}&depth=2`)).text(),
    ) as any;
    assert.ok(deeper.graphml.graph.node.length > nodes.length);

    const gexf = await (await get(`/export/neighborhood.gexf?id=${PESKOV}`)).text();
    assert.equal(XMLValidator.validate(gexf), true);
    const g = new XMLParser({ ignoreAttributes: false }).parse(gexf) as any;
    assert.equal(g.gexf.graph.nodes.node.length, nodes.length);
  });

  it('bad parameters are 400 naming each parameter; unknown nodes 404; auth as for reads', async () => {
    const bad = await get(`/export/statements.csv?speaker=${RU}&cameo=x&bogus=1`);
    assert.equal(bad.status, 400);
    const body = (await bad.json()) as any;
    assert.equal(body.errors[0].extensions.code, 'BAD_USER_INPUT');
    assert.deepEqual(body.errors[0].extensions.problems.map((p: any) => p.path).sort(), ['bogus', 'cameo', 'speaker']);
    const depth = (await (await get(`/export/neighborhood.graphml?id=${PESKOV}&depth=4`)).json()) as any;
    assert.deepEqual(
      depth.errors[0].extensions.problems.map((p: any) => p.path),
      ['depth'],
    );
    const missing = await get(`/export/neighborhood.graphml?id=${toGlobalId('Actor', 'nobody')}`);
    assert.equal(missing.status, 404);
    assert.equal((await get('/export/nothing.csv')).status, 404);
    assert.equal((await fetch(`${server.url}/export/statements.csv`, { method: 'POST' })).status, 405);
    assert.equal((await get('/export/statements.csv', { authorization: 'Bearer nope' })).status, 401);

    const locked = await startTestServer({ READS_REQUIRE_KEY: 'true', API_KEYS: 'editor:' + 'a'.repeat(64) });
    try {
      const refused = await fetch(`${locked.url}/export/statements.jsonl`);
      assert.equal(refused.status, 401);
      assert.equal(((await refused.json()) as any).errors[0].extensions.code, 'UNAUTHENTICATED');
    } finally {
      await locked.stop();
    }
  });

  it('bundle.json then npm run ingest into an empty database restores every count and every README query answer', async () => {
    const queries = readmeQueries();
    assert.ok(queries.length >= 5);
    const answers = async () =>
      Promise.all(
        queries.map(async (query) =>
          JSON.stringify(canonical(await server.gql(query, {}, { 'x-diplograph-debug': '0' }))),
        ),
      );
    const before = { counts: await graphCounts(server.db), answers: await answers() };
    const text = await (await get('/export/bundle.json')).text();
    const file = path.join(tmp, 'backup.json');
    writeFileSync(file, text);

    await resetData(server.db);
    assert.notDeepEqual(await graphCounts(server.db), before.counts);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(root, 'dist', 'scripts', 'ingest.js'), file],
      {
        env: { ...process.env, LOG_LEVEL: 'warn' },
      },
    );
    assert.match(stdout, /created 3 articles/);
    assert.deepEqual(await graphCounts(server.db), before.counts);
    const after = await answers();
    queries.forEach((query, i) => assert.equal(after[i], before.answers[i], query));
    // The backup of the restore is the backup itself (but for its date line).
    const again = await (await get('/export/bundle.json')).text();
    assert.equal(again.split('\n').slice(1).join('\n'), text.split('\n').slice(1).join('\n'));
  });
});
