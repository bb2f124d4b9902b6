import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { fieldPlanOf } from './field-plan';

const schema = buildSchema(`
  interface Node { id: ID! }
  interface Named implements Node { id: ID! name(lang: String = "en"): String! }
  type Person implements Node & Named { id: ID! name(lang: String = "en"): String! age: Int boss: Person }
  type Place implements Node & Named { id: ID! name(lang: String = "en"): String! code: String }
  type Note implements Node { id: ID! text: String about: [Named!]! }
  union Hit = Person | Note
  type Query { node(id: ID!): Node notes: [Note!]! hits: [Hit!]! }
`);

function planOf(query: string, operationName?: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode =>
      d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
  )!;
  return { plan: fieldPlanOf(schema, document, operation), document, operation };
}

const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

describe('fieldPlanOf', () => {
  it('collects fields per object type, interface selections counted for each possible type', () => {
    const { plan } = planOf(`{ notes { text about { id ... on Person { age } } } }`);
    assert.deepEqual(sorted(plan.fields('Note')), ['about', 'text']);
    assert.deepEqual(sorted(plan.fields('Person')), ['age', 'id']);
    assert.deepEqual(sorted(plan.fields('Place')), ['id']);
    assert.deepEqual(sorted(plan.fields('Query')), ['notes']);
  });

  it('spreads named fragments (nested, and on interfaces and unions) and inline fragments', () => {
    const { plan } = planOf(`
      { node(id: "1") { ...N } hits { __typename ... on Person { boss { ...P } } } }
      fragment N on Node { id ... on Named { ...Nm } }
      fragment Nm on Named { name }
      fragment P on Person { age }`);
    assert.deepEqual(sorted(plan.fields('Person')), ['age', 'boss', 'id', 'name']);
    assert.deepEqual(sorted(plan.fields('Place')), ['id', 'name']);
    assert.deepEqual(sorted(plan.fields('Note')), ['id']);
  });

  it('folds aliases into the field and keeps every selection of it, for its arguments', () => {
    const { plan } = planOf(`{ node(id: "1") { ... on Place { a: name b: name(lang: "ar") c: code } } }`);
    assert.deepEqual(sorted(plan.fields('Place')), ['code', 'name']);
    assert.deepEqual(
      plan.nodes('Place', 'name').map((n) => n.alias?.value),
      ['a', 'b'],
    );
  });

  it('drops fields under literal @skip(if: true) / @include(if: false), keeps those under variables', () => {
    const { plan } = planOf(`query($v: Boolean!) { notes {
      text @skip(if: true) id @include(if: false) about @include(if: $v) { id } } }`);
    assert.deepEqual(sorted(plan.fields('Note')), ['about']);
  });

  it('is built once per operation node, and per operation of a document', () => {
    const query = `query A { notes { text } } query B { notes { id } }`;
    const a = planOf(query, 'A');
    assert.equal(fieldPlanOf(schema, a.document, a.operation), a.plan);
    const b = planOf(query, 'B');
    assert.deepEqual(sorted(a.plan.fields('Note')), ['text']);
    assert.deepEqual(sorted(b.plan.fields('Note')), ['id']);
  });

  it('derives a value once per plan', () => {
    const { plan } = planOf(`{ notes { id } }`);
    let computed = 0;
    const value = () => ++computed;
    assert.equal(plan.derive('x', value), 1);
    assert.equal(plan.derive('x', value), 1);
    assert.equal(computed, 1);
  });
});
