import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadUserInputError } from '../shared/errors';
import { toGlobalId } from '../shared/global-id';
import { parseNeighborhoodParams, parseStatementParams } from './export-params';

const problemPaths = (work: () => unknown): string[] => {
  try {
    work();
  } catch (error) {
    assert.ok(error instanceof BadUserInputError);
    return error.problems.map((p) => p.path).sort();
  }
  assert.fail('expected a BadUserInputError');
};

test('statement export parameters decode like the statements query arguments', () => {
  const about = toGlobalId('Country', 'RU');
  const parsed = parseStatementParams(
    new URLSearchParams({ about, includeRelated: 'true', from: '2025-01-01', cameo: '036', language: 'AR', bom: '1' }),
  );
  assert.equal(parsed.bom, true);
  assert.deepEqual(
    { ...parsed.criteria },
    {
      about: 'RU',
      aboutLabel: 'Country',
      includeRelated: true,
      speaker: null,
      from: '2025-01-01',
      to: null,
      language: 'ar',
      cameo: '036',
      includeDeprecated: false,
    },
  );
});

test('bad statement export parameters are named, every one', () => {
  assert.deepEqual(
    problemPaths(() =>
      parseStatementParams(
        new URLSearchParams({
          speaker: toGlobalId('Country', 'RU'),
          from: '2025-13-01',
          cameo: 'x',
          includeRelated: 'yes',
          colour: 'red',
        }),
      ),
    ),
    ['cameo', 'colour', 'from', 'includeRelated', 'speaker'],
  );
  assert.deepEqual(
    problemPaths(() => parseStatementParams(new URLSearchParams('from=2025-02-01&to=2025-01-01'))),
    ['from'],
  );
});

test('neighbourhood parameters: a node id and a depth of 1 to 3', () => {
  const id = toGlobalId('Actor', 'dmitry-peskov');
  assert.deepEqual(parseNeighborhoodParams(new URLSearchParams({ id })), {
    start: { type: 'Actor', id: 'dmitry-peskov' },
    depth: 1,
  });
  assert.equal(parseNeighborhoodParams(new URLSearchParams({ id, depth: '3' })).depth, 3);
  assert.deepEqual(
    problemPaths(() => parseNeighborhoodParams(new URLSearchParams({ depth: '4' }))),
    ['depth', 'id'],
  );
  assert.deepEqual(
    problemPaths(() => parseNeighborhoodParams(new URLSearchParams({ id: 'nope', depth: '1.5' }))),
    ['depth', 'id'],
  );
});
