import { toGlobalId } from '../shared/global-id';
import { MeetingKind, MeetingStatus } from '../shared/graphql/enums';
import { namesFrom } from '../shared/graphql/names';
import { dateString, numberOrNull, stringOrNull } from '../shared/neo4j/values';
import { Meeting, StatusChange } from './meeting.type';

export function toMeeting(properties: Record<string, unknown>): Meeting {
  const meeting = new Meeting();
  meeting.key = String(properties.id);
  meeting.id = toGlobalId('Meeting', meeting.key);
  meeting.kind = properties.kind as MeetingKind;
  meeting.status = (stringOrNull(properties.status) as MeetingStatus | null) ?? null;
  meeting.date = dateString(properties.date);
  meeting.durationMinutes = numberOrNull(properties.durationMinutes);
  meeting.names = namesFrom(properties);
  return meeting;
}

/** Maps a StatusChange node, with the keys of the statement asserting it and of its meeting. */
export function toStatusChange(
  properties: Record<string, unknown>,
  statementKey: string | null,
  meetingKey: string,
): StatusChange {
  const change = new StatusChange();
  change.key = String(properties.id);
  change.id = change.key;
  change.meetingKey = meetingKey;
  change.status = properties.status as MeetingStatus;
  change.asOf = dateString(properties.asOf);
  change.statementKey = statementKey;
  return change;
}
