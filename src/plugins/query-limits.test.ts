import 'reflect-metadata';
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import { buildGraphQLSchema } from '../schema';
import type { QueryLimits } from '../shared/config';
import { listCostEstimator, MAX_QUERY_NODES } from './query-cost';
import { DocumentShape, validationRules } from './query-limits';

const LIMITS: QueryLimits = {
  maxDepth: 8,
  maxAliases: 15,
  maxCost: 5000,
  maxTokens: 2000,
  maxPageSize: 100,
  bodyLimitBytes: 2 ** 21,
};

/** The attack: fragment i spreads fragment i+1 twice, 2^levels paths; `nest` wraps each in fields. */
function doubling(levels: number, nest = false): string {
  const body = (i: number) =>
    nest
      ? `statements(first: 1) { edges { node { speaker { ...f${i + 1} ...f${i + 1} } } } }`
      : `...f${i + 1} ...f${i + 1}`;
  const on = nest ? 'Actor' : 'Query';
  const fragments = Array.from({ length: levels }, (_, i) => `fragment f${i} on ${on} { ${body(i)} }`);
  const root = nest ? '{ actors(first: 1) { edges { node { ...f0 } } } }' : '{ ...f0 }';
  const leaf = nest ? 'id' : 'countries(first: 1) { totalCount }';
  return [root, ...fragments, `fragment f${levels} on ${on} { ${leaf} }`].join('\n');
}

function shapeOf(query: string | DocumentNode): { depth: number; selections: number; visited: number } {
  const document = typeof query === 'string' ? parse(query) : query;
  const shapes = new DocumentShape(document);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return { ...shapes.operation(operation), visited: shapes.visited };
}

describe('DocumentShape', () => {
  it('gives field depth and expanded size, fragments and inline fragments expanded, introspection not counted', () => {
    assert.deepEqual(shapeOf('{ countries { totalCount } }'), { depth: 2, selections: 2, visited: 2 });
    const fragments = shapeOf(`{ statements { ...a } }
      fragment a on StatementConnection { edges { node { ... on Statement { speaker { ...b } } } } }
      fragment b on Actor { name __typename }`);
    assert.equal(fragments.depth, 5);
    assert.equal(fragments.selections, 9);
    assert.equal(shapeOf('{ __schema { types { name fields { name } } } }').depth, 0);
    // A fragment spread three times counts three times in the size and is read once.
    const thrice = shapeOf(
      '{ a: countries { ...c } b: countries { ...c } d: countries { ...c } } fragment c on CountryConnection { totalCount }',
    );
    assert.equal(thrice.selections, 9);
    assert.equal(thrice.visited, 7);
  });

  it('expands the doubling attack exactly, reading each definition once: work linear in the levels', () => {
    const work: number[] = [];
    for (const levels of [10, 20, 40, 80]) {
      const shape = shapeOf(doubling(levels));
      // 2^levels leaves of 2 selections, and 2^(i+1) spreads at level i: 2^(levels+1) + 2^(levels+1) - 2 + 1.
      assert.equal(shape.selections, Math.min(Number.MAX_SAFE_INTEGER, 2 ** (levels + 2) - 1));
      assert.equal(shape.depth, 2);
      work.push(shape.visited);
    }
    // 2 selections per fragment, 1 in the operation, 2 in the leaf: 2 × levels + 3.
    assert.deepEqual(work, [23, 43, 83, 163]);
    const nested = shapeOf(doubling(40, true));
    assert.equal(nested.depth, 3 + 4 * 40 + 1);
  });

  it('never recurses: 100,000 nested selection sets and a chain of 20,000 fragments', () => {
    let set: SelectionSetNode = { kind: Kind.SELECTION_SET, selections: [] };
    for (let i = 0; i < 100_000; i++) {
      set = {
        kind: Kind.SELECTION_SET,
        selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: 'a' }, selectionSet: set }],
      };
    }
    const deep: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [{ kind: Kind.OPERATION_DEFINITION, operation: 'query' as never, selectionSet: set }],
    };
    assert.equal(shapeOf(deep).depth, 100_000);
    // A recursive walk would need about three stack frames per fragment: 60,000, over Node's limit of about 11,000.
    const chain = Array.from({ length: 20_000 }, (_, i) => `fragment f${i} on Query { a ...f${i + 1} }`);
    const long = shapeOf(['{ ...f0 }', ...chain, 'fragment f20000 on Query { a }'].join('\n'));
    assert.equal(long.depth, 1);
    assert.equal(long.selections, 40_002);
  });

  it('ends on fragment cycles and unknown fragments, leaving them to graphql-js', () => {
    assert.equal(shapeOf('{ ...a } fragment a on Query { x ...b } fragment b on Query { y { z } ...a }').depth, 2);
    assert.equal(shapeOf('{ ...missing countries { totalCount } }').depth, 2);
  });
});

describe('validation of hostile documents', () => {
  let schema: GraphQLSchema;

  before(async () => {
    schema = await buildGraphQLSchema();
  });

  const rules = () => [...specifiedRules, ...validationRules(LIMITS)];

  it('refuses the doubling attack by its expanded size and the nested one by its depth', () => {
    const flat = validate(schema, parse(doubling(24)), rules());
    assert.deepEqual(
      flat.map((e) => [e.extensions.code, e.extensions.limit]),
      [['QUERY_TOO_COMPLEX', 'nodes']],
    );
    assert.equal(flat[0]!.extensions.actual, 2 ** 26 - 1);
    const nested = validate(schema, parse(doubling(24, true)), rules());
    assert.deepEqual(
      nested.map((e) => [e.extensions.code, e.extensions.limit, e.extensions.actual]),
      [['QUERY_TOO_COMPLEX', 'depth', 3 + 4 * 24 + 1]],
    );
  });

  it('validates in time linear in the fragment levels (ratio of work at 24 and 48 levels, generous margin)', () => {
    // Exponential work would be 2^24 (16 million) times more at 48 levels than at 24; linear work about twice.
    // The best of several runs keeps a loaded machine's noise out; the margin of 50x is still 300,000 times
    // below what an exponential rule would take.
    const best = (query: string) => {
      const document = parse(query);
      let fastest = Infinity;
      for (let run = 0; run < 5; run++) {
        const started = process.hrtime.bigint();
        for (let i = 0; i < 10; i++) validate(schema, document, rules());
        fastest = Math.min(fastest, Number(process.hrtime.bigint() - started));
      }
      return fastest;
    };
    for (const nest of [false, true]) {
      const ratio = best(doubling(48, nest)) / best(doubling(24, nest));
      assert.ok(ratio < 50, `48 levels took ${ratio.toFixed(1)}x the time of 24 (nest: ${nest})`);
    }
  });

  it('bounds the cost analysis to MAX_QUERY_NODES estimator calls, however many paths', () => {
    // graphql-query-complexity walks every expanded path (no memo per fragment); maxQueryNodes cuts it off.
    for (const levels of [12, 24, 48]) {
      let calls = 0;
      const estimator = listCostEstimator(100, []);
      assert.throws(
        () =>
          getComplexity({
            schema,
            query: parse(doubling(levels)),
            variables: {},
            estimators: [
              (args) => {
                calls += 1;
                return fieldExtensionsEstimator()(args) ?? estimator(args);
              },
            ],
            maxQueryNodes: MAX_QUERY_NODES,
          }),
        /maximum allowed number of nodes/,
      );
      assert.ok(calls <= MAX_QUERY_NODES, `${levels} levels: ${calls} estimator calls`);
    }
  });
});
