import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../logger';

/** Raised when the embedded Neo4j cannot be built or started; the message says what to do instead. */
export class EmbeddedNeo4jError extends Error {
  override name = 'EmbeddedNeo4jError';
}

const ALTERNATIVES =
  'Alternatives: run `docker compose up` (Neo4j and the API in containers), ' +
  'or set NEO4J_URI (with NEO4J_USER and NEO4J_PASSWORD) to use a Neo4j server you already have.';

/** The cache: which build it belongs to, and the classpath entries (compiled classes first, then jars). */
interface ClasspathCache {
  fingerprint: string;
  entries: string[];
}

/** The Maven module of the launcher. */
export function launcherDir(projectRoot: string): string {
  return path.join(projectRoot, 'neo4j-embedded');
}

function cacheFile(dir: string): string {
  return path.join(dir, 'target', 'diplograph-classpath.json');
}

function hasCommand(command: string, args: string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return result.error === undefined && result.status === 0;
}

/** What the classpath depends on: the pom (jars and versions) and the launcher's source. */
function buildFingerprint(dir: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(path.join(dir, 'pom.xml')));
  hash.update(readFileSync(path.join(dir, 'src/main/java/io/diplograph/neo4j/EmbeddedNeo4j.java')));
  return hash.digest('hex');
}

function cachedClasspath(dir: string, fingerprint: string): string[] | null {
  try {
    const cache = JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as ClasspathCache;
    if (cache.fingerprint !== fingerprint || !Array.isArray(cache.entries) || cache.entries.length < 2) return null;
    // A jar removed from ~/.m2 (a cleaned repository) makes the cache stale, not the start fail.
    return cache.entries.every((entry) => existsSync(entry)) ? cache.entries : null;
  } catch {
    return null;
  }
}

/** Runs Maven; resolves its exit code, keeping the last lines of its output for an error message. */
function runMaven(args: string[], log: Logger, tail: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn('mvn', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let fetched = 0;
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
    child.on('exit', resolve);
  });
}

/**
 * The Java classpath of the embedded launcher: `neo4j-embedded/target/classes` and the Neo4j jars where Maven
 * keeps them (the local repository, ~/.m2), nothing copied. Maven runs only when the cache
 * (`neo4j-embedded/target/diplograph-classpath.json`) is missing, belongs to another pom.xml or launcher source
 * (a SHA-256 of both), or names a jar that no longer exists: once after a clone, and again only when those
 * change. Maven then compiles the launcher and resolves the jars, offline first (about 5 s when the jars are
 * already in ~/.m2), online when a jar is missing (the first run on a machine fetches about 120 MB from Maven
 * Central). A warm start reads one small file and checks that ~210 jars exist.
 * @returns the classpath entries, classes first.
 * @throws EmbeddedNeo4jError when `java` or `mvn` is missing, or Maven fails (with the end of its output).
 */
export async function embeddedClasspath(projectRoot: string, log: Logger): Promise<string[]> {
  const dir = launcherDir(projectRoot);
  const fingerprint = buildFingerprint(dir);
  const cached = cachedClasspath(dir, fingerprint);
  if (cached) return cached;

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
  const listFile = path.join(dir, 'target', 'classpath.txt');
  const goals = [
    '-B',
    '-f',
    path.join(dir, 'pom.xml'),
    'compile',
    'dependency:build-classpath',
    `-Dmdep.outputFile=${listFile}`,
    '-Dmdep.includeScope=runtime',
  ];
  const started = Date.now();
  const tail: string[] = [];
  log.info('Resolving the Neo4j 5.26 jars and compiling the embedded launcher (after a clone, or a pom.xml change)');
  let code = await runMaven(['-o', '-q', ...goals], log, tail);
  if (code !== 0) {
    log.info('Fetching the Neo4j 5.26 jars from Maven Central (first start on this machine, about 120 MB)');
    tail.length = 0;
    code = await runMaven(goals, log, tail);
  }
  if (code !== 0) {
    throw new EmbeddedNeo4jError(`Maven could not build the launcher (exit ${code}):\n${tail.join('\n')}`);
  }
  const jars = readFileSync(listFile, 'utf8').trim().split(path.delimiter).filter(Boolean);
  const entries = [path.join(dir, 'target', 'classes'), ...jars];
  mkdirSync(path.dirname(cacheFile(dir)), { recursive: true });
  writeFileSync(cacheFile(dir), JSON.stringify({ fingerprint, entries } satisfies ClasspathCache));
  log.info({ seconds: Math.round((Date.now() - started) / 1000), jars: jars.length }, 'Neo4j jars ready');
  return entries;
}
