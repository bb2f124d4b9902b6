import { Label, Rel } from '../graph-schema';
import { int, type Database } from './database';

/** One alias node as stored. */
export interface StoredAlias {
  key: string;
  text: string | null;
  searchText: string | null;
  entities: string[];
}

/** Alias nodes that become one key: `into` (created when missing) takes the HAS_ALIAS links of every `from`. */
export interface AliasMove {
  into: string;
  text: string | null;
  searchText: string | null;
  from: string[];
}

/** The Cypher of the 007-renormalize migration: paged reads by key, batched idempotent writes. */
export class RenormalizeRepository {
  constructor(private readonly db: Database) {}

  /** Alias nodes after `afterKey` in key order (the constraint's index serves the order), with their entities. */
  async aliasPage(afterKey: string | null, limit: number): Promise<StoredAlias[]> {
    return this.db.read<StoredAlias>(
      `MATCH (al:${Label.Alias}) WHERE $after IS NULL OR al.key > $after
       WITH al ORDER BY al.key LIMIT $limit
       RETURN al.key AS key, al.text AS text, al.search_text AS searchText,
         [(e)-[:${Rel.HAS_ALIAS}]->(al) | labels(e)[0] + ':' + e.id] AS entities`,
      { after: afterKey, limit: int(limit) },
    );
  }

  /** Sets the search shadow of aliases whose key stays. */
  async setAliasSearchText(rows: { key: string; searchText: string | null }[]): Promise<void> {
    await this.db.writeTx((tx) =>
      tx.run(`UNWIND $rows AS row MATCH (al:${Label.Alias} {key: row.key}) SET al.search_text = row.searchText`, {
        rows,
      }),
    );
  }

  /**
   * Moves aliases to their new keys: the target node is MERGEd (keys are normalization fixed points, so it is never
   * one of the nodes to move), every HAS_ALIAS link of a source node is re-created on it with its properties, and
   * the source is deleted.
   * @returns per target key, the entities (`Label:id`) that now carry it.
   */
  async moveAliases(moves: AliasMove[], now: string): Promise<{ into: string; entities: string[] }[]> {
    return this.db.writeTx((tx) =>
      tx.run(
        `UNWIND $moves AS move
         MERGE (t:${Label.Alias} {key: move.into})
         ON CREATE SET t.text = move.text, t.createdAt = datetime($now), t.createdBy = 'migration:007-renormalize'
         SET t.search_text = CASE WHEN t.text IS NULL THEN null ELSE move.searchText END
         WITH move, t
         CALL (move, t) {
           UNWIND move.from AS fromKey
           MATCH (old:${Label.Alias} {key: fromKey}) WHERE old <> t
           CALL (old, t) {
             MATCH (e)-[h:${Rel.HAS_ALIAS}]->(old)
             MERGE (e)-[moved:${Rel.HAS_ALIAS}]->(t)
             ON CREATE SET moved += properties(h)
           }
           DETACH DELETE old
         }
         RETURN move.into AS into, [(e)-[:${Rel.HAS_ALIAS}]->(t) | labels(e)[0] + ':' + e.id] AS entities`,
        { moves, now },
      ),
    );
  }

  /** Deletes alias nodes (with their links) whose text has nothing to match. */
  async deleteAliases(keys: string[]): Promise<void> {
    await this.db.writeTx((tx) =>
      tx.run(`UNWIND $keys AS key MATCH (al:${Label.Alias} {key: key}) DETACH DELETE al`, { keys }),
    );
  }

  /** Nodes of `label` after `afterId` in id order, with the named properties. */
  async nodePage(
    label: string,
    properties: readonly string[],
    afterId: string | null,
    limit: number,
  ): Promise<{ id: string; props: Record<string, unknown> }[]> {
    return this.db.read(
      `MATCH (n:${label}) WHERE $after IS NULL OR n.id > $after
       WITH n ORDER BY n.id LIMIT $limit
       RETURN n.id AS id, {${properties.map((p) => `\`${p}\`: n.\`${p}\``).join(', ')}} AS props`,
      { after: afterId, limit: int(limit) },
    );
  }

  /** Sets properties on nodes of `label` by id. */
  async setProperties(label: string, rows: { id: string; props: Record<string, unknown> }[]): Promise<void> {
    await this.db.writeTx((tx) =>
      tx.run(`UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n += row.props`, { rows }),
    );
  }

  /** Canonical URLs that more than one article carries, with those articles' ids. */
  async sharedCanonicalUrls(): Promise<{ canonicalUrl: string; articles: string[] }[]> {
    return this.db.read(
      `MATCH (a:${Label.Article}) WHERE a.canonicalUrl IS NOT NULL
       WITH a.canonicalUrl AS canonicalUrl, collect(a.id) AS articles WHERE size(articles) > 1
       RETURN canonicalUrl, articles ORDER BY canonicalUrl`,
    );
  }
}
