import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatPath } from '../seed/seed-file.schema';
import { goldFileSchema, type GoldFile } from './gold.schema';

/** The development set, relative to the project root. */
export const GOLD_DIR = path.join('eval', 'extract', 'gold');
/** The eval actor bundle (ingest bundle format), relative to the project root. */
export const EVAL_ACTORS_FILE = path.join('eval', 'extract', 'actors.json');

/** A gold file that cannot be used: names the file and, per problem, the JSON path and the reason. */
export class GoldFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`Invalid gold file ${file}:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'GoldFileError';
  }
}

/**
 * Parses and validates the JSON of a gold file against goldFileSchema.
 * @throws GoldFileError listing every problem with its JSON path.
 */
export function parseGoldFile(file: string, json: string): GoldFile {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new GoldFileError(file, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  const result = goldFileSchema.safeParse(data);
  if (!result.success)
    throw new GoldFileError(
      file,
      result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message })),
    );
  return result.data;
}

/** One gold file with its page text. */
export interface GoldPage {
  /** Absolute path of the gold file. */
  goldFile: string;
  /** Absolute path of the page. */
  pageFile: string;
  /** A short name for reports: the gold file's name without `.json`. */
  name: string;
  gold: GoldFile;
  page: string;
}

/**
 * Reads every `*.json` gold file of `dir` (sorted by name) with the page it names (relative to `projectRoot`).
 * @throws GoldFileError for an invalid gold file or a page that cannot be read.
 */
export async function readGoldSet(projectRoot: string, dir = path.join(projectRoot, GOLD_DIR)): Promise<GoldPage[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  const pages: GoldPage[] = [];
  for (const name of names) {
    const goldFile = path.join(dir, name);
    const gold = parseGoldFile(goldFile, await readFile(goldFile, 'utf8'));
    const pageFile = path.resolve(projectRoot, gold.page);
    let page: string;
    try {
      page = await readFile(pageFile, 'utf8');
    } catch (error) {
      throw new GoldFileError(goldFile, [
        { path: 'page', message: `cannot be read (${(error as NodeJS.ErrnoException).code})` },
      ]);
    }
    pages.push({ goldFile, pageFile, name: name.replace(/\.json$/, ''), gold, page });
  }
  return pages;
}
