import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import type { QueryLimits } from '../shared/config';
import type { GraphQLContext } from '../shared/context';
import { BadUserInputError, QueryTooComplexError, type FieldProblem } from '../shared/errors';
import { listCostEstimator } from './query-cost';

// Enough for any honest query; a document with more fields than this is an attack on the analysis itself.
const MAX_QUERY_NODES = 5000;
const REJECTED = { http: { status: 400 } };

/** The operation that will run, with the document's fragments: what the cost is computed for. */
function operationDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
}

/**
 * Refuses, before anything runs, an operation whose cost (see query-cost.ts) exceeds `maxCost`, and any `first`
 * above `maxPageSize`, with the request's variables applied: the validation rules see only literals. Runs in
 * didResolveOperation, after validation and before execution, so a refused operation costs no database work.
 * A refusal names the limit, the maximum and the actual cost in its extensions.
 */
export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const oversized: FieldProblem[] = [];
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: operationDocument(document, operation),
              variables: request.variables ?? {},
              estimators: [fieldExtensionsEstimator(), listCostEstimator(limits.maxPageSize, oversized)],
              maxQueryNodes: MAX_QUERY_NODES,
            });
          } catch (error) {
            if (error instanceof Error && /maximum allowed number of nodes/.test(error.message)) {
              throw new QueryTooComplexError(`The query has more than ${MAX_QUERY_NODES} fields`, {
                ...REJECTED,
                limit: 'nodes',
                max: MAX_QUERY_NODES,
              });
            }
            // Bad variable values: execution reports them with the usual code.
            return;
          }
          if (oversized.length > 0) throw new BadUserInputError('Invalid page size', oversized, REJECTED);
          if (cost > limits.maxCost) {
            throw new QueryTooComplexError(
              `The query costs ${cost}; the maximum is ${limits.maxCost}. Ask for smaller pages (first) or fewer ` +
                'nested lists',
              { ...REJECTED, limit: 'cost', max: limits.maxCost, actual: cost },
            );
          }
        },
      };
    },
  };
}
