import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { createFormatError, VARIABLE_ERROR_LIMIT } from './format-error';

describe('createFormatError', () => {
  it("gives graphql-js's variable error limit BAD_USER_INPUT, its message pinned to the installed graphql", () => {
    const schema = buildSchema('type Query { a(ids: [ID!]): Int }');
    const operation = parse('query($ids: [ID!]) { a(ids: $ids) }').definitions[0] as OperationDefinitionNode;
    const result = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      { ids: Array(51).fill(null) },
      {
        maxErrors: 50,
      },
    );
    assert.ok('errors' in result && result.errors);
    const last = result.errors[result.errors.length - 1]!;
    assert.equal(last.message, VARIABLE_ERROR_LIMIT);
    const format = createFormatError(false);
    const formatted = format({ message: last.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, last);
    assert.deepEqual(formatted, { message: VARIABLE_ERROR_LIMIT, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('still masks an unexpected error with the same words inside a resolver path', () => {
    const format = createFormatError(false);
    const formatted = format(
      { message: VARIABLE_ERROR_LIMIT, path: ['a'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new Error(VARIABLE_ERROR_LIMIT),
    );
    assert.equal(formatted.extensions?.code, 'INTERNAL_SERVER_ERROR');
    assert.equal(formatted.message, 'Internal server error');
  });
});
