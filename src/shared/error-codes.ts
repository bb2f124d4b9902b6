// Apart from errors.ts so the HTTP layer can name codes without loading graphql and the Neo4j driver at start-up.
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
  /**
   * Trusted-documents mode: the request names an operation that is not registered, by id or by text (HTTP 400;
   * Apollo Router's code for the same refusal).
   */
  PERSISTED_QUERY_NOT_IN_LIST = 'PERSISTED_QUERY_NOT_IN_LIST',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
