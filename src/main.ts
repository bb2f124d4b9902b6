import 'reflect-metadata';
import { ConfigError, loadConfig } from './shared/config';
import { createLogger } from './shared/logger';
import { EmbeddedNeo4jError } from './shared/neo4j/embedded-classpath';
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
  log.info({ nodeEnv: config.nodeEnv }, 'Starting Diplograph');
  // Signals are handled from the start: the server listens before start-up is done, and a SIGTERM then must
  // still drain, close the driver and stop the embedded Neo4j.
  let stopRuntime: (() => Promise<void>) | null = null;
  let signalled = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (signalled) return;
    signalled = true;
    log.info({ signal }, 'Shutting down');
    (stopRuntime ?? (() => Promise.resolve()))().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'Shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    await startRuntime(config, log, { listening: (_port, _startup, stop) => (stopRuntime = stop) });
  } catch (error) {
    if (signalled) return; // stopped by a signal while starting: shutdown() exits
    if (error instanceof EmbeddedNeo4jError) process.stderr.write(`${error.message}\n`);
    log.fatal({ err: error }, 'Start-up failed');
    process.exit(1);
  }
}

void main();
