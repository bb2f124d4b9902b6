import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'graphql';
import { documentId, isIntrospectionOnly, TrustedDocuments } from './trusted-documents';

const BODY = 'query Hello {\n  __typename\n}';
const STATS = 'query Stats {\n  statementStats {\n    total\n  }\n}';
const documents = new TrustedDocuments([
  {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: [{ id: documentId(STATS), name: 'Stats', type: 'query', body: STATS }],
  },
]);
const options = { introspection: false, maxTokens: 2000 };

describe('TrustedDocuments', () => {
  it('ids a document by the SHA-256 of its UTF-8 text (the APQ hash)', () => {
    assert.equal(documentId(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('admits a registered id or a registered text, and nothing else', () => {
    const persisted = (id: string) => ({ persistedQuery: { version: 1, sha256Hash: id } });
    assert.deepEqual(documents.admit({ extensions: persisted(documentId(STATS)) }, options), { query: STATS });
    assert.deepEqual(documents.admit({ query: STATS }, options), { query: STATS });
    assert.deepEqual(documents.admit({ query: STATS, extensions: persisted(documentId(STATS)) }, options), {
      query: STATS,
    });
    assert.match(
      (documents.admit({ query: '', extensions: persisted('0'.repeat(64)) }, options) as { message: string }).message,
      /No registered operation has the id 0{64}/,
    );
    assert.match(
      (documents.admit({ query: `${STATS} ` }, options) as { message: string }).message,
      /not in the list of registered operations/,
    );
    assert.match((documents.admit({}, options) as { message: string }).message, /neither a query nor/);
  });

  it('admits an introspection-only document only when introspection is on', () => {
    assert.ok('message' in documents.admit({ query: BODY }, options));
    assert.deepEqual(documents.admit({ query: BODY }, { ...options, introspection: true }), { query: BODY });
    const mixed = '{ __schema { queryType { name } } statementStats { total } }';
    assert.ok('message' in documents.admit({ query: mixed }, { ...options, introspection: true }));
  });

  it('tells introspection-only documents from data reads', () => {
    assert.equal(isIntrospectionOnly(parse('{ __schema { types { name } } __typename }')), true);
    assert.equal(isIntrospectionOnly(parse('{ __type(name: "Actor") { name } }')), true);
    assert.equal(isIntrospectionOnly(parse('{ __typename node(id: "x") { id } }')), false);
    assert.equal(isIntrospectionOnly(parse('{ ...F } fragment F on Query { __typename }')), false);
    assert.equal(isIntrospectionOnly(parse('mutation { __typename }')), false);
  });
});
