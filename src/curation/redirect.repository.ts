import { Label } from '../shared/graph-schema';
import type { Database } from '../shared/neo4j/database';

/** Reads the redirects left by mergeEntities. */
export class RedirectRepository {
  constructor(private readonly db: Database) {}

  /** For each `Type:key` id, in order, the key it was merged into, or null. */
  async targets(ids: readonly string[]): Promise<(string | null)[]> {
    const rows = await this.db.read<{ id: string; target: string }>(
      `UNWIND $ids AS id MATCH (d:${Label.Redirect} {id: id}) RETURN id, d.target AS target`,
      { ids },
    );
    const found = new Map(rows.map((row) => [row.id, row.target]));
    return ids.map((id) => found.get(id) ?? null);
  }
}
