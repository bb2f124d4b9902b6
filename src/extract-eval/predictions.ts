import { formatPath } from '../seed/seed-file.schema';
import { predictionLineSchema, type PredictionLine } from './prediction.schema';

/** Output of the extractor that is not the JSON Lines shape of issue 10 part 7; names the line and the field. */
export class PredictionFormatError extends Error {
  constructor(
    readonly source: string,
    readonly problems: { line: number; path: string; message: string }[],
  ) {
    super(
      `Invalid extractor output ${source}:\n${problems
        .map((p) => `  line ${p.line}${p.path ? ` ${p.path}` : ''}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'PredictionFormatError';
  }
}

/**
 * Parses JSON Lines of `extract --json` (blank lines skipped), one page per line.
 * @throws PredictionFormatError listing each bad line with the field path and the reason.
 */
export function parsePredictionLines(source: string, text: string): PredictionLine[] {
  const lines: PredictionLine[] = [];
  const problems: PredictionFormatError['problems'] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch (error) {
      problems.push({ line: i + 1, path: '', message: `not JSON (${(error as Error).message})` });
      return;
    }
    const result = predictionLineSchema.safeParse(data);
    if (result.success) lines.push(result.data);
    else
      for (const issue of result.error.issues)
        problems.push({ line: i + 1, path: formatPath(issue.path), message: issue.message });
  });
  if (problems.length > 0) throw new PredictionFormatError(source, problems);
  return lines;
}
