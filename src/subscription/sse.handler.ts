import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExecutionResult } from 'graphql';
import { createHandler, type OperationArgs } from 'graphql-sse';
import type { Caller } from '../shared/context';
import { ErrorCode } from '../shared/error-codes';
import { requestPath, sendGraphQLError, type HttpHandler } from '../shared/http/http-handler';
import type { Logger } from '../shared/logger';
import type { SubscriptionOperations } from './subscription-operation';

/** Where Server-Sent Events subscriptions are served (the GraphQL over SSE protocol of graphql-sse). */
export const SSE_PATH = '/graphql/stream';

interface SseRequestContext {
  res: ServerResponse;
  caller: Caller | null;
  /** Aborted when the client goes away: ends the operation's event iterations. */
  signal: AbortSignal;
}

/** What a body reader throws for a body it refuses (src/server/request-body.ts: 413, 400, 415). */
interface BodyRefusal {
  status: number;
  code: ErrorCode;
  message: string;
}

function isBodyRefusal(error: unknown): error is BodyRefusal {
  const e = error as Partial<BodyRefusal> | null;
  return typeof e?.status === 'number' && typeof e.code === 'string' && typeof e.message === 'string';
}

/** The single connection mode's stream token of a request (header or `token` parameter), if any. */
function streamToken(req: IncomingMessage): string | null {
  const header = req.headers['x-graphql-event-stream-token'];
  if (typeof header === 'string' && header !== '') return header;
  return new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('token');
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 503: 'Service Unavailable' };

/**
 * GraphQL subscriptions as Server-Sent Events at SSE_PATH, for clients that cannot open a WebSocket: graphql-sse's
 * protocol (https://github.com/enisdenjo/graphql-sse/blob/master/PROTOCOL.md) in both its modes, "distinct
 * connections" (a POST with `Accept: text/event-stream` streams one operation) and "single connection" (PUT
 * reserves a stream, GET listens, POSTs carry operations), as graphql-sse's `createClient` speaks them.
 *
 * Authentication as for reads, from the `Authorization` header of every request: a wrong key, or none when
 * READS_REQUIRE_KEY, is answered 401 UNAUTHENTICATED. Operations are prepared by SubscriptionOperations, as over
 * WebSocket (trusted documents, query limits, subscriptions only); a refused one is answered 400 (or 503 while
 * starting) with a GraphQL error body. A POST body is read within MAX_BODY_SIZE (`readBody`).
 */
export function createSseHandler(
  operations: SubscriptionOperations,
  readBody: (req: IncomingMessage) => Promise<unknown>,
  log: Logger,
  count: (delta: number) => void,
): HttpHandler {
  const handler = createHandler<IncomingMessage, SseRequestContext, Record<PropertyKey, unknown>>({
    onSubscribe: (req, params) => {
      const prepared = operations.prepare(
        {
          query: typeof params.query === 'string' ? params.query : '',
          operationName: params.operationName,
          variables: params.variables,
          extensions: params.extensions,
        },
        req.context.caller,
        req.context.signal,
      );
      if (prepared.ok) return prepared.args as OperationArgs<Record<PropertyKey, unknown>>;
      return [
        JSON.stringify({ errors: prepared.errors.map((error) => error.toJSON()) }),
        {
          status: prepared.status,
          statusText: STATUS_TEXT[prepared.status]!,
          headers: { 'content-type': 'application/json; charset=utf-8' },
        },
      ];
    },
    // prepare() validated with the API's rules already.
    validate: () => [],
    onOperation: () => count(+1),
    onComplete: () => count(-1),
    onNext: (_ctx, _req, result) => operations.mask(result as ExecutionResult),
  });

  const streams = new Map<string, AbortController>();
  return async (req, res) => {
    if (requestPath(req) !== SSE_PATH) return false;
    const caller = operations.caller(req.headers.authorization);
    if (caller === 'refused') {
      sendGraphQLError(req, res, 401, ErrorCode.UNAUTHENTICATED, 'The API key is missing or not valid');
      return true;
    }
    let body: unknown = null;
    if (req.method === 'POST') {
      try {
        body = (await readBody(req)) ?? null;
      } catch (error) {
        if (!isBodyRefusal(error)) throw error;
        sendGraphQLError(req, res, error.status, error.code, error.message);
        return true;
      }
    }
    // In single connection mode operations arrive as POSTs that are answered at once (202) while their events go
    // to the stream a GET holds open: they end when that stream closes, not when their POST does.
    const token = streamToken(req);
    const controller = new AbortController();
    let signal = controller.signal;
    if (token !== null && req.method === 'GET') {
      streams.set(token, controller);
      res.once('close', () => {
        if (streams.get(token) === controller) streams.delete(token);
      });
    } else if (token !== null && req.method === 'POST') {
      signal = streams.get(token)?.signal ?? signal;
    }
    res.once('close', () => {
      if (signal === controller.signal) controller.abort();
    });
    const [stream, init] = await handler({
      method: req.method ?? 'GET',
      url: req.url ?? SSE_PATH,
      headers: {
        get: (key) => {
          const value = req.headers[key.toLowerCase()];
          return Array.isArray(value) ? value.join('\n') : value;
        },
      },
      body: body as string | Record<PropertyKey, unknown> | null,
      raw: req,
      context: { res, caller, signal },
    });
    res.writeHead(init.status, init.statusText, init.headers);
    if (!stream || typeof stream === 'string') {
      res.end(stream ?? undefined);
      return true;
    }
    const stop = () => void stream.return(undefined);
    res.once('close', stop);
    try {
      for await (const chunk of stream) {
        if (res.destroyed || !res.writable) break;
        if (!res.write(chunk)) {
          await new Promise<void>((resolve) => {
            res.once('drain', resolve);
            res.once('close', resolve);
          });
        }
      }
    } catch (error) {
      log.warn({ err: error }, 'SSE stream failed');
    } finally {
      res.off('close', stop);
      res.end();
    }
    return true;
  };
}
