import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { authenticate } from '../auth/api-keys';
import type { HttpHandler } from '../shared/http/http-handler';
import { requestPath, sendGraphQLError, sendJson } from '../shared/http/http-handler';
import type { AppConfig } from '../shared/config';
import { AppError, BadUserInputError, ErrorCode } from '../shared/errors';
import type { Logger } from '../shared/logger';
import type { Database } from '../shared/neo4j/database';
import { parseBundleParams, parseNeighborhoodParams, parseStatementParams } from './export-params';
import {
  bundleJson,
  neighborhood,
  neighborhoodGexf,
  neighborhoodGraphml,
  statementsCsv,
  statementsJsonl,
  statementsJsonLd,
} from './export.service';
import { JSONLD_CONTEXT } from './statement-formats';

/** Where the exports live; every path below it is one of EXPORT_PATHS. */
export const EXPORT_PREFIX = '/export/';

interface Export {
  type: string;
  /** The file name a browser saves it as. */
  filename: string;
  /** Checks the parameters (throwing BadUserInputError) before anything is sent, then streams the body. */
  body(db: Database, params: URLSearchParams): Promise<AsyncIterable<string> | Iterable<string>>;
}

/** The export endpoints by path, with their media types. */
const EXPORTS: Record<string, Export> = {
  '/export/statements.csv': {
    type: 'text/csv; charset=utf-8; header=present',
    filename: 'statements.csv',
    body: async (db, params) => {
      const { criteria, bom } = parseStatementParams(params);
      return statementsCsv(db, criteria, bom);
    },
  },
  '/export/statements.jsonl': {
    type: 'application/jsonl; charset=utf-8',
    filename: 'statements.jsonl',
    body: async (db, params) => statementsJsonl(db, parseStatementParams(params).criteria),
  },
  '/export/statements.jsonld': {
    type: 'application/ld+json; charset=utf-8',
    filename: 'statements.jsonld',
    body: async (db, params) => statementsJsonLd(db, parseStatementParams(params).criteria),
  },
  '/export/neighborhood.graphml': {
    type: 'application/graphml+xml; charset=utf-8',
    filename: 'neighborhood.graphml',
    body: async (db, params) => {
      const { start, depth } = parseNeighborhoodParams(params);
      return neighborhoodGraphml(await neighborhood(db, start, depth));
    },
  },
  '/export/neighborhood.gexf': {
    type: 'application/gexf+xml; charset=utf-8',
    filename: 'neighborhood.gexf',
    body: async (db, params) => {
      const { start, depth } = parseNeighborhoodParams(params);
      return neighborhoodGexf(await neighborhood(db, start, depth));
    },
  },
  '/export/bundle.json': {
    type: 'application/json; charset=utf-8',
    filename: 'diplograph-bundle.json',
    body: async (db, params) => {
      parseBundleParams(params);
      return bundleJson(db, `Diplograph backup of ${new Date().toISOString()}`);
    },
  },
};

/** Whether a request is for the exports (for mounting behind `whenReady`). */
export function isExportRequest(req: IncomingMessage): boolean {
  return requestPath(req).startsWith(EXPORT_PREFIX);
}

/** The paths answered, for the README and tests. */
export const EXPORT_PATHS = [...Object.keys(EXPORTS), '/export/context.jsonld'];

function status(error: AppError): number {
  if (error.extensions.code === ErrorCode.NOT_FOUND) return 404;
  if (error.extensions.code === ErrorCode.SERVICE_UNAVAILABLE) return 503;
  return 400;
}

/**
 * The export endpoints under /export/ (GET and HEAD), with the same authentication as GraphQL reads: a key that
 * names no configured key is 401, and so is no key when READS_REQUIRE_KEY. Bad parameters are 400 with a GraphQL
 * error body naming each parameter (`extensions.problems[].path`). The body is streamed with backpressure (a
 * client that reads slowly slows the database reads down); a client that goes away stops the export.
 */
export function exportRoutes(config: AppConfig, database: () => Database | null, log: Logger): HttpHandler {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = requestPath(req);
    if (!path.startsWith(EXPORT_PREFIX)) return false;
    const entry = EXPORTS[path];
    if (!entry && path !== '/export/context.jsonld') {
      sendGraphQLError(req, res, 404, ErrorCode.NOT_FOUND, `No export at ${path}; exports: ${EXPORT_PATHS.join(', ')}`);
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendGraphQLError(req, res, 405, ErrorCode.BAD_REQUEST, `Exports answer GET and HEAD only`, {
        allow: 'GET, HEAD',
      });
      return true;
    }
    const caller = authenticate(req.headers.authorization, config.apiKeys);
    if (caller === 'invalid' || (caller === null && config.readsRequireKey)) {
      const message = caller === 'invalid' ? 'The API key is not valid' : 'This API requires an API key';
      sendGraphQLError(req, res, 401, ErrorCode.UNAUTHENTICATED, message, { 'www-authenticate': 'Bearer' });
      return true;
    }
    if (!entry) {
      sendJson(res, 200, { '@context': JSONLD_CONTEXT }, {}, req);
      return true;
    }
    const db = database();
    if (!db) {
      sendGraphQLError(req, res, 503, ErrorCode.SERVICE_UNAVAILABLE, 'The server is starting', { 'retry-after': '5' });
      return true;
    }
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    let body: AsyncIterable<string> | Iterable<string>;
    try {
      body = await entry.body(db, params);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problems = error instanceof BadUserInputError ? { problems: error.problems } : {};
      const payload = {
        errors: [{ message: error.message, extensions: { code: error.extensions.code, ...problems } }],
      };
      sendJson(res, status(error), payload, {}, req);
      return true;
    }
    res.writeHead(200, {
      'content-type': entry.type,
      'content-disposition': `attachment; filename="${entry.filename}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return true;
    }
    const started = Date.now();
    try {
      await pipeline(Readable.from(body, { objectMode: false, highWaterMark: 64 * 1024 }), res);
      log.info({ path, ms: Date.now() - started }, 'Export sent');
    } catch (error) {
      // Headers are gone: all that is left is to cut the response short, which the client sees as a failed download.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
        log.error({ err: error, path }, 'Export failed while streaming');
      }
      res.destroy();
    }
    return true;
  };
}
