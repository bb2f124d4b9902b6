import { migrationsComplete } from '../shared/neo4j/migrations';
import type { Database } from '../shared/neo4j/database';
import { publicErrorMessage } from '../shared/errors';

/** What `/ready` reports: Neo4j answers and every schema migration is recorded. */
export async function checkReadiness(
  db: Database,
  schemaDir: string,
): Promise<{ ready: boolean; neo4j: boolean; migrations: boolean; error?: string }> {
  try {
    await db.read('RETURN 1 AS ok');
  } catch (error) {
    return { ready: false, neo4j: false, migrations: false, error: publicErrorMessage(error) };
  }
  const migrations = await migrationsComplete(db, schemaDir).catch(() => false);
  return { ready: migrations, neo4j: true, migrations };
}
