// Statements ranked DEPRECATED carry the DeprecatedStatement label too (see graph-schema.ts), so the count of
// non-deprecated statements comes from the count store. Backfills statements deprecated before the label existed;
// idempotent, and the writes that deprecate a statement set the label themselves from now on.
MATCH (s:Statement {rank: 'DEPRECATED'}) WHERE NOT s:DeprecatedStatement SET s:DeprecatedStatement;
