import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hasArabic, hasMatchableText, normalizeName } from './normalize';

describe('normalizeName', () => {
  it('folds alef forms, diacritics and tatweel as the domain notes say', () => {
    assert.equal(normalizeName('أوكرانيا'), normalizeName('اوكرانيا'));
    assert.equal(normalizeName('إيمانويل'), 'ايمانويل');
    assert.equal(normalizeName('مُحَمَّد'), 'محمد');
    assert.equal(normalizeName('بـوتـين'), 'بوتين');
    assert.equal(normalizeName('آل'), 'ال');
  });

  it('maps final alef maqsura to yeh and teh marbuta to heh', () => {
    assert.equal(normalizeName('موسى'), 'موسي');
    assert.equal(normalizeName('القاهرة'), 'القاهره');
  });

  it('turns Arabic-Indic digits into ASCII', () => {
    assert.equal(normalizeName('٢٠٢٥'), '2025');
    assert.equal(normalizeName('۱۲'), '12');
  });

  it('folds Latin case, accents, punctuation and spaces', () => {
    assert.equal(normalizeName('  Emmanuel   MACRON '), 'emmanuel macron');
    assert.equal(normalizeName('Zelenskyy’s'), 'zelenskyy s');
    assert.equal(normalizeName('Müller'), 'muller');
    assert.equal(normalizeName('U.S.A.'), 'u s a');
  });

  it('does not merge different names', () => {
    assert.notEqual(normalizeName('ترامب'), normalizeName('ترمب'));
  });

  it('detects Arabic text', () => {
    assert.equal(hasArabic('كييف'), true);
    assert.equal(hasArabic('Kyiv'), false);
  });
});

describe('normalizeName: one normalization for every kind of Arabic text on the web (issue 12)', () => {
  it('composes presentation forms and decomposed hamza (NFKC)', () => {
    assert.equal(normalizeName('ﻣﻮﺳﻜﻮ'), normalizeName('موسكو'));
    assert.equal(normalizeName('\u0627\u0654وكرانيا'), normalizeName('أوكرانيا'));
    assert.equal(normalizeName('\u0627\u0654وكرانيا'), 'اوكرانيا');
    assert.equal(normalizeName('ﻻ'), 'لا');
    assert.equal(normalizeName('ﷲ'), 'الله');
    assert.equal(normalizeName('Ｐｕｔｉｎ'), 'putin');
  });

  it('drops every invisible format character wherever it stands', () => {
    const invisibles = [
      '\u200e',
      '\u200f',
      '\u061c',
      '\u202a',
      '\u202b',
      '\u202c',
      '\u202d',
      '\u202e',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u200b',
      '\u200c',
      '\u200d',
      '\u2060',
      '\ufeff',
      '\u00ad',
      '\u034f',
      '\ufe0f',
    ];
    for (const mark of invisibles) {
      const label = `U+${mark.codePointAt(0)!.toString(16)}`;
      assert.equal(normalizeName(`بيسكوف${mark}`), 'بيسكوف', label);
      assert.equal(normalizeName(`${mark}بوتين`), 'بوتين', label);
      assert.equal(normalizeName(`Pes${mark}kov`), 'peskov', label);
    }
  });

  it('folds Persian and Urdu letter forms into the Arabic ones', () => {
    assert.equal(normalizeName('زیلینسکی'), normalizeName('زيلينسكي'));
    assert.equal(normalizeName('بوتین'), 'بوتين');
    assert.equal(normalizeName('کرملین'), 'كرملين');
    assert.equal(normalizeName('ہند'), 'هند');
    assert.equal(normalizeName('ھند'), 'هند');
    assert.equal(normalizeName('خانۀ'), 'خانه');
    assert.equal(normalizeName('۱۲۳'), '123');
  });

  it('applies the folds next to punctuation, Arabic punctuation included', () => {
    assert.equal(normalizeName('موسى،'), 'موسي');
    assert.equal(normalizeName('موسى؟'), 'موسي');
    assert.equal(normalizeName('(موسى)'), 'موسي');
    assert.equal(normalizeName('القاهرة؛ دمشق'), 'القاهره دمشق');
    assert.equal(normalizeName('«لافروف»'), 'لافروف');
    assert.equal(normalizeName('٣٠٪'), '30');
  });

  it('finds nothing to match in blank-looking text', () => {
    for (const blank of ['\u200b', '\u200f\u200e', '\u00ad', ' \ufeff ', '\u2066\u2069', '،؟', 'ـــ', '\u0651']) {
      assert.equal(hasMatchableText(blank), false, JSON.stringify(blank));
    }
    assert.equal(hasMatchableText('\u200bK'), true);
    assert.equal(hasMatchableText('٣'), true);
  });

  it('is idempotent on any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const once = normalizeName(text);
        assert.equal(normalizeName(once), once);
      }),
      { numRuns: 5000 },
    );
  });

  it('is idempotent on Arabic-script text with marks and invisibles (property)', () => {
    const alphabet = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةـًٌٍَُِّْٰیکھہۀ۱٢ ،؛؟.\u200c\u200d\u200f\u0654\u0655'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const once = normalizeName(chars.join(''));
        assert.equal(normalizeName(once), once);
      }),
      { numRuns: 5000 },
    );
  });
});
