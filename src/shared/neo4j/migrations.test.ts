import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadMigrations, splitStatements } from './migrations';

describe('schema migrations', () => {
  it('splits statements on line-ending semicolons and drops comment lines', () => {
    const text = `// header\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\n// note; with a semicolon\nCREATE INDEX b\n  IF NOT EXISTS FOR (n:B) ON (n.y);\n`;
    assert.deepEqual(splitStatements(text), [
      'CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)',
      'CREATE INDEX b\n  IF NOT EXISTS FOR (n:B) ON (n.y)',
    ]);
  });

  it('reads the project schema in name order, every statement idempotent', () => {
    const migrations = loadMigrations(path.resolve(__dirname, '..', '..', '..', '..', 'schema'));
    assert.ok(migrations.length >= 3);
    assert.deepEqual(
      migrations.map((m) => m.id),
      [...migrations.map((m) => m.id)].sort(),
    );
    // Schema commands say IF (NOT) EXISTS; a label backfill sets the label only where it is missing.
    for (const statement of migrations.flatMap((m) => m.statements)) {
      assert.match(statement, /IF NOT EXISTS|^DROP INDEX \w+ IF EXISTS$|WHERE NOT (\w+):(\w+) SET \1:\2$/);
    }
  });
});
