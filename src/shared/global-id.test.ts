import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadUserInputError } from './errors';
import { fromGlobalId, toGlobalId, tryFromGlobalId } from './global-id';

describe('global ids', () => {
  it('round-trips type and key, including non-ASCII keys', () => {
    for (const key of ['RU', 'dmitry-peskov', 'a|b:c', 'بيسكوف']) {
      assert.deepEqual(tryFromGlobalId(toGlobalId('Actor', key)), { type: 'Actor', id: key });
    }
  });

  it('rejects unknown types, empty keys and non-canonical encodings', () => {
    assert.equal(tryFromGlobalId(Buffer.from('Alias:x').toString('base64url')), null);
    assert.equal(tryFromGlobalId(Buffer.from('Actor:').toString('base64url')), null);
    assert.equal(tryFromGlobalId('not an id at all'), null);
  });

  it('names the field and the expected types in errors', () => {
    assert.throws(
      () => fromGlobalId(toGlobalId('Country', 'RU'), 'speaker', ['Actor']),
      (error: unknown) =>
        error instanceof BadUserInputError && /speaker: expected the id of a Actor/.test(error.message),
    );
    assert.throws(() => fromGlobalId('zzz', 'about'), /about: "zzz" is not a node id/);
  });
});
