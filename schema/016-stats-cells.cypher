// The stats cells (src/shared/neo4j/stats-cells.repository.ts): statementStats filtered by a subject sums one degree
// per cell instead of reading every statement about the subject.
CREATE CONSTRAINT stats_cell_key IF NOT EXISTS FOR (n:StatsCell) REQUIRE n.key IS UNIQUE;
// A subject's cells of one kind over a range of months.
CREATE INDEX stats_cell_subject IF NOT EXISTS FOR (n:StatsCell) ON (n.subject, n.dim, n.month);
