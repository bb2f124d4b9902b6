import 'reflect-metadata';
import { ConfigError, loadConfig } from './shared/config';
import { createLogger } from './shared/logger';
import { EmbeddedNeo4jError } from './shared/neo4j/embedded-neo4j';
import { startRuntime } from './server/runtime';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  let runtime;
  try {
    runtime = await startRuntime(config, log);
  } catch (error) {
    if (error instanceof EmbeddedNeo4jError) process.stderr.write(`${error.message}\n`);
    log.fatal({ err: error }, 'Start-up failed');
    process.exit(1);
  }
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, 'Shutting down');
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
