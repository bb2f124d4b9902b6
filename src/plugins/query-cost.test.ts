import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { getIntrospectionQuery, parse, type GraphQLSchema } from 'graphql';
import { fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { buildGraphQLSchema } from '../schema';
import type { FieldProblem } from '../shared/errors';
import { listCostEstimator } from './query-cost';

describe('query cost', () => {
  let schema: GraphQLSchema;

  before(async () => {
    schema = await buildGraphQLSchema();
  });

  function cost(query: string, variables: Record<string, unknown> = {}, oversized: FieldProblem[] = []): number {
    return getComplexity({
      schema,
      query: parse(query),
      variables,
      estimators: [fieldExtensionsEstimator(), listCostEstimator(100, oversized)],
    });
  }

  const PAGE = `query($first: Int) { statements(first: $first) {
    edges { node { speaker { name } about { name } reports { article { outlet { name } } via { name } } } } } }`;

  it('multiplies by the page size, from the variables, and counts a connection edge list once', () => {
    assert.equal(cost('{ countries(first: 10) { edges { node { code } } } }'), 1 + 10 * (1 + (1 + 1)));
    assert.equal(cost('query($n: Int) { countries(first: $n) { totalCount } }', { n: 7 }), 1 + 7);
    assert.equal(cost('{ countries { totalCount } }'), 1 + 20, 'the default page size');
    const page100 = cost(PAGE, { first: 100 });
    assert.equal(cost(PAGE, { first: 2 }) * 50 - page100, 49);
    assert.ok(page100 < 5000, `the largest statements page must pass: ${page100}`);
  });

  it('refuses nested pages of 100 under the default limit and records oversized first', () => {
    const nested = `query($n: Int) { statements(first: $n) { edges { node {
      speaker { statements(first: $n) { edges { node { id } } } } } } } }`;
    assert.ok(cost(nested, { n: 100 }) > 5000);
    const oversized: FieldProblem[] = [];
    cost('query($n: Int) { countries(first: $n) { totalCount } }', { n: 1000 }, oversized);
    assert.deepEqual(oversized, [{ path: 'countries.first', message: 'must be from 1 to 100 (got 1000)' }]);
  });

  it('costs introspection nothing and subgraphs by their caps', () => {
    assert.equal(cost(getIntrospectionQuery()), 0);
    const small = cost('{ neighborhood(id: "x") { nodes { id } edges { type } truncated } }');
    const large = cost('{ neighborhood(id: "x", depth: 3, limit: 1000) { nodes { id } edges { type } truncated } }');
    assert.ok(small < large && large < 500, `${small} ${large}`);
  });
});
