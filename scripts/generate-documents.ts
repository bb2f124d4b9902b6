import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { manifestText, registeredOperations } from '../src/web/registered-operations';

/**
 * `npm run documents:generate`: writes schema/persisted-query-manifest.json, the operations a server in
 * trusted-documents mode runs (the explorer's and the README's; see src/web/registered-operations.ts). Commit it:
 * src/web/registered-operations.test.ts fails while it is stale.
 */
const root = path.resolve(__dirname, '..', '..');
const manifest = registeredOperations(root);
const file = path.join(root, 'schema', 'persisted-query-manifest.json');
writeFileSync(file, manifestText(manifest));
process.stderr.write(`${manifest.operations.length} operations written to ${path.relative(root, file)}\n`);
