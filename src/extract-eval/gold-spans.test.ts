import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { goldFileSchema, type GoldFile } from './gold.schema';
import { computeGoldSpans, occurrencesOf, verifyGoldSpans } from './gold-spans';

const PAGE = [
  'Menu',
  'Kremlin: no call',
  'Peskov said “no call” 🙂 today. He added: no call.',
  'Read also',
  'Second title',
  'Lavrov said no call.',
].join('\n');

function goldWith(
  statements: { text: string; occurrence?: number }[],
  titles = ['Kremlin: no call', 'Second title'],
): GoldFile {
  return goldFileSchema.parse({
    page: 'p.txt',
    covers: ['test'],
    articles: titles.map((title, i) => ({
      title,
      publishedOn: null,
      language: 'en',
      statements:
        i === 0
          ? statements.map((s) => ({
              ...s,
              speaker: { names: ['Peskov'] },
              onBehalfOf: null,
              via: null,
              form: 'PARAPHRASE',
              verb: 'said',
              about: [],
              cameo: '010',
            }))
          : [],
    })),
  });
}

describe('gold spans', () => {
  it('lists every occurrence, overlapping ones included', () => {
    assert.deepEqual(occurrencesOf('aaa', 'aa'), [0, 1]);
    assert.deepEqual(occurrencesOf(PAGE, 'no call').length, 4);
  });

  it('computes page offsets in UTF-16 code units, end exclusive, and article extents between titles', () => {
    const { gold, problems } = computeGoldSpans(goldWith([{ text: 'He added: no call.' }]), PAGE);
    assert.deepEqual(problems, []);
    const span = gold.articles[0]!.statements[0]!.span!;
    // The emoji before it is two UTF-16 code units: offsets count them as JavaScript strings do.
    assert.equal(span.start, PAGE.indexOf('He added'));
    assert.equal(span.end - span.start, 'He added: no call.'.length);
    assert.equal(PAGE.slice(span.start, span.end), 'He added: no call.');
    assert.deepEqual(gold.articles[0]!.span, { start: 5, end: PAGE.indexOf('Second title') });
    assert.deepEqual(gold.articles[1]!.span, { start: PAGE.indexOf('Second title'), end: PAGE.length });
  });

  it('asks for an occurrence when a text is ambiguous, and uses the one given', () => {
    const ambiguous = computeGoldSpans(goldWith([{ text: 'no call' }]), PAGE);
    assert.deepEqual(ambiguous.problems, [
      {
        path: 'articles[0].statements[0].text',
        message: '"no call" occurs 4 times on the page: give its occurrence (0-based)',
      },
    ]);
    const second = computeGoldSpans(goldWith([{ text: 'no call', occurrence: 2 }]), PAGE);
    assert.deepEqual(second.problems, []);
    assert.equal(second.gold.articles[0]!.statements[0]!.span!.start, PAGE.indexOf('no call.'));
    const tooFar = computeGoldSpans(goldWith([{ text: 'said “no call”', occurrence: 1 }]), PAGE);
    assert.equal(tooFar.problems[0]!.message, 'occurrence 1 asked, but "said “no call”" occurs 1 time(s)');
  });

  it('reports a text that is not on the page, and a statement outside its article', () => {
    const { problems } = computeGoldSpans(
      goldWith([{ text: 'Peskov said no' }, { text: 'Lavrov said no call.' }]),
      PAGE,
    );
    assert.deepEqual(
      problems.map((p) => `${p.path}: ${p.message}`),
      [
        'articles[0].statements[0].text: "Peskov said no" is not on the page',
        `articles[0].statements[1].text: lies outside its article (page 5..${PAGE.indexOf('Second title')})`,
      ],
    );
  });

  it('reports articles out of page order', () => {
    const { problems } = computeGoldSpans(goldWith([], ['Second title', 'Kremlin: no call']), PAGE);
    assert.deepEqual(problems, [{ path: 'articles[1].title', message: 'articles must be listed in page order' }]);
  });

  it('fails verification when a stored span is missing or stale, and passes once computed', () => {
    const gold = goldWith([{ text: 'He added: no call.' }]);
    assert.equal(verifyGoldSpans(gold, PAGE).length, 3); // two articles and one statement without spans
    const computed = computeGoldSpans(gold, PAGE).gold;
    assert.deepEqual(verifyGoldSpans(computed, PAGE), []);
    const stale = structuredClone(computed);
    stale.articles[0]!.statements[0]!.span = { start: 1, end: 19 };
    assert.deepEqual(
      verifyGoldSpans(stale, PAGE).map((p) => p.path),
      ['articles[0].statements[0].span'],
    );
    assert.deepEqual(verifyGoldSpans(computed, PAGE.replace('He added', 'He said')).length > 0, true);
  });
});
