import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hasArabic, normalizeName } from './normalize';

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
