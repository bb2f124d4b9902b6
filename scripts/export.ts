import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseNeighborhoodParams, parseStatementParams } from '../src/export/export-params';
import {
  bundleJson,
  neighborhood,
  neighborhoodGexf,
  neighborhoodGraphml,
  statementsCsv,
  statementsJsonl,
  statementsJsonLd,
} from '../src/export/export.service';
import { loadConfig } from '../src/shared/config';
import { BadUserInputError } from '../src/shared/errors';
import { createLogger } from '../src/shared/logger';
import type { Database } from '../src/shared/neo4j/database';
import { withDatabase } from './with-database';

const FORMATS: Record<
  string,
  (db: Database, params: URLSearchParams) => Promise<AsyncIterable<string> | Iterable<string>>
> = {
  'statements.csv': async (db, params) => {
    const { criteria, bom } = parseStatementParams(params);
    return statementsCsv(db, criteria, bom);
  },
  'statements.jsonl': async (db, params) => statementsJsonl(db, parseStatementParams(params).criteria),
  'statements.jsonld': async (db, params) => statementsJsonLd(db, parseStatementParams(params).criteria),
  'neighborhood.graphml': async (db, params) => {
    const { start, depth } = parseNeighborhoodParams(params);
    return neighborhoodGraphml(await neighborhood(db, start, depth));
  },
  'neighborhood.gexf': async (db, params) => {
    const { start, depth } = parseNeighborhoodParams(params);
    return neighborhoodGexf(await neighborhood(db, start, depth));
  },
  'bundle.json': async (db) => bundleJson(db, `Diplograph backup of ${new Date().toISOString()}`),
};

const USAGE = `Usage: npm run export -- <${Object.keys(FORMATS).join('|')}> [name=value ...] [--out FILE]
  The same exports and parameters as GET /export/<name>?name=value&..., written to stdout or FILE, e.g.
  npm run export -- statements.csv about=Q291bnRyeTpSVQ includeRelated=true bom=1 --out ru.csv
  npm run export -- bundle.json --out backup.json      (restore: npm run ingest -- backup.json)`;

/** `npm run export -- FORMAT [name=value ...] [--out FILE]`: an export of /export/ without the HTTP server. */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const format = args.shift();
  if (!format || !FORMATS[format]) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  let out: string | null = null;
  const params = new URLSearchParams();
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--out') out = args[++i] ?? null;
    else {
      const eq = args[i]!.indexOf('=');
      if (eq <= 0) {
        process.stderr.write(`Not a name=value parameter: ${args[i]}\n${USAGE}\n`);
        process.exit(2);
      }
      params.append(args[i]!.slice(0, eq), args[i]!.slice(eq + 1));
    }
  }
  const config = loadConfig();
  const log = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  await withDatabase(config, log, async (db) => {
    const body = await FORMATS[format]!(db, params);
    const target: Writable = out ? createWriteStream(out) : process.stdout;
    await pipeline(Readable.from(body), target);
  });
}

main().catch((error: unknown) => {
  if (error instanceof BadUserInputError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
