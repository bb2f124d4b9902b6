import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BadUserInputError } from '../shared/errors';
import { toGlobalId } from '../shared/global-id';
import { ActorKind, MeetingKind, MeetingStatus, StatementForm } from '../shared/graphql/enums';
import {
  assertValidArticleInput,
  INGEST_LIMITS,
  isCameoCode,
  isLanguageTag,
  validateArticleInput,
} from './ingest-validation';
import type { ArticleInputData, StatementInputData } from './ingest.model';

const TEXT = 'Title\nPeskov said the talks were useful. Putin agreed.';

function statement(overrides: Partial<StatementInputData> = {}): StatementInputData {
  return {
    speaker: { name: 'Peskov' },
    form: StatementForm.PARAPHRASE,
    text: 'Peskov said the talks were useful.',
    about: [{ name: 'Russia' }],
    cameo: '010',
    goldstein: 0,
    span: { start: 6, end: 40 },
    ...overrides,
  };
}

function article(overrides: Partial<ArticleInputData> = {}): ArticleInputData {
  return {
    title: 'Title',
    language: 'en',
    outlet: { name: 'Al-Ittihad' },
    text: TEXT,
    statements: [statement()],
    ...overrides,
  };
}

const paths = (input: ArticleInputData) => validateArticleInput(input).map((p) => p.path);

describe('ingest validation', () => {
  it('accepts a valid article and every article of the seed file', () => {
    assert.deepEqual(validateArticleInput(article()), []);
    const seed = JSON.parse(
      readFileSync(path.join(__dirname, '..', '..', '..', 'seed', 'al-ittihad-2025-05.json'), 'utf8'),
    );
    for (const input of seed.articles) assert.deepEqual(validateArticleInput(input), []);
  });

  it('checks language tags (BCP 47) and CAMEO codes', () => {
    for (const tag of ['ar', 'en', 'en-GB', 'zh-Hant-TW', 'ar-EG', 'fil']) assert.ok(isLanguageTag(tag), tag);
    for (const tag of ['', 'english', 'e', 'en_GB', 'en-', '12']) assert.ok(!isLanguageTag(tag), tag);
    for (const code of ['010', '036', '1381', '20', '195']) assert.ok(isCameoCode(code), code);
    for (const code of ['0', '00', '99', '210', '01a', '12345', '']) assert.ok(!isCameoCode(code), code);
  });

  it('names the statement and the field of a bad Goldstein score', () => {
    const statements = [0, 1, 2, 3].map(() => statement()).map((s, i) => ({ ...s, span: { start: 6 + i, end: 40 } }));
    statements.push({ ...statement(), span: { start: 41, end: 53 }, text: 'Putin agreed.', goldstein: 42 });
    const input = article({ statements });
    assert.deepEqual(validateArticleInput(input), [
      { path: 'statements[4].goldstein', message: 'must be a Goldstein score from -10 to 10 (got 42)' },
    ]);
    assert.throws(
      () => assertValidArticleInput(input),
      (error: unknown) => error instanceof BadUserInputError && /statements\[4\]\.goldstein/.test(error.message),
    );
  });

  it('checks spans, quotes, texts, dates, PLOVER and references', () => {
    const input = article({
      publishedOn: '2025-02-30',
      url: 'ftp://example.com/a',
      outlet: { name: 'x', id: toGlobalId('Actor', 'x') },
      statements: [
        statement({
          span: { start: 30, end: 10 },
          saidOn: '2025-1-1',
          plover: 'agree',
          text: '',
          about: [{ name: 'a', meeting: 'm' }, { meeting: 'nope' }, { id: 'garbage' }],
          onBehalfOf: { id: toGlobalId('Topic', 't') },
          speaker: { name: '...', country: 'RUS', kind: 'ROBOT' as ActorKind },
        }),
        statement({ form: StatementForm.DIRECT_QUOTE, quote: 'not there' }),
      ],
    });
    assert.deepEqual(paths(input).sort(), [
      'outlet',
      'publishedOn',
      'statements[0].about[0]',
      'statements[0].about[1].meeting',
      'statements[0].about[2].id',
      'statements[0].onBehalfOf.id',
      'statements[0].plover',
      'statements[0].saidOn',
      'statements[0].span',
      'statements[0].speaker.country',
      'statements[0].speaker.kind',
      'statements[0].speaker.name',
      'statements[0].text',
      'statements[1].quote',
      'url',
    ]);
  });

  it('checks meetings: unique keys, asserting statements in range and about the meeting', () => {
    const meeting = {
      key: 'm',
      kind: MeetingKind.SUMMIT,
      participants: [{ name: 'Putin' }],
      status: MeetingStatus.HELD,
    };
    assert.deepEqual(paths(article({ meetings: [meeting] })), ['meetings[0].status']);
    const about = statement({ about: [{ meeting: 'm' }] });
    assert.deepEqual(paths(article({ meetings: [meeting], statements: [about] })), []);
    assert.deepEqual(
      paths(
        article({
          meetings: [
            { ...meeting, statusStatements: [0, 3], durationMinutes: -5 },
            { ...meeting, participants: [], status: null, statusStatements: [0] },
          ],
          statements: [statement()],
        }),
      ),
      [
        'meetings[1].key',
        'meetings[0].durationMinutes',
        'meetings[0].statusStatements[0]',
        'meetings[0].statusStatements[1]',
        'meetings[1].participants',
        'meetings[1].statusStatements',
        'meetings[1].statusStatements[0]',
      ],
    );
  });

  it('caps the article text and the statement count', () => {
    const long = article({ text: 'x'.repeat(INGEST_LIMITS.articleText + 1) });
    assert.deepEqual(paths(long), ['text']);
    const many = article({ statements: Array.from({ length: INGEST_LIMITS.statements + 1 }, () => statement()) });
    assert.deepEqual(paths(many), ['statements']);
  });

  it('flags two statements with the same speaker and span', () => {
    assert.deepEqual(paths(article({ statements: [statement(), statement({ speaker: { name: 'PESKOV' } })] })), [
      'statements[1]',
    ]);
  });
});
