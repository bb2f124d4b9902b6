import { readFile } from 'node:fs/promises';
import { bundleSchema, formatPath, type Bundle } from './seed-file.schema';

/** A bundle file that cannot be loaded: names the file and, for each problem, the JSON path and the reason. */
export class SeedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`Invalid bundle file ${file}:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'SeedFileError';
  }
}

/**
 * Parses and validates bundle JSON. A lone ArticleInput (an object with `statements` and no `articles`) is read
 * as a bundle of that one article, with paths still reported as in the file.
 * @throws SeedFileError listing every problem with its JSON path.
 */
export function parseBundle(file: string, json: string): Bundle {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new SeedFileError(file, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  const single = data !== null && typeof data === 'object' && !('articles' in data) && 'statements' in data;
  const result = bundleSchema.safeParse(single ? { articles: [data] } : data);
  if (!result.success) {
    throw new SeedFileError(
      file,
      result.error.issues.map((issue) => ({
        path: formatPath(single ? issue.path.slice(2) : issue.path),
        message: issue.message,
      })),
    );
  }
  return result.data;
}

/** Reads and validates a bundle file (see parseBundle). */
export async function readBundleFile(file: string): Promise<Bundle> {
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (error) {
    throw new SeedFileError(file, [{ path: '', message: `cannot be read (${(error as NodeJS.ErrnoException).code})` }]);
  }
  return parseBundle(file, json);
}
