import { Label, Rel } from '../shared/graph-schema';

/**
 * The Cypher of statement filters, shared by statement pages (one query per batch of keys, each key bound as `k`)
 * and statement stats (one query, values as parameters): which statements a query starts from, the conditions a
 * filter sets, and the count and page of an unfiltered list.
 */

export type SubjectLabel = typeof Label.Actor | typeof Label.Country | typeof Label.Meeting | typeof Label.Topic;

/** One query's conditions; null means "no condition". Dates are YYYY-MM-DD. */
export interface StatementCriteria {
  /** Key of the subject the statements are about, of label `aboutLabel`. */
  about: string | null;
  aboutLabel: SubjectLabel | null;
  /** Also the subject's related nodes: see `relatedSubjects`. */
  includeRelated: boolean;
  /** Key of the speaking actor. */
  speaker: string | null;
  from: string | null;
  to: string | null;
  /** Language tag; "ar" also matches "ar-EG". */
  language: string | null;
  /** CAMEO code or code prefix: "11" matches 110-119 and their sub-codes. */
  cameo: string | null;
  includeDeprecated: boolean;
}

/**
 * What "related" adds to a subject in `whoSaidWhatAbout(includeRelated: true)`:
 * - a Country: its office-holders and institutions, that is every actor holding a Role FOR_COUNTRY it (a president,
 *   a spokesman), every ORGANIZATION actor OF_COUNTRY it (a government body such as the Kremlin; MEDIA actors are not
 *   the government and are left out), and every actor holding a Role IN_ORGANIZATION such a body. A PERSON who is
 *   merely OF_COUNTRY it (a citizen) does not count. Roles count whether current or past.
 * - an Actor: the meetings it takes part in (PARTICIPANT).
 * - a Meeting or a Topic: nothing more.
 */
function relatedSubjects(label: SubjectLabel): string {
  if (label === Label.Country) {
    return `UNION
      MATCH (subject)<-[:${Rel.FOR_COUNTRY}]-(:${Label.Role})<-[:${Rel.HOLDS_ROLE}]-(x:${Label.Actor}) RETURN x
      UNION
      MATCH (subject)<-[:${Rel.OF_COUNTRY}]-(x:${Label.Actor} {kind: $organizationKind}) RETURN x
      UNION
      MATCH (subject)<-[:${Rel.OF_COUNTRY}]-(:${Label.Actor} {kind: $organizationKind})
            <-[:${Rel.IN_ORGANIZATION}]-(:${Label.Role})<-[:${Rel.HOLDS_ROLE}]-(x:${Label.Actor})
      RETURN x`;
  }
  if (label === Label.Actor) return `UNION MATCH (subject)<-[:${Rel.PARTICIPANT}]-(x:${Label.Meeting}) RETURN x`;
  return '';
}

/** The statements a key (bound as `k`) starts from, as `s`: about a subject, by a speaker, or all. */
export function statementSource(criteria: StatementCriteria): string {
  if (criteria.aboutLabel) {
    const related = criteria.includeRelated ? relatedSubjects(criteria.aboutLabel) : '';
    return `MATCH (subject:${criteria.aboutLabel} {id: k.about})
      CALL (subject) { RETURN subject AS x ${related} }
      MATCH (s:${Label.Statement})-[:${Rel.ABOUT}]->(x)
      WITH DISTINCT s`;
  }
  if (criteria.speaker !== null) {
    return `MATCH (s:${Label.Statement})-[:${Rel.SAID_BY}]->(:${Label.Actor} {id: k.speaker}) WITH s`;
  }
  return `MATCH (s:${Label.Statement}) WITH s`;
}

/** Where a filter's values are read in a query: `k.from` in a batched page query, `$from` in a single one. */
export type CriteriaValue = (field: 'speaker' | 'from' | 'to' | 'language' | 'cameo') => string;

/**
 * The filter conditions on statement `s` for one shape of criteria (`true` when none): only the conditions the
 * criteria set. Keys batched into one query share a shape (see `shapeOf`), so one text serves them all; a
 * null-tolerant `(x IS NULL OR ...)` for every filter was evaluated on every matched row (bench Q3, Q4). Dates
 * compare on s.date, so statements with no date drop out of date-filtered queries only; language tags and CAMEO
 * codes match by prefix. Deprecated statements are compared with `$deprecated`.
 */
export function statementConditions(criteria: StatementCriteria, value: CriteriaValue): string {
  const parts: string[] = [];
  // A speaker that is the traversal's start needs no condition of its own.
  if (criteria.speaker !== null && criteria.aboutLabel !== null) {
    parts.push(`EXISTS { (s)-[:${Rel.SAID_BY}]->(:${Label.Actor} {id: ${value('speaker')}}) }`);
  }
  if (criteria.from !== null) parts.push(`s.date >= date(${value('from')})`);
  if (criteria.to !== null) parts.push(`s.date <= date(${value('to')})`);
  if (criteria.language !== null) {
    const language = value('language');
    parts.push(`(toLower(s.language) = ${language} OR toLower(s.language) STARTS WITH ${language} + '-')`);
  }
  if (criteria.cameo !== null) parts.push(`s.cameo STARTS WITH ${value('cameo')}`);
  if (!criteria.includeDeprecated) parts.push(`coalesce(s.rank, '') <> $deprecated`);
  return parts.length > 0 ? parts.join(' AND ') : 'true';
}

/** The conditions of a batched page query, reading each key's values from `k`. */
export function batchConditions(criteria: StatementCriteria): string {
  return statementConditions(criteria, (field) => `k.${field}`);
}

/**
 * Bounds on `s.sortKey` ("<date>|<id>", undated "0000-00-00|<id>") that a date filter implies, so the page and the
 * count of an unanchored query seek a range of the sortKey index instead of walking it from the newest statement.
 */
function sortKeyRange(criteria: StatementCriteria): string {
  const parts: string[] = [];
  if (criteria.from !== null) parts.push('s.sortKey >= k.from');
  // '}' sorts right after '|', so this keeps every statement dated on or before k.to.
  if (criteria.to !== null) parts.push(`s.sortKey < k.to + '}'`);
  return parts.map((part) => `${part} AND `).join('');
}

/**
 * Binds each batch key `key` as `k` with its subject and speaker keys resolved through Redirects: an id of an entity
 * merged into another keeps working, its Redirect naming the kept node (see mergeEntities).
 */
export const FOLLOW_REDIRECTS = `OPTIONAL MATCH (aboutRedirect:${Label.Redirect} {id: key.aboutRef})
  OPTIONAL MATCH (speakerRedirect:${Label.Redirect} {id: key.speakerRef})
  WITH key {.*, about: coalesce(aboutRedirect.target, key.about), speaker: coalesce(speakerRedirect.target, key.speaker)}
    AS k`;

/**
 * All statements, no subject or speaker (`statements(first:)`): sorting and collecting every statement made each
 * page cost the whole graph (bench Q2: 300k db hits at 100k statements). Here the page walks the sortKey index
 * newest first (within the date filter's range) and stops after `$limit`; with no filter but the deprecated rank,
 * the count is statements less deprecated statements, both from the count store (O(1)), else a filtered count.
 */
export function unanchoredPage(criteria: StatementCriteria): string {
  const filtered =
    criteria.from !== null || criteria.to !== null || criteria.language !== null || criteria.cameo !== null;
  const total = filtered
    ? `CALL (k) {
         MATCH (s:${Label.Statement}) WHERE ${sortKeyRange(criteria)}${batchConditions(criteria)}
         RETURN count(s) AS total
       }`
    : // No condition inside the counts: a filtered label count is a label scan, a bare one the count store.
      `CALL () { MATCH (s:${Label.Statement}) RETURN count(s) AS n }
       CALL () { MATCH (d:${Label.DeprecatedStatement}) RETURN count(d) AS dep }
       WITH k, n - CASE WHEN k.includeDeprecated THEN 0 ELSE dep END AS total`;
  return `CALL (k) {
         ${total}
         CALL (k) {
           MATCH (s:${Label.Statement})
           WHERE ${sortKeyRange(criteria)}s.sortKey < coalesce(k.after, '\uffff') AND ${batchConditions(criteria)}
           WITH s ORDER BY s.sortKey DESC LIMIT $limit
           RETURN collect(s) AS top
         }
         RETURN total, top
       }`;
}

/**
 * Whether a subject query is answered from the subject-month index (subject-months.repository.ts) instead of a
 * scan of every matching statement: a subject with `includeRelated` (the index holds each subject's closure), or a
 * meeting or topic (whose closure is themselves), filtered by date or not, deprecated statements left out. Any other
 * filter (speaker, language, CAMEO) or `includeDeprecated` reads the statements themselves: the index holds no
 * such property, and those filters are what keep a scan short in practice. A direct (not includeRelated) query about
 * an actor or a country scans its ABOUT relationships too.
 */
export function usesSubjectMonths(criteria: StatementCriteria): boolean {
  const closureIsSelf = criteria.aboutLabel === Label.Meeting || criteria.aboutLabel === Label.Topic;
  return (
    criteria.aboutLabel !== null &&
    (criteria.includeRelated || closureIsSelf) &&
    criteria.speaker === null &&
    criteria.language === null &&
    criteria.cameo === null &&
    !criteria.includeDeprecated
  );
}

/** sortKey bounds of one key's read of the subject-month index; the strings compare as sortKeys and months do. */
export interface SubjectMonthBounds {
  /** Months strictly between these two are wholly inside the date range: counted by their degree. */
  monthsAbove: string;
  monthsBelow: string;
  /** The sortKey ranges [lo, hi) of the months the range cuts: counted on the (subject, sortKey) index. */
  edges: { lo: string; hi: string }[];
  /** The page's sortKey range [lo, hi), the cursor's `after` included. */
  lo: string;
  hi: string;
}

/** Above every sortKey and month. */
const TOP = '\uffff';

/**
 * The bounds for a date range (YYYY-MM-DD, inclusive, null for open) and a cursor's sort key. With any date bound,
 * undated statements (sortKey "0000-00-00|...", month "0000-00") drop out, as in the scan (`s.date >= ...`).
 * '~' sorts after every day of a month and '}' after every "<date>|<id>" of one date.
 */
export function subjectMonthBounds(from: string | null, to: string | null, after: string | null): SubjectMonthBounds {
  const fromMonth = from?.slice(0, 7) ?? null;
  const toMonth = to?.slice(0, 7) ?? null;
  const lo = from ?? (to !== null ? '0000-01' : '');
  const hiOfRange = to !== null ? `${to}}` : TOP;
  const hi = after !== null && after < hiOfRange ? after : hiOfRange;
  let edges: { lo: string; hi: string }[] = [];
  if (fromMonth !== null && toMonth !== null && fromMonth >= toMonth) edges = [{ lo, hi: hiOfRange }];
  else {
    if (fromMonth !== null) edges.push({ lo: from!, hi: `${fromMonth}-~` });
    if (toMonth !== null) edges.push({ lo: `${toMonth}-00`, hi: hiOfRange });
  }
  return {
    monthsAbove: fromMonth ?? (to !== null ? '0000-00' : ''),
    monthsBelow: toMonth ?? TOP,
    edges,
    lo,
    hi,
  };
}

/**
 * The count and page of one key `k` from the subject-month index (see usesSubjectMonths), `k.subjectRef` naming the
 * subject ("<Label>:<key>", redirect followed) and `k.bounds` its SubjectMonthBounds. The exact total is one degree
 * per month plus index counts of the (at most two) months a date range cuts; the page is a backwards seek of the
 * (subject, sortKey) relationship index that stops after `$limit`. Neither reads the statements of other pages.
 */
export function subjectMonthPage(): string {
  return `CALL (k) {
         CALL (k) {
           MATCH (b:${Label.SubjectMonth})
           WHERE b.subject = k.subjectRef AND b.month > k.bounds.monthsAbove AND b.month < k.bounds.monthsBelow
           RETURN sum(COUNT { (b)<-[:${Rel.IN_SUBJECT_MONTH}]-() }) AS whole
         }
         CALL (k) {
           UNWIND k.bounds.edges AS e
           CALL (k, e) {
             MATCH ()-[c:${Rel.IN_SUBJECT_MONTH}]->()
             WHERE c.subject = k.subjectRef AND c.sortKey >= e.lo AND c.sortKey < e.hi
             RETURN count(c) AS n
           }
           RETURN sum(n) AS cut
         }
         CALL (k) {
           // Ordered by both index keys and with no label check on the start node, the seek is read backwards
           // and stops at the limit; ordered by sortKey alone, Neo4j read every entry of the subject and sorted.
           MATCH ()-[c:${Rel.IN_SUBJECT_MONTH}]->()
           WHERE c.subject = k.subjectRef AND c.sortKey >= k.bounds.lo AND c.sortKey < k.bounds.hi
           WITH c ORDER BY c.subject DESC, c.sortKey DESC LIMIT $limit
           RETURN collect(startNode(c)) AS top
         }
         RETURN whole + cut AS total, top
       }`;
}
