// Ingest receipts (src/ingest/ingest-receipt.ts): one (:IngestReceipt {digest})-[:RECEIPT_FOR]->(:Article) per
// distinct ingest input that landed. A replay of that input is answered from its receipt by one read, without a
// write transaction. The constraint makes concurrent first ingests of one input MERGE a single receipt, and is the
// index of the replay's look-up.
CREATE CONSTRAINT ingest_receipt_digest IF NOT EXISTS FOR (n:IngestReceipt) REQUIRE n.digest IS UNIQUE;
// The identity epoch (src/ingest/identity-epoch.repository.ts): one node, MERGEd by every merge of two nodes.
CREATE CONSTRAINT identity_epoch_id IF NOT EXISTS FOR (n:IdentityEpoch) REQUIRE n.id IS UNIQUE;
