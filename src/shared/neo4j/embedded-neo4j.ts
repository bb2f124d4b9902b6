import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EmbeddedNeo4jOptions } from '../config';
import type { Logger } from '../logger';

/** Raised when the embedded Neo4j cannot be built or started; the message says what to do instead. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const ALTERNATIVES =
  'Alternatives: run `docker compose up` (Neo4j and the API in containers), ' +
  'or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use a Neo4j server you already have.';

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

function launcherDir(projectRoot: string): string {
  return path.join(projectRoot, 'neo4j-embedded');
}

function hasCommand(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

function buildFingerprint(dir: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(dir, 'pom.xml')));
  hash.update(readFileSync(path.join(dir, 'src/main/java/io/diplograph/neo4j/EmbeddedNeo4j.java')));
  return hash.digest('hex');
}

/**
 * Builds the launcher and fetches the Neo4j jars from Maven Central once; later calls return at once. A missing
 * `java` or `mvn` gives one message naming the alternatives.
 */
export async function ensureEmbeddedNeo4jBuilt(projectRoot: string, log: Logger): Promise<void> {
  const dir = launcherDir(projectRoot);
  const marker = path.join(dir, 'target', 'lib', '.diplograph-build');
  const fingerprint = buildFingerprint(dir);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return;

  if (!hasCommand('java', ['-version'])) {
    throw new EmbeddedNeo4jError(
      `The embedded Neo4j needs Java 17 or newer, and \`java\` was not found. ${ALTERNATIVES}`,
    );
  }
  if (!hasCommand('mvn', ['-v'])) {
    throw new EmbeddedNeo4jError(
      `The embedded Neo4j needs Maven to fetch its jars, and \`mvn\` was not found. ${ALTERNATIVES}`,
    );
  }
  log.info('Fetching Neo4j 5.26 jars from Maven Central and building the launcher (first start only, about 120 MB)');
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('mvn', ['-B', '-f', path.join(dir, 'pom.xml'), 'package', '-DskipTests'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let fetched = 0;
    const tail: string[] = [];
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > 40) tail.shift();
      if (line.includes('Downloaded from')) {
        fetched += 1;
        if (fetched % 100 === 0) log.info({ fetched }, `Neo4j jars: ${fetched} files fetched so far`);
      }
    };
    createInterface({ input: child.stdout! }).on('line', onLine);
    createInterface({ input: child.stderr! }).on('line', onLine);
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new EmbeddedNeo4jError(`Maven could not build the launcher (exit ${code}):\n${tail.join('\n')}`));
    });
  });
  mkdirSync(path.dirname(marker), { recursive: true });
  writeFileSync(marker, fingerprint);
  log.info({ seconds: Math.round((Date.now() - started) / 1000) }, 'Neo4j jars ready');
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
    await ensureEmbeddedNeo4jBuilt(projectRoot, log);
    const dir = launcherDir(projectRoot);
    mkdirSync(options.dataDir, { recursive: true });
    const classpath = [path.join(dir, 'target', 'classes'), path.join(dir, 'target', 'lib', '*')].join(path.delimiter);
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
