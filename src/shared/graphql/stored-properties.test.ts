import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSchema, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { fieldPlanOf } from './field-plan';
import { NAMES, projectProperties, selectProperties, type FieldProperties } from './stored-properties';

const schema = buildSchema(`
  type Code { value: String weight: Float }
  type Thing { id: ID! title: String code: Code name(lang: String = "en"): String! parent: Thing }
  type Query { thing: Thing }
`);
const FIELDS: FieldProperties = {
  id: [],
  title: ['title'],
  code: { type: 'Code', fields: { value: ['codeValue'], weight: ['codeWeight'] } },
  name: NAMES,
  parent: [],
};

function selection(query: string) {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  assert.equal(operation.kind, Kind.OPERATION_DEFINITION);
  return selectProperties(fieldPlanOf(schema, document, operation), 'Thing', FIELDS, ['id']);
}

describe('selectProperties', () => {
  it('reads everything without a plan', () => {
    assert.equal(selectProperties(undefined, 'Thing', FIELDS, ['id']), null);
  });

  it('maps the selected fields (and those of value types) to their properties, the key always', () => {
    assert.deepEqual(selection(`{ thing { title code { weight } parent { id } } }`), {
      properties: ['codeWeight', 'id', 'title'],
      names: [],
    });
  });

  it('reads English and each literal language of name, all names for a variable language', () => {
    assert.deepEqual(selection(`{ thing { name a: name(lang: "ar") r: name(lang: "zh-Hant") } }`), {
      properties: ['id'],
      names: ['ar', 'en'],
    });
    assert.deepEqual(selection(`query($l: String) { thing { name(lang: $l) } }`), { properties: ['id'], names: 'all' });
  });
});

describe('projectProperties', () => {
  it('projects the selected properties, with the first name as fallback when English is missing', () => {
    assert.equal(projectProperties('n', null, 'ALL'), 'ALL');
    assert.equal(projectProperties('n', { properties: ['id', 'title'], names: [] }, 'ALL'), 'n {.id, .title}');
    assert.equal(
      projectProperties('n', { properties: ['id'], names: ['en'] }, 'ALL'),
      "n {.id, .name_en, `name_*`: CASE WHEN n.name_en IS NULL THEN head([n_k IN keys(n) WHERE n_k STARTS WITH 'name_' | n[n_k]]) END}",
    );
    assert.equal(projectProperties('n', { properties: ['id'], names: 'all' }, 'ALL'), 'ALL');
  });

  it('refuses anything but a property name in the Cypher text', () => {
    assert.throws(() => projectProperties('n', { properties: ['id}) DETACH DELETE n //'], names: [] }, 'ALL'));
  });
});
