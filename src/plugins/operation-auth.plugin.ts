import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { checkRoles } from '../auth/auth-checker';
import { rolesNeeded, type AuthorizedFields } from '../auth/operation-roles';
import type { ApiRole } from '../shared/config';
import type { GraphQLContext } from '../shared/context';

/**
 * Refuses, before execution, an operation that selects an `@Authorized` field its caller may not use: 401
 * UNAUTHENTICATED without a key (a wrong key is refused 401 earlier, when the context is built), 403 FORBIDDEN
 * for a key of a lower role. Either way the response has no `data`, so no key and a wrong key answer alike.
 */
export function operationAuthPlugin(authorized: AuthorizedFields): ApolloServerPlugin<GraphQLContext> {
  // Apollo keeps parsed documents in its document store, so a repeated operation arrives as the same node: its
  // roles are found once (walking the document with type information was ~5% of the server's CPU on bench Q1).
  const rolesOf = new WeakMap<OperationDefinitionNode, (readonly ApiRole[])[]>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, contextValue }) {
          if (!operation) return;
          // checkRoles throws UNAUTHENTICATED only without a caller, FORBIDDEN only with one.
          const http = { status: contextValue.caller ? 403 : 401 };
          let needed = rolesOf.get(operation);
          if (!needed) {
            needed = rolesNeeded(schema, document, operation, authorized);
            rolesOf.set(operation, needed);
          }
          for (const roles of needed) {
            checkRoles(contextValue.caller, roles, { http });
          }
        },
      };
    },
  };
}
