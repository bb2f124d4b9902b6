import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { GraphQLSchema } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppConfig } from '../shared/config';
import type { Caller } from '../shared/context';
import type { TrustedDocuments } from '../shared/graphql/trusted-documents';
import type { HttpHandler } from '../shared/http/http-handler';
import type { Logger } from '../shared/logger';
import type { Database } from '../shared/neo4j/database';
import { EventBus } from './event-bus';
import { createSseHandler, SSE_PATH } from './sse.handler';
import { SubscriptionOperations } from './subscription-operation';

// graphql-ws publishes its ws adapter under a package export ("graphql-ws/use/ws") that this project's
// node10 module resolution cannot type; the types come from the file that export points to.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { useServer } = require('graphql-ws/use/ws') as { useServer: typeof UseServer };

/** The WebSocket subprotocol of GraphQL over WebSocket. */
export const GRAPHQL_WS_PROTOCOL = 'graphql-transport-ws';

/** The key a client sends, from connectionParams (`authorization: "Bearer <key>"` or `apiKey: "<key>"`) or the header. */
function authorizationOf(params: Record<string, unknown> | undefined, request: IncomingMessage): string | undefined {
  const header = params?.authorization ?? params?.Authorization;
  if (typeof header === 'string') return header;
  if (typeof params?.apiKey === 'string') return `Bearer ${params.apiKey}`;
  return request.headers.authorization;
}

export { SSE_PATH };

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol, subprotocol graphql-transport-ws) on the HTTP
 * server's port and at /graphql. Authentication as for reads: the key in `connectionParams` (or the upgrade
 * request's Authorization header); a key naming no configured key, or none when READS_REQUIRE_KEY, closes the
 * socket with 4403 Forbidden. Every operation passes the same validation rules (depth, aliases, page size) as
 * over HTTP; only subscriptions are accepted here (queries and mutations go over HTTP, where their plugins run).
 */
export class SubscriptionServer {
  readonly bus: EventBus;
  private readonly wss = new WebSocketServer({ noServer: true });
  private dispose: (() => void | Promise<void>) | null = null;
  private readonly sockets = new Map<WebSocket, AbortController>();
  private open = 0;
  private operations: SubscriptionOperations | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly database: () => Database | null,
    private readonly log: Logger,
    /** Called with the number of subscriptions open whenever it changes (for a metrics gauge). */
    private readonly onCount: (open: number) => void = () => undefined,
  ) {
    this.bus = new EventBus(config.redisUrl, log);
  }

  /**
   * Takes WebSocket upgrades to `path` on `server`; other upgrades are refused. Connects the bus. `documents` are
   * the registered operations (trusted-documents mode).
   */
  async start(server: Server, schema: GraphQLSchema, documents: TrustedDocuments, path: string): Promise<void> {
    await this.bus.start();
    const operations = new SubscriptionOperations(this.config, schema, documents, this.database, this.log, this.bus);
    this.operations = operations;
    const options: ServerOptions<Record<string, unknown>, { socket: WebSocket; request: IncomingMessage }> = {
      schema,
      onConnect: (ctx) => {
        const caller = operations.caller(authorizationOf(ctx.connectionParams, ctx.extra.request));
        if (caller === 'refused') return false;
        (ctx.extra as Record<string, unknown>).caller = caller;
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        const caller = ((ctx.extra as Record<string, unknown>).caller ?? null) as Caller | null;
        const signal = this.sockets.get(ctx.extra.socket)?.signal ?? new AbortController().signal;
        const prepared = operations.prepare(payload, caller, signal);
        return prepared.ok ? prepared.args : prepared.errors;
      },
      onOperation: () => this.count(+1),
      onComplete: () => this.count(-1),
      onNext: (_ctx, _id, _payload, _args, result) => operations.mask(result),
    };
    this.dispose = useServer(options, this.wss).dispose;
    this.wss.on('connection', (socket: WebSocket) => {
      const controller = new AbortController();
      this.sockets.set(socket, controller);
      socket.once('close', () => {
        controller.abort();
        this.sockets.delete(socket);
      });
    });
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      const url = request.url ?? '';
      if (url !== path && !url.startsWith(`${path}?`)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(request, socket, head, (ws) => this.wss.emit('connection', ws, request));
    });
  }

  /**
   * The node:http handler of Server-Sent Events at SSE_PATH (graphql-sse), answering 503 until `start`; `readBody`
   * reads a POST body within MAX_BODY_SIZE.
   */
  sseHandler(readBody: (req: IncomingMessage) => Promise<unknown>): HttpHandler {
    let handler: HttpHandler | null = null;
    return async (req, res) => {
      if (!handler && this.operations) {
        handler = createSseHandler(this.operations, readBody, this.log, (delta) => this.count(delta));
      }
      if (handler) return handler(req, res);
      return false;
    };
  }

  private count(delta: number): void {
    this.open = Math.max(0, this.open + delta);
    this.onCount(this.open);
  }

  /** Closes every socket (1001 going away), stops the bus. */
  async close(): Promise<void> {
    for (const [socket, controller] of this.sockets) {
      controller.abort();
      socket.close(1001, 'Server shutting down');
    }
    await this.dispose?.();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.bus.stop();
  }
}
