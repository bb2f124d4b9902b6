import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatementForm } from '../shared/graphql/enums';
import { ingestDigest } from './ingest-receipt';
import type { ArticleInputData } from './ingest.model';

const input: ArticleInputData = {
  title: 'Talks',
  language: 'en',
  url: 'https://example.com/a',
  outlet: { name: 'Example News' },
  text: 'Lavrov said talks would resume.',
  statements: [
    {
      speaker: { name: 'Lavrov' },
      form: StatementForm.PARAPHRASE,
      text: 'talks would resume',
      about: [{ name: 'Talks' }],
      cameo: '036',
      span: { start: 0, end: 31 },
    },
  ],
};

describe('ingestDigest', () => {
  it('is a SHA-256 hex digest, the same for the same input', () => {
    assert.match(ingestDigest(input), /^[0-9a-f]{64}$/);
    assert.equal(ingestDigest(input), ingestDigest(structuredClone(input)));
  });

  it('ignores the order of fields, and absent, null and empty-list fields alike', () => {
    const reordered = Object.fromEntries(Object.entries(input).reverse()) as unknown as ArticleInputData;
    assert.equal(ingestDigest(reordered), ingestDigest(input));
    assert.equal(ingestDigest({ ...input, publishedOn: null, meetings: [], mentions: undefined }), ingestDigest(input));
  });

  it('differs for any change of content, order of statements or flags', () => {
    const base = ingestDigest(input);
    const statement = input.statements[0]!;
    assert.notEqual(ingestDigest({ ...input, text: `${input.text} ` }), base);
    assert.notEqual(ingestDigest({ ...input, statements: [{ ...statement, span: { start: 0, end: 30 } }] }), base);
    assert.notEqual(ingestDigest({ ...input, statements: [statement, statement] }), base);
    assert.notEqual(ingestDigest({ ...input, createMissing: true }), base);
    assert.notEqual(ingestDigest({ ...input, outlet: { id: 'example-news' } }), base);
  });
});
