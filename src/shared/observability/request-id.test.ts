import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestIdOf } from './request-id';

describe('requestIdOf', () => {
  const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

  it("takes the caller's x-request-id first", () => {
    assert.equal(requestIdOf({ 'x-request-id': 'abc-123', traceparent }), 'abc-123');
  });

  it('falls back to the trace id of traceparent', () => {
    assert.equal(requestIdOf({ traceparent }), '4bf92f3577b34da6a3ce929d0e0e4736');
    assert.equal(requestIdOf({ 'x-request-id': 'has space', traceparent }), '4bf92f3577b34da6a3ce929d0e0e4736');
  });

  it('makes a new id when neither header is usable', () => {
    const made = requestIdOf({ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' });
    assert.match(made, /^[0-9a-f-]{36}$/);
    assert.notEqual(requestIdOf({}), requestIdOf({}));
    assert.match(requestIdOf({ 'x-request-id': 'x'.repeat(129) }), /^[0-9a-f-]{36}$/);
    assert.match(requestIdOf({ 'x-request-id': 'bad\nline' }), /^[0-9a-f-]{36}$/);
  });
});
