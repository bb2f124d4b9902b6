import { BadUserInputError, type FieldProblem } from '../shared/errors';
import { fromGlobalId, type GlobalId } from '../shared/global-id';
import { isIsoDate } from '../shared/graphql/date.scalar';
import { statementCriteria } from '../statement/statement-criteria';
import type { StatementCriteria } from '../statement/statement-filter.repository';

/** The query parameters of the statement exports: the `statements` filter, plus `bom` for CSV. */
export const STATEMENT_PARAMS = [
  'speaker',
  'about',
  'from',
  'to',
  'language',
  'cameo',
  'includeRelated',
  'includeDeprecated',
  'bom',
] as const;

/** The deepest neighbourhood an export walks: at depth 3 a country already reaches most of a real graph. */
export const MAX_DEPTH = 3;

function checkKnown(params: URLSearchParams, allowed: readonly string[], problems: FieldProblem[]): void {
  for (const name of new Set(params.keys())) {
    if (!allowed.includes(name)) problems.push({ path: name, message: `unknown parameter; use ${allowed.join(', ')}` });
    else if (params.getAll(name).length > 1) problems.push({ path: name, message: 'given more than once' });
  }
}

/** `true`/`1` or `false`/`0`; absent is `fallback`. */
function flag(params: URLSearchParams, name: string, problems: FieldProblem[], fallback = false): boolean {
  const value = params.get(name);
  if (value === null || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  problems.push({ path: name, message: 'must be true, false, 1 or 0' });
  return fallback;
}

/** What a statement export reads and how it writes it. */
export interface StatementExportParams {
  criteria: StatementCriteria;
  /** CSV only: start with a UTF-8 byte order mark, so spreadsheets read Arabic text as UTF-8. */
  bom: boolean;
}

/**
 * Parses the statement filter from query parameters, with the same rules as the `statements` query's arguments
 * (statementCriteria): `speaker` an Actor id, `about` an Actor, Country, Meeting or Topic id, `from`/`to` dates
 * YYYY-MM-DD, `cameo` 2-4 digits, `language` a language tag, `includeRelated`/`includeDeprecated`/`bom` flags.
 * @throws BadUserInputError naming every bad or unknown parameter.
 */
export function parseStatementParams(params: URLSearchParams): StatementExportParams {
  const problems: FieldProblem[] = [];
  checkKnown(params, STATEMENT_PARAMS, problems);
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name);
    if (value && !isIsoDate(value)) problems.push({ path: name, message: 'must be a calendar date YYYY-MM-DD' });
  }
  const includeRelated = flag(params, 'includeRelated', problems);
  const includeDeprecated = flag(params, 'includeDeprecated', problems);
  const bom = flag(params, 'bom', problems);
  let criteria: StatementCriteria | null = null;
  try {
    criteria = statementCriteria({
      speaker: params.get('speaker') || null,
      about: params.get('about') || null,
      from: problems.some((p) => p.path === 'from') ? null : params.get('from') || null,
      to: problems.some((p) => p.path === 'to') ? null : params.get('to') || null,
      language: params.get('language'),
      cameo: params.get('cameo'),
      includeRelated,
      includeDeprecated,
    });
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    problems.push(...error.problems);
  }
  if (problems.length > 0 || !criteria) throw new BadUserInputError('Invalid export parameters', problems);
  return { criteria, bom };
}

/** A neighbourhood to export: the node it starts from and how many hops it reaches. */
export interface NeighborhoodParams {
  start: GlobalId;
  depth: number;
}

/**
 * Parses `id` (a global id of any node type, required) and `depth` (1 to MAX_DEPTH, default 1).
 * @throws BadUserInputError naming the bad parameter.
 */
export function parseNeighborhoodParams(params: URLSearchParams): NeighborhoodParams {
  const problems: FieldProblem[] = [];
  checkKnown(params, ['id', 'depth'], problems);
  const id = params.get('id');
  let start: GlobalId | null = null;
  if (!id) problems.push({ path: 'id', message: 'is required: the global id of the node at the centre' });
  else {
    try {
      start = fromGlobalId(id, 'id');
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      problems.push(...error.problems);
    }
  }
  const rawDepth = params.get('depth') ?? '1';
  const depth = /^\d+$/.test(rawDepth) ? Number(rawDepth) : NaN;
  if (!(depth >= 1 && depth <= MAX_DEPTH)) problems.push({ path: 'depth', message: `must be 1 to ${MAX_DEPTH}` });
  if (problems.length > 0 || !start) throw new BadUserInputError('Invalid export parameters', problems);
  return { start, depth };
}

/** The bundle export takes no parameters; any given is a mistake worth telling. */
export function parseBundleParams(params: URLSearchParams): void {
  const problems: FieldProblem[] = [];
  checkKnown(params, [], problems);
  if (problems.length > 0) throw new BadUserInputError('Invalid export parameters', problems);
}
