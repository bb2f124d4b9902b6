import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../test/helpers/free-port';

/**
 * `npm run bench:startup [-- --restarts N]`: how long Diplograph takes to start, as an operator sees it. Starts the
 * built server (dist/src/main.js, production mode, seeding an empty database) on a fresh embedded Neo4j data folder
 * (a first start: schema, reference data and seed are written), stops it, then starts it again N times on the same
 * folder (warm restarts: everything is there). For each start it prints the time from spawn to the first `/health`
 * 200 (listening), to `/ready` 200, and the start-up steps the server logs (`Start-up step done`, with `ms`): the
 * embedded JVM's start inside `database`. A benchmark: it asserts nothing. The jars must be resolved already
 * (`npm run neo4j:install`); the build is not part of the figures.
 */

interface StartFigures {
  listenMs: number;
  readyMs: number;
  steps: Record<string, number>;
  jvmMs: number | null;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at === -1 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 20) throw new Error(`--${name} must be an integer in 1..20`);
  return value;
}

async function startOnce(dataDir: string): Promise<StartFigures> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const root = path.resolve(__dirname, '..', '..');
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'src', 'main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED_ON_EMPTY: 'true',
      EMBEDDED_NEO4J_DATA: dataDir,
      EMBEDDED_NEO4J_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const steps: Record<string, number> = {};
  let jvmMs: number | null = null;
  createInterface({ input: child.stdout! }).on('line', (line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string; step?: string; ms?: number };
      if (entry.step && typeof entry.ms === 'number') steps[entry.step] = entry.ms;
      if (entry.msg === 'Embedded Neo4j ready' && typeof entry.ms === 'number') jvmMs = entry.ms;
    } catch {
      // not a log line
    }
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    let listenMs = NaN;
    for (;;) {
      if (child.exitCode !== null) throw new Error('the server exited during start-up');
      const status = await fetch(`${url}/${Number.isNaN(listenMs) ? 'health' : 'ready'}`).then(
        (r) => r.status,
        () => 0,
      );
      if (Number.isNaN(listenMs) && status === 200) listenMs = performance.now() - started;
      else if (!Number.isNaN(listenMs) && status === 200) break;
      if (performance.now() - started > 600_000) throw new Error('not ready within 600 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    return { listenMs, readyMs: performance.now() - started, steps, jvmMs };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const s = (ms: number | null | undefined) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

async function main(): Promise<void> {
  const restarts = option('restarts', 2);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'diplograph-startup-'));
  try {
    const runs: { kind: string; figures: StartFigures }[] = [];
    runs.push({ kind: 'first start', figures: await startOnce(dataDir) });
    for (let i = 1; i <= restarts; i++) runs.push({ kind: `warm restart ${i}`, figures: await startOnce(dataDir) });
    const lines = [
      '| start | listening | ready | JVM start to Neo4j ready | steps (ms, as logged) |',
      '| --- | --- | --- | --- | --- |',
    ];
    for (const { kind, figures } of runs) {
      lines.push(
        `| ${kind} | ${s(figures.listenMs)} | ${s(figures.readyMs)} | ${s(figures.jvmMs)} | ` +
          `${Object.entries(figures.steps)
            .map(([step, ms]) => `${step} ${ms}`)
            .join(', ')} |`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
