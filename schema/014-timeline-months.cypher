// The timeline-month index (src/shared/neo4j/subject-months.repository.ts, REFRESH_TIMELINE_MONTHS): one
// TimelineMonth per node and month, so timeline(id:) counts one degree per month and pages by a seek instead of
// reading every item of a busy actor or country.
CREATE CONSTRAINT timeline_month_key IF NOT EXISTS FOR (n:TimelineMonth) REQUIRE n.key IS UNIQUE;
// A node's months, for the counts (and the months of a date range).
CREATE INDEX timeline_month_subject IF NOT EXISTS FOR (n:TimelineMonth) ON (n.subject, n.month);
// The oldest-first page of a timeline: a seek on (subject, sortKey), stopping after the page.
CREATE INDEX in_timeline_month_order IF NOT EXISTS FOR ()-[c:IN_TIMELINE_MONTH]-() ON (c.subject, c.sortKey);
