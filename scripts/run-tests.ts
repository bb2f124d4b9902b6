import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { EmbeddedNeo4j } from '../src/shared/neo4j/embedded-neo4j';
import { freePort } from '../test/helpers/free-port';

/**
 * `npm test`: starts one embedded Neo4j on a free port with a fresh data folder (unless NEO4J_URI is set), runs
 * every compiled test file with node's test runner, one file at a time since they share the database, then stops it.
 */
function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return findTests(full);
    return name.endsWith('.test.js') ? [full] : [];
  });
}

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..', '..');
  const filter = process.argv.slice(2);
  const files = [...findTests(path.join(root, 'dist', 'src')), ...findTests(path.join(root, 'dist', 'test'))].filter(
    (file) => filter.length === 0 || filter.some((f) => file.includes(f)),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test' };
  let embedded: EmbeddedNeo4j | null = null;
  let dataDir: string | null = null;
  if (!process.env.NEO4J_URI) {
    dataDir = mkdtempSync(path.join(tmpdir(), 'diplograph-test-neo4j-'));
    const config = loadConfig({ ...env, EMBEDDED_NEO4J_DATA: dataDir, EMBEDDED_NEO4J_PORT: String(await freePort()) });
    embedded = await EmbeddedNeo4j.start(config.projectRoot, config.embedded, createLogger('info'));
    env.NEO4J_URI = embedded.uri;
  }
  // A real Redis for the subscription tests across processes (REDIS_TEST_URL), unless one is given.
  const redis = process.env.REDIS_TEST_URL ? null : await startRedis();
  if (redis) env.REDIS_TEST_URL = redis.url;
  try {
    return await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], { stdio: 'inherit', env });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  } finally {
    redis?.stop();
    await embedded?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Starts redis-server (Debian's package; .ci/run installs it) on a free port, without persistence.
 * @throws when redis-server is missing or does not report ready within 10 s.
 */
async function startRedis(): Promise<{ url: string; stop(): void }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('redis-server did not start within 10 s')), 10_000);
    let output = '';
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Cannot start redis-server (apt-get install redis-server): ${error.message}`));
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout!.resume();
        resolve();
      }
    });
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  },
);
