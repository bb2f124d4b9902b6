import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { possibleTypesJson } from './possible-types';

const schemaDir = path.resolve(__dirname, '..', '..', '..', '..', 'schema');

test('schema/possible-types.json is derived from schema/schema.graphql (run `npm run schema:print`)', () => {
  const sdl = readFileSync(path.join(schemaDir, 'schema.graphql'), 'utf8');
  assert.equal(readFileSync(path.join(schemaDir, 'possible-types.json'), 'utf8'), possibleTypesJson(sdl));
});

test('possibleTypes lists the object types of each interface and union', () => {
  const map = JSON.parse(
    possibleTypesJson(`interface Node { id: ID! } type A implements Node { id: ID! } type B implements Node { id: ID! }
      type C { x: Int } union U = C | A type Query { n: Node u: U }`),
  ) as { possibleTypes: Record<string, string[]> };
  assert.deepEqual(map.possibleTypes, { Node: ['A', 'B'], U: ['A', 'C'] });
});
