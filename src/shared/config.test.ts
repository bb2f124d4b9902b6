import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.port, 4000);
    assert.equal(config.nodeEnv, 'production');
    assert.deepEqual(config.http, {
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      maxConnections: 1024,
      authFailuresPerMinute: 10,
    });
    assert.equal(config.neo4j.uri, null);
    assert.equal(config.neo4j.database, 'neo4j');
    assert.equal(config.embedded.port, 7687);
    assert.equal(config.embedded.pageCacheBytes, 512 * 1024 ** 2);
    assert.equal(config.seedOnEmpty, true);
    assert.deepEqual(config.apiKeys, []);
    assert.deepEqual(config.neo4j.timeouts, {
      connectTimeoutMs: 5000,
      acquisitionTimeoutMs: 5000,
      retryTimeMs: 5000,
      txTimeoutMs: 10000,
      bulkTxTimeoutMs: 600000,
    });
    assert.equal(config.embedded.maxRestarts, 5);
    assert.equal(config.metrics, true);
    assert.deepEqual(config.tracing.exporters, []);
    assert.equal(config.introspection, true);
    assert.equal(config.ide, true);
    assert.equal(config.trustedDocuments.enforce, false);
    assert.equal(config.trustedDocuments.files.length, 1);
    assert.match(config.trustedDocuments.files[0]!, /schema\/persisted-query-manifest\.json$/);
  });

  it('turns the IDE and introspection off by default in trusted-documents mode, unless set', () => {
    const trusted = loadConfig({ TRUSTED_DOCUMENTS: 'true', TRUSTED_DOCUMENTS_FILES: 'a.json, /srv/b.json' });
    assert.equal(trusted.trustedDocuments.enforce, true);
    assert.equal(trusted.ide, false);
    assert.equal(trusted.introspection, false);
    assert.deepEqual(trusted.trustedDocuments.files.slice(1), [
      `${trusted.projectRoot}/a.json`.replace(/\/+/g, '/'),
      '/srv/b.json',
    ]);
    const withIde = loadConfig({ TRUSTED_DOCUMENTS: '1', IDE: 'true', INTROSPECTION: 'true' });
    assert.equal(withIde.ide, true);
    assert.equal(withIde.introspection, true);
    assert.throws(() => loadConfig({ TRUSTED_DOCUMENTS: 'maybe' }), /TRUSTED_DOCUMENTS must be true or false/);
  });

  it('reads the standard OTEL_* variables, tracing off unless an exporter is named', () => {
    const on = loadConfig({
      OTEL_TRACES_EXPORTER: 'otlp,console',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=abc%3D,tenant=t1',
      OTEL_SERVICE_NAME: 'dg',
      OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
      OTEL_TRACES_SAMPLER_ARG: '0.25',
    }).tracing;
    assert.deepEqual(on.exporters, ['otlp', 'console']);
    assert.equal(on.otlpEndpoint, 'http://collector:4318/v1/traces');
    assert.deepEqual(on.otlpHeaders, { 'x-api-key': 'abc=', tenant: 't1' });
    assert.equal(on.serviceName, 'dg');
    assert.equal(on.samplerRatio, 0.25);
    const traces = loadConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://x/t' });
    assert.equal(traces.tracing.otlpEndpoint, 'https://x/t');
    assert.deepEqual(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp', OTEL_SDK_DISABLED: 'true' }).tracing.exporters, []);
  });

  it('accepts bolt and neo4j URIs, with or without TLS', () => {
    for (const uri of ['bolt://localhost:7687', 'neo4j://cluster:7687', 'neo4j+s://x.databases.neo4j.io']) {
      assert.equal(loadConfig({ NEO4J_URI: uri }).neo4j.uri, uri);
    }
  });

  it('names the variable and what it accepts when a value is bad', () => {
    const cases: [string, string, RegExp][] = [
      ['PORT', '70000', /PORT must be an integer from 0 to 65535/],
      ['PORT', '80a', /PORT must be an integer/],
      ['NODE_ENV', 'staging', /NODE_ENV must be one of development, production, test/],
      ['NEO4J_URI', 'http://x', /NEO4J_URI must be a bolt:\/\/ or neo4j:\/\/ URI/],
      ['EMBEDDED_NEO4J_PAGE_CACHE', 'lots', /EMBEDDED_NEO4J_PAGE_CACHE must be a size/],
      ['SEED_ON_EMPTY', 'maybe', /SEED_ON_EMPTY must be true or false/],
      ['IDE', 'maybe', /IDE must be true or false/],
      ['INTROSPECTION', 'off', /INTROSPECTION must be true or false/],
      ['API_KEYS', 'editor:xyz', /API_KEYS entry 1 must be role:sha256hex/],
      ['NEO4J_TX_TIMEOUT_MS', '10s', /NEO4J_TX_TIMEOUT_MS must be an integer from 100/],
      ['NEO4J_BULK_TX_TIMEOUT_MS', '5000', /NEO4J_BULK_TX_TIMEOUT_MS must be at least NEO4J_TX_TIMEOUT_MS/],
      ['OTEL_TRACES_EXPORTER', 'jaeger', /OTEL_TRACES_EXPORTER must be none, otlp or console/],
      ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc', /OTEL_EXPORTER_OTLP_PROTOCOL must be one of http\/protobuf, http\/json/],
      ['OTEL_TRACES_SAMPLER_ARG', '2', /OTEL_TRACES_SAMPLER_ARG must be a ratio/],
      ['HTTP_HEADERS_TIMEOUT_MS', '40000', /HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS/],
      ['HTTP_MAX_CONNECTIONS', '0', /HTTP_MAX_CONNECTIONS must be an integer from 1/],
    ];
    for (const [name, value, message] of cases) {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (error: unknown) => error instanceof ConfigError && error.variable === name && message.test(error.message),
        `${name}=${value}`,
      );
    }
  });

  it('parses API keys as role and lower-case hash', () => {
    const hash = 'A'.repeat(64);
    assert.deepEqual(loadConfig({ API_KEYS: ` admin:${hash} ` }).apiKeys, [{ role: 'admin', sha256: 'a'.repeat(64) }]);
  });

  it('takes the cursor secret from CURSOR_SECRET, else derives a stable one from the database settings', () => {
    const secret = 'x'.repeat(32);
    assert.equal(loadConfig({ CURSOR_SECRET: secret }).cursorSecret.toString('utf8'), secret);
    assert.throws(() => loadConfig({ CURSOR_SECRET: 'short' }), /CURSOR_SECRET must be at least 32 characters/);
    const replica = { NEO4J_URI: 'bolt://db:7687', NEO4J_PASSWORD: 'pw' };
    // Two processes (a restart, another replica) on the same database agree; another database or password does not.
    assert.deepEqual(loadConfig(replica).cursorSecret, loadConfig({ ...replica, PORT: '4001' }).cursorSecret);
    assert.notDeepEqual(
      loadConfig(replica).cursorSecret,
      loadConfig({ ...replica, NEO4J_PASSWORD: 'pw2' }).cursorSecret,
    );
    assert.notDeepEqual(loadConfig(replica).cursorSecret, loadConfig({ NEO4J_URI: 'bolt://other:7687' }).cursorSecret);
    assert.equal(loadConfig(replica).cursorSecret.length, 32);
  });
});
