import { Label } from '../shared/graph-schema';
import type { Tx } from '../shared/neo4j/database';

/** The one IdentityEpoch node's id. */
export const IDENTITY_EPOCH_ID = 'identity';

/**
 * The identity epoch: a counter that every merge of two nodes into one (mergeEntities, mergeMeetings) advances in
 * its own transaction. An ingest receipt carries the epoch read before its ingest began, and a replay is answered
 * from a receipt of the current epoch only: after a merge the nodes an input refers to may be fewer (two actors now
 * one), so the replay takes the full write path once and refreshes its receipt.
 */
export class IdentityEpochRepository {
  constructor(private readonly tx: Tx) {}

  /** Advances the epoch (created at 1 on the first merge; an absent node reads as epoch 0). */
  async advance(): Promise<void> {
    await this.tx.run(
      `MERGE (e:${Label.IdentityEpoch} {id: $id})
       SET e.value = coalesce(e.value, 0) + 1`,
      { id: IDENTITY_EPOCH_ID },
    );
  }
}
