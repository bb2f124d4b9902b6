import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { machineDescription, writeReport, type BenchResult } from './report';
import { bulkLoadOf } from './scale-db';

/**
 * `node dist/bench/render.js bench/results/<timestamp>.json [--load-marker <dir>/db-N-sS/synth.json ...]`: rewrites
 * the Markdown of a stored result. Each `--load-marker` adds (or replaces) the bulk-load row of that scale from a
 * scale database's marker, for a database loaded in another checkout; it is stored into the result.
 */
const argv = process.argv.slice(2);
const file = argv[0];
if (!file || file.startsWith('--')) {
  process.stderr.write('usage: node dist/bench/render.js bench/results/<timestamp>.json [--load-marker <file>]\n');
  process.exit(2);
}
const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
// Results written before the Java version was read correctly.
if (result.machine.java === 'unknown') result.machine.java = machineDescription().java;
argv.forEach((arg, i) => {
  if (arg !== '--load-marker') return;
  const marker = argv[i + 1]!;
  const load = bulkLoadOf(marker, `${path.basename(path.dirname(marker))}/${path.basename(marker)}`);
  if (!load) throw new Error(`no marker at ${marker}`);
  result.bulkLoads = [...(result.bulkLoads ?? []).filter((b) => b.statements !== load.statements), load];
});
process.stdout.write(`${writeReport(result).join('\n')}\n`);
