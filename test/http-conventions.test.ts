import 'reflect-metadata';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './helpers/test-server';

const QUERY = '{ countries(first: 2) { totalCount } }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('HTTP conventions for browser and CDN clients', () => {
  let server: TestServer;
  let closed: TestServer;
  const ORIGIN = 'https://dash.example.org';

  before(async () => {
    server = await startTestServer({ CORS_ORIGINS: `${ORIGIN}, https://other.example.org` });
    closed = await startTestServer();
  });

  after(async () => {
    await server.stop();
    await closed.stop();
  });

  it('answers a CORS preflight from a listed origin, and none from others or by default', async () => {
    const preflight = (url: string, origin: string) =>
      fetch(`${url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, authorization',
        },
      });
    const ok = await preflight(server.url, ORIGIN);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(ok.headers.get('access-control-allow-methods')!, /POST/);
    assert.match(ok.headers.get('access-control-allow-headers')!, /authorization/);
    assert.match(ok.headers.get('access-control-allow-headers')!, /apollo-require-preflight/);
    assert.equal(ok.headers.get('access-control-max-age'), '600');
    const stranger = await preflight(server.url, 'https://evil.example.org');
    assert.equal(stranger.headers.get('access-control-allow-origin'), null);
    const byDefault = await preflight(closed.url, ORIGIN);
    assert.equal(byDefault.headers.get('access-control-allow-origin'), null);

    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    assert.equal(post.status, 200);
    assert.equal(post.headers.get('access-control-allow-origin'), ORIGIN);
    assert.match(post.headers.get('vary')!, /Origin/);
  });

  it('runs GET queries that carry the CSRF header, refuses those without it and mutations over GET', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent(QUERY)}`;
    const plain = await fetch(url);
    assert.equal(plain.status, 400);
    const plainBody = (await plain.json()) as any;
    assert.match(plainBody.errors[0].message, /apollo-require-preflight/);
    assert.doesNotMatch(JSON.stringify(plainBody), /at .*\.js/);
    const ok = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as any).data.countries.totalCount > 0, true);
    const mutation = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('mutation { deprecateStatement(id: "x", reason: "y") { id } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    assert.equal(mutation.status, 405);
  });

  it('gives GET reads an ETag and Cache-Control, and answers 304 to If-None-Match', async () => {
    const url = `${server.url}/graphql?query=${encodeURIComponent(QUERY)}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag');
    assert.match(etag!, /^"[0-9a-f]{32}"$/);
    assert.equal(first.headers.get('cache-control'), 'public, no-cache');
    const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag! } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    const changed = await fetch(url, { headers: { ...headers, 'if-none-match': '"other"' } });
    assert.equal(changed.status, 200);
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY }),
    });
    assert.equal(post.headers.get('etag'), null);
  });

  it('supports Automatic Persisted Queries: hash first, then the query once, then the hash alone (also over GET)', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } };
    const post = (body: unknown) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then(async (r) => (await r.json()) as any);
    const miss = await post({ extensions });
    assert.equal(miss.errors[0].extensions.code, 'PERSISTED_QUERY_NOT_FOUND');
    const register = await post({ query: QUERY, extensions });
    assert.ok(register.data.countries.totalCount > 0);
    const hit = await post({ extensions });
    assert.deepEqual(hit.data, register.data);
    const get = await fetch(`${server.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    assert.deepEqual(((await get.json()) as any).data, register.data);
  });
});
