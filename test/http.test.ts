import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from './helpers/test-server';
import { asAdmin, asEditor, TEST_API_KEYS } from './helpers/write-keys';

/** A raw TCP connection to the server, recording what it receives and when the server closes it. */
function rawConnection(port: number): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const opened = Date.now();
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (data += chunk));
    socket.on('error', () => undefined); // a reset is one way of being cut off
    const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - opened)));
    socket.once('connect', () => resolve({ socket, received: () => data, closed }));
    socket.once('error', reject);
  });
}

/** Writes `text` one byte every `everyMs` until the socket closes or the text ends. */
async function drip(socket: Socket, text: string, everyMs: number): Promise<number> {
  let sent = 0;
  for (const char of text) {
    if (socket.destroyed || socket.writableEnded || socket.closed) break;
    socket.write(char);
    sent += 1;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return sent;
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, any> };
}

describe('HTTP layer', () => {
  let server: TestServer;
  const TIMEOUT_MS = 600;

  before(async () => {
    server = await startTestServer({
      API_KEYS: TEST_API_KEYS,
      HTTP_HEADERS_TIMEOUT_MS: String(TIMEOUT_MS),
      HTTP_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '300',
      HTTP_MAX_CONNECTIONS: '3',
      AUTH_FAILURES_PER_MINUTE: '3',
      MAX_BODY_SIZE: '1k',
    });
  });

  after(async () => {
    await server.stop();
  });

  it('answers malformed JSON 400 BAD_REQUEST and an oversized body 413 PAYLOAD_TOO_LARGE, as GraphQL JSON', async () => {
    const malformed = await post(server.url, '{"query": ');
    assert.equal(malformed.status, 400);
    assert.match(malformed.headers.get('content-type')!, /^application\/json/);
    assert.equal(malformed.body.errors[0].extensions.code, 'BAD_REQUEST');
    assert.match(malformed.body.errors[0].message, /not valid JSON/);
    assert.equal('data' in malformed.body, false);

    const big = await post(server.url, JSON.stringify({ query: `{ __typename } #${'x'.repeat(2000)}` }));
    assert.equal(big.status, 413);
    assert.equal(big.body.errors[0].extensions.code, 'PAYLOAD_TOO_LARGE');
    assert.match(big.body.errors[0].message, /1024 bytes/);

    // The same answers for a client that asks for application/graphql-response+json, in that media type.
    const typed = await post(server.url, '[', { accept: 'application/graphql-response+json' });
    assert.equal(typed.status, 400);
    assert.match(typed.headers.get('content-type')!, /^application\/graphql-response\+json/);
  });

  it('answers an unknown path with a JSON 404 and serves /health', async () => {
    const res = await fetch(`${server.url}/nowhere`);
    assert.equal(res.status, 404);
    const body = (await res.json()) as any;
    assert.equal(body.errors[0].extensions.code, 'NOT_FOUND');
    assert.match(body.errors[0].message, /GET \/nowhere/);
    const health = await fetch(`${server.url}/health`);
    assert.deepEqual([health.status, await health.json()], [200, { status: 'ok' }]);
  });

  it('answers the same kind of client error with the same status wherever it is caught', async () => {
    // A page size out of range: in the document or in a variable, too small or too large: 400, no data.
    const page = 'query($n: Int) { countries(first: $n) { totalCount } }';
    for (const [body, label] of [
      [{ query: '{ countries(first: -1) { totalCount } }' }, 'literal -1'],
      [{ query: '{ countries(first: 101) { totalCount } }' }, 'literal 101'],
      [{ query: page, variables: { n: -1 } }, 'variable -1'],
      [{ query: page, variables: { n: 0 } }, 'variable 0'],
      [{ query: page, variables: { n: 101 } }, 'variable 101'],
    ] as const) {
      const res = await post(server.url, JSON.stringify(body));
      assert.equal(res.status, 400, label);
      assert.equal(res.body.errors[0].extensions.code, 'BAD_USER_INPUT', label);
      assert.match(res.body.errors[0].message, /first/, label);
      assert.equal('data' in res.body, false, label);
    }
    const fine = await post(server.url, JSON.stringify({ query: page, variables: { n: 1 } }));
    assert.equal(fine.status, 200);

    // No key and a wrong key on a write: both 401 UNAUTHENTICATED with no data. (Wrong keys count towards the
    // throttle of the next test: one here.)
    const write = JSON.stringify({ query: 'mutation { addAlias(entity: "QWN0b3I6eA", alias: "x") { id } }' });
    const none = await post(server.url, write);
    const wrong = await post(server.url, write, { authorization: 'Bearer wrong-key' });
    for (const res of [none, wrong]) {
      assert.equal(res.status, 401);
      assert.equal(res.body.errors[0].extensions.code, 'UNAUTHENTICATED');
      assert.equal('data' in res.body, false);
    }
    // A key of too low a role: 403 FORBIDDEN, also refused before anything runs.
    const merge = JSON.stringify({
      query: 'mutation { mergeEntities(keep: "QWN0b3I6eA", remove: "QWN0b3I6eQ") { id } }',
    });
    const forbidden = await post(server.url, merge, asEditor);
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.body.errors[0].extensions.code, 'FORBIDDEN');
    assert.equal('data' in forbidden.body, false);
    // An error found while the operation runs is a field error: 200 with data (here null for the missing actor).
    const missing = await post(server.url, merge, asAdmin);
    assert.equal(missing.status, 200);
    assert.equal(missing.body.errors[0].extensions.code, 'NOT_FOUND');
    assert.equal(missing.body.data, null);
  });

  it('throttles failed authentications per client with 429 and Retry-After; keyless reads still pass', async () => {
    const read = JSON.stringify({ query: '{ countries(first: 1) { totalCount } }' });
    // The previous test spent one failure of the 3 allowed per minute.
    for (let i = 0; i < 2; i++) {
      assert.equal((await post(server.url, read, { authorization: `Bearer guess-${i}` })).status, 401);
    }
    const throttled = await post(server.url, read, { authorization: 'Bearer guess-3' });
    assert.equal(throttled.status, 429);
    assert.equal(throttled.body.errors[0].extensions.code, 'TOO_MANY_REQUESTS');
    const retryAfter = Number(throttled.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    // Even the right key waits: the throttle does not tell a guess that succeeded.
    assert.equal((await post(server.url, read, asAdmin)).status, 429);
    const anonymous = await post(server.url, read);
    assert.equal(anonymous.status, 200);
    assert.equal(anonymous.body.data.countries.totalCount > 0, true);
  });

  it('cuts off a client that sends its headers a byte at a time', async () => {
    const { socket, received, closed } = await rawConnection(server.runtime.port);
    const request = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Slow: ${'a'.repeat(200)}\r\n\r\n`;
    // 100 ms a byte: the whole header would take over 20 s.
    const sent = await drip(socket, request, 100);
    const ms = await closed;
    assert.ok(sent < request.length / 2, `sent ${sent} of ${request.length} bytes before the cut`);
    assert.ok(ms < TIMEOUT_MS + 2000, `closed after ${ms} ms`);
    assert.match(received(), /^HTTP\/1\.1 408/);
  });

  it('cuts off a client that sends its body a byte at a time', async () => {
    const { socket, received, closed } = await rawConnection(server.runtime.port);
    const body = JSON.stringify({ query: `{ __typename } #${'x'.repeat(200)}` });
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    const sent = await drip(socket, body, 100);
    const ms = await closed;
    assert.ok(sent < body.length / 2, `sent ${sent} of ${body.length} bytes before the cut`);
    assert.ok(ms < TIMEOUT_MS + 2000, `closed after ${ms} ms`);
    assert.match(received(), /^HTTP\/1\.1 408/);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const { socket, received, closed } = await rawConnection(server.runtime.port);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    const ms = await closed;
    assert.match(received(), /^HTTP\/1\.1 200/);
    assert.ok(ms < 300 + 2000, `closed after ${ms} ms`);
  });

  it('refuses connections beyond HTTP_MAX_CONNECTIONS while the others stay served', async () => {
    // Let the keep-alive connections of earlier tests close (keep-alive timeout 300 ms).
    await new Promise((r) => setTimeout(r, 500));
    const held = await Promise.all([1, 2, 3].map(() => rawConnection(server.runtime.port)));
    // Send a partial request on each so they count as open, not idle, connections.
    for (const c of held) c.socket.write('GET /health HTTP/1.1\r\n');
    await new Promise((r) => setTimeout(r, 100));
    const extra = await rawConnection(server.runtime.port);
    extra.socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await extra.closed;
    assert.equal(extra.received(), '', 'the connection over the cap gets no answer');
    held[0]!.socket.write('Host: x\r\nConnection: close\r\n\r\n');
    await held[0]!.closed;
    assert.match(held[0]!.received(), /^HTTP\/1\.1 200/);
    for (const c of held) c.socket.destroy();
  });
});
