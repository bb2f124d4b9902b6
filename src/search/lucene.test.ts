import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toLuceneQuery } from './lucene';

describe('toLuceneQuery', () => {
  it('escapes every operator character and disarms boolean keywords', () => {
    assert.equal(toLuceneQuery('"Ukraine AND ('), '\\"Ukraine \\(');
    assert.equal(toLuceneQuery('Putin OR Trump NOT Biden AND'), 'Putin Trump Biden');
    assert.equal(toLuceneQuery('Andorra and ORANGE'), 'Andorra and ORANGE');
    assert.equal(
      toLuceneQuery('a+b -c && d || !e {f} [g] ^h ~i *j ?k :l \\m /n'),
      ['a\\+b \\-c \\&\\& d \\|\\| \\!e \\{f\\} \\[g\\] \\^h \\~i \\*j \\?k \\:l \\\\m \\/n'][0],
    );
    assert.equal(toLuceneQuery('NOT OR'), 'not or');
  });

  it('keeps Arabic text and collapses spaces', () => {
    assert.equal(toLuceneQuery('  دميتري   بيسكوف '), 'دميتري بيسكوف');
  });

  it('rejects text without a word, and overlong text, naming the argument', () => {
    assert.throws(() => toLuceneQuery('(( ))'), /text: must contain a letter or a digit/);
    assert.throws(() => toLuceneQuery('x'.repeat(201)), /text: must be at most 200/);
  });
});
