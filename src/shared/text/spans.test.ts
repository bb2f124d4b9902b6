import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutAt } from './spans';

describe('cutAt', () => {
  it('finds offsets inside a surrogate pair', () => {
    const text = 'ok 😀 done';
    assert.equal(cutAt(text, 4), 'surrogate pair');
    assert.equal(cutAt(text, 3), null);
    assert.equal(cutAt(text, 5), null);
  });

  it('finds offsets inside grapheme clusters: ZWJ emoji, flags, combining and Arabic marks', () => {
    const family = 'a👨‍👩‍👧b';
    assert.equal(cutAt(family, 3), 'grapheme cluster');
    assert.equal(cutAt(family, family.length - 1), null);
    assert.equal(cutAt('🇷🇺x', 2), 'grapheme cluster');
    assert.equal(cutAt('e\u0301t', 1), 'grapheme cluster');
    assert.equal(cutAt('مُحَمَّد', 1), 'grapheme cluster');
    assert.equal(cutAt('مُحَمَّد', 2), null);
  });

  it('accepts both ends of the text', () => {
    assert.equal(cutAt('😀', 0), null);
    assert.equal(cutAt('😀', 2), null);
  });
});
