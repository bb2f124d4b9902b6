import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';

/** Every error code a client can see in `extensions.code`. */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  /** The HTTP request itself is unusable: its body is not JSON, or a required part is missing (HTTP 400). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** The request body exceeds MAX_BODY_SIZE (HTTP 413). */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  /** Too many failed authentications from this client; `Retry-After` says when to try again (HTTP 429). */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

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

export class ServiceUnavailableError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.SERVICE_UNAVAILABLE);
  }
}

/**
 * Maps a driver error to one of ours, in this one place. Constraint violations become CONFLICT, an unreachable
 * database SERVICE_UNAVAILABLE; anything else is returned as is, to be masked by the error formatter.
 */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof AppError || !(error instanceof Neo4jError)) return error;
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with existing data (a uniqueness constraint)');
  }
  if (error.code === 'ServiceUnavailable' || error.code === 'SessionExpired') {
    return new ServiceUnavailableError('The database is not reachable right now; try again shortly');
  }
  if (error.code === 'Neo.ClientError.Procedure.ProcedureCallFailed' && /lucene|parse/i.test(error.message)) {
    return new BadUserInputError('The search text could not be parsed');
  }
  return error;
}
