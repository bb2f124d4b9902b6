import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Kind, parse, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode } from 'graphql';
import { selectedFields } from './selection';

/** The resolve info of the operation's first root field, as graphql-js would pass it. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectedFields', () => {
  it('lists the fields at a path', () => {
    const info = infoOf('{ statements { totalCount edges { cursor node { id text about { id } } } } }');
    assert.deepEqual([...selectedFields(info, ['edges', 'node'])], ['id', 'text', 'about']);
    assert.deepEqual([...selectedFields(info, [])], ['totalCount', 'edges']);
  });

  it('follows named and inline fragments, and merges repeated fields', () => {
    const info = infoOf(`
      { statements { edges { node { id ...Rel } } edges { node { ... on Statement { reports { span { start } } } } } } }
      fragment Rel on Statement { about { id } }`);
    assert.deepEqual([...selectedFields(info, ['edges', 'node'])].sort(), ['about', 'id', 'reports']);
  });

  it('is empty where the path is not selected', () => {
    const info = infoOf('{ statements { totalCount } }');
    assert.equal(selectedFields(info, ['edges', 'node']).size, 0);
  });
});
