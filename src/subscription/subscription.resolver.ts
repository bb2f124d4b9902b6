import { Arg, Ctx, ID, Resolver, Root, Subscription, type PubSub, type SubscribeResolverData } from 'type-graphql';
import { StatusChange } from '../meeting/meeting.type';
import { MeetingRepository } from '../meeting/meeting.repository';
import { RequestScope, type GraphQLContext } from '../shared/context';
import { fromGlobalId } from '../shared/global-id';
import { statementCriteria } from '../statement/statement-criteria';
import { Statement } from '../statement/statement.type';
import { StatementRepository } from '../statement/statement.repository';
import type { EventBus } from './event-bus';
import { StatementAddedFilter } from './subscription.input';
import { SubscriptionRepository } from './subscription.repository';

/** The context of an operation over the WebSocket (or SSE) transport: a GraphQL context plus the event bus. */
export interface SubscriptionContext extends GraphQLContext {
  bus: EventBus;
  /** Ends every iteration of this operation when the client completes it or goes away. */
  signal: AbortSignal;
  /** Called with the commit time (ms since the epoch) of each event delivered, for the latency benchmark. */
  onDelivered?: (committedAt: number) => void;
}

function subscriptionContext(context: GraphQLContext): SubscriptionContext {
  const ctx = context as SubscriptionContext;
  if (!ctx.bus)
    throw new Error('Subscriptions are served over WebSocket (graphql-ws) at /graphql or SSE at /graphql/stream');
  return ctx;
}

/**
 * A fresh request scope per event: loaders cache what they read, and a subscription lives for hours, so each event
 * is resolved as a request of its own would be (DataLoader batching inside the event, nothing carried over).
 */
function freshScope(ctx: SubscriptionContext): void {
  ctx.scope = new RequestScope(() => ctx);
}

async function* statementsAdded({
  args,
  context,
}: SubscribeResolverData<unknown, Record<string, unknown>, GraphQLContext>): AsyncGenerator<string> {
  const ctx = subscriptionContext(context);
  const criteria = statementCriteria({ ...((args.filter as StatementAddedFilter | null) ?? {}) }, 'filter.');
  const repository = new SubscriptionRepository(ctx.db);
  for await (const event of ctx.bus.events('statementsCreated', ctx.signal)) {
    const keys = await repository.matchingStatements(criteria, event.statements);
    for (const key of keys) {
      freshScope(ctx);
      ctx.onDelivered?.(event.at);
      yield key;
    }
  }
}

async function* meetingStatusesChanged({
  args,
  context,
}: SubscribeResolverData<unknown, Record<string, unknown>, GraphQLContext>): AsyncGenerator<string> {
  const ctx = subscriptionContext(context);
  const meeting = args.meeting ? fromGlobalId(args.meeting as string, 'meeting', ['Meeting']).id : null;
  const participant = args.participant ? fromGlobalId(args.participant as string, 'participant', ['Actor']).id : null;
  const repository = new SubscriptionRepository(ctx.db);
  for await (const event of ctx.bus.events('statusChangesCreated', ctx.signal)) {
    let changes = event.changes.filter((change) => meeting === null || change.meetingKey === meeting);
    if (participant !== null && changes.length > 0) {
      const withParticipant = await repository.meetingsWithParticipant(
        [...new Set(changes.map((change) => change.meetingKey))],
        participant,
      );
      changes = changes.filter((change) => withParticipant.has(change.meetingKey));
    }
    for (const change of changes) {
      freshScope(ctx);
      ctx.onDelivered?.(event.at);
      yield change.key;
    }
  }
}

/**
 * Live events over GraphQL over WebSocket (graphql-ws) and SSE at /graphql. Each event is published after its
 * write transaction committed and only for what the write created (see src/shared/domain-events.ts).
 */
@Resolver()
export class SubscriptionResolver {
  @Subscription(() => Statement, {
    subscribe: statementsAdded,
    description:
      'Each statement as it is created (by ingestArticle or any write that creates statements) and matches filter.',
  })
  async statementAdded(
    @Root() key: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('filter', () => StatementAddedFilter, { nullable: true }) _filter?: StatementAddedFilter,
  ): Promise<Statement> {
    const [statement] = await new StatementRepository(ctx.db).byKeys([key]);
    return statement!;
  }

  @Subscription(() => StatusChange, {
    subscribe: meetingStatusesChanged,
    description:
      "Each new entry of a meeting's status history (from ingestArticle or setMeetingStatus): of `meeting` when " +
      'given, of meetings `participant` takes part in when given.',
  })
  async meetingStatusChanged(
    @Root() key: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('meeting', () => ID, { nullable: true }) _meeting?: string,
    @Arg('participant', () => ID, { nullable: true }) _participant?: string,
  ): Promise<StatusChange> {
    const [change] = await new MeetingRepository(ctx.db).statusChanges([key]);
    return change!;
  }
}

/**
 * type-graphql insists on a `pubSub` whenever a schema has subscriptions, even when every subscription brings its
 * own `subscribe` function, as ours do (the events come from EventBus). This one says so if anything ever uses it.
 */
export const UNUSED_PUBSUB: PubSub = {
  publish: () => {
    throw new Error('Subscriptions publish through EventBus (src/subscription/event-bus.ts), not type-graphql topics');
  },
  subscribe: () => {
    throw new Error(
      'Subscriptions subscribe through EventBus (src/subscription/event-bus.ts), not type-graphql topics',
    );
  },
};
