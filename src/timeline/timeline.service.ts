import { toMeeting, toStatusChange } from '../meeting/meeting.mapper';
import { BadUserInputError, NotFoundError } from '../shared/errors';
import { fromGlobalId } from '../shared/global-id';
import { Label } from '../shared/graph-schema';
import type { PageArgs } from '../shared/graphql/pagination';
import type { Database } from '../shared/neo4j/database';
import { toStatement } from '../statement/statement.mapper';
import { TimelineRepository, type TimelineLabel, type TimelineRow } from './timeline.repository';
import { Timeline, TimelineItem, TimelineItemKind } from './timeline.type';

const KINDS = [TimelineItemKind.STATEMENT_BY, TimelineItemKind.STATEMENT_ABOUT, TimelineItemKind.STATUS_CHANGE];

function toItem(row: TimelineRow): TimelineItem {
  const item = new TimelineItem();
  item.date = row.date;
  item.kind = KINDS[row.how] ?? TimelineItemKind.STATEMENT_ABOUT;
  item.statement = row.statement ? toStatement(row.statement.props, row.statement.speaker) : null;
  item.statusChange = row.change
    ? toStatusChange(row.change.props, row.change.statement, String(row.change.meeting.id))
    : null;
  item.meeting = row.change ? toMeeting(row.change.meeting) : null;
  return item;
}

/**
 * A timeline page of an actor, country or meeting (see TimelineRepository for what belongs on it). Dates filter
 * as in statement queries: with `from` or `to`, undated items are left out.
 * @param args the checked `first` and `after` (the sort key of the last item of the previous page).
 */
export async function timeline(
  db: Database,
  id: string,
  from: string | null,
  to: string | null,
  args: PageArgs,
): Promise<Timeline> {
  const { limit, after } = args;
  const node = fromGlobalId(id, 'id', ['Actor', 'Country', 'Meeting']);
  if (from && to && from > to) {
    throw new BadUserInputError('Invalid date range', [{ path: 'from', message: 'must not be after to' }]);
  }
  const rows = await new TimelineRepository(db).timeline(
    Label[node.type] as TimelineLabel,
    node.id,
    from,
    to,
    after,
    limit,
  );
  if (!rows.found) throw new NotFoundError(node.type, id);
  const page = rows.dated.slice(0, limit);
  const result = new Timeline();
  result.items = page.map(toItem);
  result.undated = rows.undated.slice(0, limit).map(toItem);
  result.totalCount = rows.datedCount;
  result.undatedCount = rows.undatedCount;
  const last = page[page.length - 1];
  result.pageInfo = {
    hasNextPage: rows.dated.length > limit,
    hasPreviousPage: after !== null,
    startCursor: page[0] ? args.cursor(page[0].sortKey) : null,
    endCursor: last ? args.cursor(last.sortKey) : null,
  };
  return result;
}
