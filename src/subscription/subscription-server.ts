import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  GraphQLError,
  OperationTypeNode,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type ExecutionArgs,
  type GraphQLSchema,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { useServer as UseServer } from 'graphql-ws/dist/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { authenticate } from '../auth/api-keys';
import { createFormatError } from '../plugins/format-error';
import { validationRules } from '../plugins/query-limits';
import type { AppConfig } from '../shared/config';
import { RequestScope } from '../shared/context';
import type { Logger } from '../shared/logger';
import { DbStats, type Database } from '../shared/neo4j/database';
import { EventBus } from './event-bus';
import type { SubscriptionContext } from './subscription.resolver';

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

  constructor(
    private readonly config: AppConfig,
    private readonly database: () => Database | null,
    private readonly log: Logger,
    /** Called with the number of subscriptions open whenever it changes (for a metrics gauge). */
    private readonly onCount: (open: number) => void = () => undefined,
  ) {
    this.bus = new EventBus(config.redisUrl, log);
  }

  /** Takes WebSocket upgrades to `path` on `server`; other upgrades are refused. Connects the bus. */
  async start(server: Server, schema: GraphQLSchema, path: string): Promise<void> {
    await this.bus.start();
    const formatError = createFormatError(this.config.nodeEnv === 'development');
    const rules = [...specifiedRules, ...validationRules(this.config.limits)];
    const options: ServerOptions<Record<string, unknown>, { socket: WebSocket; request: IncomingMessage }> = {
      schema,
      onConnect: (ctx) => {
        const caller = authenticate(authorizationOf(ctx.connectionParams, ctx.extra.request), this.config.apiKeys);
        if (caller === 'invalid' || (caller === null && this.config.readsRequireKey)) return false;
        (ctx.extra as Record<string, unknown>).caller = caller;
        return true;
      },
      onSubscribe: (ctx, _id, payload) => {
        let document;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error as GraphQLError];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) return [...errors];
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
          return [
            new GraphQLError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP', {
              extensions: { code: 'BAD_REQUEST' },
            }),
          ];
        }
        const db = this.database();
        if (!db) return [new GraphQLError('The server is starting', { extensions: { code: 'SERVICE_UNAVAILABLE' } })];
        const requestId = randomUUID();
        const context = {
          requestId,
          log: this.log.child({ requestId }),
          config: this.config,
          db: db.withStats(new DbStats()),
          caller: (ctx.extra as Record<string, unknown>).caller ?? null,
          debug: false,
          bus: this.bus,
          signal: this.sockets.get(ctx.extra.socket)?.signal ?? new AbortController().signal,
        } as SubscriptionContext;
        context.scope = new RequestScope(() => context);
        const args: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue: context,
        };
        return args;
      },
      onOperation: () => this.count(+1),
      onComplete: () => this.count(-1),
      onNext: (_ctx, _id, _payload, _args, result) => {
        if (!('errors' in result) || !result.errors) return result;
        // Unexpected errors are masked as over HTTP (src/plugins/format-error.ts).
        const errors = result.errors.map((error) => {
          const formatted = formatError(error.toJSON(), error);
          return new GraphQLError(formatted.message, {
            nodes: error.nodes,
            path: error.path,
            extensions: formatted.extensions,
          });
        });
        return { ...result, errors };
      },
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
