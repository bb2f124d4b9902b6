import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import type { ApiRole } from '../shared/config';

/** The roles of every `@Authorized` field, keyed `Type.field` (such as `Mutation.ingestArticle`). */
export type AuthorizedFields = ReadonlyMap<string, readonly ApiRole[]>;

/**
 * Reads the `@Authorized` roles from type-graphql's metadata. Call it after `buildSchema`, which is when
 * type-graphql attaches the roles to its field and resolver metadata.
 */
export function authorizedFields(): AuthorizedFields {
  const storage = getMetadataStorage();
  const fields = new Map<string, ApiRole[]>();
  const add = (type: string, field: string, roles: unknown[] | undefined) => {
    if (roles) fields.set(`${type}.${field}`, roles as ApiRole[]);
  };
  for (const query of storage.queries) add('Query', query.schemaName, query.roles);
  for (const mutation of storage.mutations) add('Mutation', mutation.schemaName, mutation.roles);
  for (const subscription of storage.subscriptions) add('Subscription', subscription.schemaName, subscription.roles);
  for (const type of storage.objectTypes)
    for (const field of type.fields ?? []) add(type.name, field.name, field.roles);
  return fields;
}

/**
 * The role lists an operation needs: one per `@Authorized` field it selects, in the operation itself and in the
 * document's fragments (all of them: a fragment of another operation in the same document counts too, which can
 * only ask for more). Lets the API refuse an operation before it runs (401/403, no `data`), the same way for a
 * missing key and a wrong one, instead of failing field by field with 200.
 */
export function rolesNeeded(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  authorized: AuthorizedFields,
): (readonly ApiRole[])[] {
  if (authorized.size === 0) return [];
  const needed: (readonly ApiRole[])[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field() {
      const parent = typeInfo.getParentType();
      const field = typeInfo.getFieldDef();
      const roles = parent && field ? authorized.get(`${parent.name}.${field.name}`) : undefined;
      if (roles) needed.push(roles);
    },
  });
  visit(operation, visitor);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  return needed;
}
