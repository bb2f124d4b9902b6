import { EventEmitter } from 'node:events';

/**
 * What a committed write created, for live subscriptions. Write services call these AFTER their transaction
 * committed (never inside it: a transaction the driver retries or rolls back must publish nothing), and only with
 * what the write created (a replay that created nothing publishes nothing).
 */
export interface CreatedStatements {
  /** Keys of the statements created, in input order. */
  statements: string[];
}

export interface CreatedStatusChanges {
  changes: { key: string; meetingKey: string }[];
}

export interface DomainEventMap {
  statementsCreated: [CreatedStatements];
  statusChangesCreated: [CreatedStatusChanges];
}

/**
 * The process's domain events: write services emit, the subscription transport (src/subscription) listens and
 * fans out, through Redis when configured. With no listener (the CLI, tests without a server) an event is dropped.
 */
export const domainEvents = new EventEmitter<DomainEventMap>();
domainEvents.setMaxListeners(100);

/** Emits what a committed write created, skipping empty lists. */
export function emitCreated(statements: string[], changes: CreatedStatusChanges['changes']): void {
  if (statements.length > 0) domainEvents.emit('statementsCreated', { statements });
  if (changes.length > 0) domainEvents.emit('statusChangesCreated', { changes });
}
