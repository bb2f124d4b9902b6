import path from 'node:path';
import type { AppConfig } from '../shared/config';
import { createGraphiQLHandler } from './graphiql.handler';
import { createWebAppHandler, type HttpHandler } from './web-app.handler';

/** Where npm run build writes the browser front ends. */
export function webDir(config: AppConfig): string {
  return path.join(config.projectRoot, 'dist', 'web');
}

/**
 * The browser side of the server as one plain node:http route: GraphiQL first (it owns browser GETs of
 * /graphql), then the explorer and its assets. Resolves false for everything the API answers.
 */
export function createWebRoutes(config: AppConfig): HttpHandler {
  const dir = webDir(config);
  const handlers = [createGraphiQLHandler(dir, config.ide), createWebAppHandler(dir)];
  return async (req, res) => {
    for (const handler of handlers) if (await handler(req, res)) return true;
    return false;
  };
}
