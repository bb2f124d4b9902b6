// The subject-month index (src/shared/neo4j/subject-months.repository.ts): one SubjectMonth per subject and month,
// so the exact totalCount of whoSaidWhatAbout sums one degree per month instead of reading every statement.
CREATE CONSTRAINT subject_month_key IF NOT EXISTS FOR (n:SubjectMonth) REQUIRE n.key IS UNIQUE;
// A subject's months, for the count (and the months of a date range).
CREATE INDEX subject_month_subject IF NOT EXISTS FOR (n:SubjectMonth) ON (n.subject, n.month);
// The newest-first page of a subject: a seek on (subject, sortKey) read backwards, stopping after the page.
CREATE INDEX in_subject_month_order IF NOT EXISTS FOR ()-[c:IN_SUBJECT_MONTH]-() ON (c.subject, c.sortKey);
