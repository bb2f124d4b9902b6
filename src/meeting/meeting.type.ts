import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../shared/graphql/connection.type';
import { DateScalar } from '../shared/graphql/date.scalar';
import { Subject } from '../shared/graphql/entity.interface';
import { MeetingKind, MeetingStatus } from '../shared/graphql/enums';
import { Node } from '../shared/graphql/node.interface';

@ObjectType('Meeting', {
  implements: [Node, Subject],
  description: 'A summit, phone call, visit, talks or contact, proposed, planned or held.',
})
export class Meeting extends Subject {
  key!: string;

  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field(() => MeetingStatus, { nullable: true, description: 'The current status, derived from statusHistory.' })
  status!: MeetingStatus | null;

  @Field(() => DateScalar, { nullable: true })
  date!: string | null;

  @Field(() => Int, { nullable: true })
  durationMinutes!: number | null;
}

@ObjectType('StatusChange', { description: 'One entry of a meeting status history, asserted by a statement.' })
export class StatusChange {
  key!: string;
  statementKey!: string | null;
  meetingKey!: string;

  @Field(() => ID, {
    description: 'Stable id of this history entry (same meeting, status and asserting statement: same id).',
  })
  id!: string;

  @Field(() => MeetingStatus)
  status!: MeetingStatus;

  @Field(() => DateScalar, { nullable: true, description: "The asserting statement's date, else its article's." })
  asOf!: string | null;
}

@ObjectType('MeetingConnection')
export class MeetingConnection extends ConnectionType(Meeting, 'Meeting') {}
