import type { IncomingMessage, ServerResponse } from 'node:http';
import { requestPath, sendJson, type HttpHandler } from '../shared/http/http-handler';
import type { Startup } from './startup';

/** Seconds a client is told to wait (Retry-After) while the server starts. */
export const STARTING_RETRY_AFTER_SECONDS = 5;

/**
 * `GET /health` (liveness) and `GET /ready` (readiness), also for HEAD.
 * - /health: 200 `{ "status": "ok" }` whenever the process can answer, from the first second of start-up.
 * - /ready while starting: 503 `{ "ready": false, "waitingFor": ["database", ...] }` (see STARTUP_STEPS) with
 *   `Retry-After`; once started: 200 `{ "ready": true, "neo4j": true, "migrations": true }` when Neo4j answers
 *   and every migration is recorded, else 503 with which is false. The database's own error message is shown
 *   only when `showErrors` (development): in production it may name internals.
 */
export function healthRoutes(startup: Startup, schemaDir: string, showErrors: boolean): HttpHandler {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = requestPath(req);
    if (path === '/health') {
      sendJson(res, 200, { status: 'ok' }, {}, req);
      return true;
    }
    if (path !== '/ready') return false;
    const db = startup.db;
    if (!startup.ready || !db) {
      const headers = { 'retry-after': String(STARTING_RETRY_AFTER_SECONDS) };
      sendJson(res, 503, { ready: false, waitingFor: startup.waitingFor() }, headers, req);
      return true;
    }
    // Loaded on first use: it brings the Neo4j driver, which must not delay listening at start-up.
    const { checkReadiness } = await import('./readiness');
    const { error, ...readiness } = await checkReadiness(db, schemaDir);
    sendJson(res, readiness.ready ? 200 : 503, showErrors && error ? { ...readiness, error } : readiness, {}, req);
    return true;
  };
}
