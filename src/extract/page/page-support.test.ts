import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectLanguage } from './language';
import { OffsetTextBuilder } from './offset-map';
import { countWords, splitLines } from './page-lines';
import { normalizeName } from '../../shared/text/normalize';
import { foldText, phraseSource } from './text-fold';

describe('foldText', () => {
  it('folds alef forms, yeh, teh marbuta, digits and case without changing the length', () => {
    const text = 'إقرأ أيضاً ٦ ۱۲ مدرسة على READ İstanbul';
    const folded = foldText(text);
    assert.equal(folded.length, text.length);
    assert.equal(folded, 'اقرا ايضاً 6 12 مدرسه علي read İstanbul');
  });

  it('folds every Arabic-block letter as normalizeName does wherever that fold is one letter for one', () => {
    for (let code = 0x0600; code <= 0x06ff; code += 1) {
      const c = String.fromCharCode(code);
      const key = normalizeName(c);
      if (!/^\p{L}$/u.test(c) || key.length !== 1) continue;
      assert.equal(foldText(c), key, `U+${code.toString(16).toUpperCase()} ${c}`);
    }
  });

  it('matches a phrase written with Persian letters, Quranic marks or a ZWNJ inside', () => {
    const re = new RegExp(phraseSource('قال المتحدث'), 'u');
    assert.ok(re.test(foldText('قال المتحدث')));
    assert.ok(re.test(foldText('قال المتح\u200cدث')));
    assert.ok(re.test(foldText('قال المتحدث\u06e1')));
    const kaf = new RegExp(phraseSource('كلمة يوم'), 'u');
    assert.ok(kaf.test(foldText('\u06a9لمه \u06cc\u0648م')));
  });

  it('builds phrase patterns that skip diacritics and spacing differences', () => {
    const re = new RegExp(`^${phraseSource('اقرأ أيضا')}$`, 'u');
    assert.ok(re.test(foldText('إقرأ أيضاً')));
    assert.ok(re.test(foldText('اقرأ   ايضا')));
    assert.ok(!re.test(foldText('اقرأ')));
  });
});

describe('splitLines', () => {
  it('splits at every line break form and trims to the first and last visible character', () => {
    const page = ' a b \r\nc\rd\u2028\n  \ne ';
    const lines = splitLines(page);
    assert.deepEqual(
      lines.map((l) => l.text),
      ['a b', 'c', 'd', '', '', 'e'],
    );
    for (const l of lines) assert.equal(page.slice(l.start, l.end), l.text);
  });

  it('counts words, not punctuation', () => {
    assert.equal(countWords('الكرملين : بوتين لم يتلق'), 4);
    assert.equal(countWords('— | ©'), 0);
    assert.equal(countWords("China's 3-month pause"), 3);
  });
});

describe('OffsetTextBuilder', () => {
  it('maps pieces to the page and joins to the position after the previous piece', () => {
    const page = 'Title\n\nBody one.\nBody two.';
    const b = new OffsetTextBuilder(page);
    b.appendPage(0, 5);
    b.appendJoin();
    b.appendPage(7, 16);
    const { text, pageOffsets } = b.build();
    assert.equal(text, 'Title\nBody one.');
    assert.deepEqual([...pageOffsets], [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    assert.throws(() => b.appendPage(3, 4), RangeError);
  });
});

describe('detectLanguage', () => {
  it('decides by script share', () => {
    assert.equal(detectLanguage('قال الوزير إن Reuters نقلت الخبر').language, 'ar');
    assert.equal(detectLanguage('The minister told الاتحاد newspaper').language, 'en');
  });
});
