import { getNullableType, isListType, isObjectType, type GraphQLField, type GraphQLObjectType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { FieldProblem } from '../shared/errors';
import { DEFAULT_PAGE_SIZE } from '../shared/graphql/pagination';

/**
 * The cost model. Every field costs 1 plus what it selects; a field that returns many things multiplies what it
 * selects by how many:
 * - by its `first` argument (default 20) or `top` (default 20): a page, a ranking;
 * - by ASSUMED_LIST_SIZE for a list with no size argument (a statement's subjects or reports, an actor's roles);
 * - by 1 for the list of a page itself (`edges` of a connection, the items of a timeline), already counted by
 *   the field that took `first`, and for fields that set their own cost (complexity in their decorator).
 * Introspection costs nothing: it never reaches the database.
 * With the default limit of 5000, a statements page of 100 with speaker, subjects, reports, articles, outlets and
 * agencies costs about 3600 and passes, while a page of 100 nested in another page of 100 is refused.
 */
export const ASSUMED_LIST_SIZE = 5;

/**
 * The most selections an operation may expand to (each fragment spread counted with its fragment). Enough for any
 * honest query; more is an attack on the analysis itself. Validation refuses more (query-limits.ts, in time linear
 * in the document), and the cost analysis, which walks every expanded path without a memo, stops there too.
 */
export const MAX_QUERY_NODES = 5000;
const DEFAULT_TOP = 20;

function isPageList(parent: GraphQLObjectType): boolean {
  // A connection or a timeline: the type that holds pageInfo holds the page's list.
  return 'pageInfo' in parent.getFields();
}

function sizeOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, parent: unknown): number {
  const has = (name: string) => field.args.some((arg) => arg.name === name);
  const count = (value: unknown, fallback: number) => (typeof value === 'number' ? Math.max(0, value) : fallback);
  if (has('first')) return count(args.first, DEFAULT_PAGE_SIZE);
  if (has('top')) return count(args.top, DEFAULT_TOP);
  if (!isListType(getNullableType(field.type))) return 1;
  return isObjectType(parent) && isPageList(parent) ? 1 : ASSUMED_LIST_SIZE;
}

/**
 * The estimator of the cost model above. It also collects every `first` outside 1..`maxPageSize`, with the
 * variables applied, into `oversized`.
 */
export function listCostEstimator(maxPageSize: number, oversized: FieldProblem[]): ComplexityEstimator {
  return ({ field, args, childComplexity, type }) => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    if (typeof args.first === 'number' && (args.first < 1 || args.first > maxPageSize)) {
      oversized.push({ path: `${field.name}.first`, message: `must be from 1 to ${maxPageSize} (got ${args.first})` });
    }
    return 1 + sizeOf(field, args, type) * childComplexity;
  };
}
