import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadUserInputError } from '../errors';
import { connectionOf, decodeCursor, encodeCursor, PageArgs, type CursorScope } from './pagination';

const SECRET = Buffer.from('a test secret of at least thirty-two characters');
const STATEMENTS: CursorScope = { connection: 'Query.statements', ordering: 'sortKey desc' };

function assertInvalidCursor(run: () => unknown, reason: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof BadUserInputError);
    assert.equal(error.extensions.code, 'BAD_USER_INPUT');
    assert.equal(error.problems.length, 1);
    assert.equal(error.problems[0]!.path, 'after');
    assert.match(error.problems[0]!.message, reason);
    assert.match(error.message, /^Invalid cursor: after: /);
    return true;
  });
}

describe('pagination cursors', () => {
  it('round-trips a position, also one holding the separator', () => {
    for (const position of ['2025-05-06|abc', '0000-00-00|x', '', 'a\nb', 'موسكو|٣']) {
      assert.equal(decodeCursor(SECRET, STATEMENTS, encodeCursor(SECRET, STATEMENTS, position)), position);
    }
  });

  it('refuses a cursor of another connection or ordering, naming both', () => {
    const search = encodeCursor(SECRET, { connection: 'Query.search', ordering: 'rank of x' }, '3');
    assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, search), /belongs to Query\.search .*Query\.statements/);
    const otherOrder = encodeCursor(SECRET, { connection: 'Query.statements', ordering: 'sortKey asc' }, 'k');
    assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, otherOrder), /ordered by sortKey asc/);
    const actorField = encodeCursor(SECRET, { connection: 'Actor.statements', ordering: 'sortKey desc' }, 'k');
    assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, actorField), /belongs to Actor\.statements/);
  });

  it('refuses every single-character edit of a cursor', () => {
    const cursor = encodeCursor(SECRET, STATEMENTS, '2025-05-06|abc');
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < cursor.length; i++) {
      const swapped = alphabet[(alphabet.indexOf(cursor[i]!) + 1) % alphabet.length]!;
      const edited = cursor.slice(0, i) + swapped + cursor.slice(i + 1);
      assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, edited), /not a cursor this API issued/);
    }
    assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, cursor + 'A'), /not a cursor this API issued/);
    assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, cursor.slice(0, -1)), /not a cursor this API issued/);
  });

  it('refuses cursors made with another secret, old unsigned cursors and junk', () => {
    const other = encodeCursor(Buffer.from('another secret, also at least thirty-two chars'), STATEMENTS, 'k');
    assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, other), /altered/);
    // The unsigned `c:<key>` cursors of earlier versions, such as the search offset 3 of the issue.
    assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, 'YzpvZmZzZXQ6Mw'), /not a cursor this API issued/);
    for (const junk of ['', 'bogus', '!!!!', 'AQ', 'A'.repeat(400)]) {
      assertInvalidCursor(() => decodeCursor(SECRET, STATEMENTS, junk), /not a cursor this API issued/);
    }
  });
});

describe('PageArgs', () => {
  it('defaults first to 20 and bounds it to 1..100, naming first', () => {
    assert.deepEqual(new PageArgs(SECRET, STATEMENTS, undefined, undefined).request, { limit: 20, after: null });
    assert.equal(new PageArgs(SECRET, STATEMENTS, 100, null).limit, 100);
    assert.throws(() => new PageArgs(SECRET, STATEMENTS, 101, null), /first: must be from 1 to 100/);
    assert.throws(() => new PageArgs(SECRET, STATEMENTS, 0, null), /first/);
  });

  it('decodes the cursors it makes, and its request carries no secret', () => {
    const first = new PageArgs(SECRET, STATEMENTS, 2, null);
    const next = new PageArgs(SECRET, STATEMENTS, 2, first.cursor('2025-05-06|abc'));
    assert.deepEqual(next.request, { limit: 2, after: '2025-05-06|abc' });
    assert.doesNotMatch(JSON.stringify(next.request), /secret/);
  });

  it('names the connection by schema coordinate', () => {
    assert.equal(
      connectionOf({ parentType: { name: 'Actor' } as never, fieldName: 'mentionedIn' }),
      'Actor.mentionedIn',
    );
  });
});
