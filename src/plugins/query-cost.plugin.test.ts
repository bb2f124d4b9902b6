import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { costVariables } from './query-cost.plugin';

const schema = buildSchema(`
  input ArticleInput { title: String! first: Int }
  type Query { page(first: Int, after: String, id: ID, flag: Boolean, input: ArticleInput, inputs: [ArticleInput!]): Int }
`);

function operation(source: string): OperationDefinitionNode {
  const definition = parse(source).definitions[0]!;
  assert.equal(definition.kind, Kind.OPERATION_DEFINITION);
  return definition;
}

describe('costVariables', () => {
  it('keeps the variables an estimator can read: Int and Boolean, not ID, String or input objects', () => {
    const op = operation(`query($first: Int, $after: String, $id: ID!, $flag: Boolean!, $input: ArticleInput!,
      $inputs: [ArticleInput!]) {
      page(first: $first, after: $after, id: $id, flag: $flag, input: $input, inputs: $inputs) @include(if: $flag)
    }`);
    assert.deepEqual(costVariables(op, schema), ['first', 'flag']);
  });
});
