import { readFileSync } from 'node:fs';
import { machineDescription, writeReport, type BenchResult } from './report';

/** `node dist/bench/render.js bench/results/<timestamp>.json`: rewrites the Markdown of a stored result. */
const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: node dist/bench/render.js bench/results/<timestamp>.json\n');
  process.exit(2);
}
const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
// Results written before the Java version was read correctly.
if (result.machine.java === 'unknown') result.machine.java = machineDescription().java;
process.stdout.write(`${writeReport(result).join('\n')}\n`);
