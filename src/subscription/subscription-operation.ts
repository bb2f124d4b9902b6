import { randomUUID } from 'node:crypto';
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { authenticate } from '../auth/api-keys';
import { createFormatError } from '../plugins/format-error';
import { validationRules } from '../plugins/query-limits';
import type { AppConfig } from '../shared/config';
import { RequestScope, type Caller } from '../shared/context';
import { ErrorCode } from '../shared/error-codes';
import type { TrustedDocuments } from '../shared/graphql/trusted-documents';
import type { Logger } from '../shared/logger';
import { DbStats, type Database } from '../shared/neo4j/database';
import type { EventBus } from './event-bus';
import type { SubscriptionContext } from './subscription.resolver';

/** A subscription request as both transports receive it (graphql-ws `subscribe` payload, graphql-sse body). */
export interface SubscriptionRequest {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  extensions?: Record<string, unknown> | null;
}

/** A subscription ready to run, or why not: GraphQL errors and the HTTP status an HTTP transport answers. */
export type PreparedSubscription =
  { ok: true; args: ExecutionArgs } | { ok: false; status: 400 | 503; errors: GraphQLError[] };

/**
 * What both subscription transports (graphql-ws over WebSocket, graphql-sse over HTTP) do with an operation, so
 * they accept and refuse alike: authentication as for reads, trusted documents (TRUSTED_DOCUMENTS), the same
 * validation rules as over HTTP (depth, aliases, page sizes), subscriptions only, and unexpected errors masked.
 */
export class SubscriptionOperations {
  private readonly rules: readonly ValidationRule[];
  private readonly formatError: ReturnType<typeof createFormatError>;

  constructor(
    private readonly config: AppConfig,
    private readonly schema: GraphQLSchema,
    private readonly documents: TrustedDocuments,
    private readonly database: () => Database | null,
    private readonly log: Logger,
    private readonly bus: EventBus,
  ) {
    this.rules = [...specifiedRules, ...validationRules(config.limits)];
    this.formatError = createFormatError(config.nodeEnv === 'development');
  }

  /**
   * The caller of an `Authorization` value (`Bearer <key>`), or `'refused'` for a key that names no configured key,
   * or for none when READS_REQUIRE_KEY is set.
   */
  caller(authorization: string | undefined): Caller | null | 'refused' {
    const caller = authenticate(authorization, this.config.apiKeys);
    if (caller === 'invalid' || (caller === null && this.config.readsRequireKey)) return 'refused';
    return caller;
  }

  /**
   * Resolves the document (a registered id, or text: only registered text in trusted-documents mode), parses and
   * validates it, and builds the execution arguments with a fresh context whose iterations end on `signal`.
   */
  prepare(request: SubscriptionRequest, caller: Caller | null, signal: AbortSignal): PreparedSubscription {
    const refuse = (status: 400 | 503, message: string, code: ErrorCode): PreparedSubscription => ({
      ok: false,
      status,
      errors: [new GraphQLError(message, { extensions: { code } })],
    });
    let query = request.query;
    const trusted = this.config.trustedDocuments.enforce;
    const admitted = this.documents.admit(request, {
      introspection: this.config.introspection,
      maxTokens: this.config.limits.maxTokens,
    });
    if (trusted && 'message' in admitted) return refuse(400, admitted.message, ErrorCode.PERSISTED_QUERY_NOT_IN_LIST);
    // Outside trusted mode a registered id still resolves (the explorer and GraphiQL may send ids alone).
    if ('query' in admitted) query = admitted.query;
    let document;
    try {
      document = parse(query, { maxTokens: this.config.limits.maxTokens });
    } catch (error) {
      return { ok: false, status: 400, errors: [error as GraphQLError] };
    }
    const errors = validate(this.schema, document, this.rules);
    if (errors.length > 0) return { ok: false, status: 400, errors: [...errors] };
    const operation = getOperationAST(document, request.operationName);
    if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
      return refuse(
        400,
        'Only subscriptions are served here; send queries and mutations to POST /graphql',
        ErrorCode.BAD_REQUEST,
      );
    }
    const db = this.database();
    if (!db) return refuse(503, 'The server is starting', ErrorCode.SERVICE_UNAVAILABLE);
    const requestId = randomUUID();
    const context = {
      requestId,
      log: this.log.child({ requestId }),
      config: this.config,
      db: db.withStats(new DbStats()),
      caller,
      debug: false,
      bus: this.bus,
      signal,
    } as SubscriptionContext;
    context.scope = new RequestScope(() => context);
    return {
      ok: true,
      args: {
        schema: this.schema,
        document,
        operationName: request.operationName,
        variableValues: request.variables,
        contextValue: context,
      },
    };
  }

  /** A result with its unexpected errors masked as over HTTP (src/plugins/format-error.ts). */
  mask<R extends ExecutionResult>(result: R): R {
    if (!result.errors) return result;
    const errors = result.errors.map((error) => {
      const formatted = this.formatError(error.toJSON(), error);
      return new GraphQLError(formatted.message, {
        nodes: error.nodes,
        path: error.path,
        extensions: formatted.extensions,
      });
    });
    return { ...result, errors };
  }
}
