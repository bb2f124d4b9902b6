import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, pageArgs } from './pagination';

describe('pagination', () => {
  it('round-trips cursors and rejects foreign ones', () => {
    assert.equal(decodeCursor(encodeCursor('2025-05-06|abc')), '2025-05-06|abc');
    assert.throws(() => decodeCursor('bogus'), /after: is not a cursor/);
  });

  it('defaults first to 20 and bounds it to 1..100', () => {
    assert.deepEqual(pageArgs(undefined, undefined), { limit: 20, after: null });
    assert.equal(pageArgs(100, null).limit, 100);
    assert.throws(() => pageArgs(101, null), /first: must be from 1 to 100/);
    assert.throws(() => pageArgs(0, null), /first/);
  });
});
