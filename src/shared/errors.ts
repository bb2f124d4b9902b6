import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { ErrorCode } from './error-codes';

export { ErrorCode };

/** One problem with one input field: `path` is where it sits in the input, such as `statements[4].goldstein`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** Base of every error we raise on purpose: its message is safe to show to clients. */
export class AppError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class BadUserInputError extends AppError {
  /** @param problems every problem found, each with its field path; the message lists them all. */
  constructor(
    message: string,
    readonly problems: FieldProblem[] = [],
    extensions: Record<string, unknown> = {},
  ) {
    const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    super(detail ? `${message}: ${detail}` : message, ErrorCode.BAD_USER_INPUT, {
      ...extensions,
      ...(problems.length ? { problems } : {}),
    });
  }
}

export class NotFoundError extends AppError {
  constructor(what: string, id: string) {
    super(`${what} not found: ${id}`, ErrorCode.NOT_FOUND, { id });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, extensions);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(
    message = 'This operation needs an API key: send Authorization: Bearer <key>',
    extensions: Record<string, unknown> = {},
  ) {
    super(message, ErrorCode.UNAUTHENTICATED, extensions);
  }
}

export class ForbiddenError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.FORBIDDEN, extensions);
  }
}

export class QueryTooComplexError extends AppError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX, extensions);
  }
}

/** Trusted-documents mode refused the request's document (not registered); answered before parsing, HTTP 400. */
export class PersistedQueryNotInListError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, { http: { status: 400 } });
  }
}

/**
 * Seconds a client is told to wait (`Retry-After`) when the database is unreachable: a driver reconnects within a
 * second of the server's return, and the embedded Neo4j restarts in 10-20 s on 2 cores, so a few seconds of backoff
 * lets clients find it back without hammering it.
 */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The HTTP head of a response that carries SERVICE_UNAVAILABLE: 503 with Retry-After (RFC 9110 §15.6.4, §10.2.3).
 * Apollo applies an error's `extensions.http` to the response and strips it from the body; an HTTP layer that maps
 * statuses itself can call this for the same answer.
 */
export function serviceUnavailableHttp(): { status: number; headers: HeaderMap } {
  return { status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) };
}

/** The database cannot be reached, or did not answer within its bound: HTTP 503 with Retry-After. */
export class ServiceUnavailableError extends AppError {
  constructor(message = 'The database is not reachable right now; try again shortly') {
    super(message, ErrorCode.SERVICE_UNAVAILABLE, {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      http: serviceUnavailableHttp(),
    });
  }
}

/** Driver error codes that mean the server is gone or going: the request may succeed later, elsewhere or again. */
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  // A stopping or restarting server terminates the transactions in flight.
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.DatabaseError.General.DatabaseUnavailable',
]);

/** The server ended a transaction that ran past its timeout (NEO4J_TX_TIMEOUT_MS). */
const TIMEOUT_CODES = new Set([
  // What a timed-out transaction gets when it next asks for a lock.
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

/** Message of a database call that ran past its bound, on the server's clock or ours. */
export const DATABASE_TIMEOUT_MESSAGE = 'The database did not answer in time; try again shortly';

/** Whether a driver error (or one of ours) means the database is unavailable rather than the request wrong. */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof ServiceUnavailableError) return true;
  if (!(error instanceof Neo4jError)) return false;
  if (UNAVAILABLE_CODES.has(error.code) || TIMEOUT_CODES.has(error.code)) return true;
  // The pool's own errors carry no code (N/A): an acquisition timeout, a pool closed under a restart.
  return /connection acquisition timed out|failed to establish connection|pool is closed|connection was closed/i.test(
    error.message,
  );
}

/**
 * Maps a driver error to one of ours, in this one place. Constraint violations become CONFLICT; an unreachable,
 * restarting or timed-out database SERVICE_UNAVAILABLE (HTTP 503, Retry-After); anything else is returned as is,
 * to be masked by the error formatter.
 */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with existing data (a uniqueness constraint)');
  }
  if (TIMEOUT_CODES.has(error.code)) return new ServiceUnavailableError(DATABASE_TIMEOUT_MESSAGE);
  if (isUnavailable(error)) return new ServiceUnavailableError();
  if (error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && /lucene|parse/i.test(error.message)) {
    return new BadUserInputError('The search text could not be parsed');
  }
  return error;
}

/**
 * A message about `error` that is safe to show anyone (a readiness body, a log shipped elsewhere): our own errors'
 * messages as they are, anything else reduced to its kind, never its text (which can carry paths, Cypher or data).
 */
export function publicErrorMessage(error: unknown): string {
  const mapped = mapDriverError(error);
  if (mapped instanceof AppError) return mapped.message;
  return 'Internal error (details in the server log)';
}
