import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { PageArticle, TextSpan } from './page.model';
import { splitPage } from './split-page';

const root = path.join(__dirname, '..', '..', '..', '..');
const fixtureDir = path.join(root, 'src', 'extract', 'page', 'fixtures');
const seedPage = readFileSync(path.join(root, 'seed', 'source', '000_d5e7333eea537f51.txt'), 'utf8');
const seedAnnotation = JSON.parse(readFileSync(path.join(root, 'seed', 'al-ittihad-2025-05.json'), 'utf8')) as {
  articles: { text: string; title: string; publishedOn: string | null }[];
};

function pageSpan(article: PageArticle, span: TextSpan): TextSpan {
  return { start: article.pageOffsets[span.start] as number, end: (article.pageOffsets[span.end - 1] as number) + 1 };
}

/** Checks the offset map and every span of an article against its page (the contract of page.model.ts). */
function assertMapsToPage(page: string, article: PageArticle): void {
  const { text, pageOffsets } = article;
  assert.ok(text.length > 0);
  assert.equal(pageOffsets.length, text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const offset = pageOffsets[i] as number;
    if (i > 0) assert.ok(offset > (pageOffsets[i - 1] as number), `offsets increase at ${i}`);
    if (text[i] === '\n') {
      // Lines are trimmed and split at line breaks, so every '\n' in the text is an inserted join.
      assert.equal(offset, (pageOffsets[i - 1] as number) + 1, `join at ${i} maps just after the previous character`);
    } else {
      assert.equal(page[offset], text[i], `text[${i}] is page[${offset}]`);
    }
  }
  assert.equal(pageOffsets[text.length], (pageOffsets[text.length - 1] as number) + 1);
  assert.deepEqual(article.pageSpan, { start: pageOffsets[0], end: (pageOffsets[text.length - 1] as number) + 1 });

  const spans: TextSpan[] = [article.bodySpan, ...article.paragraphs];
  if (article.titleSpan) spans.push(article.titleSpan);
  if (article.datelineSpan) spans.push(article.datelineSpan);
  for (const span of spans) {
    assert.ok(span.start >= 0 && span.start < span.end && span.end <= text.length, `span ${JSON.stringify(span)}`);
  }
  // Spans that lie on one page line read the same on the page.
  for (const span of [...article.paragraphs, article.titleSpan, article.datelineSpan]) {
    if (span === null) continue;
    const p = pageSpan(article, span);
    assert.equal(page.slice(p.start, p.end), text.slice(span.start, span.end));
  }
  if (article.title === null) assert.equal(article.titleSpan, null);
  else {
    assert.deepEqual(article.titleSpan, { start: 0, end: article.title.length });
    assert.ok(text.startsWith(`${article.title}\n`));
  }
  assert.equal(article.bodySpan.end, text.length);
  assert.equal(article.paragraphs[0]?.start, article.bodySpan.start);
  assert.equal(article.paragraphs.at(-1)?.end, text.length);
  for (let i = 1; i < article.paragraphs.length; i++) {
    assert.equal((article.paragraphs[i] as TextSpan).start, (article.paragraphs[i - 1] as TextSpan).end + 1);
  }
  assert.ok(['ar', 'en'].includes(article.language));
  if (article.publishedOn !== null) assert.match(article.publishedOn, /^\d{4}-\d{2}-\d{2}$/);
  for (const agency of article.agencies) assert.ok(article.credits.includes(agency));
}

describe('splitPage on the seed page', () => {
  const articles = splitPage(seedPage);

  it('finds the two articles of the hand annotation, with exactly its text', () => {
    assert.equal(articles.length, 2);
    assert.equal(articles[0]?.text, seedAnnotation.articles[0]?.text);
    assert.equal(articles[1]?.text, seedAnnotation.articles[1]?.text);
  });

  it('reads title, date, dateline, credits and outlet of the first article', () => {
    const first = articles[0] as PageArticle;
    assert.equal(first.title, seedAnnotation.articles[0]?.title);
    assert.equal(first.publishedOn, '2025-05-06');
    assert.equal(first.publishedOn, seedAnnotation.articles[0]?.publishedOn);
    assert.deepEqual(first.datelinePlaces, ['موسكو', 'واشنطن']);
    assert.deepEqual(first.credits, ['الاتحاد', 'وكالات']);
    assert.deepEqual(first.agencies, ['وكالات']);
    assert.equal(first.outlet, 'صحيفة الاتحاد');
    assert.equal(first.language, 'ar');
    assert.equal(
      first.text.slice(first.datelineSpan?.start, first.datelineSpan?.end),
      'موسكو، واشنطن (الاتحاد، وكالات)',
    );
    assert.equal(first.paragraphs.length, 3);
    assert.ok(first.text.slice(first.bodySpan.start).startsWith('اعتبر الكرملين'));
    assert.ok(first.evidence.some((e) => e.includes('أخبار ذات صلة')));
    assert.ok(first.evidence.some((e) => e.includes('2025-05-06') && e.includes('6th, May 2025')));
  });

  it('gives the second article its title, no date and the page outlet', () => {
    const second = articles[1] as PageArticle;
    assert.equal(second.title, seedAnnotation.articles[1]?.title);
    assert.equal(second.publishedOn, null);
    assert.equal(second.datelineSpan, null);
    assert.deepEqual(second.datelinePlaces, []);
    assert.deepEqual(second.agencies, []);
    assert.equal(second.outlet, 'صحيفة الاتحاد');
    assert.equal(second.paragraphs.length, 7);
    assert.ok(second.evidence.some((e) => e.includes('إقرأ أيضاً:')));
  });

  it('maps every article character back to the page', () => {
    for (const article of articles) assertMapsToPage(seedPage, article);
  });

  it('keeps furniture out of every article', () => {
    for (const article of articles) {
      for (const furniture of ['أخبار ذات صلة', 'المصدر', 'كلمات دلالية', 'إقرأ أيضاً', 'تاريخ النشر']) {
        assert.ok(!article.text.includes(furniture), `${furniture} left in the text`);
      }
    }
  });

  it('reads the same page with CRLF line breaks', () => {
    const crlf = seedPage.replace(/\n/g, '\r\n');
    const again = splitPage(crlf);
    assert.deepEqual(
      again.map((a) => a.text),
      articles.map((a) => a.text),
    );
    for (const article of again) assertMapsToPage(crlf, article);
  });
});

interface ExpectedArticle {
  title: string | null;
  dateline: string | null;
  publishedOn: string | null;
  updatedOn: string | null;
  language: string;
  datelinePlaces: string[];
  credits: string[];
  agencies: string[];
  outlet: string | null;
  paragraphs: string[];
  lines: string[];
}

describe('splitPage on invented pages (src/extract/page/fixtures)', () => {
  const names = readdirSync(fixtureDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();

  it('has at least 10 fixture pages, Arabic and English, with and without articles', () => {
    assert.ok(names.length >= 10);
    assert.ok(names.some((n) => n.startsWith('ar-')) && names.some((n) => n.startsWith('en-')));
    assert.ok(names.some((n) => n.includes('headlines-only')));
  });

  for (const name of names) {
    it(name, () => {
      const page = readFileSync(path.join(fixtureDir, name), 'utf8');
      const expected = JSON.parse(readFileSync(path.join(fixtureDir, name.replace(/\.txt$/, '.expected.json')), 'utf8'))
        .articles as ExpectedArticle[];
      const articles = splitPage(page);
      assert.equal(articles.length, expected.length, 'article count');
      articles.forEach((article, i) => {
        const want = expected[i] as ExpectedArticle;
        assert.deepEqual(article.text.split('\n'), want.lines);
        assert.equal(article.title, want.title);
        const dateline =
          article.datelineSpan && article.text.slice(article.datelineSpan.start, article.datelineSpan.end);
        assert.equal(dateline, want.dateline);
        assert.equal(article.publishedOn, want.publishedOn);
        assert.equal(article.updatedOn, want.updatedOn);
        assert.equal(article.language, want.language);
        assert.deepEqual(article.datelinePlaces, want.datelinePlaces);
        assert.deepEqual(article.credits, want.credits);
        assert.deepEqual(article.agencies, want.agencies);
        assert.equal(article.outlet, want.outlet);
        assert.deepEqual(
          article.paragraphs.map((p) => article.text.slice(p.start, p.end)),
          want.paragraphs,
        );
        assertMapsToPage(page, article);
      });
    });
  }
});

describe('splitPage options and odd input', () => {
  const fixture = (name: string): string => readFileSync(path.join(fixtureDir, name), 'utf8');

  it('returns [] for an empty, blank or non-string page', () => {
    assert.deepEqual(splitPage(''), []);
    assert.deepEqual(splitPage(' \n\r\n\t '), []);
    assert.deepEqual(splitPage(undefined as unknown as string), []);
    assert.deepEqual(splitPage(42 as unknown as string), []);
  });

  it("takes the byline's one agency as the outlet of a page that names no other outlet (the agency's own page)", () => {
    const wire = (byline: string, masthead = '') =>
      `${masthead}Ankara hosts grain talks\n${byline}\nMay 4, 2025 9:00 AM GMT\n` +
      'ANKARA (AFP) - Turkish and Ukrainian officials met in Ankara on Sunday to discuss grain shipments across the Black Sea, officials said.\n' +
      'The two sides agreed to meet again next month in Istanbul to review the shipping corridor and insurance costs.';
    const [own] = splitPage(wire('By AFP'));
    assert.equal(own?.outlet, 'AFP');
    // A person's byline, or a newspaper that names itself, keeps the agency a credit only.
    const [person] = splitPage(wire('By Jane Doe'));
    assert.equal(person?.outlet, null);
    const [paper] = splitPage(wire('By AFP', 'The Daily Example\n'));
    assert.notEqual(paper?.outlet, 'AFP');
  });

  it('uses options.outlet only when the page names no outlet', () => {
    const [onCaps] = splitPage(fixture('en-caps-dash.txt'), { outlet: 'The Example Times' });
    assert.equal(onCaps?.outlet, 'The Example Times');
    assert.ok(onCaps?.evidence.some((e) => e.includes('given by the caller')));
    const seed = splitPage(seedPage, { outlet: 'Al-Ittihad' });
    assert.deepEqual(
      seed.map((a) => a.outlet),
      ['صحيفة الاتحاد', 'صحيفة الاتحاد'],
    );
  });

  it('uses options.publishedOn only for articles the page gives no date, and only when it is an ISO date', () => {
    const seed = splitPage(seedPage, { publishedOn: '2025-05-07' });
    assert.deepEqual(
      seed.map((a) => a.publishedOn),
      ['2025-05-06', '2025-05-07'],
    );
    assert.equal(splitPage(seedPage, { publishedOn: 'May 7' })[1]?.publishedOn, null);
    assert.equal(splitPage(seedPage, { publishedOn: '2025-02-30' })[1]?.publishedOn, null);
  });

  it('takes the outlet from the one non-agency credit beside agencies when nothing else names it', () => {
    const page = 'Title of a test article about ports\nدبي (البيان، وكالات)\n' + arabicSentence(20);
    const [article] = splitPage(page);
    assert.equal(article?.outlet, 'البيان');
    assert.deepEqual(article?.agencies, ['وكالات']);
  });

  it('credits the agency a byline names, not the person', () => {
    const [byAgency] = splitPage(`Ministers agree on a fishing accord\nBy AFP\n${englishSentences(40)}`);
    assert.deepEqual([byAgency?.agencies, byAgency?.credits], [['AFP'], ['AFP']]);
    const [byPerson] = splitPage(`Ministers agree on a fishing accord\nBy Jane Okafor\n${englishSentences(40)}`);
    assert.deepEqual([byPerson?.agencies, byPerson?.credits], [[], []]);
  });

  it('does not take a source line that names agencies as the outlet', () => {
    const [article] = splitPage(fixture('ar-source-agency-numeric.txt'), { outlet: 'Tunis Daily' });
    assert.equal(article?.outlet, 'Tunis Daily');
    assert.deepEqual(article?.agencies, ['وكالات']);
  });

  it('reads a page without line breaks as one untitled article', () => {
    const page = englishSentences(400);
    const articles = splitPage(page);
    assert.equal(articles.length, 1);
    assert.equal(articles[0]?.title, null);
    assert.equal(articles[0]?.text, page);
    assertMapsToPage(page, articles[0] as PageArticle);
  });

  it('splits a long page of many articles into all of them (the work grows with the page, one pass per line)', () => {
    const page = Array.from({ length: 60 }, () => seedPage).join('\nإقرأ أيضاً:\n');
    const articles = splitPage(page);
    assert.equal(articles.length, 120);
    assert.equal(articles[119]?.text, seedAnnotation.articles[1]?.text);
    assertMapsToPage(page, articles[119] as PageArticle);
  });

  it('yields no article from short punctuated headlines (questions and exclamations included)', () => {
    const page = ['Will the talks resume next week?', 'Ministers meet in Rome!', 'هل تنجح الوساطة؟', 'Read also'].join(
      '\n',
    );
    assert.deepEqual(splitPage(page), []);
  });
});

function englishSentences(words: number): string {
  const sentence = 'The delegation said the talks in Geneva would continue on Thursday after a short pause.';
  const perSentence = sentence.split(' ').length;
  return Array.from({ length: Math.ceil(words / perSentence) }, () => sentence).join(' ');
}

function arabicSentence(words: number): string {
  return `${Array.from({ length: words }, (_, i) => (i % 2 === 0 ? 'قال' : 'الوزير')).join(' ')}.`;
}
