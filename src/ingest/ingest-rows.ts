import type { MeetingStatus } from '../shared/graphql/enums';
import { meetingKey, reportKey, statementKey, statusChangeKey } from './ingest-keys';
import type { ArticleInputData } from './ingest.model';
import type { MeetingRow, StatementRow, StatusChangeRow } from './ingest.repository';
import { meetingAsOf } from './meeting-identity';
import { meetingNames } from './meeting-naming';
import { LIFECYCLE_ORDER } from './meeting-status';
import type { ResolvedRef } from './name-resolver';
import { withSearchProperties } from '../shared/text/search-text';

/**
 * Pure builders of the rows an ingest writes, from the input and its resolved references. `ref(path)` gives what
 * the reference at an input path resolved to; `eid(path)` its node's element id in the current transaction.
 */
export interface Resolved {
  ref(path: string): ResolvedRef;
  eid(path: string): string;
}

/**
 * One row per distinct meeting, and for each input meeting key the computed key of its row. A meeting named by
 * `id` gives a row with `fixed` set: it is that meeting, and only what it lacks (date, duration, location) is added.
 */
export function meetingRows(
  input: ArticleInputData,
  articleKey: string,
  resolved: Resolved,
): { rows: MeetingRow[]; rowKeyOf: Map<string, string> } {
  const rows = new Map<string, MeetingRow>();
  const rowKeyOf = new Map<string, string>();
  (input.meetings ?? []).forEach((meeting, i) => {
    const location = meeting.location ? resolved.ref(`meetings[${i}].location`) : null;
    const statementDates = input.statements
      .filter((statement) => statement.about.some((subject) => subject.meeting === meeting.key))
      .map((statement) => statement.saidOn ?? input.publishedOn ?? null);
    const common = {
      date: meeting.date ?? null,
      durationMinutes: meeting.durationMinutes ?? null,
      location: location ? resolved.eid(`meetings[${i}].location`) : null,
      asOf: meetingAsOf(statementDates, input.publishedOn ?? null),
    };
    if (meeting.id != null) {
      const stored = resolved.ref(`meetings[${i}]`);
      rowKeyOf.set(meeting.key, stored.key);
      if (!rows.has(stored.key)) {
        rows.set(stored.key, { ...common, key: stored.key, fixed: true, kind: '', names: {}, participants: [] });
      }
      return;
    }
    const paths = (meeting.participants ?? []).map((_, j) => `meetings[${i}].participants[${j}]`);
    const participants = paths.map((path) => resolved.ref(path));
    const key = meetingKey(
      meeting.kind!,
      participants.map((p) => p.key),
      meeting.date,
      location?.key ?? null,
      articleKey,
    );
    rowKeyOf.set(meeting.key, key);
    if (rows.has(key)) return;
    const names = meetingNames(
      meeting.kind!,
      participants.map((p) => p.names),
    );
    rows.set(key, {
      ...common,
      key,
      fixed: false,
      kind: meeting.kind!,
      names: { name_en: names.en, name_ar: names.ar },
      // Sorted: the first is the one locked and matched from (IngestRepository.mergeMeetings).
      participants: [...new Set(paths.map((path) => resolved.eid(path)))].sort(),
    });
  });
  return { rows: [...rows.values()], rowKeyOf };
}

/** One row per statement, in input order; `meetingEid` gives the element id of an input meeting key. */
export function statementRows(
  input: ArticleInputData,
  articleKey: string,
  resolved: Resolved,
  meetingEid: (inputKey: string) => string,
): StatementRow[] {
  return input.statements.map((statement, i) => {
    const path = `statements[${i}]`;
    const key = statementKey(articleKey, statement.span, resolved.ref(`${path}.speaker`).key);
    const about = statement.about.map((subject, j) =>
      subject.meeting != null ? meetingEid(subject.meeting) : resolved.eid(`${path}.about[${j}]`),
    );
    return {
      key,
      props: withSearchProperties('Statement', {
        text: statement.text,
        language: statement.language ?? input.language,
        translation: statement.translation ?? null,
        form: statement.form,
        quote: statement.quote ?? null,
        verb: statement.verb ?? null,
        cameo: statement.cameo,
        plover: statement.plover ?? null,
        goldstein: statement.goldstein ?? null,
        rationale: statement.rationale ?? null,
      }),
      saidOn: statement.saidOn ?? null,
      speaker: resolved.eid(`${path}.speaker`),
      onBehalfOf: statement.onBehalfOf ? resolved.eid(`${path}.onBehalfOf`) : null,
      via: statement.via ? resolved.eid(`${path}.via`) : null,
      about: [...new Set(about)],
      report: {
        key: reportKey(key, articleKey, statement.span),
        start: statement.span.start,
        end: statement.span.end,
        text: input.text.slice(statement.span.start, statement.span.end),
      },
    };
  });
}

/**
 * The status history entries an article asserts: one per meeting status and asserting statement (those listed
 * in statusStatements, else every statement of the article about the meeting).
 * @param meetingKeys stored meeting key by input meeting key.
 * @param statementKeys stored statement key by statement index.
 */
export function statusChangeRows(
  input: ArticleInputData,
  meetingKeys: ReadonlyMap<string, string>,
  statementKeys: readonly string[],
): StatusChangeRow[] {
  const rows = new Map<string, StatusChangeRow>();
  for (const meeting of input.meetings ?? []) {
    if (meeting.status == null) continue;
    const mKey = meetingKeys.get(meeting.key)!;
    const indices =
      meeting.statusStatements ??
      input.statements.flatMap((statement, i) => (statement.about.some((s) => s.meeting === meeting.key) ? [i] : []));
    for (const index of indices) {
      const sKey = statementKeys[index]!;
      const key = statusChangeKey(mKey, meeting.status, sKey);
      rows.set(key, {
        key,
        meetingKey: mKey,
        statementKey: sKey,
        status: meeting.status,
        seq: LIFECYCLE_ORDER[meeting.status as MeetingStatus],
      });
    }
  }
  return [...rows.values()];
}
