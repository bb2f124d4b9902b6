import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './helpers/test-server';

/**
 * The browser side of the server over HTTP: GraphiQL by content negotiation at /graphql and at /graphiql, the
 * explorer's page at every app path, hashed assets with their types and cache headers, and the IDE and
 * INTROSPECTION settings. Needs dist/web, which npm test builds (npm run build).
 */
describe('web front ends over HTTP', () => {
  let server: TestServer;
  const html = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

  before(async () => {
    server = await startTestServer();
  });

  after(async () => {
    await server.stop();
  });

  it('serves GraphiQL to a browser at /graphql and /graphiql, revalidated, with a same-origin policy', async () => {
    for (const url of ['/graphql', '/graphiql', '/graphiql/']) {
      const res = await fetch(server.url + url, { headers: html });
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      const body = await res.text();
      assert.match(body, /<div id="graphiql">/, url);
      assert.doesNotMatch(body, /https?:\/\/(?!localhost)/, `${url} names no remote origin`);
    }
  });

  it('preloads the README example operations into the GraphiQL page, the first with the seed id of Trump', async () => {
    const body = await (await fetch(`${server.url}/graphiql`)).text();
    const json = /<script type="application\/json" id="diplograph-examples">([\s\S]*?)<\/script>/.exec(body)?.[1];
    assert.ok(json);
    const examples = JSON.parse(json) as { query: string; variables?: string }[];
    const readme = readFileSync(path.join(server.config.projectRoot, 'README.md'), 'utf8');
    assert.equal(examples.length, readme.match(/```graphql\n/g)!.length);
    assert.match(examples[0]!.query, /^query ResolveEntity \{\n {2}resolveEntity\(name: "ترمب"\)/);
    assert.match(examples.find((e) => e.query.startsWith('mutation Ingest'))!.variables ?? '', /"input"/);
  });

  it('keeps GraphQL clients on Apollo: a GET with a query, JSON accept, POST', async () => {
    // Apollo's CSRF prevention wants a preflight header on a GET operation, as GraphQL clients send.
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { ...html, 'apollo-require-preflight': '1' },
    });
    assert.equal(get.status, 200);
    assert.deepEqual(await get.json(), { data: { __typename: 'Query' } });
    const json = await fetch(`${server.url}/graphql`, { headers: { accept: 'application/json' } });
    assert.equal(json.status, 400);
    assert.match(json.headers.get('content-type') ?? '', /json/);
    const post = await server.gql('{ __typename }');
    assert.deepEqual(post.data, { __typename: 'Query' });
  });

  it('answers every app path with the explorer page for a browser, and leaves API paths alone', async () => {
    for (const url of [
      '/',
      '/search?q=%D8%AA%D8%B1%D9%85%D8%A8',
      '/node/QWN0b3I6ZG1pdHJ5LXBlc2tvdg',
      '/stats',
      '/x/y',
    ]) {
      const res = await fetch(server.url + url, { headers: html });
      assert.equal(res.status, 200, url);
      assert.equal(res.headers.get('cache-control'), 'no-cache');
      assert.match(await res.text(), /<div id="app">/, url);
    }
    const health = await fetch(`${server.url}/health`, { headers: html });
    assert.deepEqual(await health.json(), { status: 'ok' });
    const script = await fetch(`${server.url}/search`, { headers: { accept: 'application/json' } });
    assert.equal(script.status, 404, 'a non-browser client gets no HTML at an app path');
  });

  it('serves hashed assets with their content type, immutable, gzipped when accepted, and 404 for others', async () => {
    const page = await (await fetch(server.url + '/', { headers: html })).text();
    const script = /src="(\/assets\/app-[A-Z0-9]+\.js)"/.exec(page)?.[1];
    const style = /href="(\/assets\/app-[A-Z0-9]+\.css)"/.exec(page)?.[1];
    assert.ok(script && style, 'the page names its hashed script and style sheet');
    const js = await fetch(server.url + script, { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(js.status, 200);
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assert.equal(js.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(js.headers.get('content-encoding'), 'gzip');
    assert.ok((await js.text()).length > 1000, 'fetch inflates the gzipped script');
    const css = await fetch(server.url + style, { headers: { 'accept-encoding': 'identity' } });
    assert.equal(css.headers.get('content-type'), 'text/css; charset=utf-8');
    assert.equal(css.headers.get('content-encoding'), null);
    const head = await fetch(server.url + script, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    for (const missing of ['/assets/nope-123.js', '/assets/..%2Findex.html', '/assets/']) {
      assert.equal((await fetch(server.url + missing)).status, 404, missing);
    }
  });

  it('builds style sheets that load nothing from the network (no @import, no remote url())', () => {
    const assets = path.join(server.config.projectRoot, 'dist', 'web', 'assets');
    assert.ok(existsSync(assets));
    const sheets = readdirSync(assets).filter((name) => name.endsWith('.css'));
    assert.ok(sheets.length >= 2);
    for (const name of sheets) {
      const css = readFileSync(path.join(assets, name), 'utf8');
      assert.doesNotMatch(css, /@import|url\(\s*['"]?(https?:)?\/\//i, name);
    }
  });

  it('serves no IDE with IDE=false: /graphiql is not found and a browser GET of /graphql reaches Apollo', async () => {
    const noIde = await startTestServer({ IDE: 'false' });
    try {
      assert.equal((await fetch(`${noIde.url}/graphiql`, { headers: html })).status, 404);
      const res = await fetch(`${noIde.url}/graphql`, { headers: html });
      assert.equal(res.status, 400);
      assert.doesNotMatch(await res.text(), /graphiql/i);
      assert.equal((await fetch(`${noIde.url}/`, { headers: html })).status, 200, 'the explorer stays');
    } finally {
      await noIde.stop();
    }
  });

  it('refuses introspection with INTROSPECTION=false and answers it by default', async () => {
    const query = '{ __schema { queryType { name } } }';
    assert.deepEqual((await server.gql(query)).data, { __schema: { queryType: { name: 'Query' } } });
    const closed = await startTestServer({ INTROSPECTION: 'false' });
    try {
      const res = await closed.gql(query);
      assert.equal(res.data, undefined);
      assert.match(res.errors![0]!.message, /introspection/i);
      assert.equal(res.errors![0]!.extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
    } finally {
      await closed.stop();
    }
  });
});
