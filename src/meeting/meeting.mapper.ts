import { toGlobalId } from '../shared/global-id';
import { MeetingKind, MeetingStatus } from '../shared/graphql/enums';
import type { FieldPlan } from '../shared/graphql/field-plan';
import { namesFrom } from '../shared/graphql/names';
import {
  NAMES,
  selectProperties,
  type FieldProperties,
  type PropertySelection,
} from '../shared/graphql/stored-properties';
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

/** The stored properties each Meeting field reads. */
export const MEETING_FIELDS: FieldProperties = {
  id: [],
  name: NAMES,
  kind: ['kind'],
  status: ['status'],
  date: ['date'],
  durationMinutes: ['durationMinutes'],
  participants: [],
  location: [],
  statusHistory: [],
  statements: [],
};

/** The meeting reads of the operation of `plan` (everything without one). */
export function meetingSelection(plan: FieldPlan | undefined): PropertySelection {
  return selectProperties(plan, 'Meeting', MEETING_FIELDS, ['id']);
}
