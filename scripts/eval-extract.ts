import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EntityMatcher } from '../src/extract-eval/entity-matcher';
import { EVAL_ACTORS_FILE, readGoldSet, type GoldPage } from '../src/extract-eval/gold-file';
import { verifyGoldSpans } from '../src/extract-eval/gold-spans';
import type { PredictionLine } from '../src/extract-eval/prediction.schema';
import { parsePredictionLines } from '../src/extract-eval/predictions';
import { figures, formatReport, summarize, targets } from '../src/extract-eval/report';
import { scorePage } from '../src/extract-eval/scorer';
import { loadReferenceData } from '../src/reference/reference-data';
import { readBundleFile } from '../src/seed/seed-file';
import { CLI_CALLER, loadBundle, SEED_FILE } from '../src/seed/seed-loader';
import { loadConfig } from '../src/shared/config';
import { createLogger, type Logger } from '../src/shared/logger';
import { createDriver, Database } from '../src/shared/neo4j/database';
import { EmbeddedNeo4j } from '../src/shared/neo4j/embedded-neo4j';
import { migrate } from '../src/shared/neo4j/migrations';
import { freePort } from '../test/helpers/free-port';

const USAGE = `Usage: npm run eval:extract [-- options]
  Scores the extractor (node dist/scripts/extract.js --json) on the development set in eval/extract.
  --predictions FILE.jsonl  score saved extractor output instead of running the extractor
  --extractor SCRIPT.js     the extractor to run (default dist/scripts/extract.js), called as SCRIPT --json PAGE...
  --save FILE.jsonl         keep the extractor's output for a later --predictions run
  --no-actors               do not load eval/extract/actors.json (the graph then knows only the seed's actors)
  --details                 list every disagreement under its page
  --json                    print the figures as JSON instead of the report
Without NEO4J_URI a throwaway embedded Neo4j is started in a temporary folder and removed afterwards.
`;

interface Options {
  predictions: string | null;
  extractor: string | null;
  save: string | null;
  actors: boolean;
  details: boolean;
  json: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    predictions: null,
    extractor: null,
    save: null,
    actors: true,
    details: false,
    json: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[++i];
      if (!next) throw new UsageError(`${arg} needs a file`);
      return next;
    };
    if (arg === '--predictions') options.predictions = value();
    else if (arg === '--extractor') options.extractor = path.resolve(value());
    else if (arg === '--save') options.save = value();
    else if (arg === '--no-actors') options.actors = false;
    else if (arg === '--details') options.details = true;
    else if (arg === '--json') options.json = true;
    else throw new UsageError(`unknown option ${arg}`);
  }
  return options;
}

class UsageError extends Error {}

/** Seeds the database as a deployment would have it: schema, countries, the seed and (optionally) the eval actors. */
async function prepareDatabase(uri: string, options: Options, root: string, log: Logger): Promise<void> {
  const config = loadConfig();
  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password, config.neo4j.timeouts);
  try {
    await driver.verifyConnectivity({ database: config.neo4j.database });
    const db = new Database(driver, config.neo4j.database, undefined, config.neo4j.timeouts).bulk();
    await migrate(db, path.join(root, 'schema'), log);
    await loadReferenceData(db, log);
    const files = [path.join(root, SEED_FILE), ...(options.actors ? [path.join(root, EVAL_ACTORS_FILE)] : [])];
    for (const file of files) await loadBundle(db, file, await readBundleFile(file), CLI_CALLER, log);
  } finally {
    await driver.close();
  }
}

/** The extractor script; checked before any database starts. */
function extractorScript(root: string, options: Options): string {
  const script = options.extractor ?? path.join(root, 'dist', 'scripts', 'extract.js');
  if (!existsSync(script))
    throw new Error(`The extractor is not built: ${script} is missing (npm run build on a branch that has it)`);
  return script;
}

/** Runs the extractor as a black box on every page and returns its stdout (JSON Lines). */
function runExtractor(script: string, uri: string, pages: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, '--json', ...pages], {
      env: { ...process.env, NEO4J_URI: uri },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(
          new Error(`The extractor exited with code ${code}:\n${Buffer.concat(err).toString('utf8').slice(-4000)}`),
        );
    });
  });
}

/** Pairs output lines with gold pages by resolved path, else by file name; warns about lines for no gold page. */
function pairLines(pages: GoldPage[], lines: PredictionLine[], base: string): Map<GoldPage, PredictionLine> {
  const byPage = new Map<GoldPage, PredictionLine>();
  for (const line of lines) {
    const resolved = path.resolve(base, line.file);
    const page =
      pages.find((p) => p.pageFile === resolved) ??
      pages.find((p) => path.basename(p.pageFile) === path.basename(line.file));
    if (!page) process.stderr.write(`warning: output for ${line.file}, which has no gold file; ignored\n`);
    else if (byPage.has(page)) process.stderr.write(`warning: a second output line for ${line.file}; ignored\n`);
    else byPage.set(page, line);
  }
  return byPage;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const root = config.projectRoot;
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const pages = await readGoldSet(root);
  const stale = pages.flatMap((p) => verifyGoldSpans(p.gold, p.page).map((x) => `${p.name}: ${x.path}: ${x.message}`));
  if (stale.length > 0) throw new Error(`Gold spans do not match their pages:\n${stale.join('\n')}`);

  let output: string;
  let base = process.cwd();
  if (options.predictions) {
    output = await readFile(options.predictions, 'utf8');
    base = path.dirname(path.resolve(options.predictions));
  } else {
    const script = extractorScript(root, options);
    let embedded: EmbeddedNeo4j | null = null;
    let dataDir: string | null = null;
    try {
      let uri = config.neo4j.uri;
      if (!uri) {
        dataDir = mkdtempSync(path.join(tmpdir(), 'diplograph-eval-neo4j-'));
        const embeddedConfig = loadConfig({
          ...process.env,
          EMBEDDED_NEO4J_DATA: dataDir,
          EMBEDDED_NEO4J_PORT: String(await freePort()),
        });
        embedded = await EmbeddedNeo4j.start(root, embeddedConfig.embedded, log);
        uri = embedded.uri;
      }
      await prepareDatabase(uri, options, root, log);
      output = await runExtractor(
        script,
        uri,
        pages.map((p) => p.pageFile),
      );
    } finally {
      await embedded?.stop();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
    if (options.save) await writeFile(options.save, output);
  }

  const lines = parsePredictionLines(options.predictions ?? 'extract --json', output);
  const byPage = pairLines(pages, lines, options.predictions ? base : root);
  const actors = [
    ...(await readBundleFile(path.join(root, SEED_FILE))).actors,
    ...(await readBundleFile(path.join(root, EVAL_ACTORS_FILE))).actors,
  ];
  const matcher = new EntityMatcher(actors);
  const summary = summarize(pages.map((p) => scorePage(p.name, p.gold, p.page, byPage.get(p) ?? null, matcher)));
  if (options.json) {
    const result = {
      overall: figures(summary.overall),
      headlineOnlyZeroStatements: summary.headlineOnly.zeroStatements,
      targets: targets(summary),
      pages: summary.pages.map((p) => ({ page: p.name, missing: p.missing, ...figures(p.counts) })),
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else process.stdout.write(formatReport(summary, options.details));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n${USAGE}`);
      process.exit(2);
    }
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);
