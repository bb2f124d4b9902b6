import type { ApolloServerPlugin } from '@apollo/server';
import {
  isInputObjectType,
  Kind,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type TypeNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity } from 'graphql-query-complexity';
import type { QueryLimits } from '../shared/config';
import type { GraphQLContext } from '../shared/context';
import { BadUserInputError, QueryTooComplexError, type FieldProblem } from '../shared/errors';
import { listCostEstimator, MAX_QUERY_NODES } from './query-cost';

const REJECTED = { http: { status: 400 } };

/** The operation that will run, with the document's fragments: what the cost is computed for. */
function operationDocument(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)],
  };
}

// Per operation, how many variable shapes are remembered: a client sending ever new page sizes can't grow it.
const MAX_SHAPES = 64;

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/**
 * The variables whose values can change the cost: all but those of type ID or String or of an input object type
 * (and lists of them). The cost model reads sizes (Int arguments: `first`, `top`, the explore fields' own) and
 * @skip/@include (Boolean); GraphQL lets an ID or String variable reach only an ID or String argument, and an
 * input object variable only an argument of that input type, which no estimator reads. So a node(id:) or a search
 * costs the same for every id or text, an ingestArticle for every article (its input was serialized into the
 * remembered shape, and analysed anew, on every call: ~5% of the server's CPU on bench replays), and a page query
 * is computed again only for a new `first`.
 */
export function costVariables(operation: OperationDefinitionNode, schema: GraphQLSchema): string[] {
  return (operation.variableDefinitions ?? [])
    .filter((definition) => {
      const name = namedType(definition.type);
      return !['ID', 'String'].includes(name) && !isInputObjectType(schema.getType(name));
    })
    .map((definition) => definition.variable.name.value);
}

/**
 * Operations already found within the limits, per operation node and values of its cost variables. Apollo keeps
 * one parsed document per query text, so a repeated query brings the same node and skips the analysis, which
 * walked the whole operation on every request. Refusals are not remembered: they are rare, and computing them
 * again keeps their error (and which of several problems is reported) exactly as it was.
 */
class AcceptedOperations {
  private readonly byOperation = new WeakMap<OperationDefinitionNode, { variables: string[]; shapes: Set<string> }>();

  private entry(operation: OperationDefinitionNode, schema: GraphQLSchema) {
    let entry = this.byOperation.get(operation);
    if (!entry) {
      entry = { variables: costVariables(operation, schema), shapes: new Set() };
      this.byOperation.set(operation, entry);
    }
    return entry;
  }

  private shape(variableNames: string[], variables: Record<string, unknown>): string {
    return variableNames.map((name) => (variables[name] === undefined ? '~' : JSON.stringify(variables[name]))).join();
  }

  has(operation: OperationDefinitionNode, schema: GraphQLSchema, variables: Record<string, unknown>): boolean {
    const entry = this.entry(operation, schema);
    return entry.shapes.has(this.shape(entry.variables, variables));
  }

  add(operation: OperationDefinitionNode, schema: GraphQLSchema, variables: Record<string, unknown>): void {
    const entry = this.entry(operation, schema);
    if (entry.shapes.size >= MAX_SHAPES) entry.shapes.clear();
    entry.shapes.add(this.shape(entry.variables, variables));
  }
}

/**
 * Refuses, before anything runs, an operation whose cost (see query-cost.ts) exceeds `maxCost`, and any `first`
 * above `maxPageSize`, with the request's variables applied: the validation rules see only literals. Runs in
 * didResolveOperation, after validation and before execution, so a refused operation costs no database work.
 * A refusal names the limit, the maximum and the actual cost in its extensions. An operation found within the
 * limits is not analysed again for the same values of the variables that can change its cost.
 */
export function queryCostPlugin(limits: QueryLimits): ApolloServerPlugin<GraphQLContext> {
  const accepted = new AcceptedOperations();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          if (accepted.has(operation, schema, variables)) return;
          const oversized: FieldProblem[] = [];
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: operationDocument(document, operation),
              variables,
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
          accepted.add(operation, schema, variables);
        },
      };
    },
  };
}
