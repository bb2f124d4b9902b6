import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from '../shared/context';
import { fieldPlanOf } from '../shared/graphql/field-plan';

/**
 * Gives each operation its field plan before it executes, so the loaders it creates project only the properties
 * the selected fields need (see field-plan.ts). The plan is built once per parsed operation and reused.
 */
export function fieldPlanPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (operation) contextValue.scope.fields = fieldPlanOf(schema, document, operation);
        },
      };
    },
  };
}
