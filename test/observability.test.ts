import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { loadConfig } from '../src/shared/config';
import { startTracing, type Tracing } from '../src/shared/observability/tracing';
import { streamArticle } from './helpers/fault-articles';
import { startTestServer, type TestServer } from './helpers/test-server';
import { asEditor, INGEST, TEST_API_KEYS } from './helpers/write-keys';

/** The value of one sample line of a Prometheus text exposition, or null when the series is absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe('observability', () => {
  // The SDK's own in-memory exporter: every span our code ends, exactly as an OTLP exporter would get it.
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let server: TestServer;
  const tag = `obs${Date.now().toString(36)}`;

  before(async () => {
    tracing = startTracing(loadConfig({}).tracing, [new SimpleSpanProcessor(exporter)]);
    server = await startTestServer({ API_KEYS: TEST_API_KEYS });
  });

  after(async () => {
    await server.stop();
    await tracing.shutdown();
  });

  it('exposes request, latency, database, DataLoader, ingest, subscription and Node series at /metrics', async () => {
    const aliases = 'query CountryAliases { countries(first: 3) { edges { node { code aliases { text } } } } }';
    for (let i = 0; i < 3; i++) assert.equal((await server.gql(aliases)).errors, undefined);
    const tooBig = await server.gql('query TooBig { countries(first: 101) { totalCount } }');
    assert.equal(tooBig.errors?.[0]?.extensions?.code, 'BAD_USER_INPUT');
    const ingested = await server.gql(INGEST, { input: streamArticle(tag, 1) }, asEditor);
    assert.equal(ingested.errors, undefined);

    const response = await fetch(`${server.url}/metrics`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const ok = 'diplograph_graphql_requests_total{operation="CountryAliases",type="query",outcome="ok"}';
    assert.ok(sample(text, ok)! >= 3, ok);
    assert.ok(
      sample(text, 'diplograph_graphql_requests_total{operation="TooBig",type="query",outcome="BAD_USER_INPUT"}')! >= 1,
    );
    assert.ok(
      sample(text, 'diplograph_graphql_request_duration_seconds_count{operation="CountryAliases",type="query"}')! >= 3,
    );
    assert.match(text, /diplograph_graphql_request_duration_seconds_bucket\{le="0\.1",operation="CountryAliases"/);
    // Two round trips each: the page of countries, then one batch for the aliases of all three.
    assert.ok(sample(text, 'diplograph_graphql_db_round_trips_sum{operation="CountryAliases"}')! >= 6);
    assert.ok(sample(text, 'diplograph_graphql_db_seconds_count{operation="CountryAliases"}')! >= 3);
    assert.ok(sample(text, 'diplograph_db_queries_total{mode="read",outcome="ok"}')! >= 6);
    assert.ok(sample(text, 'diplograph_db_queries_total{mode="write",outcome="ok"}')! >= 1);
    assert.ok(sample(text, 'diplograph_db_query_duration_seconds_count{mode="read"}')! >= 6);
    assert.ok(sample(text, 'diplograph_dataloader_batch_size_count{loader="entity.countryAliases"}')! >= 3);
    assert.ok(sample(text, 'diplograph_dataloader_batch_size_sum{loader="entity.countryAliases"}')! >= 9);
    assert.ok(sample(text, 'diplograph_ingest_articles_total{outcome="created"}')! >= 1);
    assert.ok(sample(text, 'diplograph_ingest_created_total{kind="statements"}')! >= 2);
    assert.equal(sample(text, 'diplograph_graphql_subscriptions'), 0);
    assert.ok(sample(text, 'nodejs_eventloop_lag_seconds')! >= 0);
    assert.ok(sample(text, 'nodejs_heap_size_used_bytes')! > 0);
    assert.ok(sample(text, 'process_resident_memory_bytes')! > 0);
  });

  it('takes the request id from x-request-id, else from traceparent, and returns it', async () => {
    const query = JSON.stringify({ query: '{ countries(first: 1) { totalCount } }' });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: query,
      });
    assert.equal((await post({ 'x-request-id': 'req-42' })).headers.get('x-request-id'), 'req-42');
    const traced = await post({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    assert.equal(traced.headers.get('x-request-id'), '0af7651916cd43dd8448eb211c80319c');
    assert.match((await post({})).headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('traces an operation, its DataLoader batches and its Cypher queries, with no parameter value anywhere', async () => {
    exporter.reset();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpan = '00f067aa0ba902b7';
    const secret = `needle${tag}`;
    const headers = { traceparent: `00-${traceId}-${callerSpan}-01` };
    const res = await server.gql(
      `query Traced($code: String!, $text: String!) {
        country(code: $code) { name }
        countries(first: 3) { edges { node { code aliases { text } } } }
        search(text: $text, first: 2) { totalCount }
      }`,
      { code: 'FR', text: secret },
      headers,
    );
    assert.equal(res.errors, undefined);
    const article = streamArticle(secret, 2);
    assert.equal((await server.gql(INGEST, { input: article }, { ...asEditor, ...headers })).errors, undefined);

    const spans = exporter.getFinishedSpans();
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const parentOf = (s: ReadableSpan) => byId.get(s.parentSpanContext?.spanId ?? '');
    const operation = spans.find((s) => s.name === 'query Traced');
    assert.ok(operation, `spans: ${spans.map((s) => s.name).join(', ')}`);
    assert.equal(operation.spanContext().traceId, traceId);
    assert.equal(operation.parentSpanContext?.spanId, callerSpan);
    assert.equal(operation.attributes['graphql.operation.name'], 'Traced');

    const batch = spans.find((s) => s.name === 'dataloader entity.countryAliases');
    assert.ok(batch);
    assert.equal(batch.attributes['dataloader.batch_size'], 3);
    assert.equal(parentOf(batch), operation);
    const inBatch = spans.filter((s) => s.name === 'neo4j read' && parentOf(s) === batch);
    assert.equal(inBatch.length, 1);
    assert.match(String(inBatch[0]!.attributes['db.query.text']), /UNWIND \$keys/);
    const direct = spans.filter((s) => s.name === 'neo4j read' && parentOf(s) === operation);
    assert.ok(direct.length >= 2, 'the country, the page and the search run under the operation');
    assert.ok(direct.every((s) => s.attributes['db.system.name'] === 'neo4j' && s.attributes['db.query.text']));

    const mutation = spans.find((s) => s.name === 'mutation' && s.spanContext().traceId === traceId);
    assert.ok(mutation);
    const tx = spans.find((s) => s.name === 'neo4j write transaction' && parentOf(s) === mutation);
    assert.ok(tx);
    assert.ok(spans.filter((s) => s.name === 'neo4j write' && parentOf(s) === tx).length >= 3);

    // Neither the variables nor the ingested article's text may leak into any attribute of any span.
    const values = [secret, article.title, article.statements[0]!.text, article.url];
    for (const span of spans) {
      for (const [key, value] of Object.entries(span.attributes)) {
        for (const leaked of values) {
          assert.ok(!String(value).includes(leaked), `${span.name} ${key} carries "${leaked}"`);
        }
      }
    }
  });
});
