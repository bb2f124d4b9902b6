import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadReferenceData } from '../src/reference/reference-data';
import { CLI_CALLER, seedIfEmpty } from '../src/seed/seed-loader';
import { loadConfig } from '../src/shared/config';
import { createLogger } from '../src/shared/logger';
import { migrate } from '../src/shared/neo4j/migrations';
import { aliasIndexFor } from '../src/extract/alias-index.service';
import { toJsonLine } from '../src/extract/extract-json';
import { previewText } from '../src/extract/extract-preview';
import { assertValidPageInput, extractWithIndex, type PageInputData } from '../src/extract/extract.service';
import { DEFAULT_MIN_CONFIDENCE, ingestPage } from '../src/extract/ingest-page.service';
import { withDatabase } from './with-database';

const USAGE = `Usage: npm run extract -- PAGE.txt [MORE.txt ...] [--json] [--ingest] [--outlet NAME] [--date YYYY-MM-DD]
                           [--min-confidence 0..1]
  (default) a readable preview, statement by statement
  --json    one line of JSON per page (JSON Lines) on stdout, nothing else (use npm run --silent)
  --ingest  extract and write through ingestPage (each article in its own transaction; idempotent)
`;

interface Options {
  files: string[];
  json: boolean;
  ingest: boolean;
  outlet: string | null;
  date: string | null;
  minConfidence: number;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    files: [],
    json: false,
    ingest: false,
    outlet: null,
    date: null,
    minConfidence: DEFAULT_MIN_CONFIDENCE,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') o.json = true;
    else if (a === '--ingest') o.ingest = true;
    else if (a === '--outlet') o.outlet = argv[++i] ?? null;
    else if (a === '--date') o.date = argv[++i] ?? null;
    else if (a === '--min-confidence') o.minConfidence = Number(argv[++i]);
    else if (a === '--help' || a === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else o.files.push(a);
  }
  if (o.files.length === 0) throw new Error(USAGE);
  return o;
}

/**
 * `npm run extract -- PAGE.txt ...`: extracts statements from raw pages with the configured database's names
 * (NEO4J_URI, else the embedded Neo4j, seeded when empty as `npm start` does). Logs go to stderr, so with
 * `npm run --silent` and `--json` stdout holds the JSON Lines only.
 */
async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const log = createLogger(config.logLevel, 2);
  // Every page is read and checked before the database starts: a bad one fails fast and nothing is written.
  const pages: { file: string; input: PageInputData }[] = [];
  for (const file of options.files) {
    const input: PageInputData = {
      text: await readFile(path.resolve(file), 'utf8'),
      outlet: options.outlet,
      publishedOn: options.date,
    };
    try {
      assertValidPageInput(input, file);
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
    pages.push({ file, input });
  }
  await withDatabase(config, log, async (db) => {
    await migrate(db, path.join(config.projectRoot, 'schema'), log);
    await loadReferenceData(db, log);
    if (config.seedOnEmpty) await seedIfEmpty(db, config.projectRoot, log);
    const index = await aliasIndexFor(db);
    for (const { file, input } of pages) {
      if (options.ingest) {
        const result = await ingestPage(db, input, options.minConfidence, CLI_CALLER);
        if (options.json) process.stdout.write(`${toJsonLine(file, result.extraction)}\n`);
        else process.stdout.write(`${previewText(file, result.extraction)}\n`);
        for (const a of result.articles) {
          const left = a.draft.left.map((l) => `#${l.statementIndex} (${l.reasons.join('; ')})`).join(', ');
          process.stderr.write(
            `${file} article ${a.articleIndex + 1}: ${a.outcome ? `ingested ${a.draft.kept.length} statement(s), created ${JSON.stringify(a.outcome.created)}` : `not ingested (${a.draft.problems.join('; ')})`}${left ? `; left for review: ${left}` : ''}\n`,
          );
        }
      } else {
        const extraction = extractWithIndex(input, index);
        process.stdout.write(`${options.json ? toJsonLine(file, extraction) : previewText(file, extraction)}\n`);
      }
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
