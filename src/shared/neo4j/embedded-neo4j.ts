import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EmbeddedNeo4jOptions } from '../config';
import type { Logger } from '../logger';
import { EmbeddedNeo4jError, embeddedClasspath } from './embedded-classpath';

export { EmbeddedNeo4jError } from './embedded-classpath';

// Neo4j 5 reaches into these JDK internals; without the flags Java 17 refuses at start-up.
const JVM_FLAGS = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
];

/** Compiles the launcher and resolves the Neo4j jars ahead of the first start (`npm run neo4j:install`). */
export async function ensureEmbeddedNeo4jBuilt(projectRoot: string, log: Logger): Promise<void> {
  await embeddedClasspath(projectRoot, log);
}

/** A running embedded Neo4j: a child JVM that exits when stopped, or by itself when this process goes away. */
export class EmbeddedNeo4j {
  private exited: Promise<number | null>;

  private constructor(
    private readonly child: ChildProcess,
    readonly uri: string,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null) resolve(child.exitCode);
      else child.once('exit', (code) => resolve(code));
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /**
   * Starts Neo4j on 127.0.0.1 and resolves once its default database answers (the launcher prints a ready line).
   * @throws EmbeddedNeo4jError when the store is locked by another process, the port is taken, or the JVM dies.
   */
  static async start(projectRoot: string, options: EmbeddedNeo4jOptions, log: Logger): Promise<EmbeddedNeo4j> {
    const classpath = (await embeddedClasspath(projectRoot, log)).join(path.delimiter);
    mkdirSync(options.dataDir, { recursive: true });
    const args = [
      `-Xmx${options.heap}`,
      ...JVM_FLAGS,
      '-cp',
      classpath,
      'io.diplograph.neo4j.EmbeddedNeo4j',
      '--home',
      options.dataDir,
      '--port',
      String(options.port),
      '--page-cache',
      String(options.pageCacheBytes),
      '--tx-memory',
      String(options.txMemoryBytes),
    ];
    log.info({ port: options.port, dataDir: options.dataDir }, 'Starting embedded Neo4j');
    // stdin stays an open pipe we never write to: the JVM exits when it closes, so it cannot outlive us.
    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const started = Date.now();
    const uri = await new Promise<string>((resolve, reject) => {
      const stderrTail: string[] = [];
      createInterface({ input: child.stderr! }).on('line', (line) => {
        stderrTail.push(line);
        if (stderrTail.length > 20) stderrTail.shift();
        log.debug({ neo4j: line }, 'embedded neo4j stderr');
      });
      createInterface({ input: child.stdout! }).on('line', (line) => {
        if (line.startsWith('NEO4J_READY ')) resolve(line.split(' ')[1]!);
        else if (line.startsWith('NEO4J_ERROR ')) {
          reject(new EmbeddedNeo4jError(`Embedded Neo4j failed to start: ${line.slice('NEO4J_ERROR '.length)}`));
        } else log.debug({ neo4j: line }, 'embedded neo4j');
      });
      child.on('error', (error) => reject(new EmbeddedNeo4jError(`Could not run java: ${error.message}`)));
      child.on('exit', (code) =>
        reject(
          new EmbeddedNeo4jError(`Embedded Neo4j exited (code ${code}) before it was ready\n${stderrTail.join('\n')}`),
        ),
      );
    });
    log.info({ uri, ms: Date.now() - started }, 'Embedded Neo4j ready');
    return new EmbeddedNeo4j(child, uri);
  }

  /** Stops the JVM cleanly (Neo4j flushes and releases its lock), killing it if it hangs. */
  async stop(timeoutMs = 60_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin?.end();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    try {
      await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
