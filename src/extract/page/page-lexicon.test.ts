import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
  agenciesLexiconSchema,
  classifyCredit,
  furnitureLexiconSchema,
  monthsLexiconSchema,
  readAlsoLexiconSchema,
} from './page-lexicon';
import { foldText } from './text-fold';

const lexiconDir = path.join(__dirname, '..', '..', '..', '..', 'src', 'extract', 'lexicon');
const load = (name: string): unknown => JSON.parse(readFileSync(path.join(lexiconDir, name), 'utf8'));

/** No phrase listed twice once folded (a duplicate hides a typo or a forgotten variant). */
function assertNoFoldedDuplicates(label: string, phrases: string[]): void {
  const seen = new Map<string, string>();
  for (const p of phrases) {
    const key = foldText(p)
      .replace(/[\u064B-\u0652\u0670\u0640]/g, '')
      .replace(/\s+/g, ' ');
    assert.ok(!seen.has(key), `${label}: "${p}" repeats "${seen.get(key)}"`);
    seen.set(key, p);
  }
}

describe('page lexicons (src/extract/lexicon)', () => {
  it('page-read-also.json is valid', () => {
    const lexicon = readAlsoLexiconSchema.parse(load('page-read-also.json'));
    assertNoFoldedDuplicates('separators', lexicon.separators);
    assert.ok(lexicon.separators.includes('اقرأ أيضا') && lexicon.separators.includes('Read also'));
  });

  it('page-furniture.json is valid', () => {
    const lexicon = furnitureLexiconSchema.parse(load('page-furniture.json'));
    for (const rule of lexicon.rules) assertNoFoldedDuplicates(rule.kind, rule.phrases);
    assert.equal(new Set(lexicon.rules.map((r) => r.kind)).size, lexicon.rules.length, 'one rule per kind');
    const kinds = lexicon.rules.map((r) => r.kind);
    for (const kind of [
      'widget-label',
      'source-line',
      'keyword-tags',
      'share-print-comment',
      'most-read',
      'masthead',
    ]) {
      assert.ok(kinds.includes(kind), kind);
    }
    assert.ok(lexicon.shape.bodyMinWords <= lexicon.shape.anchorMinWords);
    assert.ok(lexicon.shape.anchorMinWords <= lexicon.shape.proseMinWords);
  });

  it('dates-months.json is valid and has both Arabic series for every month', () => {
    const lexicon = monthsLexiconSchema.parse(load('dates-months.json'));
    assertNoFoldedDuplicates(
      'month names',
      lexicon.months.flatMap((m) => m.names),
    );
    const levantine = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول'];
    const levantineEnd = ['تشرين الأول', 'تشرين الثاني', 'كانون الأول'];
    [...levantine, ...levantineEnd].forEach((name, i) => {
      assert.ok(lexicon.months.find((m) => m.month === i + 1)?.names.includes(name), name);
    });
    assert.ok(lexicon.months.find((m) => m.month === 5)?.names.includes('مايو'));
  });

  it('agencies-credits.json is valid and every written form names one agency', () => {
    const lexicon = agenciesLexiconSchema.parse(load('agencies-credits.json'));
    assertNoFoldedDuplicates(
      'agency forms',
      lexicon.agencies.flatMap((a) => a.forms),
    );
    assert.deepEqual(classifyCredit('أ.ف.ب'), { kind: 'agency', agency: 'AFP' });
    assert.deepEqual(classifyCredit('ا ف ب'), { kind: 'agency', agency: 'AFP' });
    assert.deepEqual(classifyCredit('وكالات'), { kind: 'agency', agency: 'agencies' });
    assert.deepEqual(classifyCredit('Reuters'), { kind: 'agency', agency: 'Reuters' });
    assert.deepEqual(classifyCredit('مراسلنا'), { kind: 'staff' });
    assert.deepEqual(classifyCredit('الاتحاد'), { kind: 'other' });
  });

  it('rejects malformed lexicons with the path of the problem', () => {
    const months = load('dates-months.json') as { months: unknown[] };
    const short = monthsLexiconSchema.safeParse({ ...months, months: months.months.slice(1) });
    assert.equal(short.success, false);
    assert.deepEqual(short.error?.issues[0]?.path, ['months']);
    const furniture = load('page-furniture.json') as { rules: Record<string, unknown>[] };
    const badMatch = furnitureLexiconSchema.safeParse({
      ...furniture,
      rules: [{ ...furniture.rules[0], match: 'anywhere' }],
    });
    assert.equal(badMatch.success, false);
    assert.deepEqual(badMatch.error?.issues[0]?.path, ['rules', 0, 'match']);
    const emptyPhrase = readAlsoLexiconSchema.safeParse({ description: 'x', separators: ['  '] });
    assert.equal(emptyPhrase.success, false);
  });
});
