import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseBundle } from '../seed/seed-file';
import { GoldFileError, parseGoldFile } from './gold-file';
import type { GoldRef } from './gold.schema';
import { verifyGoldSpans } from './gold-spans';
import { loadDevelopmentSet, PROJECT_ROOT } from './test-support';

function problemsOf(json: unknown): string[] {
  try {
    parseGoldFile('g.json', JSON.stringify(json));
  } catch (error) {
    assert.ok(error instanceof GoldFileError);
    return error.problems.map((p) => `${p.path}: ${p.message}`);
  }
  return [];
}

const statement = {
  text: 'Peskov said no.',
  speaker: { keys: ['dmitry-peskov'] },
  onBehalfOf: null,
  via: null,
  form: 'PARAPHRASE',
  verb: 'said',
  about: [],
  cameo: '010',
};
const article = { title: 'T', publishedOn: '2025-05-06', language: 'en', statements: [statement] };
const valid = { page: 'p.txt', covers: ['x'], articles: [article] };

describe('gold file schema', () => {
  it('accepts a minimal gold file and fills the defaults', () => {
    const gold = parseGoldFile('g.json', JSON.stringify(valid));
    assert.deepEqual(gold.articles[0]!.agencies, []);
    assert.equal(gold.articles[0]!.outlet, null);
  });

  it('names the JSON path and the reason of each problem', () => {
    const problems = problemsOf({
      ...valid,
      articles: [
        {
          ...article,
          publishedOn: '6 May 2025',
          surprise: 1,
          meetings: [
            { key: 'm', kind: 'SUMMIT', status: 'HELD', participants: [{ countries: ['RU'] }], statusStatements: [0] },
          ],
          statements: [{ ...statement, form: 'QUOTE', cameo: '36', speaker: {}, about: [{ meeting: 'nope' }] }],
        },
      ],
    });
    for (const expected of [
      'articles[0].publishedOn: must be a date YYYY-MM-DD',
      'articles[0].statements[0].cameo: must be a CAMEO code of 3 or 4 digits such as 036',
      'articles[0].statements[0].form: ',
      'articles[0]: Unrecognized key: "surprise"',
    ])
      assert.ok(
        problems.some((p) => p.startsWith(expected)),
        `expected a problem starting "${expected}" in\n${problems.join('\n')}`,
      );
  });

  it('rejects a subject naming a meeting the article does not have, and a status statement not about it', () => {
    const problems = problemsOf({
      ...valid,
      articles: [
        {
          ...article,
          meetings: [
            { key: 'm', kind: 'TALKS', status: 'HELD', participants: [{ names: ['A'] }], statusStatements: [0] },
          ],
          statements: [{ ...statement, about: [{ meeting: 'other' }] }],
        },
      ],
    });
    assert.deepEqual(problems, [
      'articles[0].statements[0].about[0].meeting: no meeting "other" in this article',
      'articles[0].meetings[0].statusStatements[0]: statement 0 does not exist or is not about meeting "m"',
    ]);
  });

  it('rejects a reference that gives no key, country or name', () => {
    const problems = problemsOf({
      ...valid,
      articles: [{ ...article, statements: [{ ...statement, via: { optional: true } }] }],
    });
    assert.deepEqual(problems, ['articles[0].statements[0].via: must give keys, countries or names']);
  });
});

describe('the committed development set', () => {
  it('has at least 14 original pages, mostly Arabic, plus the seed and a headline-only page', async () => {
    const { pages } = await loadDevelopmentSet();
    const original = pages.filter((p) => p.gold.page.startsWith('eval/extract/pages/'));
    assert.ok(original.length >= 14, `${original.length} original pages`);
    const arabic = original.filter((p) => p.name.includes('-ar-')).length;
    assert.ok(arabic > original.length / 2, `${arabic} Arabic pages of ${original.length}`);
    for (const page of original) {
      assert.match(page.name, /^\d\d-(ar|en)-[a-z0-9-]+$/);
      assert.equal(path.basename(page.gold.page, '.txt'), page.name, 'gold and page share their name');
      for (const a of page.gold.articles) assert.equal(a.language, page.name.slice(3, 5));
    }
    assert.ok(pages.some((p) => p.gold.page === 'seed/source/000_d5e7333eea537f51.txt'));
    assert.ok(pages.some((p) => p.gold.articles.length === 0));
  });

  it('finds every gold text exactly once, where its stored span says (spans computed by npm run eval:spans)', async () => {
    const { pages } = await loadDevelopmentSet();
    for (const page of pages) assert.deepEqual(verifyGoldSpans(page.gold, page.page), [], page.name);
  });

  it('refers only to actor keys that the seed or the eval actor bundle define', async () => {
    const { pages, matcher } = await loadDevelopmentSet();
    const refs: GoldRef[] = pages.flatMap((p) =>
      p.gold.articles.flatMap((a) => [
        ...(a.outlet ? [a.outlet] : []),
        ...a.agencies,
        ...a.meetings.flatMap((m) => m.participants),
        ...a.statements.flatMap((s) => [
          ...('unnamed' in s.speaker ? [] : [s.speaker]),
          ...(s.onBehalfOf ? [s.onBehalfOf] : []),
          ...(s.via ? [s.via] : []),
          ...s.about.filter((x): x is GoldRef => !('meeting' in x)),
        ]),
      ]),
    );
    const unknown = [...new Set(refs.flatMap((r) => r.keys ?? []))].filter((key) => !matcher.isKnownKey(key));
    assert.deepEqual(unknown, []);
  });

  it('keeps the eval actor bundle small and loadable as an ingest bundle, every person with a role', () => {
    const file = path.join(PROJECT_ROOT, 'eval', 'extract', 'actors.json');
    const bundle = parseBundle(file, readFileSync(file, 'utf8'));
    assert.ok(bundle.actors.length >= 10 && bundle.actors.length <= 25, `${bundle.actors.length} actors`);
    for (const actor of bundle.actors.filter((a) => a.kind === 'PERSON'))
      assert.ok(actor.roles.length > 0, `${actor.key} has a role`);
  });

  it('derives the seed page gold from the seed annotation: same statements, speakers, forms, codes and meetings', async () => {
    const { pages } = await loadDevelopmentSet();
    const seedFile = path.join(PROJECT_ROOT, 'seed', 'al-ittihad-2025-05.json');
    const seed = parseBundle(seedFile, readFileSync(seedFile, 'utf8'));
    const gold = pages.find((p) => p.gold.page.startsWith('seed/'))!;
    const keyOf = (name: string | null | undefined) => seed.actors.find((a) => a.names.en === name)?.key;
    assert.equal(gold.gold.articles.length, seed.articles.length);
    seed.articles.forEach((seedArticle, i) => {
      const goldArticle = gold.gold.articles[i]!;
      assert.equal(goldArticle.title, seedArticle.title);
      assert.equal(goldArticle.publishedOn, seedArticle.publishedOn ?? null);
      assert.equal(goldArticle.statements.length, seedArticle.statements.length);
      seedArticle.statements.forEach((s, j) => {
        const g = goldArticle.statements[j]!;
        // The seed span is in article text, the gold span in page text: both cover the same words.
        assert.equal(gold.page.slice(g.span!.start, g.span!.end), seedArticle.text.slice(s.span.start, s.span.end));
        assert.equal(g.form, s.form);
        assert.equal(g.cameo, s.cameo);
        assert.ok(!('unnamed' in g.speaker));
        assert.deepEqual((g.speaker as GoldRef).keys, [keyOf(s.speaker.name)]);
        assert.equal(g.about.length, s.about.length);
      });
      assert.deepEqual(
        goldArticle.meetings.map((m) => [m.key, m.kind, m.status, m.statusStatements]),
        (seedArticle.meetings ?? []).map((m) => [m.key, m.kind, m.status, m.statusStatements]),
      );
    });
  });
});
