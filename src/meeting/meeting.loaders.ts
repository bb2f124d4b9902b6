import { batchLoader } from '../shared/batch-loader';
import type { GraphQLContext } from '../shared/context';
import { meetingSelection } from './meeting.mapper';
import { MeetingRepository } from './meeting.repository';

/** Per-request loaders for meetings; use through `ctx.scope.get(meetingLoaders)`. */
export function meetingLoaders(ctx: GraphQLContext) {
  const repository = new MeetingRepository(ctx.db, meetingSelection(ctx.scope.fields));
  return {
    repository,
    byKey: batchLoader(ctx, 'meeting.byKey', (keys: readonly string[]) => repository.byKeys(keys)),
    participants: batchLoader(ctx, 'meeting.participants', (keys: readonly string[]) => repository.participants(keys)),
    location: batchLoader(ctx, 'meeting.location', (keys: readonly string[]) => repository.locations(keys)),
    statusHistory: batchLoader(ctx, 'meeting.statusHistory', (keys: readonly string[]) =>
      repository.statusHistories(keys),
    ),
  };
}
