import { Field, ID, InputType } from 'type-graphql';
import { MeetingKind, MeetingStatus } from '../shared/graphql/enums';

@InputType('MeetingFilter', { description: 'Narrows the meeting list; all given conditions must hold.' })
export class MeetingFilter {
  @Field(() => ID, { nullable: true, description: 'An actor taking part.' })
  participant?: string | null;

  @Field(() => MeetingStatus, { nullable: true, description: 'The current status.' })
  status?: MeetingStatus | null;

  @Field(() => MeetingKind, { nullable: true })
  kind?: MeetingKind | null;
}
