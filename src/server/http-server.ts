import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AppConfig } from '../shared/config';
import { ErrorCode } from '../shared/error-codes';
import type { Logger } from '../shared/logger';
import { createMetricsHandler } from '../plugins/metrics.handler';
import { createWebRoutes } from '../web/web-routes';
import { exportRoutes, isExportRequest } from '../export/export.handler';
import type { SubscriptionServer } from '../subscription/subscription-server';
import { corsHandler } from './cors';
import type { GraphQLEndpoint } from './graphql-endpoint';
import { healthRoutes, STARTING_RETRY_AFTER_SECONDS } from './health';
import { GRAPHQL_PATH, requestPath, sendGraphQLError, type HttpHandler } from '../shared/http/http-handler';
import type { Startup } from './startup';
import { readRequestBody } from './request-body';

/**
 * The HTTP side of the API: one node:http server, no framework. Each request goes to the handlers below in
 * order until one answers (see HttpHandler), then to the GraphQL endpoint at /graphql; what nobody answers is a
 * JSON 404. The server listens before start-up work begins, so /health answers from the first second.
 *
 * To add routes, write a handler module and mount it with one line in `routes` (before GraphQL). A route that
 * needs the database answers 503 until `startup.ready` (or wrap it in `whenReady`). A WebSocket endpoint (such as
 * subscriptions on /graphql) attaches to `server`'s `upgrade` event: upgrades never reach the handlers.
 */
export interface HttpApp {
  server: Server;
  graphql: {
    /**
     * Loads the GraphQL endpoint (Apollo, the schema and every resolver: seconds of module loading on a busy
     * machine, which must not delay listening), builds the schema and starts Apollo. Until then /graphql is
     * answered 503 like the rest of start-up.
     */
    start(): Promise<void>;
    /** Stops Apollo, which drains the HTTP server; nothing when it never started. */
    stop(): Promise<void>;
  };
  /** Resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops taking requests, drains those in flight, then resolves. */
  close(): Promise<void>;
}

/**
 * Wraps a handler that needs a started server: before `startup.ready` its requests (those it would answer, as
 * told by `matches`) get 503 SERVICE_UNAVAILABLE with Retry-After.
 */
export function whenReady(startup: Startup, matches: (req: IncomingMessage) => boolean, handler: HttpHandler) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (startup.ready) return handler(req, res);
    if (!matches(req)) return false;
    sendGraphQLError(req, res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The server is starting; try again shortly', {
      'retry-after': String(STARTING_RETRY_AFTER_SECONDS),
    });
    return true;
  };
}

/** Runs `handlers` in order for each request; a JSON 404 when none answers, a JSON 500 when one throws. */
function dispatch(handlers: readonly HttpHandler[], log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      for (const handler of handlers) if (await handler(req, res)) return;
      sendGraphQLError(req, res, 404, ErrorCode.NOT_FOUND, `Nothing at ${req.method} ${requestPath(req)}`);
    } catch (error) {
      log.error({ err: error, method: req.method, path: requestPath(req) }, 'HTTP handler failed');
      sendGraphQLError(req, res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
    }
  };
}

/**
 * Builds the HTTP server with its limits (config.http); GraphQL starts later, with `graphql.start()`. This module
 * and the handlers it mounts load only light modules, so the server can listen within a fraction of a second.
 */
export function createHttpApp(config: AppConfig, startup: Startup, log: Logger): HttpApp {
  const development = config.nodeEnv === 'development';
  let endpoint: GraphQLEndpoint | null = null;
  const graphqlRoute: HttpHandler = async (req, res) => {
    if (endpoint) return endpoint.handler(req, res);
    if (requestPath(req) !== GRAPHQL_PATH) return false;
    sendGraphQLError(req, res, 503, ErrorCode.SERVICE_UNAVAILABLE, startup.startingMessage(), {
      'retry-after': String(STARTING_RETRY_AFTER_SECONDS),
    });
    return true;
  };
  let subscriptions: SubscriptionServer | null = null;
  // Server-Sent Events subscriptions (graphql-sse) at /graphql/stream, once GraphQL has started.
  let sse: HttpHandler | null = null;
  const routes: HttpHandler[] = [
    corsHandler(config.corsOrigins),
    healthRoutes(startup, path.join(config.projectRoot, 'schema'), development),
    createMetricsHandler(config.metrics),
    // GraphiQL, the explorer and their assets: browser GETs of /graphql get the IDE, before the GraphQL route.
    whenReady(
      startup,
      isExportRequest,
      exportRoutes(config, () => startup.db, log),
    ),
    createWebRoutes(config),
    whenReady(
      startup,
      (req) => requestPath(req) === '/graphql/stream',
      (req, res) => sse?.(req, res) ?? Promise.resolve(false),
    ),
    // Mount further routes here, one line each.
  ];
  const limits = config.http;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks the two timeouts above (default 30 s, which would let a slow client overstay).
      connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    dispatch([...routes, graphqlRoute], log),
  );
  server.maxConnections = limits.maxConnections;
  let started = false;
  const graphql: HttpApp['graphql'] = {
    start: async () => {
      const [{ GraphQLEndpoint }, { SubscriptionServer }, { setSubscriptionCount }] = await Promise.all([
        import('./graphql-endpoint'),
        import('../subscription/subscription-server'),
        import('../shared/observability/metrics'),
      ]);
      const loaded = new GraphQLEndpoint(config, startup, log);
      await loaded.start(server);
      // Subscriptions over graphql-ws take the WebSocket upgrades of /graphql, with the same schema.
      subscriptions = new SubscriptionServer(config, () => startup.db, log, setSubscriptionCount);
      await subscriptions.start(server, loaded.schema!, loaded.documents!, GRAPHQL_PATH);
      sse = subscriptions.sseHandler((req) => readRequestBody(req, config.limits.bodyLimitBytes));
      endpoint = loaded;
    },
    stop: async () => {
      await subscriptions?.close();
      await endpoint?.stop();
    },
  };
  return {
    server,
    graphql,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          started = true;
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      // Apollo's drain plugin closes the server and its idle connections, then waits for those in flight.
      await graphql.stop();
      if (started && server.listening) {
        server.closeIdleConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}
