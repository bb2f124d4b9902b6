import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PersistedQueryManifest, TrustedDocuments, documentId } from '../shared/graphql/trusted-documents';
import { explorerDocuments, manifestText, registeredOperations } from './registered-operations';
import { readmeExamples } from './readme-examples';

const root = path.resolve(__dirname, '..', '..', '..');
const committedFile = path.join(root, 'schema', 'persisted-query-manifest.json');

describe('registered operations (schema/persisted-query-manifest.json)', () => {
  it('are committed as npm run documents:generate writes them', () => {
    assert.equal(
      readFileSync(committedFile, 'utf8'),
      manifestText(registeredOperations(root)),
      'schema/persisted-query-manifest.json is stale: run npm run documents:generate and commit it',
    );
  });

  it('list every explorer document and every README example, each under the SHA-256 of its text', () => {
    const manifest = PersistedQueryManifest.parse(JSON.parse(readFileSync(committedFile, 'utf8')));
    const documents = TrustedDocuments.fromFiles([committedFile]);
    for (const doc of explorerDocuments(root)) assert.equal(documents.byId(documentId(doc.text)), doc.text, doc.file);
    for (const example of readmeExamples(readFileSync(path.join(root, 'README.md'), 'utf8'))) {
      assert.ok(documents.has(example.query), example.query.split('\n')[0]);
    }
    assert.ok(manifest.operations.some((op) => op.type === 'subscription' && op.name === 'RussiaNews'));
    assert.equal(new Set(manifest.operations.map((op) => op.id)).size, manifest.operations.length);
  });
});
