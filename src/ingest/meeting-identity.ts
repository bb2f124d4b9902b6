import { MeetingStatus } from '../shared/graphql/enums';

/**
 * How long an open, undated meeting stays matchable by a later undated mention of the same kind and participants:
 * 90 days either side of the date of its latest statement (a status change is asserted by a statement, so this is
 * never older than its last status change). Three months is about the time a proposed summit takes to be held,
 * set or dropped (the Putin–Trump summit proposed in May 2025 was held in August; the one proposed in October was
 * a new proposal). Past it, a new mention is a new proposal; mergeMeetings joins the two if they were one.
 */
export const MEETING_MATCH_WINDOW_DAYS = 90;

/** Statuses that close a meeting: no later undated proposal is matched to it. */
export const CLOSED_MEETING_STATUSES: readonly MeetingStatus[] = [
  MeetingStatus.HELD,
  MeetingStatus.CANCELLED,
  MeetingStatus.REJECTED,
];

/**
 * The date an article gives for a meeting, to compare with the window: the latest date among this article's
 * statements about it (saidOn, else the publication date), else the publication date; null when none is known.
 */
export function meetingAsOf(statementDates: readonly (string | null)[], publishedOn: string | null): string | null {
  const dates = statementDates.filter((d): d is string => d !== null).sort();
  return dates[dates.length - 1] ?? publishedOn;
}
