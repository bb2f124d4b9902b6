import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { EmbeddedNeo4jOptions } from '../config';
import type { Logger } from '../logger';
import { recordEmbeddedRestart } from '../observability/metrics';

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

/** The first few lines of a JVM's stderr and why it ended, for the log line that says why Neo4j died. */
function exitReason(code: number | null, signal: NodeJS.Signals | null, stderrTail: readonly string[]): string {
  const oom = stderrTail.find((line) => line.includes('OutOfMemoryError'));
  if (oom) return `out of memory (${oom.trim()}); raise EMBEDDED_NEO4J_HEAP or lower the load`;
  if (signal === 'SIGKILL') return 'killed with SIGKILL (kill -9, or the kernel ran out of memory: see dmesg)';
  if (signal) return `ended by ${signal}`;
  const last = stderrTail
    .filter((line) => line.trim())
    .slice(-3)
    .join(' | ');
  return `exited with code ${code}${last ? `: ${last}` : ''}`;
}

/** One JVM process of the launcher, and the last lines it wrote to stderr. */
interface Jvm {
  child: ChildProcess;
  stderrTail: string[];
  exited: Promise<void>;
}

/**
 * A running embedded Neo4j: a child JVM that exits when stopped, or by itself when this process goes away.
 *
 * When the JVM dies on its own (kill -9, the OOM killer, a crash), this side restarts it on the same port and data
 * folder, so a driver reconnects by itself: Neo4j recovers its store from the transaction log, and what it had
 * committed is there. The restart is here, in the parent, because a JVM killed with SIGKILL cannot restart itself.
 * Restarts back off (1 s, 2 s, 4 s ... at most 30 s) and are bounded: after `maxRestarts` within `restartWindowMs`
 * the launcher gives up, logs it at fatal level and emits `gave-up`. Every death is logged with its reason.
 */
export class EmbeddedNeo4j extends EventEmitter<{ restarted: []; 'gave-up': [reason: string] }> {
  private stopping = false;
  private restartTimes: number[] = [];
  private wakeRestart: (() => void) | null = null;

  private constructor(
    private jvm: Jvm,
    readonly uri: string,
    private readonly args: string[],
    private readonly options: EmbeddedNeo4jOptions,
    private readonly log: Logger,
  ) {
    super();
    this.watch(jvm);
  }

  /** The JVM's process id (a new one after a restart). */
  get pid(): number | undefined {
    return this.jvm.child.pid;
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
    const jvm = EmbeddedNeo4j.spawnJvm(args, log);
    const uri = await EmbeddedNeo4j.ready(jvm, log);
    return new EmbeddedNeo4j(jvm, uri, args, options, log);
  }

  private static spawnJvm(args: string[], log: Logger): Jvm {
    // stdin stays an open pipe we never write to: the JVM exits when it closes, so it cannot outlive us.
    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stderrTail: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > 20) stderrTail.shift();
      log.debug({ neo4j: line }, 'embedded neo4j stderr');
    });
    const exited = new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
    return { child, stderrTail, exited };
  }

  /** Resolves with the Bolt URI once the JVM prints its ready line; rejects when it fails or exits first. */
  private static async ready(jvm: Jvm, log: Logger): Promise<string> {
    const { child, stderrTail } = jvm;
    const started = Date.now();
    const uri = await new Promise<string>((resolve, reject) => {
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
    return uri;
  }

  private watch(jvm: Jvm): void {
    jvm.child.once('exit', (code, signal) => {
      if (this.stopping || jvm !== this.jvm) return;
      const reason = exitReason(code, signal, jvm.stderrTail);
      this.log.error({ pid: jvm.child.pid, code, signal, reason }, `Embedded Neo4j died: ${reason}; restarting it`);
      void this.restart(reason);
    });
  }

  private async restart(reason: string): Promise<void> {
    const { maxRestarts, restartWindowMs } = this.options;
    while (!this.stopping) {
      const now = Date.now();
      this.restartTimes = this.restartTimes.filter((at) => now - at < restartWindowMs);
      if (this.restartTimes.length >= maxRestarts) {
        this.log.fatal(
          { restarts: this.restartTimes.length, windowMinutes: restartWindowMs / 60_000, reason },
          `Embedded Neo4j died ${this.restartTimes.length + 1} times in ${restartWindowMs / 60_000} minutes; ` +
            'not restarting it again (EMBEDDED_NEO4J_MAX_RESTARTS). Restart Diplograph once the cause is fixed.',
        );
        recordEmbeddedRestart('gave_up');
        this.emit('gave-up', reason);
        return;
      }
      this.restartTimes.push(now);
      const attempt = this.restartTimes.length;
      await this.pause(Math.min(1000 * 2 ** (attempt - 1), 30_000));
      if (this.stopping) return;
      const jvm = EmbeddedNeo4j.spawnJvm(this.args, this.log);
      this.jvm = jvm;
      try {
        await EmbeddedNeo4j.ready(jvm, this.log);
      } catch (error) {
        if (this.stopping) return;
        reason = (error as Error).message;
        this.log.error({ attempt, reason }, 'Embedded Neo4j restart failed');
        recordEmbeddedRestart('failed');
        jvm.child.kill('SIGKILL');
        await jvm.exited;
        continue;
      }
      if (this.stopping) return;
      this.log.warn({ attempt, pid: jvm.child.pid }, 'Embedded Neo4j restarted');
      recordEmbeddedRestart('restarted');
      this.watch(jvm);
      this.emit('restarted');
      return;
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeRestart = done;
    });
  }

  /** Stops the JVM cleanly (Neo4j flushes and releases its lock), killing it if it hangs; cancels any restart. */
  async stop(timeoutMs = 60_000): Promise<void> {
    this.stopping = true;
    this.wakeRestart?.();
    const { child, exited } = this.jvm;
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.stdin?.end();
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      await exited;
    } finally {
      clearTimeout(timer);
    }
  }
}
