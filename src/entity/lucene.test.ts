import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editsFor, escapeLucene, fuzzyNameQuery } from './lucene';

describe('lucene', () => {
  it('escapes every operator character and neutralizes boolean words', () => {
    assert.equal(escapeLucene('"Ukraine AND ('), '\\"Ukraine and \\(');
    assert.equal(
      escapeLucene('a+b-c!d:e/f\\g~h*i?j^k[l]m{n}o|p&q'),
      'a\\+b\\-c\\!d\\:e\\/f\\\\g\\~h\\*i\\?j\\^k\\[l\\]m\\{n\\}o\\|p\\&q',
    );
    assert.equal(escapeLucene('NOT OR'), 'not or');
  });

  it('allows edits by word length', () => {
    assert.equal(editsFor('بوش'), 0);
    assert.equal(editsFor('ترمب'), 1);
    assert.equal(editsFor('peskov'), 1);
    assert.equal(editsFor('الكرملين'), 2);
  });

  it('requires every long word, exact or fuzzy; short words only score', () => {
    assert.equal(fuzzyNameQuery('dmitry peskov'), '+(dmitry^2 dmitry~1) +(peskov^2 peskov~1)');
    assert.equal(fuzzyNameQuery('al ittihad'), 'al +(ittihad^2 ittihad~1)');
    assert.equal(fuzzyNameQuery('   '), null);
  });
});
