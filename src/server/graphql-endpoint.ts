import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { authenticate } from '../auth/api-keys';
import { AuthThrottle } from '../auth/auth-throttle';
import { authorizedFields } from '../auth/operation-roles';
import { debugExtensionPlugin } from '../plugins/debug-extension.plugin';
import { createFormatError } from '../plugins/format-error';
import { operationAuthPlugin } from '../plugins/operation-auth.plugin';
import { observabilityPlugin } from '../plugins/observability.plugin';
import { queryCostPlugin } from '../plugins/query-cost.plugin';
import { documentLimitsPlugin } from '../plugins/document-limits.plugin';
import { fieldPlanPlugin } from '../plugins/field-plan.plugin';
import { validationRules } from '../plugins/query-limits';
import { requestLogPlugin } from '../plugins/request-log.plugin';
import { PersistedDocumentsCache, trustedDocumentsPlugin } from '../plugins/trusted-documents.plugin';
import { buildGraphQLSchema } from '../schema';
import type { AppConfig } from '../shared/config';
import { TrustedDocuments } from '../shared/graphql/trusted-documents';
import { RequestScope, type GraphQLContext } from '../shared/context';
import { ErrorCode, UnauthenticatedError } from '../shared/errors';
import type { Logger } from '../shared/logger';
import { DbStats } from '../shared/neo4j/database';
import { requestIdOf } from '../shared/observability/request-id';
import { STARTING_RETRY_AFTER_SECONDS } from './health';
import { etagOf, notModified, readCacheHeaders } from './http-cache';
import { GRAPHQL_PATH, requestPath, sendGraphQLError, type HttpHandler } from '../shared/http/http-handler';
import { readRequestBody, RequestBodyError } from './request-body';
import type { Startup } from './startup';

function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * The GraphQL endpoint: Apollo Server driven straight from node:http through `executeHTTPGraphQLRequest`, with
 * no web framework in between (one path for every request to /graphql). In order, a request to /graphql is:
 * 1. answered 503 SERVICE_UNAVAILABLE with `Retry-After` while the server starts (`startup` not ready);
 * 2. answered 429 TOO_MANY_REQUESTS with `Retry-After` when it carries a key and its client is throttled for
 *    failed authentications (see AuthThrottle);
 * 3. read: a POST body over MAX_BODY_SIZE is 413 PAYLOAD_TOO_LARGE, malformed JSON 400 BAD_REQUEST;
 * 4. authenticated (a key that names no configured key: 401 UNAUTHENTICATED, counted by the throttle) and run.
 * Refusals 1-3 are GraphQL JSON error bodies, never HTML.
 */
export class GraphQLEndpoint {
  private apollo: ApolloServer<GraphQLContext> | null = null;
  /** The executable schema, once started (the subscription transport serves it too). */
  schema: GraphQLSchema | null = null;
  /** The registered operations (config.trustedDocuments), once started; the subscription transports use them too. */
  documents: TrustedDocuments | null = null;
  private readonly throttle: AuthThrottle;

  constructor(
    private readonly config: AppConfig,
    private readonly startup: Startup,
    private readonly log: Logger,
  ) {
    this.throttle = new AuthThrottle(config.http.authFailuresPerMinute);
  }

  /**
   * Builds the schema and starts Apollo (the `graphql` start-up step); `server` is drained by Apollo on stop.
   * Requests are answered 503 until the whole start-up is done.
   */
  async start(server: Server): Promise<void> {
    const development = this.config.nodeEnv === 'development';
    const schema = await buildGraphQLSchema();
    this.schema = schema;
    const trusted = this.config.trustedDocuments;
    const documents = TrustedDocuments.fromFiles(trusted.files);
    this.documents = documents;
    const apollo = new ApolloServer<GraphQLContext>({
      schema,
      validationRules: validationRules(this.config.limits),
      parseOptions: { maxTokens: this.config.limits.maxTokens },
      formatError: createFormatError(development),
      includeStacktraceInErrorResponses: development,
      introspection: this.config.introspection,
      // Registered operations resolve by id in either mode; APQ registers further texts only outside trusted mode.
      persistedQueries: { cache: PersistedDocumentsCache.forMode(documents, trusted.enforce) },
      // main.ts owns the signals: it drains HTTP, then closes the driver, then stops the embedded database.
      stopOnTerminationSignals: false,
      plugins: [
        // No cache hints are used; Apollo's default cache-control plugin would still wrap every field resolver.
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginDrainHttpServer({ httpServer: server }),
        // GraphiQL, built from npm (src/web), replaces Apollo's landing page, which loads Sandbox from a CDN.
        ApolloServerPluginLandingPageDisabled(),
        requestLogPlugin(),
        ...(trusted.enforce
          ? [
              trustedDocumentsPlugin(documents, {
                introspection: this.config.introspection,
                maxTokens: this.config.limits.maxTokens,
              }),
            ]
          : []),
        debugExtensionPlugin(),
        operationAuthPlugin(authorizedFields()),
        queryCostPlugin(this.config.limits),
        documentLimitsPlugin(this.config.limits),
        fieldPlanPlugin(),
        observabilityPlugin(),
      ],
    });
    await apollo.start();
    this.apollo = apollo;
  }

  /** Stops Apollo (which drains the HTTP server); does nothing when it never started. */
  async stop(): Promise<void> {
    await this.apollo?.stop();
  }

  /** The node:http handler of /graphql (see HttpHandler). */
  readonly handler: HttpHandler = async (req, res) => {
    if (requestPath(req) !== GRAPHQL_PATH) return false;
    const apollo = this.apollo;
    if (!this.startup.ready || !apollo) {
      sendGraphQLError(req, res, 503, ErrorCode.SERVICE_UNAVAILABLE, this.startup.startingMessage(), {
        'retry-after': String(STARTING_RETRY_AFTER_SECONDS),
      });
      return true;
    }
    if (req.headers.authorization !== undefined) {
      const wait = await this.throttle.retryAfterSeconds(clientAddress(req));
      if (wait > 0) {
        const message = `Too many failed authentications from this address; try again in ${wait} s`;
        sendGraphQLError(req, res, 429, ErrorCode.TOO_MANY_REQUESTS, message, { 'retry-after': String(wait) });
        return true;
      }
    }
    let body: unknown;
    try {
      body = req.method === 'POST' ? await readRequestBody(req, this.config.limits.bodyLimitBytes) : undefined;
    } catch (error) {
      if (!(error instanceof RequestBodyError)) throw error;
      sendGraphQLError(req, res, error.status, error.code, error.message);
      return true;
    }
    await this.execute(apollo, req, res, body);
    return true;
  };

  private async execute(
    apollo: ApolloServer<GraphQLContext>,
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
  ): Promise<void> {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method ?? 'GET',
        headers,
        search: query === -1 ? '' : url.slice(query),
        body,
      },
      context: () => this.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      // GET reads can be revalidated by a browser or CDN: ETag, Cache-Control, and 304 on If-None-Match.
      if ((req.method === 'GET' || req.method === 'HEAD') && res.statusCode === 200) {
        const etag = etagOf(response.body.string);
        for (const [key, value] of Object.entries(readCacheHeaders(req, etag))) res.setHeader(key, value);
        if (notModified(req, etag)) {
          res.statusCode = 304;
          res.removeHeader('content-type');
          res.end();
          return;
        }
      }
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(req.method === 'HEAD' ? undefined : response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  private async context(req: IncomingMessage): Promise<GraphQLContext> {
    const { config, log } = this;
    const requestId = requestIdOf(req.headers);
    const caller = authenticate(req.headers.authorization, config.apiKeys);
    if (caller === 'invalid') {
      await this.throttle.recordFailure(clientAddress(req));
      throw new UnauthenticatedError('The API key is not valid', { http: { status: 401 } });
    }
    if (caller === null && config.readsRequireKey) {
      throw new UnauthenticatedError('This API requires an API key', { http: { status: 401 } });
    }
    const wantsDebug = req.headers['x-diplograph-debug'] === '1';
    const ctx: GraphQLContext = {
      requestId,
      log: log.child({ requestId }),
      config,
      db: this.startup.db!.withStats(new DbStats()),
      caller,
      debug: wantsDebug && (config.nodeEnv !== 'production' || caller?.role === 'admin'),
      scope: new RequestScope(() => ctx),
    };
    return ctx;
  }
}
