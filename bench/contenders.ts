import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../test/helpers/free-port';

/** A contender's HTTP server running as a child process. */
export interface Contender {
  name: 'diplograph' | 'floor' | 'peer';
  port: number;
  pid: number;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** The editor key the write workloads send to the Diplograph started for the run (only its hash is configured). */
export const BENCH_API_KEY = 'bench-editor-key-for-the-write-workloads';

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
}

/** Starts a bench server script and waits for its `READY <port>` line. */
async function startScript(name: 'floor' | 'peer', script: string, uri: string): Promise<Contender> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'dist', 'bench', script), '--uri', uri, '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('READY ')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} server exited (${code}) before it was ready`)));
  });
  return { name, port, pid: child.pid!, stop: stopper(child) };
}

/**
 * Starts Diplograph itself (dist/src/main.js) on the bench database, and waits until /ready answers 200. With
 * `cpuProfileDir`, Node writes a V8 CPU profile of the server (`--cpu-prof`) there when it stops.
 */
async function startDiplograph(uri: string, cpuProfileDir: string | null): Promise<Contender> {
  const port = await freePort();
  const profiling = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, path.join(ROOT, 'dist', 'src', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NEO4J_URI: uri,
      NEO4J_USER: 'neo4j',
      NEO4J_PASSWORD: 'neo4j',
      PORT: String(port),
      HOST: '127.0.0.1',
      // development honours x-diplograph-debug; warn keeps per-request logging off like the other contenders.
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      SEED_ON_EMPTY: 'false',
      API_KEYS: `editor:${createHash('sha256').update(BENCH_API_KEY).digest('hex')}`,
    },
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`Diplograph exited (${code}) before it was ready`))),
  );
  const ready = (async () => {
    for (let i = 0; i < 600; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/ready`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('Diplograph did not become ready in 150 s');
  })();
  await Promise.race([ready, exited]);
  return { name: 'diplograph', port, pid: child.pid!, stop: stopper(child) };
}

/** Starts the three contenders against the same Neo4j. */
export async function startContenders(uri: string, cpuProfileDir: string | null = null): Promise<Contender[]> {
  const started: Contender[] = [];
  try {
    started.push(await startDiplograph(uri, cpuProfileDir));
    started.push(await startScript('floor', 'floor-server.js', uri));
    started.push(await startScript('peer', 'peer-server.js', uri));
    return started;
  } catch (error) {
    for (const c of started) await c.stop();
    throw error;
  }
}

/** Resident set size of a process in MiB (VmRSS of /proc/<pid>/status). */
export function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
}
