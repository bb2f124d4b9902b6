import { Label, Rel } from '../shared/graph-schema';
import type { Database } from '../shared/neo4j/database';
import type { IngestCountsData } from './ingest.model';
import { IDENTITY_EPOCH_ID } from './identity-epoch.repository';

/** A landed input's receipt: its article (properties and outlet key) and what the first ingest created or matched. */
export interface IngestReceiptRow {
  article: Record<string, unknown>;
  outletKey: string;
  counts: IngestCountsData;
}

/** Reads ingest receipts (written by IngestRepository.mergeArticle, in the ingest's own transaction). */
export class IngestReceiptRepository {
  constructor(private readonly db: Database) {}

  /**
   * The receipt of the input with this digest, with its article, when it was written in the current identity epoch
   * (identity-epoch.repository.ts); else `receipt` is null (the input has not landed, its article is gone, or nodes
   * were merged since). `epoch` is the current one, for the receipt a full ingest then writes. One read, outside any
   * write transaction.
   */
  async find(digest: string): Promise<{ receipt: IngestReceiptRow | null; epoch: number }> {
    const [row] = await this.db.read<{ receipt: IngestReceiptRow | null; epoch: number }>(
      `OPTIONAL MATCH (e:${Label.IdentityEpoch} {id: $epochId})
       WITH coalesce(e.value, 0) AS epoch
       OPTIONAL CALL (epoch) {
         MATCH (r:${Label.IngestReceipt} {digest: $digest})-[:${Rel.RECEIPT_FOR}]->(a:${Label.Article})
               -[:${Rel.PUBLISHED_BY}]->(o)
         WHERE r.epoch = epoch
         RETURN {article: properties(a), outletKey: o.id, counts: {articles: r.articles, actors: r.actors,
                 meetings: r.meetings, statements: r.statements, topics: r.topics}} AS receipt
         LIMIT 1
       }
       RETURN receipt, epoch`,
      { digest, epochId: IDENTITY_EPOCH_ID },
    );
    return row!;
  }
}
