// The order of statement pages (sortKey DESC, see graph-schema.ts): statements(first:) reads this index newest
// first and stops after the page instead of sorting every statement.
CREATE INDEX statement_sort_key IF NOT EXISTS FOR (n:Statement) ON (n.sortKey);
