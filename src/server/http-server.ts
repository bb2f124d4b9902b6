import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/api-keys';
import { debugExtensionPlugin } from '../plugins/debug-extension.plugin';
import { createFormatError } from '../plugins/format-error';
import { requestLogPlugin } from '../plugins/request-log.plugin';
import { buildGraphQLSchema } from '../schema';
import type { AppConfig } from '../shared/config';
import { RequestScope, type GraphQLContext } from '../shared/context';
import { ErrorCode } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { DbStats, type Database } from '../shared/neo4j/database';
import { isDirectGraphQLRequest, serveGraphQL } from './graphql-route';
import { checkReadiness } from './readiness';
import { validationRules } from '../plugins/query-limits';
import { queryCostPlugin } from '../plugins/query-cost.plugin';
import { documentLimitsPlugin } from '../plugins/document-limits.plugin';
import { createMetricsHandler } from '../plugins/metrics.handler';
import { observabilityPlugin } from '../plugins/observability.plugin';
import { requestIdOf } from '../shared/observability/request-id';

/** The HTTP side of the API: Express with Apollo at /graphql, /health and /ready. */
export interface HttpApp {
  server: Server;
  apollo: ApolloServer<GraphQLContext>;
  /** Resolves with the bound port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops taking requests, drains those in flight, then resolves. */
  close(): Promise<void>;
}

function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
}

/** Builds the HTTP server; the caller owns the database and closes it after `close()`. */
export async function createHttpApp(config: AppConfig, db: Database, log: Logger): Promise<HttpApp> {
  const app = express();
  app.disable('x-powered-by');
  // Errors of requests that took the direct route, replayed into Express so it answers them as it always has.
  const handedOver = new WeakMap<IncomingMessage, unknown>();
  const toExpress = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    // Never undefined: Express would then run the operation a second time.
    handedOver.set(req, error ?? new Error('The GraphQL request failed'));
    void app(req, res);
  };
  const parseBody = express.json({ limit: config.limits.bodyLimitBytes });
  const server = createServer((req, res) => {
    if (isDirectGraphQLRequest(req)) serveGraphQL(apollo, parseBody, context, toExpress, req, res);
    else void app(req, res);
  });
  const schemaDir = path.join(config.projectRoot, 'schema');
  const development = config.nodeEnv === 'development';

  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildGraphQLSchema(),
    validationRules: validationRules(config.limits),
    parseOptions: { maxTokens: config.limits.maxTokens },
    formatError: createFormatError(development),
    includeStacktraceInErrorResponses: development,
    introspection: true,
    // main.ts owns the signals: it drains HTTP, then closes the driver, then stops the embedded database.
    stopOnTerminationSignals: false,
    plugins: [
      // No cache hints are used; Apollo's default cache-control plugin would still wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      ApolloServerPluginLandingPageLocalDefault({ footer: false, embed: true }),
      requestLogPlugin(),
      debugExtensionPlugin(),
      queryCostPlugin(config.limits),
      documentLimitsPlugin(config.limits),
      observabilityPlugin(),
    ],
  });
  await apollo.start();

  const context = async (req: IncomingMessage): Promise<GraphQLContext> => {
    const requestId = requestIdOf(req.headers);
    const caller = authenticate(req.headers.authorization, config.apiKeys);
    if (caller === 'invalid') throw unauthenticated('The API key is not valid');
    if (caller === null && config.readsRequireKey) throw unauthenticated('This API requires an API key');
    const wantsDebug = req.headers['x-diplograph-debug'] === '1';
    const ctx: GraphQLContext = {
      requestId,
      log: log.child({ requestId }),
      config,
      db: db.withStats(new DbStats()),
      caller,
      debug: wantsDebug && (config.nodeEnv !== 'production' || caller?.role === 'admin'),
      scope: new RequestScope(() => ctx),
    };
    return ctx;
  };

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const metrics = createMetricsHandler(config.metrics);
  app.get('/metrics', (req, res, next) => void metrics(req, res).then((done) => done || next(), next));
  app.get('/ready', async (_req, res) => {
    const readiness = await checkReadiness(db, schemaDir);
    res.status(readiness.ready ? 200 : 503).json(readiness);
  });
  // POST /graphql takes the direct route (graphql-route.ts); Express serves the rest of /graphql (GET queries, the
  // landing page) and answers the errors the direct route hands over.
  app.use(
    '/graphql',
    (req, _res, next) => {
      const error = handedOver.get(req);
      handedOver.delete(req);
      next(error);
    },
    parseBody,
    expressMiddleware(apollo, { context: ({ req }) => context(req) }),
  );

  return {
    server,
    apollo,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: async () => {
      await apollo.stop();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
