import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchQuery } from './lucene';

describe('searchQuery', () => {
  it('searches the normalized words, so no operator character or keyword survives', () => {
    assert.deepEqual(searchQuery('"Ukraine AND ('), { query: 'ukraine and', key: 'ukraine and' });
    assert.equal(searchQuery('Putin OR Trump NOT Biden').query, 'putin or trump not biden');
    assert.equal(searchQuery('a+b -c && d || !e {f} [g] ^h ~i *j ?k :l \\m /n').query, 'a b c d e f g h i j k l m n');
  });

  it('normalizes Arabic text as alias keys are', () => {
    assert.equal(searchQuery('  دميتري   بيسكوف ').query, 'دميتري بيسكوف');
    assert.equal(searchQuery('\u200fبوتین').query, 'بوتين');
    assert.equal(searchQuery('\u0627\u0654وكرانيا').key, 'اوكرانيا');
  });

  it('rejects text without a word, invisible text and overlong text, naming the argument', () => {
    assert.throws(() => searchQuery('(( ))'), /text: must contain a letter or a digit/);
    assert.throws(() => searchQuery('\u200b'), /text: must contain a letter or a digit/);
    assert.throws(() => searchQuery('\u200f\u200e'), /text: must contain a letter or a digit/);
    assert.throws(() => searchQuery('x'.repeat(201)), /text: must be at most 200/);
  });
});
