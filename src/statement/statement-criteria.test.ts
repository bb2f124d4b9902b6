import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BadUserInputError } from '../shared/errors';
import { toGlobalId } from '../shared/global-id';
import { statementCriteria } from './statement-criteria';

describe('statementCriteria', () => {
  it('decodes subject and speaker ids with their labels', () => {
    const criteria = statementCriteria({
      about: toGlobalId('Country', 'AZ'),
      speaker: toGlobalId('Actor', 'dmitry-peskov'),
      includeRelated: true,
      language: 'AR',
    });
    assert.deepEqual(criteria, {
      about: 'AZ',
      aboutLabel: 'Country',
      includeRelated: true,
      speaker: 'dmitry-peskov',
      from: null,
      to: null,
      language: 'ar',
      cameo: null,
      includeDeprecated: false,
    });
  });

  it('lists every problem with its path', () => {
    assert.throws(
      () =>
        statementCriteria(
          {
            about: toGlobalId('Article', 'x'),
            speaker: toGlobalId('Country', 'RU'),
            from: '2025-06-01',
            to: '2025-05-01',
            cameo: '03a',
            language: 'arabic!',
          },
          'filter.',
        ),
      (error: unknown) => {
        assert.ok(error instanceof BadUserInputError);
        assert.deepEqual(
          error.problems.map((p) => p.path),
          ['filter.about', 'filter.speaker', 'filter.from', 'filter.cameo', 'filter.language'],
        );
        return true;
      },
    );
  });
});
