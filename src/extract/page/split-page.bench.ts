import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { countWords } from './page-lines';
import { splitPage } from './split-page';

/**
 * Benchmark of splitPage (not a test: it prints figures). Run after `npm run build`:
 *   node dist/src/extract/page/split-page.bench.js
 * Prints the time per page for the seed page and for a 400-word page, then for pages 10x and 100x as long, so that
 * growth with page length is visible (it should be linear: the time per word stays flat).
 */
const root = path.join(__dirname, '..', '..', '..', '..');
const seed = readFileSync(path.join(root, 'seed', 'source', '000_d5e7333eea537f51.txt'), 'utf8');
const fixtures = path.join(root, 'src', 'extract', 'page', 'fixtures');
const reuters = readFileSync(path.join(fixtures, 'en-reuters-dateline.txt'), 'utf8');

/** A page of about `words` words: the seed's articles and furniture repeated behind read-also separators. */
function pageOf(words: number, unit: string): string {
  const parts: string[] = [];
  let count = 0;
  while (count < words) {
    parts.push(unit);
    count += countWords(unit);
  }
  return parts.join('\nإقرأ أيضاً:\n');
}

function measure(label: string, page: string): void {
  const words = countWords(page);
  const runs = Math.max(20, Math.round(200_000 / Math.max(words, 1)));
  for (let i = 0; i < Math.min(runs, 50); i++) splitPage(page);
  const times: number[] = [];
  let articles = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    articles = splitPage(page).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p50 = times[Math.floor(times.length * 0.5)] as number;
  const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] as number;
  const perKWord = (1000 * mean) / words;
  process.stdout.write(
    `${label.padEnd(32)} ${String(words).padStart(6)} words ${String(articles).padStart(4)} articles  ` +
      `mean ${mean.toFixed(3)} ms  p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms  ` +
      `${perKWord.toFixed(3)} ms/1000 words  (${runs} runs)\n`,
  );
}

measure('seed page', seed);
measure('English wire pages, 400+ words', pageOf(400, reuters));
measure('seed x10', pageOf(4_000, seed));
measure('seed x100', pageOf(40_000, seed));
