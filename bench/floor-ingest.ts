import type { Session } from 'neo4j-driver';
import { Label, Rel } from '../src/shared/graph-schema';
import type { FloorArticleRows } from './ingest-articles';

/**
 * The write floor: one article's rows (article, outlet link, statements with speaker, subjects and report, the
 * search shadows of their text, and each statement's subject-month, timeline-month and stats-cell entries) in one
 * hand-written Cypher statement in one managed write transaction: the same nodes, properties and relationships
 * ingestArticle stores for the article, so the same index maintenance. CREATE only (MERGE for the shared month and
 * cell nodes): no lookup of what is stored, no idempotence, no validation or name resolution; what ingestArticle
 * pays for those is the gap.
 */
export const FLOOR_INGEST_CYPHER = `MATCH (o:${Label.Actor} {id: $rows.outlet})
CREATE (a:${Label.Article})-[:${Rel.PUBLISHED_BY}]->(o)
SET a = $rows.article, a.publishedOn = date($rows.article.publishedOn), a.createdAt = datetime(), a.createdBy = 'floor'
WITH a
UNWIND $rows.statements AS st
MATCH (sp:${Label.Actor} {id: st.speaker})
CREATE (s:${Label.Statement})-[:${Rel.SAID_BY}]->(sp)
SET s = st.props, s.id = st.id, s.date = a.publishedOn, s.createdAt = datetime(), s.createdBy = 'floor'
CREATE (s)-[:${Rel.HAS_REPORT}]->(:${Label.Report} {id: st.report.id, start: st.report.start, end: st.report.end,
  text: st.report.text})-[:${Rel.IN_ARTICLE}]->(a)
WITH s, st
CALL (s, st) {
  UNWIND st.about AS code
  MATCH (c:${Label.Country} {id: code})
  CREATE (s)-[:${Rel.ABOUT}]->(c)
}
CALL (s, st) {
  UNWIND st.statsCells AS cell
  MERGE (b:${Label.StatsCell} {key: cell.key}) ON CREATE SET b += cell
  CREATE (s)-[:${Rel.IN_STATS_CELL} {cell: cell.key}]->(b)
}
CALL (s, st) {
  UNWIND st.timelineMonths AS entry
  MERGE (b:${Label.TimelineMonth} {key: entry.key}) ON CREATE SET b.subject = entry.subject, b.month = entry.month
  CREATE (s)-[:${Rel.IN_TIMELINE_MONTH} {subject: entry.subject, sortKey: entry.sortKey}]->(b)
}
UNWIND st.subjectMonths AS entry
MERGE (b:${Label.SubjectMonth} {key: entry.key}) ON CREATE SET b.subject = entry.subject, b.month = entry.month
CREATE (s)-[:${Rel.IN_SUBJECT_MONTH} {subject: entry.subject, sortKey: s.sortKey}]->(b)`;

/** Writes one article's rows through `session` in one managed write transaction. */
export async function writeFloorArticle(session: Session, rows: FloorArticleRows): Promise<void> {
  await session.executeWrite((tx) => tx.run(FLOOR_INGEST_CYPHER, { rows }));
}
