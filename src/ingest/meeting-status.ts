import { MeetingStatus } from '../shared/graphql/enums';

/**
 * Lifecycle order of meeting statuses (domain notes): PROPOSED -> PLANNED -> HELD, or CANCELLED / REJECTED.
 * Stored as a status change's `seq`, it breaks ties between entries of the same date.
 */
export const LIFECYCLE_ORDER: Record<MeetingStatus, number> = {
  [MeetingStatus.PROPOSED]: 0,
  [MeetingStatus.PLANNED]: 1,
  [MeetingStatus.HELD]: 2,
  [MeetingStatus.CANCELLED]: 3,
  [MeetingStatus.REJECTED]: 3,
};

export interface StatusEntry {
  status: MeetingStatus;
  asOf: string | null;
}

/**
 * The current status of a meeting from its history: the latest entry by `asOf` (undated entries count as the
 * oldest), ties broken by lifecycle order, then by name. The Cypher in ingest.repository.ts orders the same way.
 */
export function currentStatus(history: readonly StatusEntry[]): MeetingStatus | null {
  const sorted = [...history].sort(
    (a, b) =>
      Number(a.asOf !== null) - Number(b.asOf !== null) ||
      (a.asOf ?? '').localeCompare(b.asOf ?? '') ||
      LIFECYCLE_ORDER[a.status] - LIFECYCLE_ORDER[b.status] ||
      a.status.localeCompare(b.status),
  );
  return sorted[sorted.length - 1]?.status ?? null;
}
