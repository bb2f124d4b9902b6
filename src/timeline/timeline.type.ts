import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Meeting, StatusChange } from '../meeting/meeting.type';
import { DateScalar } from '../shared/graphql/date.scalar';
import { PageInfo } from '../shared/graphql/page-info.type';
import { Statement } from '../statement/statement.type';

export enum TimelineItemKind {
  STATEMENT_BY = 'STATEMENT_BY',
  STATEMENT_ABOUT = 'STATEMENT_ABOUT',
  STATUS_CHANGE = 'STATUS_CHANGE',
}

registerEnumType(TimelineItemKind, {
  name: 'TimelineItemKind',
  description:
    'STATEMENT_BY: said by the actor or on behalf of the actor or country (wins when a statement is also about ' +
    'it); STATEMENT_ABOUT: about it; STATUS_CHANGE: a status change of a meeting.',
});

@ObjectType('TimelineItem', { description: 'One dated (or undated) event of a timeline.' })
export class TimelineItem {
  @Field(() => DateScalar, {
    nullable: true,
    description: "A statement's date (saidOn, else its earliest report's), a status change's asOf.",
  })
  date!: string | null;

  @Field(() => TimelineItemKind)
  kind!: TimelineItemKind;

  @Field(() => Statement, { nullable: true, description: 'Set for STATEMENT_BY and STATEMENT_ABOUT.' })
  statement!: Statement | null;

  @Field(() => StatusChange, { nullable: true, description: 'Set for STATUS_CHANGE.' })
  statusChange!: StatusChange | null;

  @Field(() => Meeting, { nullable: true, description: 'The meeting whose status changed, for STATUS_CHANGE.' })
  meeting!: Meeting | null;
}

@ObjectType('Timeline', {
  description:
    'Statements by or about an actor, country or meeting, and meeting status changes, in date order; undated ' +
    'items apart.',
})
export class Timeline {
  @Field(() => [TimelineItem], { description: 'Dated items, oldest first: one page of them.' })
  items!: TimelineItem[];

  @Field(() => [TimelineItem], {
    description:
      'Items with no date, on the first page only (at most `first`). Empty when from or to is given: a date ' +
      'filter leaves undated items out, as statement filters do.',
  })
  undated!: TimelineItem[];

  @Field(() => Int, { description: 'Count of all dated items in range.' })
  totalCount!: number;

  @Field(() => Int, { description: 'Count of all undated items.' })
  undatedCount!: number;

  @Field(() => PageInfo, { description: 'Paging through the dated items.' })
  pageInfo!: PageInfo;
}
