import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as prettier from 'prettier';
import { readGoldSet } from '../src/extract-eval/gold-file';
import { computeGoldSpans, verifyGoldSpans } from '../src/extract-eval/gold-spans';
import type { GoldFile } from '../src/extract-eval/gold.schema';
import { loadConfig } from '../src/shared/config';

/**
 * `npm run eval:spans`: computes the page spans of every gold file in eval/extract/gold from its texts and writes
 * them into the file (formatted as prettier would). `-- --check` writes nothing and exits 1 when a text is not found
 * exactly once where expected or a stored span is stale.
 */
function ordered(gold: GoldFile): GoldFile {
  // Spans go right after the text they were computed from, so a reviewer sees both together.
  return {
    ...gold,
    articles: gold.articles.map(({ title, titleOccurrence, span, ...article }) => ({
      title,
      ...(titleOccurrence === undefined ? {} : { titleOccurrence }),
      span,
      ...article,
      statements: article.statements.map(({ text, occurrence, span: statementSpan, ...statement }) => ({
        text,
        ...(occurrence === undefined ? {} : { occurrence }),
        span: statementSpan,
        ...statement,
      })),
    })),
  };
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const root = loadConfig().projectRoot;
  const options = await prettier.resolveConfig(path.join(root, 'package.json'));
  let failures = 0;
  for (const { goldFile, gold, page, name } of await readGoldSet(root)) {
    const problems = check ? verifyGoldSpans(gold, page) : computeGoldSpans(gold, page).problems;
    for (const problem of problems) process.stderr.write(`${name}: ${problem.path}: ${problem.message}\n`);
    failures += problems.length;
    if (check || problems.length > 0) continue;
    const json = JSON.stringify(ordered(computeGoldSpans(gold, page).gold));
    await writeFile(goldFile, await prettier.format(json, { ...options, parser: 'json' }));
    process.stdout.write(`${name}: ${gold.articles.flatMap((a) => a.statements).length} statement span(s)\n`);
  }
  if (failures > 0) process.stderr.write(`${failures} problem(s)\n`);
  return failures > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
