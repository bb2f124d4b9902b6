import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getIntrospectionQuery, parse } from 'graphql';
import { MAX_NESTING, scanDocument } from './document-limits.plugin';

describe('scanDocument', () => {
  it('counts tokens as graphql-js parse does, comments and commas left out', () => {
    for (const query of [
      '{ countries(first: 1) { totalCount } }',
      getIntrospectionQuery(),
      '# a comment\n{ a, b, c }',
      'query($t: [SearchType!] = [ACTOR, COUNTRY]) { search(text: """block\nstring""", types: $t) { totalCount } }',
    ]) {
      assert.deepEqual(scanDocument(query, 10_000, MAX_NESTING), {
        tokens: parse(query).tokenCount,
        nesting: scanDocument(query, 10_000, 10_000).nesting,
        over: null,
      });
    }
    assert.equal(scanDocument('{ a { b(x: [[1]]) } }', 100, 100).nesting, 5);
  });

  it('stops at the first token past the token limit', () => {
    const scan = scanDocument(`{${' a'.repeat(1_000_000)} }`, 2000, MAX_NESTING);
    assert.deepEqual(scan, { tokens: 2001, nesting: 1, over: 'tokens' });
    assert.equal(scanDocument(`{${' a'.repeat(1998)} }`, 2000, MAX_NESTING).over, null);
  });

  it('stops at the first level past the nesting limit, for braces, parentheses and brackets alike', () => {
    const fields = `{${'a{'.repeat(100_000)}b${'}'.repeat(100_000)}}`;
    assert.deepEqual(scanDocument(fields, 1_000_000, MAX_NESTING), {
      tokens: 2 * MAX_NESTING + 1,
      nesting: 129,
      over: 'nesting',
    });
    const lists = `{ a(x: ${'['.repeat(3000)}1${']'.repeat(3000)}) }`;
    assert.equal(scanDocument(lists, 1_000_000, MAX_NESTING).over, 'nesting');
    const objects = `{ a(x: ${'{y: '.repeat(3000)}1${'}'.repeat(3000)}) }`;
    assert.equal(scanDocument(objects, 1_000_000, MAX_NESTING).over, 'nesting');
    // Siblings do not add up: nesting is depth, not count.
    assert.equal(scanDocument(`{${' a { b }'.repeat(500)} }`, 1_000_000, MAX_NESTING).nesting, 2);
  });

  it('leaves lexical errors to the parser', () => {
    assert.deepEqual(scanDocument('{ a(x: "unterminated) }', 100, 100), { tokens: 5, nesting: 2, over: null });
    assert.equal(scanDocument('{ a ~ }', 100, 100).over, null);
  });
});
