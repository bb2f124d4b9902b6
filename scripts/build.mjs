// `npm run build` compiles with tsc, bundles the browser app (scripts/build-web.ts) and stamps dist/ with what it compiled; with --if-stale (npm start, npm test,
// npm run dev) it compiles only when an input changed since the stamp (a newer modification time, or a file added
// or removed), so a start with nothing to rebuild never runs tsc. Plain JavaScript: it must run before any build.
/* global process */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stampFile = path.join(root, 'dist', '.build-stamp.json');

/** Every file tsc reads from the project: the sources of tsconfig's include, tsconfig and the installed packages. */
function inputs() {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts') || entry.name.endsWith('.json')) files.push(full);
    }
  };
  for (const dir of ['src', 'scripts', 'test']) walk(path.join(root, dir));
  // The browser app's sources (any kind: .tsx, .css, fonts) and the README, whose examples become GraphiQL's tabs.
  const walkAll = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walkAll(full);
      else files.push(full);
    }
  };
  walkAll(path.join(root, 'web'));
  files.push(path.join(root, 'README.md'));
  // The explorer sends the ids of its registered operations (web/src/api/client.ts imports the manifest).
  files.push(path.join(root, 'schema', 'persisted-query-manifest.json'));
  files.push(path.join(root, 'tsconfig.json'), path.join(root, 'package-lock.json'));
  return files.sort();
}

function fingerprint() {
  const files = inputs();
  const newest = Math.max(...files.map((file) => statSync(file).mtimeMs));
  return { files: files.map((file) => path.relative(root, file)), newest };
}

function isStale(current) {
  if (!existsSync(stampFile) || !existsSync(path.join(root, 'dist', 'src', 'main.js'))) return true;
  try {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
    return stamp.newest !== current.newest || stamp.files.join('\n') !== current.files.join('\n');
  } catch {
    return true;
  }
}

const current = fingerprint();
if (process.argv.includes('--if-stale') && !isStale(current)) process.exit(0);
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// Build output goes to stderr (fd 2): `npm run --silent extract -- --json` must print only JSON Lines on stdout.
const quietStdout = { stdio: [0, 2, 2] };
const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], quietStdout);
if (result.status !== 0) process.exit(result.status ?? 1);
// Then the browser app (explorer and GraphiQL) into dist/web, with the bundler tsc just compiled the script of.
const web = spawnSync(process.execPath, [path.join(root, 'dist', 'scripts', 'build-web.js')], quietStdout);
if (web.status !== 0) process.exit(web.status ?? 1);
mkdirSync(path.dirname(stampFile), { recursive: true });
writeFileSync(stampFile, JSON.stringify(current));
