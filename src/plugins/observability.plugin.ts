import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { GraphQLContext } from '../shared/context';
import { ErrorCode } from '../shared/errors';
import { operationLabel, recordOperation } from '../shared/observability/metrics';
import {
  endSpan,
  extractParent,
  SpanKind,
  startSpan,
  tracingEnabled,
  type Span,
} from '../shared/observability/tracing';

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** The outcome label of an operation: `ok`, or the code of its first error (unknown codes count as internal). */
function outcomeOf(errors: readonly { extensions?: { [key: string]: unknown } }[] | undefined): string {
  const code = errors?.[0]?.extensions?.code;
  if (!errors?.length) return 'ok';
  return typeof code === 'string' && (KNOWN_CODES.has(code) || /^[A-Z_]{1,40}$/.test(code))
    ? code
    : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Metrics and a trace span for every GraphQL operation, and the request id on the response (`x-request-id`).
 * The span (`<type> <name>`, kind SERVER) continues the caller's trace from `traceparent`; the database view of the
 * operation is re-parented on it, so DataLoader batches and Cypher queries hang under it. Attributes name the
 * operation, never its variables or document (which carry user data).
 */
export function observabilityPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue, request }) {
      const started = performance.now();
      let operation = operationLabel(request.operationName);
      let type = 'unknown';
      let span: Span | null = null;
      if (tracingEnabled()) {
        const headers: Record<string, string> = {};
        for (const [key, value] of request.http?.headers ?? []) headers[key] = value;
        const traced = startSpan('graphql.request', extractParent(headers), SpanKind.SERVER, {
          'diplograph.request_id': contextValue.requestId,
        });
        span = traced.span;
        // The request's own database view (Apollo hands plugins a shallow copy of the context, so the view is
        // shared with the copy the loaders were given, and replacing it here would not reach them).
        contextValue.db.traceUnder(traced.context);
        const { traceId, spanId } = span.spanContext();
        contextValue.log = contextValue.log.child({ traceId, spanId });
      }
      const listener: GraphQLRequestListener<GraphQLContext> = {
        async didResolveOperation({ operationName, operation: definition }) {
          operation = operationLabel(operationName);
          type = definition?.operation ?? 'unknown';
          if (span) {
            span.updateName(operationName ? `${type} ${operationName}` : type);
            span.setAttribute('graphql.operation.type', type);
            if (operationName) span.setAttribute('graphql.operation.name', operationName);
          }
        },
        async willSendResponse({ response, errors, document, request: sent }) {
          response.http.headers.set('x-request-id', contextValue.requestId);
          // An operation refused at validation never resolves; its name and type are still in the parsed document.
          const definition = type === 'unknown' && document ? getOperationAST(document, sent.operationName) : null;
          if (definition) {
            type = definition.operation;
            operation = operationLabel(definition.name?.value);
          }
          // What the client was told (formatError has run): our codes, with internal errors masked.
          const sentErrors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          const outcome = outcomeOf(sentErrors ?? errors);
          recordOperation({
            operation,
            type,
            outcome,
            seconds: (performance.now() - started) / 1000,
            dbRoundTrips: contextValue.db.stats.roundTrips,
            dbSeconds: contextValue.db.stats.timeMs / 1000,
          });
          if (span) {
            span.setAttribute('diplograph.db.round_trips', contextValue.db.stats.roundTrips);
            if (outcome !== 'ok') endSpan(span, { extensions: { code: outcome } });
            else endSpan(span);
            span = null;
          }
        },
      };
      return listener;
    },
  };
}
