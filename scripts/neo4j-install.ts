import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { ensureEmbeddedNeo4jBuilt } from '../src/shared/neo4j/embedded-neo4j';

/** `npm run neo4j:install`: fetches the Neo4j jars and builds the launcher ahead of the first start. */
const config = loadConfig();
ensureEmbeddedNeo4jBuilt(config.projectRoot, createLogger(config.logLevel)).catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
