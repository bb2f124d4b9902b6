import DataLoader from 'dataloader';
import type { GraphQLContext } from '../shared/context';
import { MeetingRepository } from './meeting.repository';

/** Per-request loaders for meetings; use through `ctx.scope.get(meetingLoaders)`. */
export function meetingLoaders(ctx: GraphQLContext) {
  const repository = new MeetingRepository(ctx.db);
  return {
    repository,
    byKey: new DataLoader((keys: readonly string[]) => repository.byKeys(keys)),
    participants: new DataLoader((keys: readonly string[]) => repository.participants(keys)),
    location: new DataLoader((keys: readonly string[]) => repository.locations(keys)),
    statusHistory: new DataLoader((keys: readonly string[]) => repository.statusHistories(keys)),
  };
}
