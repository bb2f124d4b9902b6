import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { buildSchema, parse, validate, type DocumentNode } from 'graphql';
import { explorerDocuments } from './registered-operations';

/**
 * Every GraphQL document of the explorer (web/src, each written as a `/* GraphQL *\/` template) is valid against
 * the committed SDL, schema/schema.graphql: a schema change that breaks a screen fails here, in the unit tests,
 * before any browser runs. Interpolated field lists (`${STATEMENT_CARD_FIELDS}`) are filled in from the same files.
 */
const root = path.resolve(__dirname, '..', '..', '..');

function documents(): { file: string; name: string; text: string }[] {
  return explorerDocuments(root).map((doc) => ({ file: doc.file, name: doc.constant, text: doc.text }));
}

describe('explorer GraphQL documents', () => {
  const schema = buildSchema(readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8'));
  const docs = documents();

  it('finds the documents of every screen', () => {
    assert.ok(docs.length >= 12, `found ${docs.length}`);
    for (const screen of ['search', 'node', 'graph', 'path', 'timeline', 'relations', 'stats', 'review']) {
      assert.ok(
        docs.some((doc) => doc.file.includes(`screens/${screen}/`)),
        `a document of screens/${screen}`,
      );
    }
  });

  it('validates each against schema/schema.graphql', () => {
    for (const doc of docs) {
      let parsed: DocumentNode;
      try {
        parsed = parse(doc.text);
      } catch (error) {
        assert.fail(`${doc.file} ${doc.name}: ${(error as Error).message}`);
      }
      const errors = validate(schema, parsed);
      assert.deepEqual(
        errors.map((e) => e.message),
        [],
        `${doc.file} ${doc.name}`,
      );
    }
  });

  it('fails a document that names a field the schema does not have', () => {
    const errors = validate(schema, parse('query { node(id: "x") { ... on Actor { nickname } } }'));
    assert.match(errors[0]!.message, /Cannot query field "nickname" on type "Actor"/);
  });
});
