import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PhraseIndex } from './phrase-index';
import { findQuotes, splitSentences } from './sentences';
import { toPageSpan } from './span';
import { tokenize } from './tokens';

describe('tokens', () => {
  it('keeps UTF-16 offsets into the text and folds Arabic for matching', () => {
    const text = 'وأضاف الناطقُ باسم «الكرملين»';
    const tokens = tokenize(text);
    assert.deepEqual(
      tokens.map((t) => text.slice(t.start, t.end)),
      ['وأضاف', 'الناطقُ', 'باسم', 'الكرملين'],
    );
    assert.equal(tokens[1]!.norm, 'الناطق');
    assert.ok(tokens[0]!.variants.includes('اضاف'));
    assert.ok(tokens[3]!.breakBefore);
  });

  it('offers proclitic variants: للكرملين → الكرملين, بالرئيس → الرئيس; English possessives', () => {
    assert.ok(tokenize('للكرملين')[0]!.variants.includes('الكرملين'));
    assert.ok(tokenize('بالرئيس')[0]!.variants.includes('الرئيس'));
    assert.deepEqual(tokenize("Peskov's")[0]!.variants, ['peskov']);
  });

  it('splits hyphenated English names into words (the Putin-Trump summit)', () => {
    assert.deepEqual(
      tokenize('the Putin-Trump summit').map((t) => t.text),
      ['the', 'Putin', 'Trump', 'summit'],
    );
  });
});

describe('phrase index', () => {
  it('matches the longest phrase, through the first word’s proclitics, never across punctuation', () => {
    const index = new PhraseIndex<string>();
    index.add('المتحدث باسم', 'office');
    index.add('المتحدث', 'short');
    const tokens = tokenize('والمتحدث باسم، المتحدث؛ باسم');
    assert.deepEqual(index.matchAt(tokens, 0)?.entries, ['office']);
    assert.deepEqual(index.matchAt(tokens, 2)?.entries, ['short']);
  });
});

describe('sentences and quotes', () => {
  it('finds nested quotes and leaves an unclosed one open to the end', () => {
    const text = '«قال: “نعم” ثم» و"لا';
    const quotes = findQuotes(text, 0, text.length);
    assert.deepEqual(
      quotes.map((q) => [q.mark, q.depth]),
      [
        ['«', 0],
        ['“', 1],
        ['"', 0],
      ],
    );
    assert.equal(quotes[2]!.close, text.length);
  });

  it('never ends a sentence inside a quote, after Mr. or across a paragraph', () => {
    const text = 'He said: "We are ready. We will go." Mr. Smith agreed.\nNext one.';
    const spans = splitSentences(
      text,
      [
        { start: 0, end: 54 },
        { start: 55, end: 64 },
      ],
      'en',
    );
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      ['He said: "We are ready. We will go."', 'Mr. Smith agreed.', 'Next one.'],
    );
  });

  it('splits Arabic after a closing guillemet and full stop', () => {
    const text = 'وأضاف: «نعم». وأوضح: «لا».';
    const spans = splitSentences(text, [{ start: 0, end: text.length }], 'ar');
    assert.equal(spans.length, 2);
  });

  it('maps article spans to the page through pageOffsets', () => {
    const offsets = Int32Array.from([10, 11, 12, 20, 21, 22]);
    assert.deepEqual(toPageSpan({ start: 1, end: 4 }, offsets), { start: 11, end: 21 });
  });
});
