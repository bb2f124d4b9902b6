import { EventEmitter, on } from 'node:events';
import { Redis } from 'ioredis';
import { domainEvents, type CreatedStatements, type CreatedStatusChanges } from '../shared/domain-events';
import type { Logger } from '../shared/logger';

/** The Redis channel every API process publishes to and listens on. */
export const REDIS_CHANNEL = 'diplograph:events';

/** An event as it travels between processes. `at` is when the write committed (ms since the epoch). */
export type BusEvent =
  | ({ type: 'statementsCreated'; at: number } & CreatedStatements)
  | ({ type: 'statusChangesCreated'; at: number } & CreatedStatusChanges);

/**
 * Carries committed-write events (src/shared/domain-events) to this process's subscriptions. With Redis, every
 * event goes out through one PUBLISH and comes back to every process (this one included) through its SUBSCRIBE
 * connection, so all processes see the same events once each; without, events go straight to local subscribers.
 * Redis pub/sub is at-most-once: a subscriber whose process is cut from Redis misses what is published meanwhile
 * (ioredis reconnects and re-subscribes by itself).
 */
export class EventBus {
  private readonly local = new EventEmitter();
  private publisher: Redis | null = null;
  private subscriber: Redis | null = null;
  private readonly onStatements = (event: CreatedStatements) =>
    this.publish({ type: 'statementsCreated', at: Date.now(), ...event });
  private readonly onChanges = (event: CreatedStatusChanges) =>
    this.publish({ type: 'statusChangesCreated', at: Date.now(), ...event });

  constructor(
    private readonly redisUrl: string | null,
    private readonly log: Logger,
  ) {
    this.local.setMaxListeners(0);
  }

  /** Connects to Redis (when configured) and starts listening to domain events. */
  async start(): Promise<void> {
    if (this.redisUrl) {
      const options = { lazyConnect: true, maxRetriesPerRequest: 3, enableOfflineQueue: true };
      this.publisher = new Redis(this.redisUrl, options);
      this.subscriber = new Redis(this.redisUrl, options);
      for (const client of [this.publisher, this.subscriber]) {
        client.on('error', (error: Error) => this.log.warn({ err: error }, 'Redis connection error'));
      }
      await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
      this.subscriber.on('message', (_channel: string, message: string) => {
        try {
          this.deliver(JSON.parse(message) as BusEvent);
        } catch (error) {
          this.log.warn({ err: error }, 'Unreadable subscription event from Redis');
        }
      });
      await this.subscriber.subscribe(REDIS_CHANNEL);
    }
    domainEvents.on('statementsCreated', this.onStatements);
    domainEvents.on('statusChangesCreated', this.onChanges);
  }

  async stop(): Promise<void> {
    domainEvents.off('statementsCreated', this.onStatements);
    domainEvents.off('statusChangesCreated', this.onChanges);
    await Promise.all([this.publisher?.quit(), this.subscriber?.quit()].map((p) => p?.catch(() => undefined)));
    this.publisher = this.subscriber = null;
  }

  /** Sends an event to every process's subscribers (only this process's without Redis). */
  publish(event: BusEvent): void {
    if (!this.publisher) return this.deliver(event);
    this.publisher.publish(REDIS_CHANNEL, JSON.stringify(event)).catch((error: unknown) => {
      this.log.error({ err: error, type: event.type }, 'Could not publish a subscription event to Redis');
    });
  }

  private deliver(event: BusEvent): void {
    this.local.emit(event.type, event);
  }

  /** The events of one type from now on; `signal` ends the iteration (and removes the listener). */
  events<T extends BusEvent['type']>(type: T, signal: AbortSignal): AsyncIterable<Extract<BusEvent, { type: T }>> {
    const iterator = on(this.local, type, { signal });
    return {
      async *[Symbol.asyncIterator]() {
        try {
          for await (const [event] of iterator) yield event as Extract<BusEvent, { type: T }>;
        } catch (error) {
          if ((error as Error).name !== 'AbortError') throw error;
        }
      },
    };
  }
}
